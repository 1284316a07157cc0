/**
 * One parser for plain text, Markdown and HTML: each becomes one nlcst tree
 * with positions in the original file, and the file's prose is kept on
 * `file.data.prose` for the extraction pass.
 */
import type {Root as NlcstRoot} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {ParseEnglish} from 'parse-english'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {fromHtml} from 'hast-util-from-html'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {Prose, proseFromPlainText, proseFromTree} from './prose.js'

export type Format = 'text' | 'markdown' | 'html'

declare module 'vfile' {
  interface DataMap {
    prose: Prose
    format: Format
  }
}

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn'])
const HTML = new Set(['.html', '.htm', '.xhtml'])

export function formatOf(file: VFile, fallback?: Format): Format {
  const ext = (file.extname || '').toLowerCase()
  if (MARKDOWN.has(ext)) return 'markdown'
  if (HTML.has(ext)) return 'html'
  return fallback ?? 'text'
}

/** Thrown for input copydesk cannot read as text; the CLI reports it as an input error. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Stories above this size are refused with a clear error (override with `maxSize`). */
export const DEFAULT_MAX_SIZE = 16 * 1024 * 1024

export function parseDocument(doc: string, file: VFile, format: Format, maxSize = DEFAULT_MAX_SIZE): NlcstRoot {
  if (doc.includes('\u0000')) {
    throw new InputError('Cannot lint a binary file (it contains NUL bytes)')
  }
  if (doc.length > maxSize) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    throw new InputError(
      `Cannot lint a story of ${mb(doc.length)} MB: the limit is ${mb(maxSize)} MB (split it, or raise --max-size)`
    )
  }
  // A byte-order mark is not prose; ParseEnglish keeps it as a symbol, which is harmless.
  file.data.format = format
  if (doc.trim() === '') {
    file.data.prose = proseFromPlainText(doc, {type: 'RootNode', children: []})
    return {type: 'RootNode', children: []}
  }
  try {
    return parseFormat(doc, file, format)
  } catch (error) {
    // parse-latin overflows the stack on some pathological runs (tens of thousands of
    // tokens it merges into one word). Such input still gets linted, as lines of plain text.
    if (!(error instanceof RangeError)) throw error
    const tree = linesTree(doc)
    file.data.prose = proseFromPlainText(doc, tree)
    return tree
  }
}

/** A tree of one sentence per line, for input the English parser cannot take. */
function linesTree(doc: string): NlcstRoot {
  const children: NlcstRoot['children'] = []
  let offset = 0
  for (const line of doc.split('\n')) {
    const start = {line: children.length + 1, column: 1, offset}
    const end = {line: children.length + 1, column: line.length + 1, offset: offset + line.length}
    children.push({
      type: 'ParagraphNode',
      position: {start, end},
      children: [
        {
          type: 'SentenceNode',
          position: {start, end},
          children: [{type: 'TextNode', value: line, position: {start, end}} as never]
        }
      ]
    })
    offset += line.length + 1
  }
  return {type: 'RootNode', children}
}

function parseFormat(doc: string, file: VFile, format: Format): NlcstRoot {
  let tree: NlcstRoot
  if (format === 'markdown') {
    const mdast = fromMarkdown(doc, {
      extensions: [frontmatter(['yaml', 'toml']), gfm()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()]
    })
    file.data.sourceTree = {format: 'markdown', tree: mdast}
    tree = mdastToNlcst(mdast, file, ParseEnglish, {
      ignore: ['code', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition']
    })
    file.data.prose = proseFromTree(doc, tree)
  } else if (format === 'html') {
    const hast = fromHtml(doc)
    file.data.sourceTree = {format: 'html', tree: hast}
    tree = hastToNlcst(hast, file, ParseEnglish)
    file.data.prose = proseFromTree(doc, tree)
  } else {
    tree = parsePlainText(doc)
    file.data.prose = proseFromPlainText(doc, tree)
  }
  return tree
}

/** Above this many characters a plain-text file is parsed in pieces (see parsePlainText). */
const CHUNK = 64 * 1024

/**
 * Plain text, parsed paragraph group by paragraph group: parse-latin's merge
 * steps work on a whole document's token list and grow quadratically with it
 * (4 MB took 25 s in one piece); cut at blank lines, each piece parses in
 * linear time and the tree is the same. Positions are shifted into place.
 */
function parsePlainText(doc: string): NlcstRoot {
  if (doc.length <= CHUNK) return new ParseEnglish().parse(doc)
  const root: NlcstRoot = {type: 'RootNode', children: []}
  let start = 0
  let line = 1
  while (start < doc.length) {
    let end = Math.min(doc.length, start + CHUNK)
    if (end < doc.length) {
      // Cut after a blank line at or before the target, else after any line break, else hard.
      const blank = doc.lastIndexOf('\n\n', end)
      const newline = doc.lastIndexOf('\n', end)
      end = blank > start ? blank + 2 : newline > start ? newline + 1 : end
    }
    const piece = new ParseEnglish().parse(doc.slice(start, end))
    shift(piece, start, line - 1)
    root.children.push(...piece.children)
    for (let i = start; i < end; i++) if (doc.charCodeAt(i) === 10) line++
    start = end
  }
  if (root.children.length > 0) {
    root.position = {start: {line: 1, column: 1, offset: 0}, end: root.children[root.children.length - 1].position!.end}
  }
  return root
}

function shift(
  node: {
    position?: {start: {line: number; offset?: number}; end: {line: number; offset?: number}}
    children?: unknown[]
  },
  offset: number,
  lines: number
): void {
  if (node.position) {
    node.position.start.line += lines
    node.position.end.line += lines
    if (node.position.start.offset !== undefined) node.position.start.offset += offset
    if (node.position.end.offset !== undefined) node.position.end.offset += offset
  }
  if (node.children) for (const child of node.children) shift(child as never, offset, lines)
}

export interface ParseOptions {
  /** Format for files whose extension does not say (default: `text`). */
  format?: Format
  /** Per-file fallback format (from the file's config), before `format`. */
  formatFor?: (file: VFile) => Format | undefined
  /** Largest story, in characters (default 16 MiB). */
  maxSize?: number
}

/** unified plugin: set the parser. */
export function copydeskParse(this: Processor, options?: ParseOptions) {
  const fallback = options?.format
  const formatFor = options?.formatFor
  const self = this as unknown as {
    parser: (doc: string, file: VFile) => NlcstRoot
    compiler: (tree: unknown, file: VFile) => string
  }
  self.parser = (doc: string, file: VFile) =>
    parseDocument(doc, file, formatOf(file, formatFor?.(file) ?? fallback), options?.maxSize)
  // copydesk never changes a document: compiling gives back the text as it was
  // (an editor asking to "format" gets no edit, never an emptied file).
  self.compiler = (_tree: unknown, file: VFile) => String(file.value ?? '')
}
