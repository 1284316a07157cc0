/**
 * What an editor can switch off: comments in Markdown and HTML copy
 * (`<!--copydesk disable garbled-numeral-->`, `<!--copydesk enable-->`,
 * `<!--copydesk ignore name-mismatch-->` for the next node; the hyphenated
 * `<!--copydesk-disable ...-->` works too), by
 * unified-message-control on the document's own tree; and accepted phrases
 * from the config (`allow`). Runs after the rules.
 */
import type {Root} from 'nlcst'
import type {Nodes as MdastNodes} from 'mdast'
import type {Nodes as HastNodes} from 'hast'
import type {VFile} from 'vfile'
import {commentMarker} from 'mdast-comment-marker'
import {messageControl} from 'unified-message-control'
import {ruleIds, type RuleId} from './rules.js'

declare module 'vfile' {
  interface DataMap {
    /** The Markdown or HTML tree the prose came from (for suppression comments). */
    sourceTree: {format: 'markdown'; tree: MdastNodes} | {format: 'html'; tree: HastNodes}
  }
}

/** A phrase an editor has accepted: no message inside it (for the listed rules, or any). */
export interface Allowed {
  phrase: string
  rules?: RuleId[]
}

export interface ControlOptions {
  allow?: Allowed[]
}

export function copydeskControl(options: ControlOptions = {}) {
  const allow = options.allow ?? []
  return function (_tree: Root, file: VFile) {
    applyComments(file)
    if (allow.length > 0) applyAllow(file, allow)
  }
}

/**
 * Whether a Markdown or HTML file may hold a suppression comment. Every marker names
 * copydesk (`<!--copydesk …-->`, `<!--copydesk-…-->`, compared as written), and a
 * Markdown comment starts `<!--`: without them there is nothing to apply, so the
 * parse does not keep the file's tree (src/core/parse.ts: it goes with the parse,
 * instead of living through the rules) and there is nothing to walk here.
 * (unified-message-control would also drop messages in a gap, a part of the file no
 * node covers: the trees handed to it cover all prose, HTML's through positionedOnly;
 * tests/html-reading.test.ts checks that stories read the same with the walk.)
 */
export function mayHoldSuppressions(text: string, format: 'markdown' | 'html'): boolean {
  return text.includes('copydesk') && (format === 'html' || text.includes('<!--'))
}

function applyComments(file: VFile): void {
  // The parse keeps the tree only where a marker may be (mayHoldSuppressions).
  const source = file.data.sourceTree
  if (!source) return
  const count = file.messages.length
  try {
    if (source.format === 'markdown') {
      messageControl(source.tree as never, {
        file,
        name: 'copydesk',
        marker: marker as never,
        test: 'html',
        known: ruleIds
      })
    } else {
      messageControl(positionedOnly(source.tree as unknown as Positioned) as never, {
        file,
        name: 'copydesk',
        test: 'comment',
        known: ruleIds,
        marker: ((node: {type: string; value?: string; position?: unknown}) =>
          node.type === 'comment'
            ? marker({type: 'html', value: `<!--${node.value ?? ''}-->`, position: node.position})
            : undefined) as never
      })
    }
  } catch (error) {
    // An unknown keyword (`copydesk-dsable`): unified-message-control fails the file;
    // report it as a problem with the comment instead.
    const message = file.messages.find((m) => m === error)
    if (message) {
      message.fatal = false
      message.source = 'copydesk'
      message.ruleId = 'comment'
    } else throw error
  }
  // A comment naming an unknown rule is reported, as a warning on the comment.
  for (const message of file.messages.slice(0, Math.max(count, file.messages.length))) {
    if (message.source === 'unified-message-control') {
      message.fatal = false
      message.source = 'copydesk'
      message.ruleId = 'comment'
      message.reason = message.reason.replace(
        /`'([^']*)'`, it’s not known$/,
        (_m, id: string) => `\`${id}\`: there is no such rule (rules: ${ruleIds.join(', ')})`
      )
    }
  }
}

/** `<!--copydesk disable x-->`, and `<!--copydesk-disable x-->` read the same way. */
interface Positioned {
  type: string
  position?: {start: {offset?: number}; end: {offset?: number}}
  children?: Positioned[]
}

/**
 * The HTML tree without the elements parse5 implies (`<html>`, `<head>`,
 * `<body>` around a fragment), which have no place in the file: their children
 * take their place. unified-message-control counts a node without a position as
 * the start of a gap in the file and drops every message inside a gap, so a
 * story of text with no tags at all lost all its messages.
 */
function positionedOnly(node: Positioned): Positioned {
  if (!node.children) return node
  const children: Positioned[] = []
  const add = (child: Positioned) => {
    if (child.position?.start.offset !== undefined) children.push(positionedOnly(child))
    else for (const grandchild of child.children ?? []) add(grandchild)
  }
  for (const child of node.children) add(child)
  return {...node, children}
}

function marker(node: {type: string; value?: string; position?: unknown}) {
  const mark = commentMarker(node as never)
  if (!mark) return undefined
  // Any `copydesk-<verb>`: an unknown verb is then reported, not silently ignored.
  const hyphenated = /^copydesk-(\S+)$/.exec(mark.name)
  if (hyphenated) return {...mark, name: 'copydesk', attributes: `${hyphenated[1]} ${mark.attributes}`.trim()}
  return mark
}

/** Drop messages that fall inside an accepted phrase. */
function applyAllow(file: VFile, allow: Allowed[]): void {
  const text = String(file.value ?? '')
  const spans: Array<{start: number; end: number; rules?: string[]}> = []
  for (const entry of allow) {
    let at = text.indexOf(entry.phrase)
    while (at >= 0) {
      spans.push({start: at, end: at + entry.phrase.length, rules: entry.rules})
      at = text.indexOf(entry.phrase, at + entry.phrase.length)
    }
  }
  if (spans.length === 0) return
  file.messages = file.messages.filter((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    if (start === undefined || end === undefined) return true
    return !spans.some(
      (s) => s.start <= start && end <= s.end && (!s.rules || s.rules.includes(String(message.ruleId)))
    )
  })
}
