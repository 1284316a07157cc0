/**
 * Markdown, read in linear time: the mdast tree (for suppression comments) and
 * the prose of its paragraphs and headings.
 *
 * micromark is linear on ordinary prose but not on every structure: each list
 * item that closes a nested block copies the whole event list (a 100 KB list
 * with one sub-item per item took minutes), containers opened on one line
 * (`- - - - … x`, `> > > … x`) and emphasis nested thousands deep grow faster
 * still, and a tree thousands of levels deep overflows the stack of the tools
 * that walk it. So, before micromark sees the file:
 *
 * - a paragraph of plain lines (no markup) is taken as it is; in a paragraph
 *   of plain lines and lines of inline markup, only windows go to micromark:
 *   the words around each piece of markup (see {@link addWindows}), each read
 *   as it would be on its own (see {@link readWindows}), when nothing in one
 *   reaches into another; the commonest windows (emphasis and links around
 *   plain words) are read without micromark at all (see {@link simpleWindow}).
 * - it is cut into pieces of a few kilobytes at lines where a top-level block
 *   starts (after a blank line, or a list item at the margin), outside fenced
 *   code, HTML blocks and front matter; each piece is parsed on its own and
 *   the trees are joined, positions in the file. A piece gets the link
 *   reference definitions made elsewhere in the file that it uses. The
 *   stretches left between plain paragraphs are read a few kilobytes at a
 *   time in one call (see {@link readStretches}).
 * - nesting is bounded: on a line, block quote and list markers past the
 *   {@link MAX_DEPTH}th, and indentation past column {@link MAX_INDENT}, are
 *   read as text; in a paragraph, emphasis and strikethrough delimiters and
 *   link brackets past the {@link MAX_INLINE}th are read as text, and so are
 *   escapes and character references past the {@link MAX_INLINE}th (the prose
 *   still decodes them, from the file). Copy never
 *   comes near these bounds; past them the file is read flattened, never
 *   refused, and its text is still linted.
 *
 * The stand-in characters take the place of the original ones one for one, so
 * every offset is the file's; the prose is taken from the file itself.
 */
import type {Nodes, Parents, PhrasingContent, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import type {ProseBuilder} from './prose.js'
import {escapeOrReferenceAt} from './markdown-escapes.js'

/** Containers (block quotes, list items) a line may open before its markers are read as text. */
export const MAX_DEPTH = 32
/** Columns of a line's container prefix (markers and indentation) before the rest is read as text. */
export const MAX_INDENT = 128
/** Emphasis or strikethrough delimiters or link brackets (`[` and `]`), and escapes or references, a paragraph may hold before the rest are text. */
export const MAX_INLINE = 128
/** A piece is cut at the first block start past this many characters. */
const PIECE = 4096
/** Without a block start, a piece is cut at a line start past this many characters. */
const MAX_PIECE = 64 * 1024

/** The fence of YAML or TOML front matter. */
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*$/

/** What micromark reads in place of a marker it must not read as one: a letter is never markup. */
const STAND_IN = 0x61
/** Stand-ins for a masked escape or reference that decodes to punctuation, or to white space: `%` and a no-break space are markup nowhere. */
const STAND_IN_PUNCTUATION = 0x25
const STAND_IN_SPACE = 0xa0
const PUNCTUATION = /[\p{P}\p{S}]/u

/** File characters from `[0]` to `[1]` that micromark reads as stand-ins (`[2]`, default {@link STAND_IN}). */
type Mask = [number, number, number?]

/**
 * GitHub Flavored Markdown without its literal autolinks: tables, footnotes,
 * strikethrough and task lists change what is prose; a bare `www.` or
 * `https://` address does not (the tokenizer reads it as one address either
 * way), and reading them doubled micromark's time on copy with markup.
 */
const tables = {syntax: gfmTable(), mdast: gfmTableFromMarkdown()}
const options = {
  extensions: [frontmatter(['yaml', 'toml']), gfmFootnote(), gfmStrikethrough(), tables.syntax, gfmTaskListItem()],
  mdastExtensions: [
    frontmatterFromMarkdown(['yaml', 'toml']),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    tables.mdast,
    gfmTaskListItemFromMarkdown()
  ]
}

/**
 * The same without tables, for text without a `|`: a table's head row holds
 * one, and the table construct otherwise reads every line of every paragraph
 * to its end looking for one.
 */
const optionsWithoutTables = {
  extensions: options.extensions.filter((extension) => extension !== tables.syntax),
  mdastExtensions: options.mdastExtensions.filter((extension) => extension !== tables.mdast)
}

function optionsFor(text: string): typeof options {
  return text.includes('|') ? options : optionsWithoutTables
}

export interface MarkdownSource {
  /** The tree, positions in the file. */
  tree: Root
  /** The text micromark read: the file, with markers past the bounds replaced one for one. */
  source: string
}

/**
 * Parse Markdown into one mdast tree, in bounded pieces, nesting bounded.
 * `everyBlock` gives plain blocks to micromark too, and `batch` false reads
 * each stretch between plain blocks with its own micromark call (for tests:
 * the tree is the same).
 */
export function readMarkdown(doc: string, everyBlock = false, batch = true): MarkdownSource {
  const plan = planPieces(doc)
  if (everyBlock) plan.plain = []
  const source = plan.source
  // The file in order: stretches for micromark, and the blocks taken as they are.
  const parts: Array<Stretch | RootContent> = []
  const stretches: Stretch[] = []
  const stretch = (start: number, end: number, line: number): void => {
    if (source.slice(start, end).trim() === '') return
    const part: Stretch = {start, end, line, children: []}
    parts.push(part)
    stretches.push(part)
  }
  // Pieces go to micromark, except the plain paragraphs in them, which are taken as they are.
  const read = readWindows(source, plan.plain, plan)
  let cursor = 0
  let cursorLine = 1
  let plain = 0
  for (let index = 0; index < plan.cuts.length - 1; index++) {
    const end = plan.cuts[index + 1]
    if (cursor < plan.cuts[index]) {
      cursor = plan.cuts[index]
      cursorLine = plan.lines[index]
    }
    if (cursor >= end) continue
    while (plain < plan.plain.length && plan.plain[plain].start < end) {
      const paragraph = plan.plain[plain++]
      const node = paragraph.windows ? mixedParagraph(source, paragraph, read) : plainParagraph(source, paragraph)
      // A block whose markup reaches from one window into another is read with its piece.
      if (!node) continue
      if (paragraph.start > cursor) stretch(cursor, paragraph.start, cursorLine)
      parts.push(node)
      cursor = paragraph.next
      cursorLine = paragraph.endLine + 1
    }
    if (cursor < end) {
      stretch(cursor, end, cursorLine)
      cursor = end
      cursorLine = plan.lines[index + 1] ?? cursorLine
    }
  }
  readStretches(source, stretches, plan, batch)
  const children: RootContent[] = []
  for (const part of parts) {
    if ('children' in part && !('type' in part)) children.push(...part.children)
    else children.push(part as RootContent)
  }
  const tree: Root = {type: 'root', children}
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: endPoint(doc, 0, 1)}
  return {tree, source}
}

