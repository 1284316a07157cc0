/**
 * Readers of figures on the token stream: a numeral in digits ("3,800", "7bn"),
 * spelled out ("eighteen billion") or lost to a placeholder ("<>.<> billion");
 * the words around it that make it an expression (currency, magnitude, percent,
 * approximator); and ordinals ("21st"). Each reader takes the stream and a token
 * index and returns what it read, or undefined; `extractFigures` calls them in order.
 */
import type {Lexicon} from '../knowledge/lexicon.js'
import type {Figure, Grouping, Ordinal} from './figures.js'
import {onOneLine, touching, wordAt, type TokenStream} from './tokens.js'

export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th'])

/** The suffix English gives the ordinal of `n`: "st" for 21, "th" for 11. */
export function ordinalSuffix(n: number): string {
  const mod100 = n % 100
  if (mod100 >= 11 && mod100 <= 13) return 'th'
  switch (n % 10) {
    case 1:
      return 'st'
    case 2:
      return 'nd'
    case 3:
      return 'rd'
    default:
      return 'th'
  }
}

export interface ParsedNumeral {
  base: number | null
  grouping: Grouping
  decimalPoints: number
}

/** Read a numeral's digits ("3,800", "1.2.3", "12,34,567") without judging context. */
export function parseNumeral(digits: string): ParsedNumeral {
  const dots = countChar(digits, '.')
  const commas = countChar(digits, ',')
  if (commas === 0) {
    if (dots <= 1) return {base: Number(digits), grouping: 'none', decimalPoints: dots}
    return {base: null, grouping: 'none', decimalPoints: dots}
  }
  const firstDot = digits.indexOf('.')
  const lastComma = digits.lastIndexOf(',')
  // A dot before a comma ("1.234,56") is continental notation: not English.
  if (firstDot >= 0 && firstDot < lastComma) return {base: null, grouping: 'invalid', decimalPoints: dots}
  const intPart = firstDot >= 0 ? digits.slice(0, firstDot) : digits
  const fraction = firstDot >= 0 ? digits.slice(firstDot) : ''
  const groups = intPart.split(',')
  const grouping = groupingOf(groups)
  if (grouping === 'invalid' || dots > 1) return {base: null, grouping, decimalPoints: dots}
  return {base: Number(groups.join('') + fraction), grouping, decimalPoints: dots}
}

function groupingOf(groups: string[]): Grouping {
  const [head, ...rest] = groups
  if (head.length >= 1 && head.length <= 3 && head[0] !== '0' && rest.every((g) => g.length === 3)) return 'western'
  // Indian grouping: 12,34,567 (lakh and crore).
  if (
    groups.length >= 3 &&
    head.length >= 1 &&
    head.length <= 2 &&
    head[0] !== '0' &&
    groups[groups.length - 1].length === 3 &&
    groups.slice(1, -1).every((g) => g.length === 2)
  ) {
    return 'indian'
  }
  return 'invalid'
}

function countChar(s: string, c: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (s[i] === c) n++
  return n
}

/** "21st", "11th" at number token `index` (the suffix may be wrong: the rules judge it). */
export function readOrdinal(stream: TokenStream, index: number): Ordinal | undefined {
  const token = stream.tokens[index]
  if (token.kind !== 'number' || !token.suffix || !ORDINAL_SUFFIXES.has(token.suffix.toLowerCase())) return undefined
  const parsed = parseNumeral(token.digits ?? token.text)
  if (parsed.base === null || !Number.isInteger(parsed.base)) return undefined
  const value = parsed.base
  return {
    start: token.start,
    end: token.end,
    token: index,
    value,
    suffix: token.suffix,
    expectedSuffix: ordinalSuffix(value)
  }
}

/** A figure of tokens `first` to `last` before its context is read (no currency, magnitude, percent yet). */
function bareFigure(
  stream: TokenStream,
  first: number,
  last: number,
  base: number | null,
  form: Pick<Figure, 'grouping' | 'decimalPoints' | 'spelled' | 'placeholder'>,
  raw = stream.text.slice(stream.tokens[first].start, stream.tokens[last].end)
): Figure {
  const start = stream.tokens[first].start
  const end = stream.tokens[last].end
  // Every property, the optional ones too, in one order: every figure then has one
  // shape, and the rules' reads of a figure stay monomorphic (a figure whose optional
  // properties came in the order its context was read took one of dozens of shapes,
  // and each read of one was a lookup: isYear alone was 7% of a figure-dense lint).
  return {
    start,
    end,
    exprStart: start,
    exprEnd: end,
    first,
    last,
    exprFirst: first,
    exprLast: last,
    raw,
    base,
    multiplier: 1,
    value: null,
    magnitude: undefined,
    percent: false,
    percentagePoints: false,
    currency: undefined,
    approx: undefined,
    grouping: form.grouping,
    decimalPoints: form.decimalPoints,
    spelled: form.spelled,
    placeholder: form.placeholder,
    suffixed: false,
    next: undefined
  }
}

