/**
 * Parts of a whole that add up to more than the whole: "Of the 470 projects
 * signed, 320 were in manufacturing and 210 in services", or shares of one
 * whole over 100% ("Of the voters, 60% were in cities and 50% in villages").
 */
import {code, type Report} from '../../src/core/rule.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {
  figureWords,
  formatNumber,
  isYear,
  phraseAt,
  rangeOf,
  type Quantities,
  type Range
} from '../../src/extract/quantities.js'
import {parallelParts, sameMeasure, type Part} from './parts-list.js'

export function checkParts(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens} = extraction
  // The check of one whole is a function of its own: its closures would otherwise make the
  // loop allocate a scope for every token of the story.
  for (let i = 0; i < tokens.length; i++) {
    const opening = wholeAt(extraction, quantities, i)
    if (opening && checkWhole(extraction, quantities, i, opening, report)) i = quantities.sentenceLast[i]
  }
}

/** Check the parts of the whole that token `i` opens; whether they were reported. */
function checkWhole(
  extraction: Extraction,
  quantities: Quantities,
  i: number,
  opening: {whole: Figure | undefined; partsFrom: number},
  report: Report
): boolean {
  const {whole, partsFrom} = opening
  const listEnd = clauseEnd(extraction, quantities, partsFrom, quantities.sentenceLast[i])
  const candidates = quantities
    .figuresIn(i)
    .filter((figure) => quantities.leadOf.get(figure)! >= partsFrom && figure.exprLast <= listEnd)
  if (candidates.length === 0 || !candidates.every((figure) => sameMeasure(whole, figure))) return false
  if (!whole && candidates.length < 2) return false
  const parts = parallelParts(extraction, quantities, candidates, listEnd)
  if (!parts) return false
  // A "part" a hundred times its whole counts something else: the viewers of a ceremony
  // against the people attending it, the deaths of "two crises: ...".
  if (whole && parts.some((part) => part.figure.value! > whole.value! * PART_OF_ANOTHER_MEASURE)) return false
  let lo = 0
  for (const part of parts) lo += rangeOf(extraction, part.figure).lo
  // Shares of a whole are parts of 100% (written to the unit, they may add up to a little
  // over 100 by rounding, which the lower ends allow).
  const shares = parts[0].figure.percent
  const wholeRange: Range = whole && !shares ? rangeOf(extraction, whole) : {lo: 100, hi: 100}
  if (lo <= wholeRange.hi) return false
  reportParts(extraction, parts, whole, shares, report)
  return true
}

/** Words after "of" that stand for a whole named in the sentence before: "Of them, ...". */
const ANAPHORS = new Set(['them', 'these', 'those'])

/**
 * The count the sentence before token `i` ends on ("The fair drew 500 visitors."): its last
 * figure, when that counts a plural noun. Undefined when there is none.
 */
function countEndingSentenceBefore(extraction: Extraction, quantities: Quantities, i: number): Figure | undefined {
  const {tokens} = extraction
  const previous = quantities.sentenceFirst[i] - 1
  if (previous < 0) return undefined
  const figures = quantities.figuresIn(previous)
  const last = figures[figures.length - 1]
  if (!last || isYear(last) || last.percent || last.next === undefined) return undefined
  const noun = tokens[last.next]
  return noun.lower.endsWith('s') && !isCapitalized(noun) ? last : undefined
}

/** How many times its whole a part may be before it is read as another measure (no garble is that far off). */
const PART_OF_ANOTHER_MEASURE = 100

/**
 * Where the list of parts that starts at `from` ends: before a semicolon or a new clause
 * (", and organisers say ...", ", but ..."), so a figure of the next clause is no part.
 * A comma and a conjunction before a figure ("..., and 210 in services") go on with the list.
 */
function clauseEnd(extraction: Extraction, quantities: Quantities, from: number, sentenceLast: number): number {
  const {tokens, lexicon} = extraction
  for (let k = from; k < sentenceLast; k++) {
    if (tokens[k].text === ';') return k - 1
    if (tokens[k].text !== ',') continue
    const next = tokens[k + 1]
    if (next?.kind === 'word' && lexicon.clauseConjunctions.has(next.lower) && !quantities.byLead.has(k + 2))
      return k - 1
  }
  return sentenceLast
}