/** A stretch of the file micromark reads (from a line start), and the blocks it read there. */
interface Stretch {
  start: number
  end: number
  line: number
  children: RootContent[]
}

/** What joins stretches read in one micromark call: a blank line ends every block that a blank line can end. */
const JOIN = '\n\n'

/**
 * Read the stretches between plain blocks with micromark. Each call costs
 * about as much to set up as a long line costs to read, and copy with markup
 * has a stretch between every two plain paragraphs; so consecutive stretches
 * are read together, blank lines between them, up to {@link PIECE} characters
 * at a time. That is the tree each would give on its own when every block
 * read lies within one stretch: the plain paragraph between two stretches
 * already ended every block a blank line cannot end. Where a block reaches
 * from one stretch into the next (an open fence or comment, a list the next
 * stretch continues), that batch is read again one stretch at a time.
 */
function readStretches(source: string, stretches: Stretch[], plan: Plan, batch: boolean): void {
  let first = 0
  while (first < stretches.length) {
    let last = first
    let size = stretches[first].end - stretches[first].start
    while (batch && size < PIECE && last + 1 < stretches.length) {
      last++
      size += stretches[last].end - stretches[last].start
    }
    if (last === first || !readTogether(source, stretches.slice(first, last + 1), plan)) {
      for (let index = first; index <= last; index++) readAlone(source, stretches[index], plan)
    }
    first = last + 1
  }
}

/**
 * micromark's tree of `joined`, the `texts` of `ranges` of the file joined, with the
 * definitions any of them uses but does not hold written after it (see {@link definitionsFor}).
 */
function readJoined(joined: string, texts: string[], ranges: Array<{start: number; end: number}>, plan: Plan): Root {
  const wanted = new Set<string>()
  for (const [index, range] of ranges.entries()) {
    for (const definition of definitionsFor(texts[index], range.start, range.end, plan).split('\n')) {
      if (definition) wanted.add(definition)
    }
  }
  const appendix = wanted.size > 0 ? '\n\n' + [...wanted].join('\n') + '\n' : ''
  return fromMarkdown(joined + appendix, optionsFor(joined))
}

/** Read one stretch on its own, the definitions it uses written after it. */
function readAlone(source: string, part: Stretch, plan: Plan): void {
  const text = source.slice(part.start, part.end)
  const appendix = definitionsFor(text, part.start, part.end, plan)
  let children = fromMarkdown(appendix ? text + appendix : text, optionsFor(text)).children
  // A block left open (an HTML comment, a fence) runs over definitions written after the
  // text: written before it, they still define what the text uses.
  if (appendix && children.some((child) => child.position!.end.offset! > text.length)) {
    children = readAfterDefinitions(text, appendix) ?? children
  }
  for (const child of children) {
    if ((child.position?.start.offset ?? 0) >= text.length) continue
    place(child, part.start, part.line - 1, text.length, endPoint(text, part.start, part.line))
    part.children.push(child)
  }
}

/**
 * micromark's blocks of `text` read after `definitions` (`\n\n[label]: #\n…`),
 * positions in `text`; undefined when a definition reaches into the text (an
 * indented first line continues a footnote).
 */
function readAfterDefinitions(text: string, definitions: string): RootContent[] | undefined {
  const prefix = definitions.slice(2) + '\n'
  const lines = endPoint(prefix, 0, 1).line - 1
  const children: RootContent[] = []
  for (const child of fromMarkdown(prefix + text, optionsFor(text)).children) {
    const start = child.position!.start.offset!
    if (start < prefix.length) {
      if (child.position!.end.offset! > prefix.length) return undefined
      continue
    }
    place(child, -prefix.length, -lines, Number.POSITIVE_INFINITY, {line: 0, column: 0, offset: 0})
    children.push(child)
  }
  return children
}

/**
 * Where each of `texts` starts when they are joined by `separator`: its offset, and its
 * line (each starts a line). Counted over the text and the separator together, so a
 * carriage return ending a text and a line feed starting the separator are one line ending.
 */
function joinedStarts(texts: string[], separator: string): {starts: number[]; lines: number[]} {
  const starts: number[] = []
  const lines: number[] = []
  let offset = 0
  let line = 1
  for (const text of texts) {
    starts.push(offset)
    lines.push(line)
    line = endPoint(text + separator, 0, line).line
    offset += text.length + separator.length
  }
  return {starts, lines}
}

/**
 * Read stretches in one call, joined by {@link JOIN}; false, with nothing
 * kept, when a block read reaches past its stretch.
 */
function readTogether(source: string, parts: Stretch[], plan: Plan): boolean {
  const texts = parts.map((part) => source.slice(part.start, part.end))
  const {starts, lines} = joinedStarts(texts, JOIN)
  const joined = texts.join(JOIN)
  const tree = readJoined(joined, texts, parts, plan)
  const found: RootContent[][] = parts.map(() => [])
  let at = 0
  for (const child of tree.children) {
    const start = child.position!.start.offset!
    const end = child.position!.end.offset!
    if (start >= joined.length) break
    while (at + 1 < parts.length && start >= starts[at + 1]) at++
    if (start < starts[at] || end > starts[at] + texts[at].length) return false
    found[at].push(child)
  }
  for (const [index, part] of parts.entries()) {
    const shift = part.start - starts[index]
    const lineShift = part.line - lines[index]
    for (const child of found[index]) {
      place(child, shift, lineShift, Number.POSITIVE_INFINITY, {line: 0, column: 0, offset: 0})
      part.children.push(child)
    }
  }
  return true
}

/** The paragraph micromark would make of a plain block: one text node, the file's lines as they are. */
function plainParagraph(source: string, block: PlainBlock): RootContent {
  const position = () => ({
    start: {line: block.line, column: 1, offset: block.start},
    end: {line: block.endLine, column: block.end - block.endLineStart + 1, offset: block.end}
  })
  return {
    type: 'paragraph',
    children: [{type: 'text', value: source.slice(block.start, block.end), position: position()}],
    position: position()
  }
}

