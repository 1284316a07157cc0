/**
 * Multiples: "doubled from 1.2 million to 3.6 million" (that is 3 times).
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {formatNumber, overlaps, type Quantities, type Range} from '../../src/extract/quantities.js'
import type {Band} from '../../src/knowledge/lexicon.js'
import {directionOf} from './change-words.js'
import {endpointAt, endpointPair, readings, type Endpoint} from './endpoints.js'

export function checkMultiples(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens} = extraction
  // The check of a multiple is a function of its own: its closures would otherwise make the
  // loop allocate a scope for every token of the story.
  for (let at = 0; at < tokens.length; at++) {
    const multiple = multipleAt(extraction, quantities, at)
    if (multiple && checkMultiple(extraction, quantities, at, multiple, report)) at = multiple.last
  }
}

/** Check the multiple at token `at`; whether it was reported. */
function checkMultiple(
  extraction: Extraction,
  quantities: Quantities,
  at: number,
  multiple: {factor: number; last: number},
  report: Report
): boolean {
  const {tokens, lexicon} = extraction
  const {factor} = multiple
  const word = {
    text: extraction.text.slice(tokens[at].start, tokens[multiple.last].end),
    start: tokens[at].start,
    end: tokens[multiple.last].end
  }
  // The endpoints right after the multiple, perhaps after a comma: "tripled from 200 tonnes
  // to 600 tonnes", "grew threefold, to 90 million from 30 million".
  let k = multiple.last + 1
  if (tokens[k]?.text === ',') k++
  let from: Endpoint | undefined
  let to: Endpoint | undefined
  if (tokens[k]?.lower === 'from') {
    const pair = endpointPair(extraction, quantities, k, 'to')
    if (pair) [from, to] = [pair.first, pair.second]
    else from = endpointAt(extraction, quantities, k + 1)
  } else if (tokens[k]?.lower === 'to') {
    const pair = endpointPair(extraction, quantities, k, 'from')
    if (pair) [to, from] = [pair.first, pair.second]
  }
  if (!from || !to) return false
  // "more than doubled", "nearly tripled"
  let modifier: string | undefined
  for (const words of lexicon.approximators) {
    if (words.every((w, n) => tokens[at - words.length + n]?.lower === w)) modifier = words.join(' ')
  }
  const band = bandOf(extraction, factor, modifier)
  if (!band) return false
  const pairs = readings(extraction, from, to)
  if (pairs.length === 0) return false
  const usable = pairs.filter((pair) => pair.from.lo > 0)
  if (usable.length === 0) return false
  if (usable.some((pair) => overlaps({lo: pair.to.lo / pair.from.hi, hi: pair.to.hi / pair.from.lo}, band)))
    return false
  const pair = usable[0]
  const ratio = pair.toValue / pair.fromValue
  const shown = word.text
  report(
    word.start,
    word.end,
    `Unexpected ${code(shown)} from ${code(from.shown)} to ${code(to.shown)}: that is ${formatNumber(ratio, 2)} times`,
    {
      actual: shown,
      note: `${pair.toWords} ÷ ${pair.fromWords} = ${formatNumber(ratio, 2)}; ${modifier ? `${modifier} ` : ''}${shown} means about ${factor} times.`
    }
  )
  return true
}

/**
 * A multiple at token `at` and its last token: a word of the lexicon ("tripled", "halved"),
 * "N-fold" ("fivefold", "five-fold", "5-fold"), or "N times" after a change word ("grew 3
 * times", "rose four times").
 */
function multipleAt(
  extraction: Extraction,
  quantities: Quantities,
  at: number
): {factor: number; last: number} | undefined {
  const {tokens, lexicon} = extraction
  const token = tokens[at]
  const listed = token.kind === 'word' ? lexicon.multiples.get(token.lower) : undefined
  if (listed !== undefined) return {factor: listed, last: at}
  if (token.kind === 'word' && token.lower.endsWith('fold')) {
    const stem = token.lower.slice(0, -4).replace(/-$/u, '')
    const value = lexicon.units.get(stem) ?? lexicon.tens.get(stem)
    return value !== undefined && value >= 2 ? {factor: value, last: at} : undefined
  }
  const figure = quantities.byLead.get(at)
  if (!figure || figure.value === null || figure.percent || figure.currency || figure.magnitude) return undefined
  const after = figure.exprLast + 1
  // "5-fold"
  if (tokens[after]?.text === '-' && tokens[after + 1]?.lower === 'fold' && figure.value >= 2)
    return {factor: figure.value, last: after + 1}
  // "grew 3 times": a change word right before, so not "3 times a week".
  if (tokens[after]?.lower === 'times' && figure.value >= 2 && directionOf(extraction, at - 1) !== undefined)
    return {factor: figure.value, last: after}
  return undefined
}

/**
 * The ratios a multiple word allows ("doubled": 1.7 to 2.3 times; "more than doubled":
 * 1.9 times and up), from the bands of data/lexicon.yaml (`tolerances.multiple_bands`).
 * "up to doubled" says too little: no band.
 */
function bandOf(extraction: Extraction, factor: number, modifier: string | undefined): Range | undefined {
  const {lexicon} = extraction
  const bands = lexicon.tolerances.multipleBands
  let modified: {rise: Band; fall: Band}
  if (!modifier) modified = bands.plain
  else if (lexicon.approxAtLeast.has(modifier)) modified = bands.atLeast
  else if (lexicon.approxNearly.has(modifier)) modified = bands.nearly
  else if (lexicon.approxAtMost.has(modifier)) return undefined
  else modified = bands.about
  const band = factor > 1 ? modified.rise : modified.fall
  return {lo: factor * band.low, hi: band.high === Infinity ? Infinity : factor * band.high}
}
