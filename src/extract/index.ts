/**
 * The single extraction pass: tokens, figures, ordinals, decades, centuries,
 * dates, times, ages and name mentions, with exact offsets, and the story's
 * date, dateline and paragraphs, computed once per file and shared by every rule.
 */
import type {Root as NlcstRoot} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {proseFromPlainText, proseFromTree, type Prose} from '../core/prose.js'
import {lexicon, type Lexicon} from '../knowledge/lexicon.js'
import {builtInKnowledge, type Knowledge} from '../knowledge/base.js'
import {tokenize, type Token} from './tokens.js'
import {extractFigures, type DateMention, type FigureExtraction} from './figures.js'
import {extractNames, type NameExtraction} from './names.js'
import {paragraphsOf, type Span} from './paragraphs.js'
import {datelineOf, readStoryDate, type StoryDate} from './story-date.js'

export type {StoryDate, StoryDateSource} from './story-date.js'
export {describeStoryDate, datelineOf} from './story-date.js'

export interface CopydeskContext {
  /** The knowledge base; without one, the built-in knowledge (loaded on first use). */
  knowledge?: Knowledge
  /** The date set in config or on the command line, if any (YYYY-MM-DD). */
  date?: string
  /** Today's date, injectable for tests (YYYY-MM-DD). */
  today?: string
}

export interface Extraction extends FigureExtraction, NameExtraction {
  prose: Prose
  text: string
  tokens: Token[]
  lexicon: Lexicon
  knowledge: Knowledge
  storyDate: StoryDate
  /** The date mention of the story's dateline, if it has one (whatever the date setting). */
  dateline: DateMention | undefined
  /** Paragraphs as the writer separated them (blank lines, else line breaks); read on first use. */
  readonly paragraphs: Span[]
  /** Sentence index of each token. */
  tokenSentence: Int32Array
  /** Token index at or after a prose offset. */
  tokenAt(offset: number): number
  /** File position of a prose range. */
  place(start: number, end: number): {start: Point; end: Point}
}

export interface Point {
  line: number
  column: number
  offset: number
}

declare module 'vfile' {
  interface DataMap {
    copydesk: CopydeskContext
    extraction: Extraction
  }
}

/**
 * The extraction of a file, computed on first use. copydesk's own parser leaves
 * the file's prose on `file.data.prose` and its processor the knowledge base and
 * dates on `file.data.copydesk`; in any other unified pipeline (retext-english,
 * or remark-retext / rehype-retext over Markdown or HTML) the prose is built
 * here from the nlcst tree, and the built-in knowledge base is used.
 */
export function extraction(file: VFile, tree?: NlcstRoot): Extraction {
  const cached = file.data.extraction
  if (cached) return cached
  const prose = file.data.prose ?? proseOfTree(file, tree)
  const context = file.data.copydesk ?? {}
  const knowledge = context.knowledge ?? builtInKnowledge()
  const lex = lexicon()
  const text = prose.text
  const tokens = tokenize(text)
  const figures = extractFigures(text, tokens, lex)
  const names = extractNames(text, tokens, lex, knowledge.titleWords)
  const tokenSentence = new Int32Array(tokens.length)
  const sentences = prose.sentences
  let s = 0
  for (let i = 0; i < tokens.length; i++) {
    while (s < sentences.length && sentences[s].end <= tokens[i].start) s++
    tokenSentence[i] = s < sentences.length && sentences[s].start <= tokens[i].start ? s : -1 - s
  }
  // The file positions are in: the file, or for a tree run without its file, the tree's own text.
  const doc = String(file) || prose.text
  const result = new StoryExtraction(
    figures,
    names,
    prose,
    tokens,
    lex,
    knowledge,
    storyDate(text, figures.dates, context, doc, file.path),
    datelineOf(text, figures.dates),
    tokenSentence,
    doc
  )
  file.data.extraction = result
  return result
}