/**
 * The paragraph micromark would make of a block of plain lines and lines of
 * inline markup: each window of markup lines is read by micromark on its own
 * and the plain lines between are text, joined as micromark joins them. Only
 * when every delimiter, bracket, backtick and `<` of a window is taken up
 * within it (an emphasis, link, code or HTML) does nothing reach from one
 * window into another, and the paragraph is the one micromark makes of the
 * whole block; otherwise undefined.
 */
function mixedParagraph(
  source: string,
  block: PlainBlock,
  read: Map<Window, PhrasingContent[] | undefined>
): RootContent | undefined {
  const children: PhrasingContent[] = []
  const append = (node: PhrasingContent): void => {
    const last = children[children.length - 1]
    if (node.type === 'text' && last?.type === 'text') {
      last.value += node.value
      last.position!.end = node.position!.end
    } else children.push(node)
  }
  const text = (start: Point, end: Point): void => {
    if (end.offset! > start.offset!) {
      append({type: 'text', value: source.slice(start.offset, end.offset), position: {start, end}})
    }
  }
  let at: Point = {line: block.line, column: 1, offset: block.start}
  for (const window of block.windows!) {
    // Plain text before the window, line endings and all (micromark's text keeps them as they are).
    text(at, {line: window.line, column: window.column, offset: window.start})
    const nodes = read.get(window)
    if (!nodes) return undefined
    for (const node of nodes) append(node)
    at = {line: window.endLine, column: window.end - window.endLineStart + 1, offset: window.end}
  }
  text(at, {line: block.endLine, column: block.end - block.endLineStart + 1, offset: block.end})
  return {
    type: 'paragraph',
    children,
    position: {
      start: {line: block.line, column: 1, offset: block.start},
      end: {line: block.endLine, column: block.end - block.endLineStart + 1, offset: block.end}
    }
  }
}

/** Characters that open or close inline markup that may reach past a line. */
const DELIMITERS = new Set([...'*_~[]`<'].map((character) => character.charCodeAt(0)))

/**
 * The inline nodes of the windows of `blocks`, positions in the file: those of
 * a window that micromark reads as one paragraph whose text holds no delimiter
 * left unmatched (outside escapes and autolinks), else undefined. In a block
 * of mostly markup lines, only those read without micromark (the block is read
 * with its piece unless all are). The rest are read as the
 * stretches are, a few kilobytes of windows to a call, blank lines between
 * them; a batch in which a block reaches from one window into the next, or a
 * window defines a link (which the others would then use), is read again one
 * window at a time.
 */
function readWindows(source: string, blocks: PlainBlock[], plan: Plan): Map<Window, PhrasingContent[] | undefined> {
  const read = new Map<Window, PhrasingContent[] | undefined>()
  // The commonest markup, read without micromark (see simpleWindow); the rest in batches,
  // except in a block of mostly markup lines, then read with its piece.
  const windows: Window[] = []
  for (const block of blocks) {
    for (const window of block.windows ?? []) {
      const nodes = simpleWindow(source, window)
      if (nodes) read.set(window, nodes)
      else if (block.marked) break
      else windows.push(window)
    }
  }
  let first = 0
  while (first < windows.length) {
    let last = first
    let size = windows[first].end - windows[first].start
    while (size < PIECE && last + 1 < windows.length) {
      last++
      size += windows[last].end - windows[last].start
    }
    const batch = windows.slice(first, last + 1)
    const together = batch.length > 1 ? readWindowsTogether(source, batch, plan) : undefined
    for (const [index, window] of batch.entries()) {
      read.set(window, windowNodes(source, window, together ? together[index] : readWindowAlone(source, window, plan)))
    }
    first = last + 1
  }
  return read
}

/**
 * The inline nodes of a window that holds nothing but plain text, emphasis
 * with single asterisks around plain words (`*Nanning,*`) and inline links
 * whose text is plain and whose destination is a plain address (`[the
 * forum](https://example.com/story)`), each standing where micromark opens and
 * closes it whatever surrounds it: what micromark and mdast-util-from-markdown
 * make of it, node for node and point for point, without them. Undefined for
 * anything else (micromark reads it). A window is most of the cost of marked-up
 * Markdown (micromark costs as much per paragraph as per character); these two
 * forms are most of the markup in news copy. The property tests of
 * tests/markdown-windows.test.ts hold the nodes equal to micromark's.
 */
function simpleWindow(source: string, window: Window): PhrasingContent[] | undefined {
  if (window.line !== window.endLine) return undefined
  const {start, end} = window
  const nodes: PhrasingContent[] = []
  const pointAt = (offset: number): Point => ({
    line: window.line,
    column: window.column + offset - start,
    offset
  })
  const text = (from: number, to: number): PhrasingContent => ({
    type: 'text',
    value: source.slice(from, to),
    position: {start: pointAt(from), end: pointAt(to)}
  })
  let plainFrom = start
  let index = start
  while ((index = plainRunEnd(source, index, end)) < end) {
    const code = source.charCodeAt(index)
    let item: {node: PhrasingContent; end: number} | undefined
    if (code === 42) item = simpleEmphasis(source, index, start, end, text)
    else if (code === 91) item = simpleLink(source, index, start, end, text)
    if (!item) return undefined
    if (index > plainFrom) nodes.push(text(plainFrom, index))
    item.node.position = {start: pointAt(index), end: pointAt(item.end)}
    nodes.push(item.node)
    index = item.end
    plainFrom = index
  }
  if (nodes.length === 0) return undefined
  if (end > plainFrom) nodes.push(text(plainFrom, end))
  return nodes
}

type TextAt = (from: number, to: number) => PhrasingContent

/**
 * `*words*` at `open`: an asterisk that can only open (left-flanking, not
 * right-flanking, in CommonMark's terms), plain words with no asterisk, and
 * an asterisk that can only close. The window's ends count as white space
 * (a window starts and ends at white space or a line's end).
 */
function simpleEmphasis(
  source: string,
  open: number,
  start: number,
  end: number,
  text: TextAt
): {node: PhrasingContent; end: number} | undefined {
  const close = plainRunEnd(source, open + 1, end)
  if (close >= end || source.charCodeAt(close) !== 42 || close === open + 1) return undefined
  // A run of one asterisk each side: flanking belongs to a whole run (`**` is another story).
  if ((open > start && source.charCodeAt(open - 1) === 42) || (close + 1 < end && source.charCodeAt(close + 1) === 42))
    return undefined
  const before = flankClass(source, open - 1, start, end)
  const first = flankClass(source, open + 1, start, end)
  const last = flankClass(source, close - 1, start, end)
  const after = flankClass(source, close + 1, start, end)
  // Opens only: followed by a word character, after white space or punctuation; or followed
  // by punctuation, after white space (`*"As*`: after punctuation it could close too).
  if (!((first === WORD && before !== WORD) || (first === PUNCT && before === SPACE))) return undefined
  // Closes only: after a word character or punctuation, followed by white space; or after a
  // word character, followed by punctuation.
  if (last === SPACE || !(after === SPACE || (after === PUNCT && last === WORD))) return undefined
  return {node: {type: 'emphasis', children: [text(open + 1, close)], position: undefined!}, end: close + 1}
}

