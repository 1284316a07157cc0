/**
 * The copydesk page: lint a pasted or opened story in the browser with the same
 * rules and knowledge base as the command line; nothing is uploaded.
 *
 * The first paint is this small module and two plain text boxes that take typing at
 * once. The linter and the editor are chunks of their own, fetched side by side as
 * this module starts; the editor replaces the story box as soon as it is in (keeping
 * what was typed), and when both are in the page is ready (`data-ready` on the body).
 */
import {readSettings, saveSettings} from './settings.js'
import {renderCounts, renderGroups, reportText, summaryText, type RuleRow} from './warnings.js'
import type {Mark, Surface} from './editor.js'
import type {Format, StoryOptions} from './lint.js'
import type {Level, RuleInfo, Warning} from './warning.js'

type Linter = typeof import('./lint.js')

const linterChunk = import('./lint.js')
const editorChunk = import('./editor.js')

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const format = $<HTMLSelectElement>('format')
const summary = $('summary')
const counts = $('counts')
const groups = $('groups')
const houseBox = $<HTMLTextAreaElement>('house')
const houseError = $('house-error')
const dateBox = $<HTMLInputElement>('date')

const settings = readSettings()
let linter: Linter | undefined
let knowledge: StoryOptions['knowledge'] | undefined
let rules: RuleInfo[] = []
let ready = false
let story: Surface | undefined
let source: Surface | undefined
let warnings: Warning[] = []
let timer: ReturnType<typeof setTimeout> | undefined
let generation = 0
let results = 0

function ruleRows(): RuleRow[] {
  return rules.map(({id, description}) => ({id, description, off: settings.rules[id] === 'off'}))
}

function storyMark(warning: Warning): Mark {
  return {
    from: warning.from,
    to: warning.to,
    severity: warning.fatal ? 'error' : 'warning',
    ruleId: warning.ruleId,
    reason: warning.reason,
    note: warning.note,
    expected: warning.expected
  }
}

/** The source figures that source-mismatch warnings name, marked in the Chinese source. */
function sourceMarks(list: Warning[], sourceLength: number): Mark[] {
  const marks: Mark[] = []
  list.forEach((warning, index) => {
    if (!warning.source || warning.source.end > sourceLength) return
    marks.push({
      from: warning.source.start,
      to: warning.source.end,
      severity: warning.fatal ? 'error' : 'warning',
      ruleId: warning.ruleId,
      reason: warning.reason,
      note: warning.note,
      actions: [{name: 'Show in the story', run: () => story?.select(index)}]
    })
  })
  return marks
}

/** The Chinese source: from its editor once mounted, else from its plain box. */
function sourceText(): string {
  return source?.text ?? $<HTMLTextAreaElement>('source').value
}

async function run(): Promise<void> {
  if (!ready || !linter || !knowledge || !story) return
  clearTimeout(timer)
  const mine = ++generation
  const text = story.text
  const sourceValue = sourceText()
  const started = performance.now()
  let result: Warning[]
  try {
    result = await linter.lintStory(text, {
      format: format.value as Format,
      knowledge,
      rules: Object.fromEntries(rules.map(({id}) => [id, settings.rules[id] ?? 'warn'])),
      date: settings.date || undefined,
      source: sourceValue.trim() ? sourceValue : undefined
    })
  } catch (error) {
    if (mine === generation) summary.textContent = `The linter failed: ${(error as Error).message}`
    return
  }
  // A result for a text that has changed since is dropped: the next run is already scheduled.
  if (mine !== generation) return
  warnings = result
  story.show(warnings.map(storyMark))
  source?.show(sourceMarks(warnings, sourceValue.length))
  render(text)
  document.body.dataset.lintMs = String(Math.round(performance.now() - started))
  // Counts the results shown, so a test can wait for the next one.
  document.body.dataset.lints = String(++results)
}

function schedule(): void {
  generation++
  clearTimeout(timer)
  timer = setTimeout(() => void run(), 150)
}

function render(text: string): void {
  summary.textContent = summaryText(warnings, text)
  document.body.dataset.count = String(warnings.length)
  renderCounts(counts, warnings, ruleRows())
  renderGroups(groups, warnings, ruleRows(), {
    go: (index) => story?.select(index),
    fix: (index, replacement) => {
      story?.applyFix(index, replacement)
      void run()
    }
  })
}

