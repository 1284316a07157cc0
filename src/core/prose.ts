/**
 * The prose of a file as one string, with a map back to offsets in the file.
 *
 * Rules work on the prose (so a figure split by the English sentence splitter,
 * like `<>.<> billion`, is still one figure) and report on file offsets. The
 * prose is the file's text without its markup (Markdown and HTML), with a
 * paragraph break between blocks, one object replacement character for inline
 * code, and without invisible format characters: every character of Unicode's
 * general category Cf (format), such as the zero-width space U+200B, the
 * joiners U+200C and U+200D, the word joiner U+2060, the byte-order mark
 * U+FEFF, the soft hyphen U+00AD and the bidirectional controls. They change
 * nothing an editor reads, so the rules read through them (`3800,​6500` is the
 * garbled `3800,6500`), and a range still covers the characters of the file it
 * spans, format characters included.
 */
import type {Root as NlcstRoot, Parent as NlcstParent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {escapeOrReferenceAt} from './markdown-escapes.js'

export interface Span {
  start: number
  end: number
}

/** A piece of prose taken from the file: `length` characters of the file at `file`. */
interface Segment {
  /** Offset of the piece in the prose. */
  text: number
  /** Offset in the file. */
  file: number
  /** Characters of the file it stands for. */
  length: number
  /** Whether the piece is the file's text verbatim (else decoded, e.g. an entity, or made up, e.g. a break). */
  exact: boolean
}

/** Invisible format characters (general category Cf): not prose. */
const FORMAT = /\p{Cf}/u
const FORMAT_ALL = /\p{Cf}+/gu

export const OBJECT_REPLACEMENT = '\uFFFC'

/** Whether `value` holds an invisible format character. */
export function hasFormatCharacters(value: string): boolean {
  return FORMAT.test(value)
}

export class Prose {
  readonly text: string
  sentences: Span[]
  paragraphs: Span[]
  private readonly segments: Segment[]
  /** Prose offset = file offset (plain text without format characters). */
  readonly identity: boolean

  constructor(text: string, segments: Segment[], identity: boolean, sentences: Span[] = [], paragraphs: Span[] = []) {
    this.text = text
    this.segments = segments
    this.identity = identity
    this.sentences = sentences
    this.paragraphs = paragraphs
  }

  /** Offset in the file of prose offset `offset` (a start). */
  toFile(offset: number): number {
    if (this.identity) return offset
    const segment = this.segmentAt(offset)
    if (!segment) return 0
    if (segment.exact) return segment.file + Math.min(offset - segment.text, segment.length)
    return segment.file
  }

  /** Offset in the file of an exclusive end at prose offset `offset`. */
  toFileEnd(offset: number): number {
    if (this.identity) return offset
    if (offset <= 0) return this.toFile(0)
    const segment = this.segmentAt(offset - 1)
    if (!segment) return 0
    if (segment.exact) return segment.file + Math.min(offset - segment.text, segment.length)
    return segment.file + segment.length
  }

  /**
   * Prose offset of file offset `offset`: the first prose character at or
   * after it (for trees whose positions are file offsets).
   */
  fromFile(offset: number): number {
    if (this.identity) return offset
    const segments = this.segments
    let low = 0
    let high = segments.length - 1
    if (high < 0) return 0
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (segments[middle].file <= offset) low = middle
      else high = middle - 1
    }
    const segment = segments[low]
    const next = segments[low + 1]
    const size = (next ? next.text : this.text.length) - segment.text
    if (offset <= segment.file) return segment.text
    if (!segment.exact) return segment.text + size
    return segment.text + Math.min(offset - segment.file, size)
  }

  /** Index of the sentence holding `offset`, or -1. */
  sentenceAt(offset: number): number {
    return bisect(this.sentences, offset)
  }

  private segmentAt(offset: number): Segment | undefined {
    const segments = this.segments
    let low = 0
    let high = segments.length - 1
    if (high < 0) return undefined
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (segments[middle].text <= offset) low = middle
      else high = middle - 1
    }
    return segments[low]
  }
}