/**
 * The numeral of number token `index` on its own: its digits, and a letter
 * suffix written solid, read as a magnitude ("7bn") or marking it `suffixed`
 * ("5G", "10km"). Its context is read by `completeFigure`.
 */
export function numeralFigure(stream: TokenStream, index: number): Figure {
  const token = stream.tokens[index]
  const digits = token.digits ?? token.text
  const suffix = token.suffix?.toLowerCase()
  const parsed = parseNumeral(digits)
  const figure = bareFigure(
    stream,
    index,
    index,
    parsed.base,
    {grouping: parsed.grouping, decimalPoints: parsed.decimalPoints, spelled: false, placeholder: false},
    digits
  )
  const {magnitudes} = stream.lexicon
  if (suffix && magnitudes.has(suffix) && suffix !== 'hundred') {
    figure.magnitude = suffix
    figure.multiplier = magnitudes.get(suffix)!
  } else if (suffix) {
    figure.suffixed = true
  }
  return figure
}

/** "billion" in "1.8 billion": a magnitude word at token `at`, on the line of the token before. */
export function readMagnitudeAfter(
  stream: TokenStream,
  at: number
): {magnitude: string; multiplier: number} | undefined {
  const word = wordAt(stream, at)
  const multiplier = word === undefined ? undefined : stream.lexicon.magnitudes.get(word)
  if (multiplier === undefined || !onOneLine(stream, at - 1, at)) return undefined
  return {magnitude: word!, multiplier}
}

/**
 * A percent sign or word at token `at`: "%", "percent", "pct", "per cent",
 * "percentage points". Returns its last token and whether it counts points.
 */
export function readPercentAfter(stream: TokenStream, at: number): {last: number; points: boolean} | undefined {
  if (!onOneLine(stream, at - 1, at)) return undefined
  const word = wordAt(stream, at)
  if (stream.tokens[at].text === '%' || word === 'percent' || word === 'pct') return {last: at, points: false}
  const next = wordAt(stream, at + 1)
  if (word === 'per' && next === 'cent') return {last: at + 1, points: false}
  if (word === 'percentage' && (next === 'points' || next === 'point')) return {last: at + 1, points: true}
  return undefined
}

/** A currency word at token `at`: "yuan" in "1.8 billion yuan", "US dollars" (as "US dollars"). */
export function readCurrencyAfter(stream: TokenStream, at: number): string | undefined {
  const {tokens, lexicon} = stream
  const word = wordAt(stream, at)
  if (word && lexicon.currencyWords.has(word) && onOneLine(stream, at - 1, at)) return tokens[at].text
  const next = wordAt(stream, at + 1)
  if (tokens[at]?.text === 'US' && next && lexicon.currencyWords.has(next)) return 'US ' + tokens[at + 1].text
  return undefined
}

/**
 * A currency mark just before token `first`: "US$7", "$7", "RM 5", "€3".
 * Returns the currency and the first token of the mark.
 */
export function readCurrencyBefore(stream: TokenStream, first: number): {currency: string; first: number} | undefined {
  const {tokens, lexicon} = stream
  const at = first - 1
  const mark = tokens[at]
  if (!mark || !(touching(mark, tokens[at + 1]) || onOneLine(stream, at, at + 1))) return undefined
  if (mark.text === '$') {
    const before = tokens[at - 1]
    if (before && touching(before, mark) && lexicon.dollarMarks.has(before.text))
      return {currency: before.text + '$', first: at - 1}
    return {currency: '$', first: at}
  }
  if (lexicon.currencyPrefixes.has(mark.text)) return {currency: mark.text, first: at}
  return undefined
}

/** The lexicon's approximators by their last word, each list in the lexicon's order. */
const approximatorIndex = new WeakMap<Lexicon, Map<string, string[][]>>()

// Made once: a literal in a function body is a new RegExp object each time it runs (here, per word).
const CAPITALIZED = /^\p{Lu}/u
const X_PLACEHOLDER = /^(?:X{1,4}|x{1,4})$/
function approximatorsEndingIn(lexicon: Lexicon): Map<string, string[][]> {
  let index = approximatorIndex.get(lexicon)
  if (!index) {
    index = new Map()
    for (const words of lexicon.approximators) {
      const last = words[words.length - 1]
      const list = index.get(last)
      if (list) list.push(words)
      else index.set(last, [words])
    }
    approximatorIndex.set(lexicon, index)
  }
  return index
}

