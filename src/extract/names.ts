/**
 * Name mentions: runs of capitalised words, the people among them, and
 * parenthetical glosses and short names, read once from the token stream.
 */
import type {Lexicon} from '../knowledge/lexicon.js'
import {inlineGap, isCapitalized, type Token} from './tokens.js'

export interface NameChain {
  /** Token indices, inclusive. */
  first: number
  last: number
  start: number
  end: number
  /** The chain's words as written (connectors included), a possessive "'s" removed. */
  words: string[]
  text: string
  possessive: boolean
}

export interface PersonMention {
  /** Token range of the name itself (title excluded). */
  first: number
  last: number
  start: number
  end: number
  name: string
  words: string[]
  /** Title words before the name, as written ("Vietnamese Prime Minister"). */
  title?: string
  titleFirst?: number
  /** Why this chain is taken for a person. */
  cue: 'title' | 'speech' | 'apposition' | 'honorific'
}

export interface Parenthetical {
  open: number
  close: number
  start: number
  end: number
  /** Inner text without brackets (and without quotes around it). */
  inner: string
  innerStart: number
  innerEnd: number
  /** "hereinafter referred to as", "referred to as", "short for"... when present. */
  introducer?: string
  /** The inner text was quoted. */
  quoted: boolean
  /** The capitalised chain ending right before the bracket, if any. */
  before?: NameChain
}

export interface NameExtraction {
  chains: NameChain[]
  /** Chains by the index of their first token. */
  chainAt: Map<number, NameChain>
  /** Chains by the index of their last token. */
  chainEndingAt: Map<number, NameChain>
  persons: PersonMention[]
  parentheticals: Parenthetical[]
}

/** A middle initial as a chain holds it: "W." */
const INITIAL = /^\p{Lu}\.$/u

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»'])

