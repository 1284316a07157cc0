/**
 * Multiples: "doubled from 1.2 million to 3.6 million" (that is 3 times).
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {formatNumber, overlaps, type Quantities, type Range} from '../../src/extract/quantities.js'
import {endpointAt, readings, type Endpoint} from './endpoints.js'

export function checkMultiples(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens, lexicon} = extraction
  for (let at = 0; at < tokens.length; at++) {
    const word = tokens[at]
    if (word.kind !== 'word') continue
    const factor = lexicon.multiples.get(word.lower)
    if (factor === undefined) continue
    let from: Endpoint | undefined
    let to: Endpoint | undefined
    if (tokens[at + 1]?.lower === 'from') {
      from = endpointAt(extraction, quantities, at + 2)
      if (from && tokens[from.last + 1]?.lower === 'to') to = endpointAt(extraction, quantities, from.last + 2)
    } else if (tokens[at + 1]?.lower === 'to') {
      to = endpointAt(extraction, quantities, at + 2)
      if (to && tokens[to.last + 1]?.lower === 'from') from = endpointAt(extraction, quantities, to.last + 2)
    }
    if (!from || !to) continue
    // "more than doubled", "nearly tripled"
    let modifier: string | undefined
    for (const words of lexicon.approximators) {
      if (words.every((w, n) => tokens[at - words.length + n]?.lower === w)) modifier = words.join(' ')
    }
    const band = bandOf(extraction, factor, modifier)
    if (!band) continue
    const pairs = readings(extraction, from, to)
    if (pairs.length === 0) continue
    const usable = pairs.filter((pair) => pair.from.lo > 0)
    if (usable.length === 0) continue
    if (usable.some((pair) => overlaps({lo: pair.to.lo / pair.from.hi, hi: pair.to.hi / pair.from.lo}, band))) continue
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
  }
}

/** The ratios a multiple word allows: "doubled" 1.7 to 2.3, "more than doubled" 1.9 up. */
function bandOf(extraction: Extraction, factor: number, modifier: string | undefined): Range | undefined {
  const {lexicon} = extraction
  const up = factor > 1
  if (!modifier) return {lo: factor * 0.85, hi: factor * 1.15}
  if (lexicon.approxAtLeast.has(modifier)) return up ? {lo: factor * 0.95, hi: Infinity} : {lo: 0, hi: factor * 1.05}
  if (lexicon.approxNearly.has(modifier))
    return up ? {lo: factor * 0.7, hi: factor * 1.05} : {lo: factor * 0.95, hi: factor * 1.4}
  if (lexicon.approxAtMost.has(modifier)) return undefined
  return {lo: factor * 0.75, hi: factor * 1.25}
}
