/**
 * The editing surface, loaded after the first paint (a chunk of its own): CodeMirror 6
 * with @codemirror/lint. Warnings are underlined at their exact words and move with
 * the text as it is edited; hovering a mark, or Ctrl+. at the cursor, opens a tooltip
 * with the reason, the evidence and each fix as a button; the lint panel lists them
 * all; the gutter marks the lines. The story and the Chinese source use the same surface.
 */
import {Compartment, EditorState, Prec, type Extension} from '@codemirror/state'
import {
  EditorView,
  activateHover,
  closeHoverTooltips,
  hasHoverTooltips,
  keymap,
  lineNumbers,
  placeholder as placeholderText,
  type Command
} from '@codemirror/view'
import {history, historyKeymap, standardKeymap} from '@codemirror/commands'
import {
  forEachDiagnostic,
  lintGutter,
  linter,
  nextDiagnostic,
  openLintPanel,
  previousDiagnostic,
  setDiagnostics,
  type Action,
  type Diagnostic
} from '@codemirror/lint'

/** A warning as the surface shows it: a range of the surface's text and what to say there. */
export interface Mark {
  from: number
  to: number
  severity: 'warning' | 'error'
  ruleId: string
  reason: string
  note?: string
  /** Replacements for the marked words, each offered as a fix ('' removes them). */
  expected?: string[]
  /** More buttons (the source box's "Show in the story"). */
  actions?: Array<{name: string; run: () => void}>
}

export interface SurfaceOptions {
  /** The element the editor is mounted in (its plain textarea is replaced). */
  host: HTMLElement
  text: string
  /** The id the editable element takes (the textarea's, so labels and tests keep finding it). */
  id: string
  labelledBy: string
  describedBy?: string
  lang?: string
  placeholder?: string
  onChange: () => void
}

/** Where a range of text sits now, after the edits made since it was marked. */
export interface Range {
  from: number
  to: number
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined

/** Colours, fonts and sizes come from the page's CSS variables, so the system's dark theme applies. */
const surfaceTheme = EditorView.theme({
  '&': {
    color: 'var(--ink)',
    backgroundColor: 'var(--field)',
    border: '1px solid var(--line)',
    borderRadius: '4px',
    fontSize: '1rem'
  },
  '&.cm-focused': {outline: '2px solid var(--accent)', outlineOffset: '1px'},
  '.cm-scroller': {fontFamily: 'var(--prose)', lineHeight: '1.6', overflow: 'auto'},
  '.cm-content': {caretColor: 'var(--ink)', padding: '0.5rem 0'},
  '.cm-line': {padding: '0 0.6rem'},
  '&.cm-focused .cm-cursor': {borderLeftColor: 'var(--ink)'},
  '.cm-gutters': {backgroundColor: 'var(--gutter)', color: 'var(--muted)', borderRight: '1px solid var(--line)'},
  '.cm-placeholder': {color: 'var(--muted)'},
  '.cm-lintRange-warning': {backgroundColor: 'var(--warn)'},
  '.cm-lintRange-error': {backgroundColor: 'var(--error)'},
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--ink)',
    border: '1px solid var(--line)',
    borderRadius: '4px',
    maxWidth: 'min(34rem, 92vw)',
    fontFamily: 'var(--ui)'
  },
  '.cm-diagnostic': {padding: '0.4rem 0.6rem 0.5rem 0.7rem'},
  '.cm-diagnosticText': {display: 'block'},
  '.cm-diagnosticNote': {display: 'block', fontSize: '0.9rem', color: 'var(--muted)', margin: '0.25rem 0'},
  '.cm-diagnosticAction': {
    backgroundColor: 'var(--accent)',
    color: 'var(--on-accent)',
    margin: '0.3rem 0.4rem 0 0',
    padding: '0.15rem 0.5rem'
  },
  '.cm-diagnosticAction:focus-visible': {outline: '3px solid var(--ink)', outlineOffset: '2px'},
  '.cm-diagnosticSource': {fontFamily: 'var(--mono)'},
  '.cm-panels': {backgroundColor: 'var(--panel)', color: 'var(--ink)'},
  '.cm-panels-bottom': {borderTop: '1px solid var(--line)'},
  '.cm-panel.cm-panel-lint ul': {maxHeight: '14rem'},
  // The selected warning of a focused panel is drawn in the system's highlight colours.
  '.cm-panel.cm-panel-lint ul:focus [aria-selected] .cm-diagnosticNote': {color: 'inherit', opacity: '0.9'}
})

