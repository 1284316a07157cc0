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

export function parseDocument(doc: string, file: VFile, format: Format): NlcstRoot {
  if (doc.includes('\u0000')) {
    throw new InputError('Cannot lint a binary file (it contains NUL bytes)')
  }
  // A byte-order mark is not prose; ParseEnglish keeps it as a symbol, which is harmless.
  file.data.format = format
  let tree: NlcstRoot
  if (format === 'markdown') {
    const mdast = fromMarkdown(doc, {
      extensions: [frontmatter(['yaml', 'toml']), gfm()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()]
    })
    tree = mdastToNlcst(mdast, file, ParseEnglish, {
      ignore: ['code', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition']
    })
    file.data.prose = proseFromTree(doc, tree)
  } else if (format === 'html') {
    const hast = fromHtml(doc)
    tree = hastToNlcst(hast, file, ParseEnglish)
    file.data.prose = proseFromTree(doc, tree)
  } else {
    tree = new ParseEnglish().parse(doc)
    file.data.prose = proseFromPlainText(doc, tree)
  }
  return tree
}

export interface ParseOptions {
  /** Format for files whose extension does not say (default: `text`). */
  format?: Format
}

/** unified plugin: set the parser. */
export function copydeskParse(this: Processor, options?: ParseOptions) {
  const fallback = options?.format
  const self = this as unknown as {parser: (doc: string, file: VFile) => NlcstRoot; compiler: () => string}
  self.parser = (doc: string, file: VFile) => parseDocument(doc, file, formatOf(file, fallback))
  // Nothing is ever written back: copydesk only reports.
  self.compiler = () => ''
}