/**
 * `[words](address)` at `open`: plain text (no bracket, no caret first: a
 * footnote call) and a destination of printable characters without white
 * space, parentheses, angle brackets, escapes or references; not after `!` (an image).
 */
function simpleLink(
  source: string,
  open: number,
  start: number,
  end: number,
  text: TextAt
): {node: PhrasingContent; end: number} | undefined {
  if (open > start && source.charCodeAt(open - 1) === 33) return undefined
  const close = plainRunEnd(source, open + 1, end)
  if (close >= end || source.charCodeAt(close) !== 93 || close === open + 1 || source.charCodeAt(open + 1) === 94)
    return undefined
  if (source.charCodeAt(close + 1) !== 40) return undefined
  const from = close + 2
  let to = from
  while (to < end && source.charCodeAt(to) !== 41) {
    const code = source.charCodeAt(to)
    if (code <= 32 || code >= 127 || code === 40 || code === 60 || code === 62 || code === 92 || code === 38)
      return undefined
    to++
  }
  if (to >= end || to === from) return undefined
  const node: PhrasingContent = {
    type: 'link',
    title: null,
    url: source.slice(from, to),
    children: [text(open + 1, close)],
    position: undefined!
  }
  return {node, end: to + 1}
}

const SPACE = 1
const PUNCT = 2
const WORD = 3

/** What flanks a delimiter: white space (a window's ends too), punctuation, or anything else. */
function flankClass(source: string, at: number, start: number, end: number): number {
  if (at < start || at >= end) return SPACE
  const character = source[at]
  if (WHITE_SPACE.test(character)) return SPACE
  return PUNCTUATION.test(character) ? PUNCT : WORD
}

/** Where the run of plain text (no markup, no control character, no surrogate) from `from` ends. */
function plainRunEnd(source: string, from: number, end: number): number {
  let index = from
  while (index < end) {
    const code = source.charCodeAt(index)
    if (code < 128 ? NOT_PLAIN[code] === 1 : code >= 0xd800 && code <= 0xdfff) break
    index++
  }
  return index
}

/** What micromark makes of one window on its own, positions in the file. */
function readWindowAlone(source: string, window: Window, plan: Plan): RootContent[] {
  const text = source.slice(window.start, window.end)
  const appendix = definitionsFor(text, window.start, window.end, plan)
  const piece = fromMarkdown(appendix ? text + appendix : text, optionsFor(text))
  const kept = piece.children.filter((child) => (child.position?.start.offset ?? 0) < text.length)
  for (const child of kept) placeWindow(child, window, 0, 1, text.length)
  return kept
}

/**
 * What micromark makes of each window, read in one call as the lines of one
 * paragraph (micromark's cost is as much per paragraph as per character);
 * undefined where they cannot be. A line ending between two windows is white
 * space to emphasis, as the plain text between them is, and nothing read may
 * reach from one window into the next: every node but text lies within one,
 * and text is cut at the line endings between them (unless it holds an
 * escape or reference, whose decoding would have to be cut too).
 */
function readWindowsTogether(source: string, windows: Window[], plan: Plan): RootContent[][] | undefined {
  const texts = windows.map((window) => source.slice(window.start, window.end))
  const {starts, lines} = joinedStarts(texts, '\n')
  const joined = texts.join('\n')
  const tree = readJoined(joined, texts, windows, plan)
  const paragraph = tree.children[0]
  const next = tree.children[1]
  if (
    paragraph?.type !== 'paragraph' ||
    paragraph.position!.start.offset !== 0 ||
    paragraph.position!.end.offset !== joined.length ||
    (next && next.position!.start.offset! < joined.length)
  ) {
    return undefined
  }
  const found: PhrasingContent[][] = windows.map(() => [])
  const windowAt = (at: number): number => {
    let low = 0
    let high = windows.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle] <= at) low = middle
      else high = middle - 1
    }
    return low
  }
  const endOf = (index: number): Point => endPoint(texts[index], starts[index], lines[index])
  for (const child of paragraph.children) {
    const start = child.position!.start.offset!
    const end = child.position!.end.offset!
    const first = windowAt(start)
    const last = windowAt(Math.max(start, end - 1))
    if (first === last && end <= starts[first] + texts[first].length) {
      found[first].push(child)
      continue
    }
    // Text over the line ending between windows: one text per window.
    if (child.type !== 'text') return undefined
    for (let index = first; index <= last; index++) {
      const from = Math.max(start, starts[index])
      const to = Math.min(end, starts[index] + texts[index].length)
      if (to <= from) continue
      const value = joined.slice(from, to)
      if (value.includes('\\') || value.includes('&')) return undefined
      const fromPoint =
        from === starts[index] ? {line: lines[index], column: 1, offset: from} : {...child.position!.start}
      const toPoint = to === starts[index] + texts[index].length ? endOf(index) : {...child.position!.end}
      found[index].push({type: 'text', value, position: {start: fromPoint, end: toPoint}})
    }
  }
  // Each window's nodes in a paragraph of its own, as a window read alone gives them.
  return windows.map((window, index) => {
    for (const node of found[index]) placeWindow(node, window, starts[index], lines[index], texts[index].length)
    const start = {line: window.line, column: window.column, offset: window.start}
    const end = {line: window.endLine, column: window.end - window.endLineStart + 1, offset: window.end}
    return [{type: 'paragraph', children: found[index], position: {start, end}}]
  })
}

/**
 * Move a node micromark read in a window (which started at `offset`, on line
 * `line`, of the text it read) to the window's place in the file: points on
 * the window's first line move by its column too.
 */
function placeWindow(node: Nodes, window: Window, offset: number, line: number, length: number): void {
  movePoints(node, (point) => {
    if (point.offset !== undefined) point.offset = Math.min(point.offset - offset, length) + window.start
    if (point.line === line) point.column += window.column - 1
    point.line += window.line - line
  })
}