function renderRuleSettings(): void {
  const box = $('rules')
  box.replaceChildren()
  for (const {id, description} of rules) {
    const row = document.createElement('div')
    row.className = 'rule-setting'
    const label = document.createElement('label')
    label.htmlFor = `rule-${id}`
    label.textContent = id
    const select = document.createElement('select')
    select.id = `rule-${id}`
    for (const level of ['off', 'warn', 'error'] as const) {
      const option = document.createElement('option')
      option.value = level
      option.textContent = level
      select.append(option)
    }
    select.value = settings.rules[id] ?? 'warn'
    select.addEventListener('change', () => {
      settings.rules[id] = select.value as Level
      saveSettings(settings)
      void run()
    })
    const hint = document.createElement('span')
    hint.className = 'hint'
    hint.textContent = description
    row.append(label, select, hint)
    box.append(row)
  }
}

function useHouseList(): void {
  if (!linter) return
  const built = linter.buildKnowledge(settings.house)
  knowledge = built.knowledge
  houseError.textContent = built.error ?? ''
}

/** Replace a plain box of the first paint with the editor, keeping what was typed. */
function mountSurface(
  editor: typeof import('./editor.js'),
  box: string,
  labelledBy: string,
  extra: {describedBy?: string; lang?: string}
): Surface {
  const plain = $<HTMLTextAreaElement>(box)
  const label = document.querySelector<HTMLLabelElement>(`label[for="${box}"]`)
  const surface = new editor.Surface({
    host: plain.parentElement!,
    text: plain.value,
    id: box,
    labelledBy,
    placeholder: plain.placeholder,
    onChange: schedule,
    ...extra
  })
  // The label names a contenteditable now (aria-labelledby); a click on it still goes to the text.
  label?.removeAttribute('for')
  label?.addEventListener('click', () => surface.focus())
  return surface
}

async function start(): Promise<void> {
  const editorIn = editorChunk.then((editor) => {
    story = mountSurface(editor, 'story', 'story-label', {describedBy: 'summary'})
    // The source box sits in a closed <details>: its editor is built when it is first shown.
    const details = $<HTMLDetailsElement>('source-details')
    const mountSource = () => {
      if (source) return
      source = mountSurface(editor, 'source', 'source-label', {lang: 'zh'})
      void run()
    }
    if (details.open || sourceText().trim()) mountSource()
    else details.addEventListener('toggle', mountSource, {once: true})
  })
  const linterIn = linterChunk.then((module) => {
    linter = module
    rules = module.ruleList
    useHouseList()
    renderRuleSettings()
  })
  try {
    await Promise.all([editorIn, linterIn])
  } catch (error) {
    summary.textContent = `The page did not load: ${(error as Error).message}`
    return
  }
  ready = true
  document.body.dataset.ready = 'true'
  if (story!.text.trim() || sourceText().trim()) await run()
  else render('')
}

// Wiring.
format.addEventListener('change', () => void run())
$<HTMLInputElement>('file').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement
  const file = input.files?.[0]
  if (!file) return
  const name = file.name.toLowerCase()
  format.value = /\.(?:md|markdown)$/.test(name) ? 'markdown' : /\.html?$/.test(name) ? 'html' : 'text'
  const text = await file.text()
  if (story) {
    story.setText(text)
    await run()
  } else $<HTMLTextAreaElement>('story').value = text
})
$('next').addEventListener('click', () => story?.next())
$('prev').addEventListener('click', () => story?.previous())
// Alt+Down / Alt+Up from anywhere on the page (inside the editor, its own keymap answers first).
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || !event.altKey || !story) return
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    if (event.key === 'ArrowDown') story.next()
    else story.previous()
  }
})
$('copy').addEventListener('click', () => void navigator.clipboard?.writeText(reportText(warnings)))
$('download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([reportText(warnings)], {type: 'text/plain'}))
  const link = document.createElement('a')
  link.href = url
  link.download = 'copydesk-report.txt'
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
})
dateBox.value = settings.date
dateBox.addEventListener('change', () => {
  settings.date = dateBox.value
  saveSettings(settings)
  void run()
})
houseBox.value = settings.house
houseBox.addEventListener('change', () => {
  settings.house = houseBox.value
  saveSettings(settings)
  useHouseList()
  void run()
})

void start()

// Work offline once loaded: the service worker keeps every file of the page, the lazy chunks too.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  void navigator.serviceWorker.register('./sw.js').catch(() => undefined)
}