// The patterns of the functions below are made once: a literal in a function body makes a new
// RegExp object each time it runs, and these run for every word of a name.
const POSSESSIVE_S = /['’]s$/u
const FINAL_APOSTROPHE = /['’]$/u
const POSSESSIVE = /['’]s?$/u
const APOSTROPHE = /['’]/u

export function stripPossessive(word: string): string {
  return word.replace(POSSESSIVE_S, '').replace(FINAL_APOSTROPHE, '')
}

export function extractNames(text: string, tokens: Token[], lex: Lexicon, officeTitles: Set<string>): NameExtraction {
  const chains = readChains(text, tokens, lex)
  const persons = readPersons(text, tokens, lex, chains, officeTitles)
  const parentheticals = readParentheticals(text, tokens, chains, lex.shortNameIntroducers)
  const chainAt = new Map<number, NameChain>()
  const chainEndingAt = new Map<number, NameChain>()
  for (const chain of chains) {
    chainAt.set(chain.first, chain)
    chainEndingAt.set(chain.last, chain)
  }
  return {chains, chainAt, chainEndingAt, persons, parentheticals}
}

function readChains(text: string, tokens: Token[], lex: Lexicon): NameChain[] {
  const chains: NameChain[] = []
  let i = 0
  while (i < tokens.length) {
    if (!isCapitalized(tokens[i])) {
      i++
      continue
    }
    let last = i
    let j = i + 1
    while (j < tokens.length) {
      const prev = tokens[last]
      if (POSSESSIVE_S.test(prev.text)) break
      const t = tokens[j]
      // A middle initial ("George W. Bush"): the point belongs to the name, not the sentence.
      if (last > i && isInitialPoint(text, tokens, last, j)) {
        last = j + 1
        j += 2
        continue
      }
      if (!inlineGap(text, tokens[j - 1], t) || tokens[j - 1].end === t.start) break
      if (isCapitalized(t)) {
        last = j
        j++
        continue
      }
      if (t.kind === 'word' && lex.nameConnectors.has(t.lower)) {
        // A connector only joins when a capitalised word follows: "Bank of China".
        let k = j + 1
        while (
          k < tokens.length &&
          tokens[k].kind === 'word' &&
          lex.nameConnectors.has(tokens[k].lower) &&
          !isCapitalized(tokens[k])
        )
          k++
        if (k < tokens.length && isCapitalized(tokens[k]) && inlineGap(text, tokens[k - 1], tokens[k])) {
          last = k
          j = k + 1
          continue
        }
      }
      break
    }
    const words: string[] = []
    for (let k = i; k <= last; k++) {
      if (tokens[k].text === '.') words[words.length - 1] += '.'
      else words.push(tokens[k].text)
    }
    const possessive = POSSESSIVE.test(words[words.length - 1]) && APOSTROPHE.test(words[words.length - 1].slice(-2))
    words[words.length - 1] = stripPossessive(words[words.length - 1])
    chains.push({
      first: i,
      last,
      start: tokens[i].start,
      end: possessive ? tokens[last].start + words[words.length - 1].length : tokens[last].end,
      words,
      text: words.join(' '),
      possessive
    })
    i = last + 1
  }
  return chains
}

/**
 * A one-letter capital at `initial`, a point right after it at `point`, and a
 * capitalised word after a space: "W. Bush". The caller asks only inside a
 * chain that already holds a word, so "Plan B." at the end of a sentence stays out.
 */
function isInitialPoint(text: string, tokens: Token[], initial: number, point: number): boolean {
  const letter = tokens[initial]
  const dot = tokens[point]
  const next = tokens[point + 1]
  return (
    dot !== undefined &&
    dot.text === '.' &&
    point === initial + 1 &&
    letter.end === dot.start &&
    letter.text.length === 1 &&
    isCapitalized(letter) &&
    next !== undefined &&
    isCapitalized(next) &&
    next.start > dot.end &&
    inlineGap(text, dot, next)
  )
}

function readPersons(
  text: string,
  tokens: Token[],
  lex: Lexicon,
  chains: NameChain[],
  officeTitles: Set<string>
): PersonMention[] {
  const persons: PersonMention[] = []
  const isTitleWord = (w: string): boolean => lex.personTitles.has(w) || officeTitles.has(w)
  for (const chain of chains) {
    const lower = chain.words.map((w) => w.toLowerCase())
    // The name is what follows the last title word.
    let titleEnd = -1
    for (let k = 0; k < lower.length; k++) if (isTitleWord(lower[k])) titleEnd = k
    let cue: PersonMention['cue'] | undefined
    let nameFrom = 0
    if (titleEnd >= 0) {
      if (titleEnd === lower.length - 1) continue
      nameFrom = titleEnd + 1
      cue = lex.honorifics.has(lower[titleEnd]) ? 'honorific' : 'title'
    } else {
      // Skip sentence-initial words that are never names.
      while (nameFrom < lower.length && lex.notNames.has(lower[nameFrom])) nameFrom++
    }
    const nameWords = chain.words.slice(nameFrom)
    if (nameWords.length === 0 || nameWords.length > 5) continue
    const nameLower = nameWords.map((w) => w.toLowerCase())
    if (nameLower.some((w) => lex.orgWords.has(w) || lex.months.has(w) || lex.weekdays.has(w) || lex.notNames.has(w)))
      continue
    if (nameLower.some((w) => lex.nameConnectors.has(w) && !lex.nameParticles.has(w))) continue
    if (!cue) {
      const after = tokens[chain.last + 1]
      const after2 = tokens[chain.last + 2]
      const before = tokens[chain.first - 1]
      if (after?.kind === 'word' && lex.speechVerbs.has(after.lower) && !chain.possessive) cue = 'speech'
      else if (before?.kind === 'word' && lex.speechVerbs.has(before.lower)) cue = 'speech'
      else if (
        after?.text === ',' &&
        after2?.kind === 'word' &&
        !isCapitalized(after2) &&
        (lex.personTitles.has(after2.lower) || after2.lower === 'a' || after2.lower === 'the') &&
        nameWords.length >= 2
      ) {
        cue = 'apposition'
      }
    }
    if (!cue) continue
    // Names are at most a few words and all-caps acronyms are not names.
    if (nameWords.some((w) => w.length > 1 && w === w.toUpperCase() && !INITIAL.test(w))) continue
    const first = chain.first + (chain.words.length - nameWords.length)
    const title = nameFrom > 0 ? chain.words.slice(0, nameFrom).join(' ') : undefined
    persons.push({
      first,
      last: chain.last,
      start: tokens[first].start,
      end: chain.end,
      name: nameWords.join(' '),
      words: nameWords,
      title,
      titleFirst: nameFrom > 0 ? chain.first : undefined,
      cue
    })
  }
  return persons
}

function readParentheticals(
  text: string,
  tokens: Token[],
  chains: NameChain[],
  introducers: string[][]
): Parenthetical[] {
  const out: Parenthetical[] = []
  const chainEndingAt = new Map<number, NameChain>()
  for (const chain of chains) chainEndingAt.set(chain.last, chain)
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== '(') continue
    // The closing bracket within a short distance, on the same line.
    let close = -1
    for (let k = i + 1; k < tokens.length && k <= i + 16; k++) {
      const tk = tokens[k]
      if (tk.text === ')') {
        close = k
        break
      }
      if (tk.text === '(' || text.slice(tokens[k - 1].end, tk.start).includes('\n')) break
    }
    if (close < 0 || close === i + 1) continue
    let innerFirst = i + 1
    let innerLast = close - 1
    // Introducer words.
    let introducer: string | undefined
    for (const words of introducers) {
      if (wordsAt(tokens, innerFirst, words)) {
        introducer = words.join(' ')
        innerFirst += words.length
        break
      }
    }
    if (introducer && tokens[innerFirst]?.lower === 'the') innerFirst++
    let quoted = false
    if (
      innerFirst <= innerLast &&
      QUOTES.has(tokens[innerFirst].text) &&
      QUOTES.has(tokens[innerLast].text) &&
      innerLast > innerFirst
    ) {
      quoted = true
      innerFirst++
      innerLast--
    }
    if (innerFirst > innerLast) continue
    const innerStart = tokens[innerFirst].start
    const innerEnd = tokens[innerLast].end
    const before = chainEndingAt.get(i - 1)
    out.push({
      open: i,
      close,
      start: tokens[i].start,
      end: tokens[close].end,
      inner: text.slice(innerStart, innerEnd),
      innerStart,
      innerEnd,
      introducer,
      quoted,
      before: before && inlineGap(text, tokens[i - 1], tokens[i]) ? before : undefined
    })
    i = close
  }
  return out
}

/**
 * Whether lower-cased `words` stand at token `at`. (A function of its own: a closure
 * over the loop's variables in readParentheticals made V8 allocate that loop's scope
 * for every token of the story.)
 */
function wordsAt(tokens: Token[], at: number, words: string[]): boolean {
  for (let n = 0; n < words.length; n++) if (tokens[at + n]?.lower !== words[n]) return false
  return true
}

/**
 * The index of the noun that ends an event's name among lower-cased `words`
 * ("china-asean expo"), or -1: an event noun at the end of the name or before a
 * connector ("Plenary Session of the Central Committee", "Canton Fair in Guangzhou").
 */
export function eventNounIndex(words: string[], eventNouns: Set<string>, connectors: Set<string>): number {
  return words.findIndex((w, k) => eventNouns.has(w) && (k === words.length - 1 || connectors.has(words[k + 1])))
}