/**
 * The inline nodes of a window (what micromark made of it, placed), if it is
 * one paragraph whose text holds no delimiter left unmatched (outside escapes
 * and autolinks); else undefined.
 */
function windowNodes(source: string, window: Window, kept: RootContent[]): PhrasingContent[] | undefined {
  const paragraph = kept[0]
  if (kept.length !== 1 || paragraph.type !== 'paragraph') return undefined
  // micromark strips white space at the ends of a paragraph; a window has none.
  if (paragraph.position!.start.offset !== window.start || paragraph.position!.end.offset !== window.end)
    return undefined
  const stack: Nodes[] = [...paragraph.children]
  while (stack.length > 0) {
    const node = stack.pop()!
    const start = node.position!.start.offset!
    if (node.type === 'text') {
      const end = node.position!.end.offset!
      for (let index = start; index < end; index++) {
        const code = source.charCodeAt(index)
        if (code === 92 && escapeOrReferenceAt(source, index, end)) index++
        else if (DELIMITERS.has(code)) return undefined
      }
    } else if ('children' in node && !(node.type === 'link' && source.charCodeAt(start) !== 91)) {
      // An autolink's text is its address: no delimiter in it is markup.
      stack.push(...(node as Parents).children)
    }
  }
  return paragraph.children
}

interface Plan {
  /** The text micromark reads. */
  source: string
  /** Offsets where pieces start, and the file's length last. */
  cuts: number[]
  /** Line of each piece's start. */
  lines: number[]
  /** Link reference definitions: normalised label -> label as written, and where each is. */
  definitions: Map<string, {label: string; offset: number}>
  /** Plain blocks, in file order. */
  plain: PlainBlock[]
}

/**
 * A block of plain lines (see {@link isPlainLine}) between blank lines, at the
 * margin and outside any fence or HTML block: micromark would read it as one
 * paragraph of one text node, the lines as they stand, so it is not given to
 * micromark, whose cost per character is about that of the English parse.
 */
interface PlainBlock {
  /** Runs of lines of inline markup (see {@link isInlineLine}), in order; none in a plain block. */
  windows?: Window[]
  start: number
  /** End of its last line (before the line ending). */
  end: number
  /** Start of the line after it. */
  next: number
  line: number
  endLine: number
  endLineStart: number
  /** Mostly markup lines: taken only when every window reads without micromark. */
  marked: boolean
}

/**
 * A stretch of a block that micromark reads on its own: the words around some
 * inline markup, from `start` (after white space or at a line start, column
 * `column`) to `end` (before white space or at a line's end), or whole lines.
 */
interface Window {
  start: number
  end: number
  line: number
  column: number
  endLine: number
  endLineStart: number
}

/** Markup lines fewer than this many plain lines apart are read in one window (lines with a tab). */
const WINDOW_GAP = 4

/** Words of markup fewer than this many characters apart are read in one window. */
const WINDOW_JOIN = 16

/**
 * What the window being grown has opened and not closed: brackets and angle
 * brackets open, and whether an odd number of each emphasis, strikethrough and
 * code character stands in it. Only a guess at where inline markup ends, so
 * that a link or emphasis over several words is read in one window: whatever
 * the guess, a window is used only if micromark's reading of it shows that
 * nothing in it reaches past it (see {@link windowNodes}).
 */
interface Balance {
  open: number
  odd: number
}

/** Bits of {@link Balance.odd} by character code: `*`, `_`, `~`, `` ` ``. */
const ODD_BIT = new Map([
  [42, 1],
  [95, 2],
  [126, 4],
  [96, 8]
])

function countMarkup(doc: string, from: number, to: number, balance: Balance): void {
  for (let index = from; index < to; index++) {
    const code = doc.charCodeAt(index)
    if (code === 92) index++
    else if (code === 91 || code === 60) balance.open++
    else if (code === 93 || code === 62) balance.open--
    else {
      const bit = ODD_BIT.get(code)
      if (bit !== undefined) balance.odd ^= bit
    }
  }
}

/**
 * The windows of an inline markup line (from `start` to `end`, a line's end),
 * added to `windows`: each word holding markup, joined to the window before it
 * when that is near or has markup left open. A line with a tab is one window
 * (a window must not start or end at white space, which micromark strips).
 */
function addWindows(doc: string, start: number, end: number, line: number, windows: Window[], balance: Balance): void {
  const last = (): Window | undefined => windows[windows.length - 1]
  const grow = (window: Window, to: number): void => {
    countMarkup(doc, window.end, to, balance)
    window.end = to
    window.endLine = line
    window.endLineStart = start
  }
  if (doc.slice(start, end).includes('\t')) {
    const previous = last()
    if (previous && line - previous.endLine <= WINDOW_GAP) grow(previous, end)
    else {
      windows.push({start, end, line, column: 1, endLine: line, endLineStart: start})
      balance.open = 0
      balance.odd = 0
      countMarkup(doc, start, end, balance)
    }
    return
  }
  let index = start
  while (index < end) {
    const code = doc.charCodeAt(index)
    if (code >= 128 || NOT_PLAIN[code] === 0) {
      index++
      continue
    }
    let from = index
    while (from > start && !isSpace(doc.charCodeAt(from - 1))) from--
    let to = index + 1
    while (to < end && !isSpace(doc.charCodeAt(to))) to++
    const previous = last()
    if (previous && (balance.open > 0 || balance.odd !== 0 || from - previous.end <= WINDOW_JOIN)) grow(previous, to)
    else {
      windows.push({start: from, end: to, line, column: from - start + 1, endLine: line, endLineStart: start})
      balance.open = 0
      balance.odd = 0
      countMarkup(doc, from, to, balance)
    }
    index = to
  }
}

