/**
 * One parser for plain text, Markdown and HTML: each becomes one nlcst tree
 * with positions in the original file, and the file's prose is kept on
 * `file.data.prose` for the extraction pass.
 *
 * Every format takes the same path: the file's prose (the text itself; the
 * text of Markdown's paragraphs and headings; the text of HTML's paragraphs)
 * is built with a map back to the file, parsed into English sentences in
 * bounded pieces (english.ts), and the tree placed back in the file. Each step
 * is linear in the size of the file.
 */
import type {Root as NlcstRoot} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {Prose, ProseBuilder} from './prose.js'
import {parseProseWithSpans, placeTree, type PieceCache} from './english.js'
import {markdownProse, readMarkdown} from './markdown.js'
import {htmlProse, readHtml} from './html.js'
import {mayHoldSuppressions} from './control.js'

export type Format = 'text' | 'markdown' | 'html'

declare module 'vfile' {
  interface DataMap {
    prose: Prose
    format: Format
    /** The parsed pieces of this document's last version, kept by the caller (the language server). */
    pieceCache: PieceCache
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

/**
 * Parse a story into nlcst. With `keepTree` (the default), the tree holds
 * every node, placed in the file (lines, columns, file offsets), as any retext
 * plugin expects; without it, the tree is a root without children and only
 * the prose and its sentence and paragraph spans (on `file.data.prose`) are
 * kept. copydesk's own lint path turns the tree off: its rules read the prose
 * and place their messages through the extraction, and no other plugin sees
 * its tree. Placing every node cost about a third of the parse, and keeping
 * the nodes to the end of the lint more than half its heap.
 */
export function parseDocument(
  doc: string,
  file: VFile,
  format: Format,
  maxSize = DEFAULT_MAX_SIZE,
  keepTree = true
): NlcstRoot {
  if (doc.includes('\u0000')) {
    throw new InputError('Cannot lint a binary file (it contains NUL bytes)')
  }
  if (doc.length > maxSize) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    throw new InputError(
      `Cannot lint a story of ${mb(doc.length)} MB: the limit is ${mb(maxSize)} MB (split it, or raise --max-size)`
    )
  }
  file.data.format = format
  const builder = proseOf(doc, file, format)
  const prose = builder.build()
  const {tree, sentences, paragraphs} = parseProseWithSpans(prose.text, keepTree, file.data.pieceCache)
  prose.sentences = sentences
  prose.paragraphs = paragraphs
  file.data.prose = prose
  if (!keepTree) return tree
  const lines = location(doc)
  const toPoint = (offset: number) => lines.toPoint(Math.min(offset, doc.length))!
  placeTree(tree, prose, toPoint)
  if (tree.children.length > 0) tree.position = {start: toPoint(0), end: toPoint(doc.length)}
  return tree
}

/** The file's prose, by format; the Markdown or HTML tree is kept for suppression comments, where there may be any. */
function proseOf(doc: string, file: VFile, format: Format): ProseBuilder {
  if (format === 'markdown') {
    const {tree, source} = readMarkdown(doc)
    if (mayHoldSuppressions(doc, 'markdown')) file.data.sourceTree = {format: 'markdown', tree}
    const builder = new ProseBuilder(doc, source)
    markdownProse(tree, builder)
    return builder
  }
  if (format === 'html') {
    const tree = readHtml(doc, file)
    if (mayHoldSuppressions(doc, 'html')) file.data.sourceTree = {format: 'html', tree}
    const builder = new ProseBuilder(doc)
    htmlProse(tree, builder, doc)
    return builder
  }
  const builder = new ProseBuilder(doc)
  builder.verbatim(doc, 0)
  return builder
}

export interface ParseOptions {
  /** Format for files whose extension does not say (default: `text`). */
  format?: Format
  /** Per-file fallback format (from the file's config), before `format`. */
  formatFor?: (file: VFile) => Format | undefined
  /** Largest story, in characters (default 16 MiB). */
  maxSize?: number
  /** Keep the nlcst tree, every node placed in the file (default true; see {@link parseDocument}). */
  keepTree?: boolean
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
    parseDocument(doc, file, formatOf(file, formatFor?.(file) ?? fallback), options?.maxSize, options?.keepTree ?? true)
  // copydesk never changes a document: compiling gives back the text as it was
  // (an editor asking to "format" gets no edit, never an emptied file).
  self.compiler = (_tree: unknown, file: VFile) => String(file.value ?? '')
}
