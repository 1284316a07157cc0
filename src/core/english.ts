/**
 * The English parse of a file's prose, in pieces of bounded size.
 *
 * parse-english (parse-latin) runs its merge steps over a whole text's token
 * list, splicing it once per merge: the time grows with the square of the
 * piece (a 64 KB piece already costs four times what sixteen 4 KB pieces do,
 * and 4 MB in one piece took 25 s), and a run of tens of thousands of tokens
 * that merge into one word overflows the stack. Cut at paragraph breaks (else
 * line breaks, sentence ends, spaces), every piece stays small and the whole
 * parse is linear. A cut only decides where a paragraph or sentence may end;
 * the prose itself is one string, so no figure or name is ever cut in two.
 */
import type {Root, RootContent, Paragraph, Sentence} from 'nlcst'
import type {Point} from 'unist'
import {EnglishParser, spansByLength} from './english-parser.js'
import type {Prose, Span} from './prose.js'

/** A piece is cut near this many characters, and never past twice as many. */
export const PIECE = 4096

const parser = new EnglishParser()
/** For the lint path, which reads sentence and paragraph spans and keeps no nodes. */
const spansParser = new EnglishParser({positions: false})

/**
 * Parse `text` into nlcst in bounded pieces. Positions are offsets in `text`
 * (lines and columns are set by {@link placeTree}).
 */
export function parseProse(text: string): Root {
  return parseProseWithSpans(text, true).tree
}

/** What a piece of prose parses to, with offsets in the piece. */
interface PieceParse {
  children: RootContent[]
  sentences: Span[]
  paragraphs: Span[]
}

/**
 * The pieces of one document's last parse, for its next version: an editor
 * changes a paragraph or two, and every piece whose text is unchanged is not
 * parsed again (the language server keeps one per open document). It holds one
 * version's pieces (their spans), never more. Only for the lint path, which
 * keeps no nodes.
 */
export class PieceCache {
  private previous = new Map<string, PieceParse>()
  private current = new Map<string, PieceParse>()
  /** Pieces the last parse took from the version before it. */
  reused = 0

  /** Start a parse: the last parse's pieces are the ones to reuse. */
  begin(): void {
    this.previous = this.current
    this.current = new Map()
    this.reused = 0
  }

  take(text: string): PieceParse | undefined {
    const parse = this.previous.get(text) ?? this.current.get(text)
    if (parse) {
      if (this.previous.has(text)) this.reused++
      this.current.set(text, parse)
    }
    return parse
  }

  keep(text: string, parse: PieceParse): void {
    this.current.set(text, parse)
  }

  /** End a parse: what it did not use is let go. */
  end(): void {
    this.previous = new Map()
  }
}

/**
 * Parse `text` in bounded pieces, with the spans of its sentences and
 * paragraphs (offsets in `text`). With `keepNodes` false, the tree has no
 * children: copydesk's own lint path, whose rules read the spans and the text,
 * and where no other plugin sees the tree. Its nodes then go with their piece
 * rather than live through the whole lint (a 1 MB story held 212 MB of heap
 * with them, 90 MB without, and took a third less time), and `cache` can give
 * back the spans of the document's last version.
 */
export function parseProseWithSpans(
  text: string,
  keepNodes: boolean,
  cache?: PieceCache
): {tree: Root; sentences: Span[]; paragraphs: Span[]} {
  const tree: Root = {type: 'RootNode', children: []}
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  const pieces = keepNodes ? undefined : cache
  pieces?.begin()
  let start = 0
  while (start < text.length) {
    const end = cutAfter(text, start)
    const pieceText = text.slice(start, end)
    let piece = pieces?.take(pieceText)
    if (!piece) {
      piece = parsePiece(pieceText, keepNodes)
      pieces?.keep(pieceText, piece)
    }
    if (keepNodes) {
      for (const child of piece.children) {
        if (start > 0) shift(child, start)
        tree.children.push(child)
      }
    }
    for (const span of piece.paragraphs) paragraphs.push({start: span.start + start, end: span.end + start})
    for (const span of piece.sentences) sentences.push({start: span.start + start, end: span.end + start})
    start = end
  }
  pieces?.end()
  return {tree, sentences, paragraphs}
}

function parsePiece(text: string, keepNodes: boolean): PieceParse {
  if (!keepNodes) return {children: [], ...spansByLength(spansParser.parse(text).children)}
  const children = parser.parse(text).children
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  for (const child of children) {
    if (child.type !== 'ParagraphNode') continue
    paragraphs.push(spanOf(child))
    for (const sentence of child.children) if (sentence.type === 'SentenceNode') sentences.push(spanOf(sentence))
  }
  return {children, sentences, paragraphs}
}