/** A line-by-line pass: where pieces may start, and which markers are read as text. */
function planPieces(doc: string): Plan {
  const masked: Mask[] = []
  const cuts = [0]
  const lines = [1]
  const definitions = new Map<string, {label: string; offset: number}>()
  let fence: {marker: number; size: number} | undefined
  let html: string | undefined
  let front: string | undefined
  let previousBlank = true
  /** Whether the line before was a link reference definition (another may follow it). */
  let previousDefinition = false
  const inline: InlineCount = {delimiters: 0, references: 0}
  let line = 1
  let start = 0
  let pieceStart = 0
  const plain: PlainBlock[] = []
  /**
   * The block of lines since the last blank line: where it starts, whether it
   * is a paragraph of plain and inline markup lines so far, and its windows of
   * markup lines.
   */
  let block: {start: number; line: number; plain: boolean; windows: Window[]; balance: Balance} | undefined
  let lastEnd = 0
  let lastStart = 0
  let lastLine = 1
  const endBlock = (next: number): void => {
    // A block that is mostly markup lines is taken only if every window reads without
    // micromark (see simpleWindow); else it is read with its piece: a window is worth its
    // own parse (micromark's set-up costs about as much as a line) only between plain lines.
    let marked = 0
    for (const window of block?.windows ?? []) marked += window.end - window.start
    if (block?.plain) {
      const windows = block.windows.length > 0 ? block.windows : undefined
      plain.push({
        windows,
        start: block.start,
        end: lastEnd,
        next,
        line: block.line,
        endLine: lastLine,
        endLineStart: lastStart,
        marked: marked * 2 > lastEnd - block.start
      })
    }
    block = undefined
  }

  while (start < doc.length) {
    let end = start
    while (end < doc.length && doc.charCodeAt(end) !== 10 && doc.charCodeAt(end) !== 13) end++
    const next = doc.charCodeAt(end) === 13 && doc.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    const blank = isBlankLine(doc, start, end)
    let definition = false

    if (start === 0 && FRONT_MATTER.test(doc.slice(0, end))) {
      front = doc.slice(0, 3)
    } else if (front) {
      if (doc.startsWith(front, start) && doc.slice(start + 3, end).trim() === '') front = undefined
    } else {
      const first = doc.charCodeAt(start)
      // A piece must not start with what front matter opens with: micromark would read it so.
      const startable = !blank && !FRONT_MATTER.test(doc.slice(start, end))
      const atMargin = startable && first !== 32 && first !== 9
      const outside = fence === undefined && html === undefined
      const blockStart = outside && atMargin && (previousBlank || isBulletItem(doc, start, end))
      if (blank) endBlock(start)
      else {
        if (block === undefined) {
          block = {start, line, plain: previousBlank && outside, windows: [], balance: {open: 0, odd: 0}}
        }
        if (block.plain && !isPlainLine(doc, start, end)) {
          if (!isInlineLine(doc, start, end)) block.plain = false
          else addWindows(doc, start, end, line, block.windows, block.balance)
        }
      }
      const size = start - pieceStart
      if (start > 0 && ((blockStart && size >= PIECE) || (startable && size >= MAX_PIECE))) {
        cuts.push(start)
        lines.push(line)
        pieceStart = start
        if (!blockStart) {
          // No block started for MAX_PIECE characters (one huge list item or block): cut
          // anyway, the line read from its margin (its indentation as text, not code), and
          // the next piece outside any fence or HTML block, as micromark reads it.
          let text = start
          while (text < end && isSpace(doc.charCodeAt(text))) text++
          if (text > start) masked.push([start, text])
          fence = undefined
          html = undefined
        }
      }
      if (fence) {
        if (closesFence(doc, start, end, fence)) fence = undefined
      } else if (html) {
        if (html === '' ? blank : doc.slice(start, end).toLowerCase().includes(html)) html = undefined
      } else {
        const prefix = containerPrefix(doc, start, end, masked)
        fence = opensFence(doc, prefix, end)
        if (!fence) html = opensHtml(doc, prefix, end)
        if (!fence && html === undefined) {
          // A definition cannot interrupt a paragraph: `[a]: b` is one only where a block starts.
          const label: {key: string; text: string} | undefined =
            previousBlank || previousDefinition || prefix > start ? definitionAt(doc, prefix, end) : undefined
          if (label && !definitions.has(label.key)) definitions.set(label.key, {label: label.text, offset: prefix})
          definition = label !== undefined
          if (blank) {
            inline.delimiters = 0
            inline.references = 0
          } else boundInline(doc, prefix, end, inline, masked)
        }
      }
    }
    previousBlank = blank
    previousDefinition = definition
    if (!blank) {
      lastStart = start
      lastEnd = end
      lastLine = line
    }
    if (end < doc.length) line++
    start = Math.min(next, doc.length)
    if (end >= doc.length) break
  }
  endBlock(doc.length)
  cuts.push(doc.length)
  return {source: applyMask(doc, masked), cuts, lines, definitions, plain}
}

/** Characters that may be markup anywhere in a line (escapes, code, emphasis, links, HTML, references, tables). */
const MARKUP = new Set([...'\\`*_[]<>&~|\t'].map((character) => character.charCodeAt(0)))

/** By character code below 128: 1 for a character a plain line cannot hold (markup, a control character). */
const NOT_PLAIN = new Uint8Array(128).map((_, code) => (code < 32 || code === 127 || MARKUP.has(code) ? 1 : 0))

/** ASCII punctuation that starts no block: quotes, an opening parenthesis, currency. */
const PLAIN_START = new Set([...`"'($`].map((character) => character.charCodeAt(0)))

/** White space that micromark would strip at the start of a line, or that flanks emphasis. */
const WHITE_SPACE = /\s/

/**
 * A line micromark reads as nothing but text in a paragraph: it starts with
 * no block marker or white space, ends without white space (a hard break, or
 * stripped), holds no character that may be inline markup, and no control
 * character. (Literal autolinks, `www.` and `https://` addresses, are not read:
 * see `options`.)
 */
function isPlainLine(doc: string, start: number, end: number): boolean {
  const first = doc.charCodeAt(start)
  const isAlphanumeric = (first >= 48 && first <= 57) || ((first | 32) >= 97 && (first | 32) <= 122)
  if (first >= 0x80 ? WHITE_SPACE.test(doc[start]) : !isAlphanumeric && !PLAIN_START.has(first)) return false
  if (first <= 57 && markerLength(doc, start, end) > 0) return false
  const last = doc.charCodeAt(end - 1)
  if (last === 32 || last === 9 || (last >= 0x80 && WHITE_SPACE.test(doc[end - 1]))) return false
  for (let index = start; index < end; index++) {
    const code = doc.charCodeAt(index)
    if (code < 128 && NOT_PLAIN[code] === 1) return false
  }
  return true
}

/** Characters a line of inline markup may start with besides those of a plain line: emphasis, a link or image, an escape, a reference. */
const INLINE_START = new Set([...'*_[!\\&`'].map((character) => character.charCodeAt(0)))

/**
 * A line micromark reads as inline content wherever it stands in a paragraph:
 * it starts with what starts no block (as a plain line does, or with emphasis,
 * a bracket, an escape or a reference that is no list item, thematic break or
 * fence), ends without white space or a backslash (a hard break), and holds no
 * control character. Its markup may still reach other lines: see
 * {@link mixedParagraph}.
 */
