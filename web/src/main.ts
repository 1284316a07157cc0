/**
 * The copydesk page: lint a pasted or opened story in the browser with the
 * same rules and knowledge base as the command line; nothing is uploaded.
 */
import {VFile} from 'vfile'
import {lint} from '../../src/core/lint.js'
import type {RuleSetting, Severity} from '../../src/core/processor.js'
import {rules, ruleIds} from '../../src/core/rules.js'
import {loadKnowledge, type Knowledge} from '../../src/knowledge/base.js'
import {registerHouseFile} from './shims/files.js'
import type {VFileMessage} from 'vfile-message'

type Format = 'text' | 'markdown' | 'html'

interface Settings {
  rules: Record<string, Severity>
  date: string
  house: string
}

const STORE = 'copydesk.settings.v1'
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const story = $<HTMLTextAreaElement>('story')
const format = $<HTMLSelectElement>('format')
const summary = $('summary')
const groups = $('groups')
const preview = $('preview')
const houseBox = $<HTMLTextAreaElement>('house')
const houseError = $('house-error')
const dateBox = $<HTMLInputElement>('date')
const sourceBox = $<HTMLTextAreaElement>('source')

const settings: Settings = readSettings()
let knowledge: Knowledge = loadKnowledge()
let messages: VFileMessage[] = []
let current = -1
let timer: ReturnType<typeof setTimeout> | undefined
let generation = 0

function readSettings(): Settings {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<Settings>
    return {rules: raw.rules ?? {}, date: raw.date ?? '', house: raw.house ?? ''}
  } catch {
    return {rules: {}, date: '', house: ''}
  }
}

function saveSettings(): void {
  localStorage.setItem(STORE, JSON.stringify(settings))
}

function buildKnowledge(): void {
  houseError.textContent = ''
  if (!settings.house.trim()) {
    knowledge = loadKnowledge()
    return
  }
  try {
    registerHouseFile('/house/house.yaml', settings.house)
    knowledge = loadKnowledge([{path: '/house/house.yaml', display: 'house list'}])
  } catch (error) {
    houseError.textContent = `The house list was not used: ${(error as Error).message}`
    knowledge = loadKnowledge()
  }
}

function ruleSettings(): Partial<Record<string, RuleSetting>> {
  return Object.fromEntries(ruleIds.map((id) => [id, settings.rules[id] ?? 'warn']))
}

function pathFor(f: Format): string {
  return f === 'markdown' ? 'story.md' : f === 'html' ? 'story.html' : 'story.txt'
}

async function run(): Promise<void> {
  const mine = ++generation
  const text = story.value
  const started = performance.now()
  const source = sourceBox.value.trim() ? sourceBox.value : undefined
  // The same lint function as the command line and the language server, with the page's settings.
  const file = new VFile({path: pathFor(format.value as Format), value: text})
  const all = await lint(
    file,
    {knowledge, rules: ruleSettings() as never, date: settings.date || undefined},
    {source: source === undefined ? undefined : {path: 'source', text: source}}
  )
  if (mine !== generation) return
  messages = all.filter((m) => m.place && 'start' in m.place)
  render(text)
  document.body.dataset.lintMs = String(Math.round(performance.now() - started))
}

function schedule(): void {
  clearTimeout(timer)
  timer = setTimeout(() => void run(), 150)
}

function placeOf(m: VFileMessage): {start: number; end: number} {
  const place = m.place as {start: {offset?: number}; end: {offset?: number}}
  return {start: place.start.offset ?? 0, end: place.end.offset ?? 0}
}

function render(text: string): void {
  const errors = messages.filter((m) => m.fatal).length
  const n = messages.length
  summary.textContent =
    n === 0
      ? text.trim()
        ? 'No warnings.'
        : 'No story yet.'
      : `${n} warning${n === 1 ? '' : 's'}${errors ? `, ${errors} of them errors` : ''}.`
  document.body.dataset.count = String(n)
  current = -1

  // The story with each warning marked at its exact words (overlaps: the first wins).
  preview.replaceChildren()
  let at = 0
  const ordered = messages.map((m, i) => ({m, i, ...placeOf(m)})).sort((a, b) => a.start - b.start || a.end - b.end)
  for (const {m, i, start, end} of ordered) {
    if (start < at) continue
    preview.append(text.slice(at, start))
    const mark = document.createElement('mark')
    mark.textContent = text.slice(start, Math.max(end, start + 1))
    mark.id = `w${i}`
    mark.tabIndex = 0
    mark.dataset.rule = String(m.ruleId)
    if (m.fatal) mark.classList.add('error')
    mark.setAttribute('aria-label', `${m.ruleId}: ${m.reason}`)
    mark.title = `${m.reason}${m.note ? `\n${m.note}` : ''}`
    mark.addEventListener('click', () => focusWarning(i))
    preview.append(mark)
    at = Math.max(end, start + 1)
  }
  preview.append(text.slice(at))

  // The side list, grouped by rule.
  groups.replaceChildren()
  for (const id of ruleIds) {
    const own = messages.map((m, i) => ({m, i})).filter(({m}) => m.ruleId === id)
    if (own.length === 0) continue
    const section = document.createElement('section')
    section.className = 'group'
    const heading = document.createElement('h3')
    heading.textContent = `${id} (${own.length})`
    heading.title = rules[id as keyof typeof rules]?.meta.description ?? ''
    const list = document.createElement('ol')
    for (const {m, i} of own) list.append(warningItem(m, i))
    section.append(heading, list)
    groups.append(section)
  }
  const others = messages.filter((m) => !ruleIds.includes(m.ruleId as never))
  for (const m of others) groups.append(warningItem(m, messages.indexOf(m)))
}