function bisect(spans: Span[], offset: number): number {
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const span = spans[middle]
    if (offset < span.start) high = middle - 1
    else if (offset >= span.end) low = middle + 1
    else return middle
  }
  return -1
}

/** How far past a mismatch the alignment of decoded text looks for the two to agree again. */
const LOOK_IN_VALUE = 8
const LOOK_IN_FILE = 64
/** Characters that must agree for the alignment to take up again. */
const AGREE = 4

/**
 * Builds a file's prose from pieces in file order, keeping where each stands in
 * the file and leaving out format characters.
 */
export class ProseBuilder {
  private readonly parts: string[] = []
  private readonly segments: Segment[] = []
  private length = 0
  /** Whether decoded text comes from Markdown, whose escapes and references {@link decoded} reads. */
  private markdown = false

  /**
   * `doc` is the file; `source` what the parser read, the same length (the
   * file, or the file with some markers replaced one for one): decoded text is
   * aligned with `source`, and where they agree the prose is the file's text.
   */
  constructor(
    private readonly doc: string,
    private readonly source: string = doc
  ) {}

  /**
   * Read decoded text as Markdown's: a backslash escape or character reference
   * the value holds decoded stands for its characters in the file.
   */
  readMarkdownEscapes(): void {
    this.markdown = true
  }

  /** Prose so far, in characters. */
  get size(): number {
    return this.length
  }

  /** `value`, which stands verbatim in the file at `file`. */
  verbatim(value: string, file: number): void {
    if (value === '') return
    if (!FORMAT.test(value)) {
      this.push(value, file, value.length, true)
      return
    }
    let from = 0
    FORMAT_ALL.lastIndex = 0
    for (let match = FORMAT_ALL.exec(value); match; match = FORMAT_ALL.exec(value)) {
      if (match.index > from) this.push(value.slice(from, match.index), file + from, match.index - from, true)
      from = match.index + match[0].length
    }
    if (from < value.length) this.push(value.slice(from), file + from, value.length - from, true)
  }

  /**
   * `value`, which a parser decoded from the file's characters `from` to `to`
   * (escapes, character references, line prefixes, normalised line endings):
   * where the two agree the prose is exact, elsewhere each decoded piece
   * stands for the characters it came from.
   */
  decoded(value: string, from: number, to: number): void {
    const doc = this.source
    const end = Math.min(to, doc.length)
    // As it stands in the file (a plain paragraph's text), with nothing to decode: one piece.
    if (
      end - from === value.length &&
      value.length > 0 &&
      this.doc.startsWith(value, from) &&
      doc.startsWith(value, from) &&
      !(this.markdown && (value.includes('\\') || value.includes('&')))
    ) {
      this.verbatim(value, from)
      return
    }
    let index = 0
    let file = from
    while (index < value.length) {
      const escape =
        this.markdown && file < end && isEscapeStart(this.doc.charCodeAt(file))
          ? this.escape(value, index, file, end)
          : undefined
      if (escape) {
        index += escape[0]
        file += escape[1]
        continue
      }
      if (file < end && value.charCodeAt(index) === doc.charCodeAt(file)) {
        const at = file
        do {
          index++
          file++
        } while (
          index < value.length &&
          file < end &&
          value.charCodeAt(index) === doc.charCodeAt(file) &&
          !(this.markdown && isEscapeStart(this.doc.charCodeAt(file)))
        )
        this.verbatim(this.doc.slice(at, file), at)
        continue
      }
      // A line's prefix that the parser took off (indentation, `>` of a block quote).
      if (file < end && file > 0 && isLineEnding(doc.charCodeAt(file - 1)) && isLinePrefix(doc.charCodeAt(file))) {
        while (file < end && isLinePrefix(doc.charCodeAt(file)) && doc.charCodeAt(file) !== value.charCodeAt(index)) {
          file++
        }
        continue
      }
      const agreement = realign(value, index, doc, file, end)
      if (!agreement) {
        this.replaced(value.slice(index), file, end - file)
        return
      }
      const [inValue, inFile] = agreement
      if (inValue > 0) this.replaced(value.slice(index, index + inValue), file, inFile)
      index += inValue
      file += inFile
    }
  }