function isInlineLine(doc: string, start: number, end: number): boolean {
  const first = doc.charCodeAt(start)
  const isAlphanumeric = (first >= 48 && first <= 57) || ((first | 32) >= 97 && (first | 32) <= 122)
  if (
    first >= 0x80
      ? WHITE_SPACE.test(doc[start])
      : !isAlphanumeric && !PLAIN_START.has(first) && !INLINE_START.has(first)
  )
    return false
  if (markerLength(doc, start, end) > 0 || isThematicBreak(doc, start, end) || opensFence(doc, start, end)) return false
  const last = doc.charCodeAt(end - 1)
  if (last === 32 || last === 9 || last === 92 || (last >= 0x80 && WHITE_SPACE.test(doc[end - 1]))) return false
  for (let index = start; index < end; index++) {
    const code = doc.charCodeAt(index)
    if ((code < 32 && code !== 9) || code === 127) return false
  }
  return true
}

/** `***`, `___` (three or more of one marker, spaces between): a thematic break. */
function isThematicBreak(doc: string, start: number, end: number): boolean {
  const marker = doc.charCodeAt(start)
  if (marker !== 42 && marker !== 95 && marker !== 45) return false
  let count = 0
  for (let index = start; index < end; index++) {
    const code = doc.charCodeAt(index)
    if (code === marker) count++
    else if (!isSpace(code)) return false
  }
  return count >= 3
}

function isBlankLine(doc: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = doc.charCodeAt(index)
    if (code !== 32 && code !== 9) return false
  }
  return true
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9
}

/** `- x`, `* x`, `+ x` at the margin (not a thematic break such as `- - -`). */
function isBulletItem(doc: string, start: number, end: number): boolean {
  const marker = doc.charCodeAt(start)
  if (marker !== 45 && marker !== 42 && marker !== 43) return false
  if (!isSpace(doc.charCodeAt(start + 1))) return false
  for (let index = start + 2; index < end; index++) {
    const code = doc.charCodeAt(index)
    if (code !== marker && !isSpace(code)) return true
  }
  return false
}

/**
 * The end of a line's container prefix (block quote and list markers and the
 * space around them). Markers past the MAX_DEPTH-th, and the prefix past
 * column MAX_INDENT, are masked: micromark reads them as text.
 */
function containerPrefix(doc: string, start: number, end: number, masked: Mask[]): number {
  let index = start
  let column = 0
  let depth = 0
  let maskFrom = -1
  while (index < end) {
    const code = doc.charCodeAt(index)
    let width = 0
    if (code === 32) width = 1
    else if (code === 9) width = 4 - (column % 4)
    else {
      const marker = markerLength(doc, index, end)
      if (marker === 0) break
      depth++
      if (depth > MAX_DEPTH && maskFrom < 0) maskFrom = index
      column += marker
      if (column > MAX_INDENT && maskFrom < 0) maskFrom = index
      index += marker
      continue
    }
    column += width
    if (column > MAX_INDENT && maskFrom < 0) maskFrom = index
    index++
  }
  if (maskFrom >= 0) masked.push([maskFrom, index])
  return index
}

/** Length of a block quote or list marker at `index` (`>`, `-`, `*`, `+`, `1.`, `1)`), else 0. */
function markerLength(doc: string, index: number, end: number): number {
  const code = doc.charCodeAt(index)
  if (code === 62) return 1
  const after = (at: number) => at >= end || isSpace(doc.charCodeAt(at))
  if ((code === 45 || code === 42 || code === 43) && after(index + 1)) return 1
  let digits = index
  while (digits < end && digits - index < 9 && doc.charCodeAt(digits) >= 48 && doc.charCodeAt(digits) <= 57) digits++
  if (digits > index) {
    const delimiter = doc.charCodeAt(digits)
    if ((delimiter === 46 || delimiter === 41) && after(digits + 1)) return digits + 1 - index
  }
  return 0
}

/** A fence that opens at `at` (after the line's container prefix, as CommonMark allows at the top). */
function opensFence(doc: string, at: number, end: number): {marker: number; size: number} | undefined {
  const marker = doc.charCodeAt(at)
  if (marker !== 96 && marker !== 126) return undefined
  let size = 0
  while (at + size < end && doc.charCodeAt(at + size) === marker) size++
  if (size < 3) return undefined
  // A backtick fence's info string has no backtick.
  if (marker === 96 && doc.slice(at + size, end).includes('`')) return undefined
  return {marker, size}
}

function closesFence(doc: string, start: number, end: number, fence: {marker: number; size: number}): boolean {
  let index = start
  while (index < end && index - start < 4 && doc.charCodeAt(index) === 32) index++
  let size = 0
  while (index < end && doc.charCodeAt(index) === fence.marker) {
    size++
    index++
  }
  return size >= fence.size && isBlankLine(doc, index, end)
}

/**
 * An HTML block that opens at `at`: the text that ends it (`-->`, `</script>`,
 * …), `''` for one that ends at a blank line, else undefined.
 */
function opensHtml(doc: string, at: number, end: number): string | undefined {
  if (doc.charCodeAt(at) !== 60) return undefined
  const head = doc.slice(at, Math.min(end, at + 12)).toLowerCase()
  if (head.startsWith('<!--')) return doc.slice(at + 4, end).includes('-->') ? undefined : '-->'
  if (head.startsWith('<?')) return doc.slice(at + 2, end).includes('?>') ? undefined : '?>'
  if (head.startsWith('<![cdata[')) return doc.slice(at, end).includes(']]>') ? undefined : ']]>'
  for (const name of ['script', 'pre', 'style', 'textarea']) {
    if (head.startsWith('<' + name) && !/[a-z0-9-]/.test(head[name.length + 1] ?? '')) {
      const close = `</${name}>`
      return doc.slice(at, end).toLowerCase().includes(close) ? undefined : close
    }
  }
  if (/^<!?\/?[a-z]/.test(head)) return ''
  return undefined
}

/** A link reference or footnote definition `[label]:` at `at`: its normalised key and label. */
function definitionAt(doc: string, at: number, end: number): {key: string; text: string} | undefined {
  if (doc.charCodeAt(at) !== 91) return undefined
  const close = labelEnd(doc, at, end)
  if (close < 0 || doc.charCodeAt(close + 1) !== 58) return undefined
  const text = doc.slice(at + 1, close)
  const key = normalizeLabel(text)
  return key ? {key, text} : undefined
}

/** The `]` that closes a label opened at `open`, or -1 (labels hold no unescaped bracket). */
function labelEnd(doc: string, open: number, end: number): number {
  for (let index = open + 1; index < end && index - open <= 1000; index++) {
    const code = doc.charCodeAt(index)
    if (code === 92) index++
    else if (code === 91) return -1
    else if (code === 93) return index > open + 1 ? index : -1
  }
  return -1
}