function warningItem(m: VFileMessage, i: number): HTMLElement {
  const item = document.createElement('li')
  item.className = 'warning'
  const jump = document.createElement('button')
  jump.type = 'button'
  jump.className = 'where'
  jump.textContent = `Line ${m.line}, column ${m.column}`
  jump.setAttribute('aria-label', `Go to warning at line ${m.line}, column ${m.column}`)
  jump.addEventListener('click', () => focusWarning(i))
  const reason = document.createElement('div')
  reason.textContent = m.reason
  item.append(jump, reason)
  if (m.note) {
    const note = document.createElement('p')
    note.className = 'note'
    note.textContent = m.note
    item.append(note)
  }
  for (const replacement of m.expected ?? []) {
    const fix = document.createElement('button')
    fix.type = 'button'
    fix.className = 'fix'
    fix.textContent = replacement ? `Use “${replacement}”` : 'Remove'
    fix.setAttribute(
      'aria-label',
      replacement ? `Replace ${m.actual ?? 'the text'} with ${replacement}` : `Remove ${m.actual ?? 'the text'}`
    )
    fix.addEventListener('click', () => applyFix(m, replacement))
    item.append(fix)
  }
  return item
}

function focusWarning(i: number): void {
  if (messages.length === 0) return
  current = ((i % messages.length) + messages.length) % messages.length
  document.querySelectorAll('mark.current').forEach((el) => el.classList.remove('current'))
  const mark = document.getElementById(`w${current}`)
  if (mark) {
    mark.classList.add('current')
    mark.focus()
    mark.scrollIntoView({block: 'center'})
  }
  // Select the words in the story too, so the editor sees them where they type.
  const {start, end} = placeOf(messages[current])
  story.setSelectionRange(start, end)
}

function applyFix(m: VFileMessage, replacement: string): void {
  const {start, end} = placeOf(m)
  story.value = story.value.slice(0, start) + replacement + story.value.slice(end)
  void run()
}

function reportText(): string {
  const lines = messages.map(
    (m) =>
      `${m.line}:${m.column}-${(m.place as {end: {line: number; column: number}}).end.line}:${(m.place as {end: {line: number; column: number}}).end.column}  ${m.fatal ? 'error' : 'warning'}  ${m.reason}  ${m.ruleId}${m.expected?.length ? `  (suggestion: ${m.expected.join(' / ')})` : ''}`
  )
  return `copydesk report: ${messages.length} warning${messages.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`
}

function renderRuleSettings(): void {
  const box = $('rules')
  box.replaceChildren()
  for (const id of ruleIds) {
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
      settings.rules[id] = select.value as Severity
      saveSettings()
      void run()
    })
    const description = document.createElement('span')
    description.className = 'hint'
    description.textContent = rules[id as keyof typeof rules]?.meta.description ?? ''
    row.append(label, select, description)
    box.append(row)
  }
}

// Wiring.
story.addEventListener('input', schedule)
sourceBox.addEventListener('input', schedule)
format.addEventListener('change', () => void run())
$<HTMLInputElement>('file').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement
  const file = input.files?.[0]
  if (!file) return
  const name = file.name.toLowerCase()
  format.value = /\.(?:md|markdown)$/.test(name) ? 'markdown' : /\.html?$/.test(name) ? 'html' : 'text'
  story.value = await file.text()
  await run()
})
$('next').addEventListener('click', () => focusWarning(current + 1))
$('prev').addEventListener('click', () => focusWarning(current - 1))
document.addEventListener('keydown', (event) => {
  if (event.altKey && event.key === 'ArrowDown') {
    event.preventDefault()
    focusWarning(current + 1)
  } else if (event.altKey && event.key === 'ArrowUp') {
    event.preventDefault()
    focusWarning(current - 1)
  }
})
preview.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement
  if (target.tagName === 'MARK' && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault()
    focusWarning(Number(target.id.slice(1)))
  }
})
$('copy').addEventListener('click', () => void navigator.clipboard?.writeText(reportText()))
$('download').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([reportText()], {type: 'text/plain'}))
  const a = document.createElement('a')
  a.href = url
  a.download = 'copydesk-report.txt'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
})
dateBox.value = settings.date
dateBox.addEventListener('change', () => {
  settings.date = dateBox.value
  saveSettings()
  void run()
})
houseBox.value = settings.house
houseBox.addEventListener('change', () => {
  settings.house = houseBox.value
  saveSettings()
  buildKnowledge()
  void run()
})

buildKnowledge()
renderRuleSettings()
document.body.dataset.ready = 'true'

// Work offline once loaded (a service worker keeps the page's files).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  void navigator.serviceWorker.register('./sw.js').catch(() => undefined)
}