  /**
   * A Markdown escape or character reference of the file at `file` that the
   * value holds decoded at `index` (or, where the parser read it masked, holds
   * as the stand-ins it read): the decoded character is put down standing for
   * the escape's characters, so every range around it stays exact. Text that
   * holds the escape as written (in an autolink) is left to the caller.
   * Returns the characters stepped over, in the value and in the file.
   */
  private escape(value: string, index: number, file: number, end: number): [number, number] | undefined {
    const escape = escapeOrReferenceAt(this.doc, file, end)
    if (!escape) return undefined
    const read = this.source.slice(file, file + escape.length)
    if (read !== this.doc.slice(file, file + escape.length) && value.startsWith(read, index)) {
      // Masked: the parser read stand-ins, the prose is what the file's escape decodes to.
      this.replaced(escape.value, file, escape.length)
      return [read.length, escape.length]
    }
    // Decoded where it could be either (`\\` read as `\\`): in text, micromark decodes.
    if (!value.startsWith(escape.value, index)) return undefined
    this.replaced(escape.value, file, escape.length)
    return [escape.value.length, escape.length]
  }

  /** Decoded text that stands for `length` characters of the file at `file`. */
  replaced(value: string, file: number, length: number): void {
    const text = FORMAT.test(value) ? value.replace(FORMAT_ALL, '') : value
    if (text === '') return
    this.push(text, file, Math.max(0, length), false)
  }

  /** Something that is not prose (inline code) between `from` and `to` in the file. */
  object(from: number, to: number): void {
    this.push(OBJECT_REPLACEMENT, from, Math.max(0, to - from), false)
  }

  /** A paragraph break between two blocks, standing for the file between them. */
  blockBreak(from: number, to: number): void {
    if (this.length === 0) return
    this.push('\n\n', from, Math.max(0, to - from), false)
  }

  /** The prose; `identity` when it is the whole file, character for character. */
  build(): Prose {
    const text = this.parts.join('')
    const only = this.segments[0]
    const identity =
      this.segments.length === 0
        ? this.doc.length === 0
        : this.segments.length === 1 && only.exact && only.file === 0 && only.length === this.doc.length
    return new Prose(text, this.segments, identity)
  }

  private push(value: string, file: number, length: number, exact: boolean): void {
    const last = this.segments[this.segments.length - 1]
    if (exact && last && last.exact && last.file + last.length === file && last.text + last.length === this.length) {
      last.length += length
    } else {
      this.segments.push({text: this.length, file, length, exact})
    }
    this.parts.push(value)
    this.length += value.length
  }
}

/** `\\` or `&`: where a Markdown escape or character reference may start. */
function isEscapeStart(code: number): boolean {
  return code === 92 || code === 38
}

function isLineEnding(code: number): boolean {
  return code === 10 || code === 13
}

function isLinePrefix(code: number): boolean {
  return code === 32 || code === 9 || code === 62
}

/**
 * Where decoded text and the file agree again after a mismatch at
 * (`index`, `file`): the fewest characters to step over, in the value and in
 * the file, after which `AGREE` characters match (or both end).
 */
function realign(value: string, index: number, doc: string, file: number, end: number): [number, number] | undefined {
  for (let total = 1; total <= LOOK_IN_VALUE + LOOK_IN_FILE; total++) {
    for (let inValue = Math.min(total, LOOK_IN_VALUE); inValue >= 0; inValue--) {
      const inFile = total - inValue
      if (inFile > LOOK_IN_FILE) break
      const valueAt = index + inValue
      const fileAt = file + inFile
      if (valueAt > value.length || fileAt > end) continue
      const left = value.length - valueAt
      if (left === 0) return [inValue, fileAt === end ? inFile : inFile]
      const need = Math.min(AGREE, left)
      if (fileAt + need > end) continue
      let agree = true
      for (let k = 0; k < need; k++) {
        if (value.charCodeAt(valueAt + k) !== doc.charCodeAt(fileAt + k)) {
          agree = false
          break
        }
      }
      if (agree) return [inValue, inFile]
    }
  }
  return undefined
}

