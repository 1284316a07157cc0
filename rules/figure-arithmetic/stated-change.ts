/**
 * The arithmetic of one stated change: whether `up 40 percent` (relative),
 * `up 4 percentage points` (points) or `an increase of 100` (absolute) fits the
 * endpoints it describes, within the rounding of the figures as written.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {
  formatNumber,
  isYear,
  overlaps,
  rangeOf,
  writtenUnit,
  type Quantities,
  type Range
} from '../../src/extract/quantities.js'
import type {Direction} from './change-words.js'
import {readings, type Endpoint, type EndpointReading} from './endpoints.js'

/** A change the copy states, and its direction ("an increase of 40 percent"). */
export interface StatedChange {
  figure: Figure
  direction: Direction
}

type ChangeKind = 'relative' | 'points' | 'absolute'

/** The values a change may take in a direction: a fall is a negative change, a neutral word either sign. */
function signed(range: Range, direction: Direction): Range[] {
  const negative = {lo: -range.hi, hi: -range.lo}
  return direction === 1 ? [range] : direction === -1 ? [negative] : [range, negative]
}

/** Report `stated` when no reading of the endpoints `from` and `to` allows it. */
export function checkStatedChange(
  extraction: Extraction,
  quantities: Quantities,
  from: Endpoint,
  to: Endpoint,
  unitWord: string | undefined,
  stated: StatedChange,
  report: Report
): void {
  const {tokens, lexicon} = extraction
  const {statedChangeSlackUnits, omittedMagnitudeRatio} = lexicon.tolerances
  const figure = stated.figure
  if (isYear(figure)) return
  const pairs = readings(extraction, from, to)
  if (pairs.length === 0) return
  // The stated figure may be rounded or cut either way (by one unit of its last digit).
  const unit = writtenUnit(figure)
  const written = rangeOf(extraction, figure)
  const slack = statedChangeSlackUnits * unit
  const statedRange: Range = {
    lo: Math.min(written.lo, figure.value! - slack),
    hi: Math.max(written.hi, figure.value! + slack)
  }

  let comparable = false
  let best: {pair: EndpointReading; value: number; kind: ChangeKind} | undefined
  for (const pair of pairs) {
    const candidates: Array<{kind: ChangeKind; range: Range; value: number}> = []
    const difference = {
      range: {lo: pair.to.lo - pair.from.hi, hi: pair.to.hi - pair.from.lo},
      value: pair.toValue - pair.fromValue
    }
    if (figure.percent && !figure.percentagePoints) {
      if (pair.from.lo > 0) {
        candidates.push({
          kind: 'relative',
          range: {lo: (pair.to.lo / pair.from.hi - 1) * 100, hi: (pair.to.hi / pair.from.lo - 1) * 100},
          value: (pair.toValue / pair.fromValue - 1) * 100
        })
      }
      // Of two percentages, "up 4 percent" often means points.
      if (pair.percent) candidates.push({kind: 'points', ...difference})
    } else if (figure.percentagePoints) {
      if (!pair.percent) continue
      candidates.push({kind: 'points', ...difference})
    } else {
      // An absolute change must be in the endpoints' unit: not "a rise of 50 cents" beside dollars.
      if (pair.percent || (figure.currency ?? '') !== (pair.currency ?? '')) continue
      const next = tokens[figure.exprLast + 1]
      // "from 1,000 to 800 units, down 200 units"
      const unitOfTo = tokens[to.last + 1]?.kind === 'word' ? tokens[to.last + 1].lower : undefined
      const own = unitWord ?? unitOfTo
      if (
        next?.kind === 'word' &&
        next.lower !== own &&
        (unitWord !== undefined || figure.currency === undefined) &&
        !lexicon.absoluteChangeFollowers.has(next.lower)
      )
        continue
      candidates.push({kind: 'absolute', ...difference})
    }
    for (const candidate of candidates) {
      comparable = true
      if (signed(statedRange, stated.direction).some((range) => overlaps(range, candidate.range))) return
      if (!best) best = {pair, value: candidate.value, kind: candidate.kind}
    }
  }
  if (!comparable || !best) return
  // "an increase of 100" where the endpoints carry a magnitude the stated figure left out.
  if (
    best.kind === 'absolute' &&
    !figure.magnitude &&
    pairs.some((pair) => pair.toValue >= omittedMagnitudeRatio * Math.abs(figure.value!))
  )
    return

  const shownStated = extraction.text.slice(figure.start, figure.exprEnd)
  const noun = stated.direction === 1 ? 'increase' : stated.direction === -1 ? 'decrease' : 'change'
  const decimals = Math.max(0, Math.round(-Math.log10(unit / figure.multiplier)))
  const wrongWay = stated.direction !== 0 && Math.sign(best.value) !== 0 && Math.sign(best.value) !== stated.direction
  const magnitude = Math.abs(best.value) / figure.multiplier
  const expectedNumber = formatNumber(magnitude, decimals).replaceAll(',', figure.raw.includes(',') ? ',' : '')
  const expected = shownStated.replace(figure.raw, expectedNumber)
  const {pair} = best
  const result = formatNumber(best.value, Math.max(1, decimals)).replace(/^-/u, '−')
  const formula =
    best.kind === 'relative'
      ? `(${pair.toWords} − ${pair.fromWords}) ÷ ${pair.fromWords} = ${result}%`
      : `${pair.toWords} − ${pair.fromWords} = ${result}${best.kind === 'points' ? ' percentage points' : ''}`
  const alternative =
    best.kind === 'relative' && pair.percent
      ? ` In percentage points the change is ${formatNumber(pair.toValue - pair.fromValue, 1)}.`
      : ''
  const start = tokens[quantities.leadOf.get(figure)!].start
  const endpoints = `from ${code(from.shown)} to ${code(to.shown)}`
  if (wrongWay) {
    const other = best.value < 0 ? 'a decrease' : 'an increase'
    report(
      start,
      figure.exprEnd,
      `Unexpected ${noun} of ${code(shownStated)} ${endpoints}: the figures show ${other}`,
      {
        actual: shownStated,
        note: `${formula}. The copy calls it ${noun === 'increase' ? 'an' : 'a'} ${noun}.${alternative}`
      }
    )
    return
  }
  report(start, figure.exprEnd, `Unexpected ${noun} of ${code(shownStated)} ${endpoints}, expected ${code(expected)}`, {
    actual: shownStated,
    expected: [expected],
    note: `${formula}; the stated ${shownStated} is off by more than the rounding of the figures as written.${alternative}`
  })
}
