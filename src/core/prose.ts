/**
 * The prose of a file as one string, with a map back to offsets in the file.
 *
 * Markdown and HTML are parsed into nlcst by the unified collective's
 * converters; their leaves carry positions in the original file. Rules work on
 * the concatenated prose (so a figure split by the English sentence splitter,
 * like `<>.<> billion`, is still one figure) and report on file offsets.
 */
import type {Root as NlcstRoot, Parent as NlcstParent} from 'nlcst'
import {toString} from 'nlcst-to-string'

export interface Span {
  start: number
  end: number
}

/** A piece of prose copied from the file: `len` characters at `file`. */
interface Segment {
  text: number
  file: number
  len: number
  /** Whether the text is the file's text verbatim (else it is decoded, e.g. an entity). */
  exact: boolean
}

const OBJECT_REPLACEMENT = '\uFFFC'

export class Prose {
  readonly text: string
  readonly sentences: Span[]
  readonly paragraphs: Span[]
  private readonly segments: Segment[]
  private readonly identity: boolean

  constructor(text: string, segments: Segment[], sentences: Span[], paragraphs: Span[], identity: boolean) {
    this.text = text
    this.segments = segments
    this.sentences = sentences
    this.paragraphs = paragraphs
    this.identity = identity
  }

  /** Offset in the file of prose offset `offset` (a start). */
  toFile(offset: number): number {
    if (this.identity) return offset
    const seg = this.segmentAt(offset)
    if (!seg) return 0
    const delta = offset - seg.text
    if (seg.exact) return seg.file + Math.min(delta, seg.len)
    return seg.file
  }

  /** Offset in the file of an exclusive end at prose offset `offset`. */
  toFileEnd(offset: number): number {
    if (this.identity) return offset
    if (offset <= 0) return this.toFile(0)
    const seg = this.segmentAt(offset - 1)
    if (!seg) return 0
    if (seg.exact) return seg.file + (offset - seg.text)
    return seg.file + seg.len
  }

  /** Index of the sentence holding `offset`, or -1. */
  sentenceAt(offset: number): number {
    return bisect(this.sentences, offset)
  }

  private segmentAt(offset: number): Segment | undefined {
    const segs = this.segments
    let lo = 0
    let hi = segs.length - 1
    if (hi < 0) return undefined
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (segs[mid].text <= offset) lo = mid
      else hi = mid - 1
    }
    return segs[lo]
  }
}

function bisect(spans: Span[], offset: number): number {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const span = spans[mid]
    if (offset < span.start) hi = mid - 1
    else if (offset >= span.end) lo = mid + 1
    else return mid
  }
  return -1
}

/** Prose of a plain-text file: the file itself. */
export function proseFromPlainText(doc: string, tree: NlcstRoot): Prose {
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  collectSpans(
    tree,
    sentences,
    paragraphs,
    (node) => node.position?.start.offset,
    (node) => node.position?.end.offset
  )
  return new Prose(doc, [], sentences, paragraphs, true)
}

/**
 * Prose of a converted (Markdown or HTML) tree. Leaves carry positions; where a
 * leaf's text differs from the file's (escapes, character references), the
 * converters' positions drift, so each leaf is re-anchored to where its text
 * really stands in the file, searching a bounded window forward.
 */
export function proseFromTree(doc: string, tree: NlcstRoot): Prose {
  const parts: string[] = []
  const segments: Segment[] = []
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  let length = 0
  let shift = 0
  let lastFileEnd = 0

  const visit = (node: NlcstParent | NlcstRoot): void => {
    for (const child of node.children) {
      const start = length
      if (child.type === 'SourceNode') {
        const from = child.position?.start.offset ?? lastFileEnd
        const to = child.position?.end.offset ?? from
        parts.push(OBJECT_REPLACEMENT)
        segments.push({text: length, file: from, len: Math.max(0, to - from), exact: false})
        length += 1
        lastFileEnd = to
      } else if ('children' in child) {
        visit(child as NlcstParent)
        if (child.type === 'SentenceNode') sentences.push({start, end: length})
        else if (child.type === 'ParagraphNode') paragraphs.push({start, end: length})
      } else {
        const value = toString(child)
        const claimed = child.position?.start.offset
        let file = claimed ?? lastFileEnd
        let exact = false
        if (claimed !== undefined) {
          const candidates = [claimed + shift, claimed]
          let found = -1
          for (const c of candidates) {
            if (doc.startsWith(value, c)) {
              found = c
              break
            }
          }
          if (found < 0) {
            const from = Math.max(claimed, lastFileEnd)
            const at = doc.indexOf(value, from)
            if (at >= 0 && at - from < 256) found = at
          }
          if (found >= 0) {
            file = found
            shift = found - claimed
            exact = true
          } else {
            file = claimed + shift
          }
        }
        parts.push(value)
        segments.push({text: length, file, len: value.length, exact})
        length += value.length
        lastFileEnd = file + (exact ? value.length : 0)
      }
    }
  }

  visit(tree)
  const text = parts.join('')
  return new Prose(text, segments, sentences, paragraphs, false)
}

function collectSpans(
  tree: NlcstRoot,
  sentences: Span[],
  paragraphs: Span[],
  startOf: (node: NlcstParent) => number | undefined,
  endOf: (node: NlcstParent) => number | undefined
): void {
  const visit = (node: NlcstParent | NlcstRoot): void => {
    for (const child of node.children) {
      if (!('children' in child)) continue
      const parent = child as NlcstParent
      if (child.type === 'SentenceNode' || child.type === 'ParagraphNode') {
        const start = startOf(parent)
        const end = endOf(parent)
        if (start !== undefined && end !== undefined) {
          ;(child.type === 'SentenceNode' ? sentences : paragraphs).push({start, end})
        }
      }
      if (child.type !== 'SentenceNode') visit(parent)
    }
  }
  visit(tree)
}