/** Prose of a plain-text file: the file itself, without its format characters. */
export function proseOfPlainText(doc: string): Prose {
  const builder = new ProseBuilder(doc)
  builder.verbatim(doc, 0)
  return builder.build()
}

/**
 * Prose of a plain-text parse another parser made (retext-english): the file,
 * with the tree's sentences and paragraphs.
 */
export function proseFromPlainText(doc: string, tree: NlcstRoot): Prose {
  const prose = proseOfPlainText(doc)
  spansFromTree(prose, tree)
  return prose
}

/**
 * Prose of an nlcst tree converted from Markdown or HTML by another pipeline
 * (remark-retext, rehype-retext). Leaves carry positions; where a leaf's text
 * differs from the file's (escapes, character references), the converters'
 * positions drift, so each leaf is re-anchored to where its text really stands
 * in the file, searching a bounded window forward.
 */
export function proseFromTree(doc: string, tree: NlcstRoot): Prose {
  const builder = new ProseBuilder(doc)
  const spans: Array<{kind: 'sentence' | 'paragraph'; start: number; end: number}> = []
  let shift = 0
  let lastFileEnd = 0

  // Iterative, in document order: a tree from a hostile document may be deep.
  const stack: Array<{node: NlcstParent | NlcstRoot; index: number; start: number}> = [{node: tree, index: 0, start: 0}]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.index >= frame.node.children.length) {
      stack.pop()
      const type = frame.node.type
      if (type === 'SentenceNode' || type === 'ParagraphNode') {
        spans.push({kind: type === 'SentenceNode' ? 'sentence' : 'paragraph', start: frame.start, end: builder.size})
      }
      continue
    }
    const child = frame.node.children[frame.index++]
    if (child.type === 'SourceNode') {
      const from = child.position?.start.offset ?? lastFileEnd
      const to = child.position?.end.offset ?? from
      builder.object(from, to)
      lastFileEnd = to
    } else if ('children' in child) {
      stack.push({node: child as NlcstParent, index: 0, start: builder.size})
    } else {
      const value = toString(child)
      const claimed = child.position?.start.offset
      if (claimed === undefined) {
        builder.replaced(value, lastFileEnd, 0)
        continue
      }
      let found = -1
      for (const candidate of [claimed + shift, claimed]) {
        if (doc.startsWith(value, candidate)) {
          found = candidate
          break
        }
      }
      if (found < 0) {
        const from = Math.max(claimed, lastFileEnd)
        const at = doc.indexOf(value, from)
        if (at >= 0 && at - from < 256) found = at
      }
      if (found >= 0) {
        builder.verbatim(value, found)
        shift = found - claimed
        lastFileEnd = found + value.length
      } else {
        builder.replaced(value, claimed + shift, 0)
      }
    }
  }
  const prose = builder.build()
  for (const span of spans) (span.kind === 'sentence' ? prose.sentences : prose.paragraphs).push(span)
  prose.sentences.sort((a, b) => a.start - b.start)
  prose.paragraphs.sort((a, b) => a.start - b.start)
  return prose
}

/** Sentence and paragraph spans of a tree whose positions are file offsets. */
function spansFromTree(prose: Prose, tree: NlcstRoot): void {
  const stack: Array<NlcstRoot | NlcstParent> = [tree]
  const spans: Array<{kind: 'sentence' | 'paragraph'; start: number; end: number}> = []
  while (stack.length > 0) {
    const node = stack.pop()!
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (!('children' in child)) continue
      if (child.type === 'SentenceNode' || child.type === 'ParagraphNode') {
        const start = child.position?.start.offset
        const end = child.position?.end.offset
        if (start !== undefined && end !== undefined) {
          spans.push({kind: child.type === 'SentenceNode' ? 'sentence' : 'paragraph', start, end})
        }
      }
      if (child.type !== 'SentenceNode') stack.push(child as NlcstParent)
    }
  }
  for (const span of spans) {
    ;(span.kind === 'sentence' ? prose.sentences : prose.paragraphs).push({
      start: prose.fromFile(span.start),
      end: prose.fromFile(span.end)
    })
  }
  prose.sentences.sort((a, b) => a.start - b.start)
  prose.paragraphs.sort((a, b) => a.start - b.start)
}
