/**
 * Multiples: "doubled from 1.2 million to 3.6 million" (that is 3 times).
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {formatNumber, overlaps, type Quantities, type Range} from '../../src/extract/quantities.js'
import type {Band} from '../../src/knowledge/lexicon.js'
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