/** As micromark matches labels: white space collapsed, case folded. */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase()
}

/** What a paragraph has held so far of what {@link boundInline} bounds. */
interface InlineCount {
  /** Emphasis and strikethrough delimiters and link brackets. */
  delimiters: number
  /** Character escapes and references. */
  references: number
}

/**
 * Count a line's emphasis delimiters, brackets, escapes and character
 * references in its paragraph, and mask those past MAX_INLINE: micromark's text
 * resolver splices its event list once per run of text between two of them, so
 * a paragraph of thousands costs it the square of its length. A masked escape
 * or reference is replaced by stand-ins of the class of what it decodes to
 * (punctuation, white space, other), so emphasis around it flanks as before,
 * and the prose decodes it from the file (see `ProseBuilder.decoded`).
 */
function boundInline(doc: string, start: number, end: number, count: InlineCount, masked: Mask[]): void {
  let index = start
  while (index < end) {
    const code = doc.charCodeAt(index)
    if (code === 92 || code === 38) {
      const escape = escapeOrReferenceAt(doc, index, end)
      if (escape) {
        if (++count.references > MAX_INLINE) masked.push([index, index + escape.length, standInFor(escape.value)])
        index += escape.length
      } else index++
    } else if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) {
      let run = index + 1
      // Brackets count one by one; each `]` walks back through the paragraph's events
      // (for a footnote call's opening) to the last `[` micromark saw.
      if (code !== 91 && code !== 93) while (run < end && doc.charCodeAt(run) === code) run++
      // Each delimiter counts: micromark matches a run one or two characters at a time,
      // and a run of thousands costs it the square of its length.
      const kept = Math.max(0, MAX_INLINE - count.delimiters)
      count.delimiters += run - index
      if (run - index > kept) masked.push([index + kept, run])
      index = run
    } else index++
  }
}

/** A stand-in of the class micromark gives the first character of `value` when it flanks emphasis. */
function standInFor(value: string): number {
  const character = String.fromCodePoint(value.codePointAt(0) ?? 0x61)
  if (WHITE_SPACE.test(character)) return STAND_IN_SPACE
  if (PUNCTUATION.test(character)) return STAND_IN_PUNCTUATION
  return STAND_IN
}

function applyMask(doc: string, masked: Mask[]): string {
  if (masked.length === 0) return doc
  masked.sort((a, b) => a[0] - b[0])
  const parts: string[] = []
  let from = 0
  for (const [maskStart, end, standIn] of masked) {
    const start = Math.max(maskStart, from)
    if (end <= start) continue
    parts.push(doc.slice(from, start), String.fromCharCode(standIn ?? STAND_IN).repeat(end - start))
    from = end
  }
  parts.push(doc.slice(from))
  return parts.join('')
}

/**
 * Definitions a piece uses but does not hold, written after it (past its end,
 * so nothing of it is kept): `[label]: #`.
 */
function definitionsFor(text: string, start: number, end: number, plan: Plan): string {
  if (plan.definitions.size === 0 || !text.includes('[')) return ''
  const wanted = new Set<string>()
  for (let index = text.indexOf('['); index >= 0; index = text.indexOf('[', index + 1)) {
    const close = labelEnd(text, index, text.length)
    if (close < 0) continue
    const key = normalizeLabel(text.slice(index + 1, close))
    const definition = plan.definitions.get(key)
    if (definition && (definition.offset < start || definition.offset >= end)) wanted.add(definition.label)
  }
  if (wanted.size === 0) return ''
  return '\n\n' + [...wanted].map((label) => `[${label}]: #`).join('\n') + '\n'
}

/** The point at the end of `text`, which starts at `offset` on line `line` (column 1). */
function endPoint(text: string, offset: number, line: number): Point {
  let lineStart = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: text.length - lineStart + 1, offset: offset + text.length}
}

/**
 * Move a piece's node to its place in the file: offsets by `offset`, lines by
 * `lines` (a piece starts at a line start, so columns stay). Anything past the
 * piece's end (an unclosed block running into the definitions written after
 * it) ends where the piece ends.
 */
function place(node: Nodes, offset: number, lines: number, length: number, end: Point): void {
  movePoints(node, (point) => {
    if ((point.offset ?? 0) > length) {
      point.line = end.line
      point.column = end.column
      point.offset = end.offset
    } else {
      point.line += lines
      if (point.offset !== undefined) point.offset += offset
    }
  })
}

/** Apply `move` to the start and end of `node` and of every node in it. */
function movePoints(node: Nodes, move: (point: Point) => void): void {
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.position) {
      move(current.position.start)
      move(current.position.end)
    }
    if ('children' in current) {
      for (const child of (current as Parents).children) stack.push(child as Nodes)
    }
  }
}

/** mdast nodes whose text is not prose. */
const NOT_PROSE = new Set([
  'code',
  'html',
  'yaml',
  'toml',
  'definition',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'thematicBreak'
])

/**
 * The prose of a Markdown tree: each paragraph and heading a block, text
 * nodes aligned with the file, inline code one object character, a hard break
 * a line break, an image its alternative text. Code, HTML, front matter,
 * definitions and tables are not prose.
 */
export function markdownProse(tree: Root, builder: ProseBuilder): void {
  builder.readMarkdownEscapes()
  let lastEnd = 0
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (NOT_PROSE.has(node.type)) continue
    if (node.type === 'paragraph' || node.type === 'heading') {
      const start = node.position?.start.offset ?? lastEnd
      builder.blockBreak(lastEnd, start)
      inline(node, builder)
      lastEnd = node.position?.end.offset ?? start
    } else if ('children' in node) {
      const children = (node as Parents).children
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Nodes)
    }
  }
}

function inline(block: Parents, builder: ProseBuilder): void {
  const stack: Nodes[] = []
  for (let index = block.children.length - 1; index >= 0; index--) stack.push(block.children[index] as Nodes)
  while (stack.length > 0) {
    const node = stack.pop()!
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || NOT_PROSE.has(node.type)) continue
    if (node.type === 'text') builder.decoded(node.value, start, end)
    else if (node.type === 'inlineCode') builder.object(start, end)
    else if (node.type === 'break') builder.replaced('\n', start, end - start)
    else if (node.type === 'image' || node.type === 'imageReference') {
      if (node.alt) builder.decoded(node.alt, start + 2, end)
    } else if ('children' in node) {
      const children = (node as Parents).children
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Nodes)
    }
  }
}