/** An approximator ending at token `last`: "more than", "nearly" (the first in the lexicon's order). */
export function readApproximatorBefore(stream: TokenStream, last: number): string | undefined {
  const lastWord = wordAt(stream, last)
  if (lastWord === undefined) return undefined
  for (const words of approximatorsEndingIn(stream.lexicon).get(lastWord) ?? []) {
    let ok = true
    for (let w = 0; w < words.length; w++) {
      if (wordAt(stream, last - words.length + 1 + w) !== words[w]) {
        ok = false
        break
      }
    }
    if (ok) return words.join(' ')
  }
  return undefined
}

/**
 * The figure with its context read: a magnitude word, a percent, a currency
 * after or before, an approximator, and the first word after the expression.
 */
export function completeFigure(stream: TokenStream, bare: Figure): Figure {
  const {tokens} = stream
  const figure: Figure = {...bare}
  let j = figure.last + 1
  if (!figure.magnitude) {
    const magnitude = readMagnitudeAfter(stream, j)
    if (magnitude) {
      figure.magnitude = magnitude.magnitude
      figure.multiplier = magnitude.multiplier
      figure.exprLast = j
      j++
    }
  }
  const percent = readPercentAfter(stream, j)
  if (percent) {
    figure.percent = true
    if (percent.points) figure.percentagePoints = true
    figure.exprLast = percent.last
    j = percent.last + 1
  }
  const after = readCurrencyAfter(stream, j)
  if (after) figure.currency = after
  const before = readCurrencyBefore(stream, figure.first)
  if (before) {
    figure.currency = before.currency
    figure.exprFirst = before.first
  }
  // "7m" after a currency is millions.
  if (figure.currency && tokens[figure.last].suffix === 'm') {
    figure.magnitude = 'm'
    figure.multiplier = 1e6
    figure.suffixed = false
  }
  const approx = readApproximatorBefore(stream, figure.exprFirst - 1)
  if (approx) figure.approx = approx
  figure.exprStart = tokens[figure.exprFirst].start
  figure.exprEnd = tokens[figure.exprLast].end
  figure.value = figure.base === null ? null : figure.base * figure.multiplier
  const next = figure.exprLast + 1
  if (tokens[next]?.kind === 'word' && onOneLine(stream, figure.exprLast, next)) figure.next = next
  return figure
}

/** The value of a spelled cardinal word: "seven", "twenty", "twenty-one". */
export function spelledValue(stream: TokenStream, word: string): number | undefined {
  const {units, tens} = stream.lexicon
  const unit = units.get(word) ?? tens.get(word)
  if (unit !== undefined) return unit
  const dash = word.indexOf('-')
  if (dash > 0) {
    const tensValue = tens.get(word.slice(0, dash))
    const unitsValue = units.get(word.slice(dash + 1))
    if (tensValue !== undefined && unitsValue !== undefined && unitsValue > 0 && unitsValue < 10)
      return tensValue + unitsValue
  }
  return undefined
}

/**
 * A spelled cardinal at word token `index`, with its context: "eighteen billion",
 * "twenty-one", "three hundred and five", "a million people". One alone is no
 * figure ("one of them"), unless a magnitude follows.
 */
export function readSpelledFigure(stream: TokenStream, index: number): Figure | undefined {
  const {tokens} = stream
  const word = tokens[index].lower
  // "a million people", "a billion yuan": one of the magnitude.
  const article =
    (word === 'a' || word === 'one') && isMagnitude(stream, index + 1) && wordAt(stream, index + 1) !== 'k'
  const value = article ? 1 : spelledValue(stream, word)
  if (value === undefined) return undefined
  // A capitalised number word after a capitalised word is part of a name ("Radio Five",
  // "Channel Four", "Formula One"), not a count.
  const previous = tokens[index - 1]
  if (
    CAPITALIZED.test(tokens[index].text) &&
    previous?.kind === 'word' &&
    CAPITALIZED.test(previous.text) &&
    onOneLine(stream, index - 1, index)
  )
    return undefined
  const after = wordAt(stream, index + 1)
  let last = index
  let base = value
  if (after === 'hundred' && onOneLine(stream, index, index + 1)) {
    base *= 100
    last = index + 1
    let k = last + 1
    if (wordAt(stream, k) === 'and') k++
    const restWord = wordAt(stream, k)
    const rest = restWord ? spelledValue(stream, restWord) : undefined
    if (rest !== undefined && rest < 100 && onOneLine(stream, k - 1, k)) {
      base += rest
      last = k
    }
  }
  if (base < 2 && !isMagnitude(stream, last + 1)) return undefined
  const bare = bareFigure(stream, index, last, base, {
    grouping: 'none',
    decimalPoints: 0,
    spelled: true,
    placeholder: false
  })
  return completeFigure(stream, bare)
}

