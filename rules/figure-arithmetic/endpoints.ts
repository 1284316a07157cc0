/**
 * The two endpoints of a change ("from 200 million yuan to 300 million yuan",
 * "to 103 from 100"), and the ways to read them in one unit. Shared by the
 * checks of changes and of multiples.
 */
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import {figureWords, isYear, rangeOf, type Quantities, type Range} from '../../src/extract/quantities.js'

/** One end of "from A to B": the figure and the currency word written after it. */
export interface Endpoint {
  figure: Figure
  /** First token (approximator included) and last token (currency word included). */
  first: number
  last: number
  /** The endpoint as written. */
  shown: string
}

/** The endpoint whose first token (approximator included) is `at`; years and percentage points are none. */
export function endpointAt(extraction: Extraction, quantities: Quantities, at: number): Endpoint | undefined {
  const figure = quantities.byLead.get(at)
  if (!figure || isYear(figure) || figure.percentagePoints) return undefined
  let last = figure.exprLast
  const after = extraction.tokens[last + 1]
  if (figure.currency && after?.kind === 'word' && after.text === figure.currency) last++
  else if (figure.currency?.startsWith('US ') && after?.text === 'US') last += 2
  return {
    figure,
    first: at,
    last,
    shown: extraction.text.slice(extraction.tokens[at].start, extraction.tokens[last].end)
  }
}

/** Two endpoints joined by a word, as written in order, and the last token they hold. */
export interface EndpointPair {
  first: Endpoint
  second: Endpoint
  last: number
  /** A unit noun written after the first endpoint ("tonnes" in "200 tonnes to 300"). */
  unit?: string
}

/**
 * Two endpoints after token `at`, joined by `join`: "from A to B" (join `to`) or
 * "to B from A" (join `from`). A unit noun after the first may be repeated after the
 * second or left out ("200 tonnes to 300 tonnes", "1.6 million units to 2.0 million"),
 * not changed ("200 tonnes to 300 ships"); each endpoint may carry its time ("in 2021").
 */
export function endpointPair(
  extraction: Extraction,
  quantities: Quantities,
  at: number,
  join: string
): EndpointPair | undefined {
  const {tokens, lexicon} = extraction
  const first = endpointAt(extraction, quantities, at + 1)
  if (!first) return undefined
  let k = first.last + 1
  const unitToken = tokens[k]
  const unit =
    !first.figure.percent &&
    unitToken?.kind === 'word' &&
    !isCapitalized(unitToken) &&
    unitToken.lower !== 'to' &&
    unitToken.lower !== 'from' &&
    !lexicon.partPrepositions.has(unitToken.lower)
      ? unitToken.lower
      : undefined
  if (unit) k++
  k = afterTime(extraction, quantities, k)
  if (tokens[k]?.lower !== join) return undefined
  const second = endpointAt(extraction, quantities, k + 1)
  if (!second) return undefined
  let last = second.last
  const after = tokens[last + 1]
  if (unit && after?.kind === 'word') {
    if (after.lower === unit) last++
    else if (
      !lexicon.partPrepositions.has(after.lower) &&
      !lexicon.clauseConjunctions.has(after.lower) &&
      !lexicon.absoluteChangeFollowers.has(after.lower)
    )
      return undefined
  }
  last = afterTime(extraction, quantities, last + 1) - 1
  return {first, second, last, unit}
}

/** The token after a time phrase that starts at `k` ("in 2021", "in May 2023"), or `k` when there is none. */
function afterTime(extraction: Extraction, quantities: Quantities, k: number): number {
  const {tokens, lexicon} = extraction
  if (tokens[k]?.lower !== 'in') return k
  let m = k + 1
  if (lexicon.months.has(tokens[m]?.lower ?? '')) m++
  const year = quantities.byLead.get(m)
  if (year && isYear(year)) return year.exprLast + 1
  return m > k + 1 ? m : k
}

/** A reading of both endpoints in one unit (a bare first figure takes the second's magnitude). */
export interface EndpointReading {
  /** The values each endpoint allows, as written. */
  from: Range
  to: Range
  /** Central values. */
  fromValue: number
  toValue: number
  percent: boolean
  currency?: string
  /** How each endpoint reads in a note ("200 million"). */
  fromWords: string
  toWords: string
}

/** The readings of "from A to B" in one unit; none when the units differ. */
export function readings(extraction: Extraction, from: Endpoint, to: Endpoint): EndpointReading[] {
  const fromFigure = from.figure
  const toFigure = to.figure
  if (fromFigure.currency && toFigure.currency && fromFigure.currency !== toFigure.currency) return []
  let percent = toFigure.percent
  if (fromFigure.percent !== toFigure.percent) {
    // "from 5 to 10 percent": the first figure is a percentage too.
    if (fromFigure.percent || fromFigure.magnitude || fromFigure.currency) return []
    percent = true
  }
  const currency = fromFigure.currency ?? toFigure.currency
  const out: EndpointReading[] = []
  const asWritten: EndpointReading = {
    from: rangeOf(extraction, fromFigure),
    to: rangeOf(extraction, toFigure),
    fromValue: fromFigure.value!,
    toValue: toFigure.value!,
    percent,
    currency,
    fromWords: figureWords(fromFigure),
    toWords: figureWords(toFigure)
  }
  if (!fromFigure.magnitude && toFigure.magnitude && !percent) {
    // "from 1.2 to 1.5 billion": read the first as 1.2 billion, and as written.
    const multiplier = toFigure.multiplier
    out.push({
      ...asWritten,
      from: rangeOf(extraction, fromFigure, 'written', multiplier),
      fromValue: fromFigure.value! * multiplier,
      fromWords: figureWords(
        {...fromFigure, value: fromFigure.value! * multiplier, multiplier},
        multiplier,
        toFigure.magnitude
      )
    })
  }
  out.push(asWritten)
  return out.filter((reading) => reading.from.lo > 0 || reading.percent)
}
