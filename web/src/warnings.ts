/**
 * The warnings beside the story: the summary line, the count per rule at a glance,
 * the list grouped by rule (each warning jumps to its words; each fix applies), and
 * the report to copy or download. Plain DOM: this is part of the first paint.
 */
import type {Warning} from './warning.js'

export interface ListActions {
  /** Select the i-th warning's words in the story. */
  go(index: number): void
  /** Replace the i-th warning's words. */
  fix(index: number, replacement: string): void
}

export interface RuleRow {
  id: string
  description: string
  /** Turned off in the settings. */
  off: boolean
}

export function summaryText(messages: Warning[], text: string): string {
  const count = messages.length
  const errors = messages.filter((m) => m.fatal).length
  if (count === 0) return text.trim() ? 'No warnings.' : 'No story yet.'
  return `${count} warning${count === 1 ? '' : 's'}${errors ? `, ${errors} of them errors` : ''}.`
}

/** The count per rule: every rule, so a rule that found nothing says so too. */
export function renderCounts(box: HTMLElement, messages: Warning[], rules: RuleRow[]): void {
  box.replaceChildren()
  for (const rule of rules) {
    const count = messages.filter((m) => m.ruleId === rule.id).length
    const item = document.createElement('li')
    item.className = `count${count ? ' has' : ''}${rule.off ? ' off' : ''}`
    item.dataset.rule = rule.id
    item.title = rule.description
    const name = document.createElement('span')
    name.className = 'rule'
    name.textContent = rule.id
    const number = document.createElement('span')
    number.className = 'number'
    number.textContent = rule.off ? 'off' : String(count)
    // A rule with warnings links to its group; one without is a plain chip.
    const chip = document.createElement(count > 0 ? 'a' : 'span')
    chip.className = 'chip'
    chip.append(name, number)
    if (chip instanceof HTMLAnchorElement) {
      chip.href = `#group-${rule.id}`
      chip.addEventListener('click', (event) => {
        event.preventDefault()
        const group = document.getElementById(`group-${rule.id}`)
        group?.scrollIntoView({block: 'start'})
        group?.querySelector<HTMLElement>('button')?.focus({preventScroll: true})
      })
    }
    item.append(chip)
    box.append(item)
  }
}

/** The warnings grouped by rule, in the registry's order; messages of no known rule last. */
export function renderGroups(box: HTMLElement, messages: Warning[], rules: RuleRow[], actions: ListActions): void {
  box.replaceChildren()
  for (const rule of rules) {
    const own = messages.map((m, i) => ({m, i})).filter(({m}) => m.ruleId === rule.id)
    if (own.length === 0) continue
    const section = document.createElement('section')
    section.className = 'group'
    section.id = `group-${rule.id}`
    const heading = document.createElement('h3')
    heading.textContent = `${rule.id} (${own.length})`
    heading.title = rule.description
    const list = document.createElement('ol')
    for (const {m, i} of own) list.append(warningItem(m, i, actions))
    section.append(heading, list)
    box.append(section)
  }
  const known = new Set(rules.map((rule) => rule.id))
  messages.forEach((m, i) => {
    if (!known.has(m.ruleId)) box.append(warningItem(m, i, actions))
  })
}

function warningItem(m: Warning, index: number, actions: ListActions): HTMLElement {
  const item = document.createElement('li')
  item.className = `warning${m.fatal ? ' error' : ''}`
  const jump = document.createElement('button')
  jump.type = 'button'
  jump.className = 'where'
  jump.textContent = `Line ${m.line}, column ${m.column}`
  jump.setAttribute('aria-label', `Go to warning at line ${m.line}, column ${m.column}`)
  jump.addEventListener('click', () => actions.go(index))
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
    fix.addEventListener('click', () => actions.fix(index, replacement))
    item.append(fix)
  }
  return item
}

/** The report as the command line's terminal reporter would list it. */
export function reportText(messages: Warning[]): string {
  const lines = messages.map((m) => {
    const suggestion = m.expected?.length ? `  (suggestion: ${m.expected.join(' / ')})` : ''
    return `${m.line}:${m.column}-${m.endLine}:${m.endColumn}  ${m.fatal ? 'error' : 'warning'}  ${m.reason}  ${m.ruleId}${suggestion}`
  })
  return `copydesk report: ${messages.length} warning${messages.length === 1 ? '' : 's'}\n${lines.join('\n')}\n`
}