/** Where the piece that starts at `start` ends. */
export function cutAfter(text: string, start: number): number {
  const limit = start + 2 * PIECE
  if (text.length <= limit) return text.length
  let paragraph = -1
  let line = -1
  let sentence = -1
  let space = -1
  for (let index = start + 1; index < limit; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) {
      // After the line ending (a CR LF pair is one).
      const after = code === 13 && text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1
      if (after > limit) break
      line = after
      let back = index - 1
      while (back > start && isBlank(text.charCodeAt(back))) back--
      if (back > start && isLineEnding(text.charCodeAt(back))) paragraph = after
      index = after - 1
    } else if (code === 32 || code === 9) {
      space = index + 1
      const before = text.charCodeAt(index - 1)
      if (isTerminal(before) && isUpper(text.charCodeAt(index + 1))) sentence = index + 1
    }
  }
  for (const cut of [paragraph, line, sentence, space]) if (cut > start + PIECE / 8) return cut
  // One run without a break: cut hard, never inside a surrogate pair.
  let cut = start + PIECE
  const code = text.charCodeAt(cut)
  if (code >= 0xdc00 && code <= 0xdfff) cut++
  return cut
}

function isLineEnding(code: number): boolean {
  return code === 10 || code === 13
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9
}

function isTerminal(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90
}

type Node = Root | RootContent

/**
 * Move a parsed piece's offsets by `by`. parse-latin shares point objects
 * between a node and its first or last child (a word and its text, a sentence
 * and its first word), so each point is moved once, however many nodes hold it.
 */
function shift(node: Node, by: number): void {
  const stack: Node[] = [node]
  const moved = new Set<Point>()
  const move = (point: Point) => {
    if (point.offset === undefined || moved.has(point)) return
    moved.add(point)
    point.offset += by
  }
  while (stack.length > 0) {
    const current = stack.pop()!
    const position = current.position
    if (position) {
      move(position.start)
      move(position.end)
    }
    if ('children' in current) for (const child of current.children) stack.push(child)
  }
}

/** Sentences and paragraphs of a tree whose offsets are prose offsets. */
export function proseSpans(tree: Root): {sentences: Span[]; paragraphs: Span[]} {
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  for (const child of tree.children) {
    if (child.type !== 'ParagraphNode') continue
    paragraphs.push(spanOf(child))
    for (const sentence of child.children) if (sentence.type === 'SentenceNode') sentences.push(spanOf(sentence))
  }
  return {sentences, paragraphs}
}

function spanOf(node: Paragraph | Sentence): Span {
  return {start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0}
}

/**
 * Put a tree parsed from the prose in its place in the file: each node's
 * offsets become file offsets, with their lines and columns.
 *
 * parse-latin shares point objects between a node and its first or last
 * child (a sentence and its first word, a word and its text): a child whose
 * point is its parent's takes the parent's placed point, so a chain of shared
 * points is placed once. Any other sharing is placed again, to an equal point:
 * placing never changes a point of the parsed tree, only replaces it. (Keying
 * the placed points by their originals in a Map cost more than the placing.)
 */
export function placeTree(tree: Root, prose: Prose, toPoint: (offset: number) => Point): void {
  const nodes: Node[] = [tree]
  // For each node on the stack: its parent's points as parsed and as placed.
  const parsedStarts: (Point | undefined)[] = [undefined]
  const placedStarts: (Point | undefined)[] = [undefined]
  const parsedEnds: (Point | undefined)[] = [undefined]
  const placedEnds: (Point | undefined)[] = [undefined]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const parentStart = parsedStarts.pop()
    const parentPlacedStart = placedStarts.pop()
    const parentEnd = parsedEnds.pop()
    const parentPlacedEnd = placedEnds.pop()
    const position = node.position
    let start: Point | undefined
    let end: Point | undefined
    if (position) {
      start = position.start === parentStart ? parentPlacedStart! : toPoint(prose.toFile(position.start.offset ?? 0))
      end = position.end === parentEnd ? parentPlacedEnd : undefined
      if (!end || end.offset! < start.offset!) {
        end = toPoint(Math.max(start.offset!, prose.toFileEnd(position.end.offset ?? 0)))
      }
      node.position = {start, end}
    }
    if ('children' in node) {
      for (const child of node.children) {
        nodes.push(child)
        parsedStarts.push(position?.start)
        placedStarts.push(start)
        parsedEnds.push(position?.end)
        placedEnds.push(end)
      }
    }
  }
}