/**
 * A file's extraction. A class, so that every extraction has one shape: the rules
 * read its properties in every story, and an object literal with a getter made per
 * story (as this was) gave each story's extraction a shape of its own, which made
 * every one of those reads a lookup.
 */
class StoryExtraction implements Extraction {
  readonly figures: FigureExtraction['figures']
  readonly ordinals: FigureExtraction['ordinals']
  readonly decades: FigureExtraction['decades']
  readonly centuries: FigureExtraction['centuries']
  readonly dates: FigureExtraction['dates']
  readonly times: FigureExtraction['times']
  readonly ages: FigureExtraction['ages']
  readonly chains: NameExtraction['chains']
  readonly chainAt: NameExtraction['chainAt']
  readonly chainEndingAt: NameExtraction['chainEndingAt']
  readonly persons: NameExtraction['persons']
  readonly parentheticals: NameExtraction['parentheticals']
  readonly text: string
  private paragraphSpans: Span[] | undefined = undefined
  private readonly positions: ReturnType<typeof location>

  constructor(
    figures: FigureExtraction,
    names: NameExtraction,
    readonly prose: Prose,
    readonly tokens: Token[],
    readonly lexicon: Lexicon,
    readonly knowledge: Knowledge,
    readonly storyDate: StoryDate,
    readonly dateline: DateMention | undefined,
    readonly tokenSentence: Int32Array,
    private readonly doc: string
  ) {
    this.figures = figures.figures
    this.ordinals = figures.ordinals
    this.decades = figures.decades
    this.centuries = figures.centuries
    this.dates = figures.dates
    this.times = figures.times
    this.ages = figures.ages
    this.chains = names.chains
    this.chainAt = names.chainAt
    this.chainEndingAt = names.chainEndingAt
    this.persons = names.persons
    this.parentheticals = names.parentheticals
    this.text = prose.text
    this.positions = location(doc)
  }

  get paragraphs(): Span[] {
    return (this.paragraphSpans ??= paragraphsOf(this.text))
  }

  tokenAt(offset: number): number {
    const tokens = this.tokens
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid].end <= offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  place(start: number, end: number): {start: Point; end: Point} {
    const from = this.prose.toFile(start)
    const to = Math.max(from, this.prose.toFileEnd(end))
    return {start: this.point(from), end: this.point(to)}
  }

  private point(offset: number): Point {
    const point = this.positions.toPoint(offset)
    if (point) return {line: point.line, column: point.column, offset}
    const end = this.positions.toPoint(this.doc.length)!
    return {line: end.line, column: end.column, offset: this.doc.length}
  }
}

/**
 * The prose of a tree another parser made. A plain-text parse (retext-english)
 * holds every character of the file, so the file is the prose, offset for
 * offset; a tree from Markdown or HTML (through remark-retext or rehype-retext)
 * holds only the prose, each leaf placed back where its text stands in the file.
 */
function proseOfTree(file: VFile, tree: NlcstRoot | undefined): Prose {
  if (!tree || tree.type !== 'RootNode') {
    throw new Error('copydesk: expected an nlcst tree (use a parser such as retext-english before copydesk)')
  }
  const doc = String(file)
  const text = toString(tree)
  if (text === doc) return proseFromPlainText(doc, tree)
  // A tree handed over without its file (`processor.run(tree)`): its own text is the document.
  if (doc === '') return proseFromPlainText(text, tree)
  return proseFromTree(doc, tree)
}

/** Today (UTC), made once a minute at most: a run over many stories asks once per story. */
let today: {at: number; date: string} | undefined
function todayString(): string {
  const now = Date.now()
  if (!today || now - today.at > 60_000 || now < today.at) {
    today = {at: now, date: new Date(now).toISOString().slice(0, 10)}
  }
  return today.date
}

/** The story's date (the setting, the story's metadata, dateline or file name, else today). */
export function storyDate(
  text: string,
  dates: DateMention[],
  context: CopydeskContext,
  document = text,
  path?: string
): StoryDate {
  return readStoryDate({text, dates, document, path, setting: context.date, today: context.today ?? todayString()})
}