/** Whether the word at token `at` is a magnitude ("million", "bn"). */
function isMagnitude(stream: TokenStream, at: number): boolean {
  const word = wordAt(stream, at)
  return word !== undefined && stream.lexicon.magnitudes.has(word)
}

/**
 * Placeholder residue at token `index`, with its context: "<>", "{0}", "XX",
 * "##.#", "???", chained by "." or ",". "<>" and "{0}" are never prose; "XX",
 * "#" and "?" only count before a magnitude, a percent sign or a currency (else
 * "XX" is a Roman numeral, "#" a hashtag).
 */
export function readPlaceholder(stream: TokenStream, index: number): Figure | undefined {
  const {tokens} = stream
  let j = index
  let strong = false
  let atoms = 0
  for (;;) {
    const atom = placeholderAtom(stream, j)
    if (!atom) break
    atoms++
    strong ||= atom.strong
    j = atom.next
    const separator = tokens[j]
    if (
      separator &&
      (separator.text === '.' || separator.text === ',') &&
      touching(tokens[j - 1], separator) &&
      placeholderAtom(stream, j + 1) &&
      touching(separator, tokens[j + 1])
    ) {
      j++
      continue
    }
    break
  }
  if (atoms === 0) return undefined
  const bare = bareFigure(stream, index, j - 1, null, {
    grouping: 'none',
    decimalPoints: 0,
    spelled: false,
    placeholder: true
  })
  const figure = completeFigure(stream, bare)
  const context = Boolean(figure.magnitude || figure.percent || figure.currency)
  return strong || context ? figure : undefined
}

/** One placeholder atom at token `j` and the token after it; `strong` when it is never prose. */
function placeholderAtom(stream: TokenStream, j: number): {next: number; strong: boolean} | undefined {
  const {tokens} = stream
  const token = tokens[j]
  if (!token) return undefined
  if (token.text === '<' && tokens[j + 1]?.text === '>' && touching(token, tokens[j + 1]))
    return {next: j + 2, strong: true}
  if (
    token.text === '{' &&
    tokens[j + 2]?.text === '}' &&
    (tokens[j + 1]?.kind === 'number' || tokens[j + 1]?.kind === 'word') &&
    touching(token, tokens[j + 1]) &&
    touching(tokens[j + 1], tokens[j + 2])
  ) {
    return {next: j + 3, strong: true}
  }
  if (token.text === '#') {
    let k = j
    while (tokens[k + 1]?.text === '#' && touching(tokens[k], tokens[k + 1])) k++
    // A lone "#" before a word is a hashtag or a number sign.
    if (k === j && tokens[j + 1] && touching(token, tokens[j + 1]) && tokens[j + 1].kind !== 'punct') return undefined
    return {next: k + 1, strong: false}
  }
  if (token.text === '?' && (j === 0 || !touching(tokens[j - 1], token) || tokens[j - 1].text === '?')) {
    // "??? billion": a run of question marks standing where a number should be.
    let k = j
    while (tokens[k + 1]?.text === '?' && touching(tokens[k], tokens[k + 1])) k++
    return {next: k + 1, strong: false}
  }
  if (token.kind === 'word' && X_PLACEHOLDER.test(token.text)) return {next: j + 1, strong: false}
  // "[NUM]", "[X]", "[amount]": a template slot in square brackets. A word the lexicon knows as
  // a slot name is never prose; another word in capitals ("[AP]") only before a magnitude, a
  // percent or a currency; a number ("[1]") is a reference mark, no slot.
  if (
    token.text === '[' &&
    tokens[j + 1]?.kind === 'word' &&
    tokens[j + 2]?.text === ']' &&
    touching(token, tokens[j + 1]) &&
    touching(tokens[j + 1], tokens[j + 2])
  ) {
    const inner = tokens[j + 1]
    if (stream.lexicon.placeholderWords.has(inner.lower)) return {next: j + 3, strong: true}
    if (inner.text === inner.text.toUpperCase()) return {next: j + 3, strong: false}
    return undefined
  }
  // "N/A percent": not-available standing for the number.
  if (
    token.kind === 'word' &&
    token.lower === 'n' &&
    tokens[j + 1]?.text === '/' &&
    tokens[j + 2]?.lower === 'a' &&
    touching(token, tokens[j + 1]) &&
    touching(tokens[j + 1], tokens[j + 2])
  )
    return {next: j + 3, strong: false}
  // "*** million", "__ percent": a run of stars or underscores.
  if (
    (token.text === '*' || token.text === '_') &&
    tokens[j + 1]?.text === token.text &&
    touching(token, tokens[j + 1])
  ) {
    let k = j + 1
    while (tokens[k + 1]?.text === token.text && touching(tokens[k], tokens[k + 1])) k++
    return {next: k + 1, strong: false}
  }
  return undefined
}
