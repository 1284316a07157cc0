/**
 * parse-english, with its two most costly steps done without the per-character
 * and per-node work of the published code, for the same tree.
 *
 * 1. The tokenizer. parse-latin's `tokenize` runs up to three Unicode regular
 *    expressions on every character of the text to tell white space,
 *    punctuation, word and symbol characters apart. Here each UTF-16 code unit
 *    is classed once (by parse-latin's own tokenizer, run on that one unit) and
 *    the class kept in a table; the tokens are then built as parse-latin builds
 *    them, down to which position objects are shared.
 * 2. `breakImplicitSentences`, which splits a sentence at white space holding
 *    a blank line: parse-latin serialises and splits every white-space node of
 *    every sentence to count its line endings; here they are counted in place.
 *
 * Everything else (the merge steps that make "U.S.", "3.5" and "Mr. Smith"
 * single words or sentences) is parse-english's own code. The parse is the
 * largest single cost of linting short stories (a third of it in the tokenizer
 * alone); with this one, 300 stories parse in about 40% less time.
 * tests/english-parser.test.ts holds the trees deeply equal to parse-english's,
 * and their shared points shared alike, on the corpora and on random text.
 */
import type {Paragraph, RootContent, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {ParseLatin} from 'parse-latin'
import type {Span} from './prose.js'

const WHITE_SPACE = 1
const PUNCTUATION = 2
const WORD = 3
const SYMBOL = 4

type Kind = typeof WHITE_SPACE | typeof PUNCTUATION | typeof WORD | typeof SYMBOL
type TokenType = 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode'

const TYPE_OF_KIND: Record<Kind, SentenceContent['type']> = {
  [WHITE_SPACE]: 'WhiteSpaceNode',
  [PUNCTUATION]: 'PunctuationNode',
  [WORD]: 'WordNode',
  [SYMBOL]: 'SymbolNode'
}

const KIND_OF_TYPE: Record<string, Kind> = {
  WhiteSpaceNode: WHITE_SPACE,
  PunctuationNode: PUNCTUATION,
  WordNode: WORD,
  SymbolNode: SYMBOL
}

/** The class of each UTF-16 code unit, filled on first sight (0: not yet classed). */
const kinds = new Uint8Array(65536)
const classer = new ParseLatin()

function kindOf(code: number): Kind {
  let kind = kinds[code] as Kind | 0
  if (kind === 0) {
    // parse-latin's tokenizer classes a text one code unit at a time: on one unit, its one token's type is the class.
    const [token] = ParseLatin.prototype.tokenize.call(classer, String.fromCharCode(code))
    kind = KIND_OF_TYPE[token.type]
    kinds[code] = kind
  }
  return kind
}

interface Point {
  line: number
  column: number
  offset: number
}

/** The step this parser does itself, found in parse-latin's list (7.x keeps it tenth of twelve). */
const latinParagraphPlugins = ParseLatin.prototype.tokenizeParagraphPlugins
const publishedBreak = latinParagraphPlugins.length === 12 ? latinParagraphPlugins[9] : undefined

export class EnglishParser extends ParseEnglish {
  private readonly positions: boolean

  /**
   * With `positions: false`, the tree is for the spans of its sentences and
   * paragraphs, nothing else: no node has a position (nlcst's are optional,
   * and parse-latin's steps patch one only where both nodes have one). The
   * tree still holds every character of the text, in order, so a node's span
   * is the length of what comes before it ({@link spansByLength}): the same
   * spans, from half the objects.
   */
  constructor(options: {positions?: boolean} = {}) {
    super()
    this.positions = options.positions ?? true
    const at = publishedBreak ? this.tokenizeParagraphPlugins.indexOf(publishedBreak) : -1
    // Any other layout of the list: parse-english's own step stays (slower, the same tree).
    if (at >= 0) this.tokenizeParagraphPlugins[at] = breakImplicitSentences
  }

  /** parse-latin's `tokenize`: the same tokens, with the same positions and the same shared points. */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    if (!value) return []
    if (!this.positions) return tokenizeBare(value)
    const children: SentenceContent[] = []
    let line = 1
    let column = 1
    let offset = 0
    let from = 0
    let start: Point = {line, column, offset}
    let previousKind: Kind | 0 = 0
    let previousCode = -1
    const length = value.length
    for (let index = 0; index < length; index++) {
      const code = value.charCodeAt(index)
      const kind = kindOf(code)
      if (from < index && previousKind !== 0 && !continues(previousKind, kind, code, previousCode)) {
        children.push(token(previousKind, value.slice(from, index), start, line, column, offset))
        from = index
        start = {line, column, offset}
      }
      if (code === 13 || (code === 10 && previousCode !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }
      offset++
      previousKind = kind
      previousCode = code
    }
    if (previousKind !== 0 && from < length) {
      children.push(token(previousKind, value.slice(from, length), start, line, column, offset))
    }
    return children
  }
}

/** Whether a unit of `kind` continues the token before it: words and white space do; so does a repeated punctuation or symbol unit, or any surrogate. */
function continues(previousKind: Kind, kind: Kind, code: number, previousCode: number): boolean {
  return (
    previousKind === kind &&
    (kind === WORD || kind === WHITE_SPACE || code === previousCode || (code >= 0xd800 && code <= 0xdfff))
  )
}

/** The tokens of {@link EnglishParser.tokenize} without positions (see the `positions` option). */
function tokenizeBare(value: string): SentenceContent[] {
  const children: SentenceContent[] = []
  let from = 0
  let previousKind: Kind | 0 = 0
  let previousCode = -1
  const length = value.length
  for (let index = 0; index <= length; index++) {
    const code = index < length ? value.charCodeAt(index) : -1
    const kind = index < length ? kindOf(code) : 0
    if (from < index && previousKind !== 0 && (kind === 0 || !continues(previousKind, kind, code, previousCode))) {
      const text = value.slice(from, index)
      children.push(
        previousKind === WORD
          ? {type: 'WordNode', children: [{type: 'TextNode', value: text}]}
          : {type: TYPE_OF_KIND[previousKind] as TokenType, value: text}
      )
      from = index
    }
    previousKind = kind
    previousCode = code
  }
  return children
}

/** The spans of the paragraphs and sentences of a tree's top-level nodes, read from the length of the text before each. */
export function spansByLength(children: readonly RootContent[]): {sentences: Span[]; paragraphs: Span[]} {
  const sentences: Span[] = []
  const paragraphs: Span[] = []
  let offset = 0
  for (const child of children) {
    if (child.type !== 'ParagraphNode') {
      offset += lengthOf(child)
      continue
    }
    const start = offset
    for (const inner of child.children) {
      const length = lengthOf(inner)
      if (inner.type === 'SentenceNode') sentences.push({start: offset, end: offset + length})
      offset += length
    }
    paragraphs.push({start, end: offset})
  }
  return {sentences, paragraphs}
}

/** The length of a node's text: of its value, or of its children's. */
function lengthOf(node: RootContent): number {
  if ('value' in node) return node.value.length
  let length = 0
  for (const child of node.children) length += lengthOf(child)
  return length
}

/** One token as parse-latin makes it: a word and its text share their start point, not their end. */
function token(kind: Kind, value: string, start: Point, line: number, column: number, offset: number): SentenceContent {
  if (kind === WORD) {
    return {
      type: 'WordNode',
      children: [{type: 'TextNode', value, position: {start, end: {line, column, offset}}}],
      position: {start, end: {line, column, offset}}
    }
  }
  return {type: TYPE_OF_KIND[kind] as TokenType, value, position: {start, end: {line, column, offset}}}
}

/**
 * parse-latin's `breakImplicitSentences`: a sentence is broken at inner white
 * space that holds two line endings or more (a CR LF pair is one), and the
 * sentence after it is looked at again.
 */
function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    // Not the first child or the last.
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || lineEndings(node.value) < 2) continue
      child.children = children.slice(0, position)
      const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]
      const head = children[position + 1]
      siblings.splice(index + 1, 0, node as WhiteSpace, insertion)
      if (child.position && tail.position && head.position) {
        const end = child.position.end
        child.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      // The white space is looked at next (and passed over), then the new sentence.
      break
    }
  }
}

function lineEndings(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code === 10) {
      count++
    }
  }
  return count
}