/** The range of the warning that holds `pos`, where it sits now. */
function warningAt(state: EditorState, pos: number): Range | undefined {
  let found: Range | undefined
  forEachDiagnostic(state, (_diagnostic, from, to) => {
    if (!found && from <= pos && pos <= to) found = {from, to}
  })
  return found
}

/** Open the warning's tooltip, kept until the text changes or the cursor leaves the words. */
function openTooltip(view: EditorView, range: Range): void {
  activateHover(view, range.from, 1, {
    until: (tr) => tr.docChanged || tr.newSelection.main.head < range.from || tr.newSelection.main.head > range.to
  })
}

function tooltipButtons(view: EditorView): HTMLButtonElement[] {
  return [...view.dom.querySelectorAll<HTMLButtonElement>('.cm-tooltip-lint .cm-diagnosticAction')]
}

/** Ctrl+. (Cmd+. on a Mac): the fixes for the warning at the cursor (or the next one), focused. */
const openFixes: Command = (view) => {
  let range = warningAt(view.state, view.state.selection.main.head)
  if (!range) {
    if (!nextWarning(view)) return false
    range = warningAt(view.state, view.state.selection.main.from)
    if (!range) return false
  }
  openTooltip(view, range)
  const focusFirst = () => tooltipButtons(view)[0]?.focus()
  focusFirst()
  // The hover host may build the tooltip on the next frame.
  if (!view.dom.contains(document.activeElement) || document.activeElement === view.contentDOM)
    requestAnimationFrame(focusFirst)
  return true
}

/** Keys inside an open tooltip (it lives outside the editable text): arrows move between fixes, Escape returns. */
function tooltipKeys(view: EditorView, event: KeyboardEvent): void {
  const target = event.target as HTMLElement
  if (!target.closest?.('.cm-tooltip')) return
  if (event.key === 'Escape') {
    event.preventDefault()
    view.dispatch({effects: closeHoverTooltips})
    view.focus()
    return
  }
  const buttons = tooltipButtons(view)
  const at = buttons.indexOf(target as HTMLButtonElement)
  const step = /^Arrow(?:Right|Down)$/.test(event.key) ? 1 : /^Arrow(?:Left|Up)$/.test(event.key) ? -1 : 0
  if (at < 0 || step === 0) return
  event.preventDefault()
  buttons[(at + step + buttons.length) % buttons.length].focus()
}

/**
 * Next / previous warning (the lint package's commands, which also open its tooltip),
 * centred in view rather than at the edge, and read out to a screen reader.
 */
function centred(move: Command): Command {
  return (view) => {
    if (!move(view)) return false
    const {from, to} = view.state.selection.main
    let said = ''
    forEachDiagnostic(view.state, (diagnostic, start, end) => {
      if (!said && start === from && end === to) {
        const fixes = diagnostic.actions?.length ?? 0
        said = `${diagnostic.message}${fixes ? ` ${fixes} fix${fixes === 1 ? '' : 'es'}: Control+period.` : ''}`
      }
    })
    view.dispatch({
      effects: [EditorView.scrollIntoView(from, {y: 'center'}), ...(said ? [EditorView.announce.of(said)] : [])]
    })
    return true
  }
}
const nextWarning = centred(nextDiagnostic)
const previousWarning = centred(previousDiagnostic)

/** Escape closes an open warning tooltip (and does nothing else then). */
const closeTooltip: Command = (view) => {
  if (!hasHoverTooltips(view.state)) return false
  view.dispatch({effects: closeHoverTooltips})
  return true
}

const warningKeys = Prec.highest(
  keymap.of([
    // Alt+Up/Down: the page's warning keys since before the editor; F8 as in code editors.
    {key: 'Alt-ArrowDown', run: nextWarning, preventDefault: true},
    {key: 'Alt-ArrowUp', run: previousWarning, preventDefault: true},
    {key: 'F8', run: nextWarning, preventDefault: true},
    {key: 'Shift-F8', run: previousWarning, preventDefault: true},
    {key: 'Mod-.', run: openFixes, preventDefault: true},
    {key: 'Mod-Shift-m', run: openLintPanel, preventDefault: true},
    {key: 'Escape', run: closeTooltip}
  ])
)

/** A note under the reason, in the tooltip and the lint panel. */
function renderMark(mark: Mark): () => Node {
  return () => {
    const box = document.createElement('span')
    const reason = document.createElement('span')
    reason.className = 'cm-diagnosticReason'
    reason.textContent = mark.reason
    box.append(reason)
    if (mark.note) {
      const note = document.createElement('span')
      note.className = 'cm-diagnosticNote'
      note.textContent = mark.note
      box.append(note)
    }
    return box
  }
}