/**
 * The whole that token `i` introduces and the token where its parts start:
 * "Of the 470 projects signed, ..." or "Among the respondents, ..." at the start
 * of a sentence (the whole may be unnamed), "470 projects were signed, of which
 * 320 ...", "... 470 projects: 320 in ...".
 */
function wholeAt(
  extraction: Extraction,
  quantities: Quantities,
  i: number
): {whole: Figure | undefined; partsFrom: number} | undefined {
  const {tokens, lexicon} = extraction
  const sentenceLast = quantities.sentenceLast[i]
  if (i === quantities.sentenceFirst[i]) {
    let k = i
    while (tokens[k] && tokens[k].kind === 'punct' && k < sentenceLast) k++
    if (tokens[k]?.lower !== 'of' && tokens[k]?.lower !== 'among') return undefined
    k++
    if (lexicon.wholeDeterminers.has(tokens[k]?.lower ?? '')) k++
    let whole = quantities.byLead.get(k)
    let c = whole ? whole.exprLast + 1 : k
    if (whole && (isYear(whole) || whole.percent)) whole = undefined
    // "Of them, 300 came from ...": the count the sentence before ends on.
    if (!whole && ANAPHORS.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.text === ',')
      return {whole: countEndingSentenceBefore(extraction, quantities, i), partsFrom: k + 2}
    for (let steps = 0; steps < 8 && c <= sentenceLast && tokens[c].text !== ','; steps++, c++) {
      if (tokens[c].kind !== 'word') break
    }
    if (tokens[c]?.text !== ',') return undefined
    return {whole, partsFrom: c + 1}
  }
  const whole = quantities.byLast.get(i)
  if (!whole || isYear(whole) || whole.percent) return undefined
  let c = i + 1
  for (let steps = 0; steps < 6 && c <= sentenceLast && tokens[c].kind === 'word'; steps++) c++
  if (c > sentenceLast) return undefined
  if (tokens[c].text === ':') return {whole, partsFrom: c + 1}
  if (tokens[c].text !== ',') return undefined
  // "500 visitors, 300 of whom came from ...": the opener after the first part.
  const first = quantities.byLead.get(c + 1)
  if (first && phraseAt(extraction, first.exprLast + 1, lexicon.partsOpeners)) return {whole, partsFrom: c + 1}
  const opener = phraseAt(extraction, c + 1, lexicon.partsOpeners)
  if (!opener) return undefined
  return {whole, partsFrom: c + 1 + opener.length}
}

function reportParts(
  extraction: Extraction,
  parts: Part[],
  whole: Figure | undefined,
  shares: boolean,
  report: Report
): void {
  const {text, tokens} = extraction
  const sum = parts.reduce((total, part) => total + part.figure.value!, 0)
  const shownParts = parts.map((part) => code(text.slice(part.figure.start, part.figure.exprEnd)))
  const list =
    shownParts.length > 1
      ? `${shownParts.slice(0, -1).join(', ')} and ${shownParts[shownParts.length - 1]}`
      : shownParts[0]
  const wholeShown = whole ? text.slice(whole.start, whole.exprEnd) : ''
  const start = tokens[parts[0].first].start
  const end = parts[parts.length - 1].figure.exprEnd
  const scale = shares ? 1 : (whole?.multiplier ?? 1)
  const sumShown = shares
    ? `${formatNumber(sum, 2)}%`
    : formatNumber(sum / scale, 2) + (whole?.magnitude ? ` ${whole.magnitude}` : '')
  const arithmetic = parts
    .map((part) => (shares ? figureWords(part.figure) : figureWords(part.figure, scale, whole?.magnitude)))
    .join(' + ')
  const side = 'Parts listed side by side (the same preposition, the verb left out) read as separate groups.'
  if (shares) {
    report(
      start,
      end,
      `Unexpected shares ${list} of ${whole ? code(wholeShown) : 'one whole'}: they add up to ${sumShown}`,
      {
        actual: text.slice(start, end),
        note: `${arithmetic} = ${sumShown}; shares of one whole add up to at most 100%. ${side}`
      }
    )
  } else {
    report(start, end, `Unexpected parts ${list} of ${code(wholeShown)}: they add up to ${sumShown}`, {
      actual: text.slice(start, end),
      note: `${arithmetic} = ${sumShown}, more than the ${wholeShown} they are part of. ${side}`
    })
  }
}