function toDiagnostic(mark: Mark): Diagnostic {
  const fixes: Action[] = (mark.expected ?? []).map((replacement) => ({
    name: replacement ? `Use “${replacement}”` : 'Remove',
    apply(view, from, to) {
      view.dispatch({changes: {from, to, insert: replacement}, selection: {anchor: from + replacement.length}})
      // From the tooltip, back to the text; from the lint panel, stay there for the next warning.
      if (!document.activeElement?.closest('.cm-panel-lint')) view.focus()
    }
  }))
  const more: Action[] = (mark.actions ?? []).map(({name, run}) => ({name, apply: () => run()}))
  return {
    from: mark.from,
    to: mark.to,
    severity: mark.severity,
    source: mark.ruleId,
    markClass: `cm-rule-${mark.ruleId}`,
    message: mark.note ? `${mark.reason} ${mark.note}` : mark.reason,
    renderMessage: renderMark(mark),
    actions: [...fixes, ...more]
  }
}

/** One editor with warnings: the story's, or the Chinese source's. */
export class Surface {
  readonly view: EditorView
  private diagnostics: Diagnostic[] = []
  private readonly dark = new Compartment()

  constructor(options: SurfaceOptions) {
    const extensions: Extension[] = [
      lineNumbers(),
      lintGutter(),
      history(),
      warningKeys,
      keymap.of([...standardKeymap, ...historyKeymap]),
      // Diagnostics come from the page (setDiagnostics), not from a lint source of CodeMirror's.
      linter(null),
      EditorView.lineWrapping,
      surfaceTheme,
      this.dark.of(EditorView.darkTheme.of(Boolean(darkQuery?.matches))),
      EditorView.contentAttributes.of({
        id: options.id,
        'aria-labelledby': options.labelledBy,
        ...(options.describedBy ? {'aria-describedby': options.describedBy} : {}),
        ...(options.lang ? {lang: options.lang} : {}),
        spellcheck: 'false'
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange()
      })
    ]
    if (options.placeholder) extensions.push(placeholderText(options.placeholder))
    options.host.replaceChildren()
    this.view = new EditorView({
      parent: options.host,
      state: EditorState.create({doc: options.text, extensions})
    })
    this.view.dom.addEventListener('keydown', (event) => tooltipKeys(this.view, event))
    darkQuery?.addEventListener('change', (event) =>
      this.view.dispatch({effects: this.dark.reconfigure(EditorView.darkTheme.of(event.matches))})
    )
  }

  get text(): string {
    return this.view.state.doc.toString()
  }

  /** Replace the whole text (a file opened), as one undoable change. */
  setText(text: string): void {
    this.view.dispatch({changes: {from: 0, to: this.view.state.doc.length, insert: text}})
  }

  /** Show these warnings; their ranges are in the text as it was when linted. */
  show(marks: Mark[]): void {
    this.diagnostics = marks.map(toDiagnostic)
    this.view.dispatch(setDiagnostics(this.view.state, this.diagnostics))
  }

  /** Where the i-th shown warning sits now (the text may have changed since). */
  rangeOf(index: number): Range | undefined {
    const target = this.diagnostics[index]
    let found: Range | undefined
    forEachDiagnostic(this.view.state, (diagnostic, from, to) => {
      if (diagnostic === target) found = {from, to}
    })
    return found
  }

  /** Select the i-th warning's words, scroll them into view and open its tooltip. */
  select(index: number): void {
    const range = this.rangeOf(index)
    if (range) this.selectRange(range)
  }

  selectRange(range: Range): void {
    this.view.dispatch({
      selection: {anchor: range.from, head: range.to},
      effects: EditorView.scrollIntoView(range.from, {y: 'center'})
    })
    this.view.focus()
    openTooltip(this.view, range)
  }

  /** Apply the i-th warning's fix where its words sit now. */
  applyFix(index: number, replacement: string): void {
    const range = this.rangeOf(index)
    if (!range) return
    this.view.dispatch({
      changes: {from: range.from, to: range.to, insert: replacement},
      selection: {anchor: range.from + replacement.length}
    })
  }

  next(): boolean {
    this.view.focus()
    return nextWarning(this.view)
  }

  previous(): boolean {
    this.view.focus()
    return previousWarning(this.view)
  }

  focus(): void {
    this.view.focus()
  }
}
