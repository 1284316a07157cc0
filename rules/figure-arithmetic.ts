/**
 * ## figure-arithmetic
 *
 * Catches figures in one sentence whose arithmetic does not work: a stated
 * change that does not match its endpoints (`rose from 200 million yuan to 300
 * million yuan, an increase of 40 percent`: that is 50 percent); `doubled`,
 * `tripled` or `halved` with endpoints that disagree; parts that add up to more
 * than their whole (`Of the 470 projects signed, 320 were in manufacturing and
 * 210 in services`); shares of one whole that add up to more than 100%
 * (`accounted for 60%, 30% and 20%, respectively`); a total stated right after
 * its parts that is not their sum (`120,000 in China and 80,000 in Japan, a
 * total of 210,000`). The note shows the arithmetic.
 *
 * Why: a reader can redo this arithmetic, and a story whose own figures
 * disagree loses the reader's trust in all of them. Machine translation and
 * hurried rewrites drop or swap one figure of a set and leave the others.
 *
 * Tolerances follow the figures as written: `200 million` is read to the
 * million, `1.5 billion` to the tenth of a billion, a stated `40 percent` may be
 * rounded or cut either way by one unit; `about`, `nearly`, `more than` widen
 * the range (`more than 2,000` has no upper end). Only a change stated with a
 * change word (`rose`, `an increase of`, `down`) is checked. When in doubt,
 * the rule is silent.
 *
 * Silent on: rounded figures (`from 1.2 billion to 1.5 billion, up 24%`),
 * percentage points and percent of a share (`from 40% to 44%, up 4 percentage
 * points` or `up 10%`), restatements with one endpoint (`up 3% to 103`), figures
 * of a fiscal and a calendar year (`to $108 million in fiscal 2024 from $95
 * million in calendar 2023`), years
 * and ranges (`from 2019 to 2023`, `cost from 200 to 300 yuan, up 10%`), parts
 * that need not be disjoint (`320 were in manufacturing and 210 were funded by
 * foreign investors`), places that may lie inside one another (`300 in
 * Shanghai and 250 in the Yangtze River Delta`), lists after `including` that
 * stop short of the whole, running totals (`bringing its total to`), shares
 * of different wholes (`52 percent of voters, and 98% of ballots`, `of their
 * respective markets`), changes in another unit (`from $2 to $3, a rise of 50
 * cents`).

 * ### Examples
 *
 * ```text valid
 * Sales rose from 1.2 billion yuan to 1.5 billion yuan, up 24%, and exports rose 3% to 103 million.
 * The jobless rate fell from 5.2% to 4.8%, down 0.4 percentage points; its share rose from 40% to 44%, up 10%.
 * Of the 470 projects signed, 320 were in manufacturing and 210 were funded by foreign investors.
 * Output grew from 2019 to 2023, and visitors doubled from about 400 to 810.
 * Women accounted for 52 percent of voters, and 98% of ballots were counted; seats cost from 200 to 300 yuan, up 10%.
 * Revenue rose 8% to $108 million in fiscal 2024 from $95 million in calendar 2023.
 * ```

 * ```text invalid
 * Trade rose from 200 million yuan to 300 million yuan, an increase of 40 percent.
 * ```
 *
 * ```text output
 * 1:70-1:80: Unexpected increase of `40 percent` from `200 million yuan` to `300 million yuan`, expected `50 percent`
 * ```
 *
 * ```text invalid
 * Investment doubled from 1.2 million to 3.6 million dollars. Of the 470 projects signed, 320 were in manufacturing and 210 in services.
 * ```
 *
 * ```text output
 * 1:12-1:19: Unexpected `doubled` from `1.2 million` to `3.6 million dollars`: that is 3 times
 * 1:89-1:122: Unexpected parts `320` and `210` of `470`: they add up to 530
 * ```
 *
 * ```text invalid
 * Manufacturing, services and farming accounted for 60%, 30% and 20% of output, respectively. The company sold 120,000 cars in China and 80,000 in Japan, a total of 210,000.
 * ```
 *
 * ```text output
 * 1:51-1:67: Unexpected shares `60%`, `30%` and `20%` of one whole: they add up to 110%
 * 1:164-1:171: Unexpected total `210,000`, expected `200,000`
 * ```
 */
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import type {Figure} from '../src/extract/figures.js'
import {isCapitalized} from '../src/extract/tokens.js'
import {
  figureWords,
  formatNumber,
  isYear,
  overlaps,
  phraseAt,
  quantities,
  rangeOf,
  writtenUnit,
  type Quantities,
  type Range
} from '../src/extract/quantities.js'

export const meta: RuleMeta = {
  id: 'figure-arithmetic',
  description: 'Stated changes, multiples, parts, shares and totals that do not match the figures beside them',
  suggestions: true,
  options: {}
}

const figureArithmetic = defineRule<Record<string, never>>(meta, (x, _options, report) => {
  const q = quantities(x)
  checkChanges(x, q, report)
  checkMultiples(x, q, report)
  checkParts(x, q, report)
  checkShares(x, q, report)
  checkTotals(x, q, report)
})

export default figureArithmetic

// ------------------------------------------------------------------ endpoints

/** One end of "from A to B": the figure and the currency word written after it. */
interface Endpoint {
  figure: Figure
  /** First token (approximator included) and last token (currency word included). */
  first: number
  last: number
  shown: string
}

function endpointAt(x: Extraction, q: Quantities, at: number): Endpoint | undefined {
  const figure = q.byLead.get(at)
  if (!figure || isYear(figure) || figure.percentagePoints) return undefined
  let last = figure.exprLast
  const after = x.tokens[last + 1]
  if (figure.currency && after?.kind === 'word' && after.text === figure.currency) last++
  else if (figure.currency?.startsWith('US ') && after?.text === 'US') last += 2
  return {figure, first: at, last, shown: x.text.slice(x.tokens[at].start, x.tokens[last].end)}
}

/** A reading of both endpoints in one unit (a bare first figure takes the second's magnitude). */
interface Pair {
  a: Range
  b: Range
  /** Central values. */
  av: number
  bv: number
  percent: boolean
  currency?: string
  aWords: string
  bWords: string
}

function readings(x: Extraction, a: Endpoint, b: Endpoint): Pair[] {
  const fa = a.figure
  const fb = b.figure
  if (fa.currency && fb.currency && fa.currency !== fb.currency) return []
  let percent = fb.percent
  if (fa.percent !== fb.percent) {
    // "from 5 to 10 percent": the first figure is a percentage too.
    if (fa.percent || fa.magnitude || fa.currency) return []
    percent = true
  }
  const currency = fa.currency ?? fb.currency
  const out: Pair[] = []
  const plain = {
    a: rangeOf(x, fa),
    b: rangeOf(x, fb),
    av: fa.value!,
    bv: fb.value!,
    percent,
    currency,
    aWords: figureWords(fa),
    bWords: figureWords(fb)
  }
  if (!fa.magnitude && fb.magnitude && !percent) {
    // "from 1.2 to 1.5 billion": read the first as 1.2 billion, and as written.
    const m = fb.multiplier
    out.push({
      ...plain,
      a: rangeOf(x, fa, 'written', m),
      av: fa.value! * m,
      aWords: figureWords({...fa, value: fa.value! * m, multiplier: m}, m, fb.magnitude)
    })
  }
  out.push(plain)
  return out.filter((p) => p.a.lo > 0 || p.percent)
}

// ------------------------------------------------------------------ changes

type Direction = 1 | -1 | 0

function directionOf(x: Extraction, i: number): Direction | undefined {
  const w = x.tokens[i]
  if (!w || w.kind !== 'word') return undefined
  if (x.lexicon.changeUp.has(w.lower)) return 1
  if (x.lexicon.changeDown.has(w.lower)) return -1
  if (x.lexicon.changeNeutral.has(w.lower)) return 0
  return undefined
}

interface Stated {
  figure: Figure
  direction: Direction
}

/** "rose 50% from", "an increase of 50% from", "a 50% increase from", before the pair at `at`. */
function statedBefore(x: Extraction, q: Quantities, at: number): Stated | undefined {
  let i = at - 1
  if (x.tokens[i]?.text === ',') i--
  const p = q.byLast.get(i)
  if (p) {
    let k = q.leadOf.get(p)! - 1
    if (x.tokens[k]?.lower === 'by' || x.tokens[k]?.lower === 'of') k--
    const direction = directionOf(x, k)
    if (direction !== undefined) return {figure: p, direction}
    return undefined
  }
  // "a 50% increase from"
  const direction = directionOf(x, i)
  const p2 = q.byLast.get(i - 1)
  if (direction !== undefined && p2 && /^an?$/.test(x.tokens[q.leadOf.get(p2)! - 1]?.lower ?? ''))
    return {figure: p2, direction}
  return undefined
}

/** ", an increase of 40 percent", "(up 40%)", ", or a 40% rise", after the pair ending at `end`. */
function statedAfter(x: Extraction, q: Quantities, end: number): Stated | undefined {
  const lex = x.lexicon
  let i = end + 1
  const open = x.tokens[i]?.text
  if (open !== ',' && open !== '(') return undefined
  i++
  let direction: Direction | undefined
  for (let steps = 0; steps < 5; steps++) {
    const t = x.tokens[i]
    if (!t) return undefined
    const p = q.byLead.get(i)
    if (p) {
      if (direction !== undefined) return {figure: p, direction}
      // "a 40% increase"
      const after = directionOf(x, p.exprLast + 1)
      if (after !== undefined && /^an?$/.test(x.tokens[i - 1]?.lower ?? '')) return {figure: p, direction: after}
      return undefined
    }
    if (t.kind !== 'word') return undefined
    const d = directionOf(x, i)
    if (d !== undefined) {
      direction = d
    } else if ((t.lower === 'of' || t.lower === 'by') && direction !== undefined) {
      // "an increase of"
    } else if (!lex.changeLeadIns.has(t.lower) || direction !== undefined) {
      return undefined
    }
    i++
  }
  return undefined
}

/**
 * Two endpoints joined by a word after the one at `k`: "from A to B" or "to B from A",
 * a unit noun after the first repeated after the second ("200 tonnes to 300 tonnes").
 */
function endpointPair(
  x: Extraction,
  q: Quantities,
  k: number,
  join: string
): {first: Endpoint; second: Endpoint; last: number} | undefined {
  const {tokens} = x
  const first = endpointAt(x, q, k + 1)
  if (!first) return undefined
  const unit = unitNoun(x, first)
  const second = endpointAt(x, q, first.last + (unit ? 3 : 2))
  if (!second || tokens[first.last + (unit ? 2 : 1)]?.lower !== join) return undefined
  if (unit && tokens[second.last + 1]?.lower !== unit) return undefined
  return {first, second, last: unit ? second.last + 1 : second.last}
}

function checkChanges(x: Extraction, q: Quantities, report: Report): void {
  const {tokens} = x
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    if (t.kind !== 'word') continue
    // "from A to B" ("from 200 tonnes to 300 tonnes"), or "to B from A" ("rose 3% to 103 from 100").
    if (t.lower !== 'from' && t.lower !== 'to') continue
    const pair = endpointPair(x, q, k, t.lower === 'from' ? 'to' : 'from')
    if (!pair) continue
    const [a, b] = t.lower === 'from' ? [pair.first, pair.second] : [pair.second, pair.first]
    let last = pair.last
    if (x.tokenSentence[k] !== x.tokenSentence[last]) continue
    // Only a change has a stated rise or fall: "rose from", "an increase of 5% from", "rose 3% to";
    // a bare "from 200 to 300" is a range.
    const before = statedBefore(x, q, k)
    if (!before && !changeBefore(x, q, k)) continue
    const unit = t.lower === 'from' ? unitNoun(x, a) : unitNoun(x, b)
    if (before) checkChange(x, a, b, unit, before, report)
    // "from 1,000 to 800 units, down 20%": a unit noun after the pair.
    const trailing = tokens[last + 1]
    if (
      trailing?.kind === 'word' &&
      !isCapitalized(trailing) &&
      (tokens[last + 2]?.text === ',' || tokens[last + 2]?.text === '(')
    )
      last++
    const after = statedAfter(x, q, last)
    if (after) checkChange(x, a, b, unit, after, report)
  }
}

/** A unit noun written after an endpoint and before "to"/"from": "200 tonnes to 300 tonnes". */
function unitNoun(x: Extraction, end: Endpoint): string | undefined {
  const t = x.tokens[end.last + 1]
  const next = x.tokens[end.last + 2]?.lower
  if (!t || t.kind !== 'word' || end.figure.percent || (next !== 'to' && next !== 'from')) return undefined
  if (t.lower === 'to' || t.lower === 'from' || isCapitalized(t)) return undefined
  return t.lower
}

/** A change word just before "from"/"to", perhaps with "by" or "sharply": "rose from", "increased sharply from". */
function changeBefore(x: Extraction, q: Quantities, at: number): boolean {
  for (let i = at - 1; i >= at - 3 && i >= 0; i--) {
    const t = x.tokens[i]
    if (t.kind !== 'word' || q.byLast.has(i)) return false
    if (directionOf(x, i) !== undefined) return true
  }
  return false
}

/** Words that may follow an absolute change of the endpoints' own unit ("an increase of 100 over ..."). */
const AFTER_ABSOLUTE = new Set([
  'over',
  'from',
  'compared',
  'on',
  'in',
  'and',
  'than',
  'year-on-year',
  'year-over-year'
])

function checkChange(
  x: Extraction,
  a: Endpoint,
  b: Endpoint,
  unitWord: string | undefined,
  stated: Stated,
  report: Report
): void {
  const p = stated.figure
  if (isYear(p)) return
  const pairs = readings(x, a, b)
  if (pairs.length === 0) return
  // The stated figure may be rounded or cut either way by one unit of its last digit.
  const unit = writtenUnit(p)
  const written = rangeOf(x, p)
  const statedRange: Range = {lo: Math.min(written.lo, p.value! - unit), hi: Math.max(written.hi, p.value! + unit)}
  const signed = (r: Range, d: Direction): Range[] =>
    d === 1 ? [r] : d === -1 ? [{lo: -r.hi, hi: -r.lo}] : [r, {lo: -r.hi, hi: -r.lo}]

  let comparable = false
  let best: {pair: Pair; value: number; kind: 'relative' | 'points' | 'absolute'} | undefined
  for (const pair of pairs) {
    const candidates: Array<{kind: 'relative' | 'points' | 'absolute'; range: Range; value: number}> = []
    if (p.percent && !p.percentagePoints) {
      if (pair.a.lo > 0) {
        candidates.push({
          kind: 'relative',
          range: {lo: (pair.b.lo / pair.a.hi - 1) * 100, hi: (pair.b.hi / pair.a.lo - 1) * 100},
          value: (pair.bv / pair.av - 1) * 100
        })
      }
      // Of two percentages, "up 4 percent" often means points.
      if (pair.percent)
        candidates.push({
          kind: 'points',
          range: {lo: pair.b.lo - pair.a.hi, hi: pair.b.hi - pair.a.lo},
          value: pair.bv - pair.av
        })
    } else if (p.percentagePoints) {
      if (!pair.percent) continue
      candidates.push({
        kind: 'points',
        range: {lo: pair.b.lo - pair.a.hi, hi: pair.b.hi - pair.a.lo},
        value: pair.bv - pair.av
      })
    } else {
      // An absolute change must be in the endpoints' unit: not "a rise of 50 cents" beside dollars.
      if (pair.percent || (p.currency ?? '') !== (pair.currency ?? '')) continue
      const next = x.tokens[p.exprLast + 1]
      // "from 1,000 to 800 units, down 200 units"
      const unitOfB = x.tokens[b.last + 1]?.kind === 'word' ? x.tokens[b.last + 1].lower : undefined
      const own = unitWord ?? unitOfB
      if (
        next?.kind === 'word' &&
        next.lower !== own &&
        (unitWord !== undefined || p.currency === undefined) &&
        !AFTER_ABSOLUTE.has(next.lower)
      )
        continue
      candidates.push({
        kind: 'absolute',
        range: {lo: pair.b.lo - pair.a.hi, hi: pair.b.hi - pair.a.lo},
        value: pair.bv - pair.av
      })
    }
    for (const c of candidates) {
      comparable = true
      if (signed(statedRange, stated.direction).some((r) => overlaps(r, c.range))) return
      if (!best) best = {pair, value: c.value, kind: c.kind}
    }
  }
  if (!comparable || !best) return
  // "an increase of 100" where the endpoints carry a magnitude the stated figure left out.
  if (best.kind === 'absolute' && !p.magnitude && pairs.some((pair) => pair.bv >= 1000 * Math.abs(p.value!))) return

  const shownP = x.text.slice(p.start, p.exprEnd)
  const noun = stated.direction === 1 ? 'increase' : stated.direction === -1 ? 'decrease' : 'change'
  const decimals = Math.max(0, Math.round(-Math.log10(unit / p.multiplier)))
  const wrongWay = stated.direction !== 0 && Math.sign(best.value) !== 0 && Math.sign(best.value) !== stated.direction
  const magnitude = Math.abs(best.value) / p.multiplier
  const expectedNumber = formatNumber(magnitude, decimals).replaceAll(',', p.raw.includes(',') ? ',' : '')
  const expected = shownP.replace(p.raw, expectedNumber)
  const {pair} = best
  const result = formatNumber(best.value, Math.max(1, decimals)).replace(/^-/u, '−')
  const formula =
    best.kind === 'relative'
      ? `(${pair.bWords} − ${pair.aWords}) ÷ ${pair.aWords} = ${result}%`
      : `${pair.bWords} − ${pair.aWords} = ${result}${best.kind === 'points' ? ' percentage points' : ''}`
  const alternative =
    best.kind === 'relative' && pair.percent
      ? ` In percentage points the change is ${formatNumber(pair.bv - pair.av, 1)}.`
      : ''
  const start = x.tokens[quantities(x).leadOf.get(p)!].start
  if (wrongWay) {
    const other = best.value < 0 ? 'a decrease' : 'an increase'
    report(
      start,
      p.exprEnd,
      `Unexpected ${noun} of ${code(shownP)} from ${code(a.shown)} to ${code(b.shown)}: the figures show ${other}`,
      {
        actual: shownP,
        note: `${formula}. The copy calls it ${noun === 'increase' ? 'an' : 'a'} ${noun}.${alternative}`
      }
    )
    return
  }
  report(
    start,
    p.exprEnd,
    `Unexpected ${noun} of ${code(shownP)} from ${code(a.shown)} to ${code(b.shown)}, expected ${code(expected)}`,
    {
      actual: shownP,
      expected: [expected],
      note: `${formula}; the stated ${shownP} is off by more than the rounding of the figures as written.${alternative}`
    }
  )
}

// ------------------------------------------------------------------ multiples

function checkMultiples(x: Extraction, q: Quantities, report: Report): void {
  const {tokens, lexicon: lex} = x
  for (let m = 0; m < tokens.length; m++) {
    const word = tokens[m]
    if (word.kind !== 'word') continue
    const factor = lex.multiples.get(word.lower)
    if (factor === undefined) continue
    let a: Endpoint | undefined
    let b: Endpoint | undefined
    if (tokens[m + 1]?.lower === 'from') {
      a = endpointAt(x, q, m + 2)
      if (a && tokens[a.last + 1]?.lower === 'to') b = endpointAt(x, q, a.last + 2)
    } else if (tokens[m + 1]?.lower === 'to') {
      b = endpointAt(x, q, m + 2)
      if (b && tokens[b.last + 1]?.lower === 'from') a = endpointAt(x, q, b.last + 2)
    }
    if (!a || !b) continue
    // "more than doubled", "nearly tripled"
    let modifier: string | undefined
    for (const words of lex.approximators) {
      if (words.every((w, n) => tokens[m - words.length + n]?.lower === w)) modifier = words.join(' ')
    }
    const band = bandOf(x, factor, modifier)
    if (!band) continue
    const pairs = readings(x, a, b)
    if (pairs.length === 0) continue
    const usable = pairs.filter((pair) => pair.a.lo > 0)
    if (usable.length === 0) continue
    if (usable.some((pair) => overlaps({lo: pair.b.lo / pair.a.hi, hi: pair.b.hi / pair.a.lo}, band))) continue
    const pair = usable[0]
    const ratio = pair.bv / pair.av
    const shown = tokens[m].text
    report(
      word.start,
      word.end,
      `Unexpected ${code(shown)} from ${code(a.shown)} to ${code(b.shown)}: that is ${formatNumber(ratio, 2)} times`,
      {
        actual: shown,
        note: `${pair.bWords} ÷ ${pair.aWords} = ${formatNumber(ratio, 2)}; ${modifier ? `${modifier} ` : ''}${shown} means about ${factor} times.`
      }
    )
  }
}

/** The ratios a multiple word allows: "doubled" 1.7 to 2.3, "more than doubled" 1.9 up. */
function bandOf(x: Extraction, factor: number, modifier: string | undefined): Range | undefined {
  const lex = x.lexicon
  const up = factor > 1
  if (!modifier) return {lo: factor * 0.85, hi: factor * 1.15}
  if (lex.approxAtLeast.has(modifier)) return up ? {lo: factor * 0.95, hi: Infinity} : {lo: 0, hi: factor * 1.05}
  if (lex.approxNearly.has(modifier))
    return up ? {lo: factor * 0.7, hi: factor * 1.05} : {lo: factor * 0.95, hi: factor * 1.4}
  if (lex.approxAtMost.has(modifier)) return undefined
  return {lo: factor * 0.75, hi: factor * 1.25}
}

// ------------------------------------------------------------------ parts

interface Part {
  figure: Figure
  first: number
  /** The words after the figure up to the next part or the end of the list. */
  frame: string[]
  /** Token indices of the frame's words. */
  frameTokens: number[]
}

const AUXILIARIES = new Set(['were', 'was', 'are', 'is', 'had', 'have', 'has', 'been', 'of', 'them', 'which', 'whom'])

/**
 * A list of parallel parts among figures `candidates` (in order): each after the
 * first is introduced by a comma, `and`, `while` or a semicolon, and all name
 * the same kind of group with the same preposition ("320 were in manufacturing
 * and 210 in services"). Returns undefined when the figures are not such a list.
 */
function parallelParts(x: Extraction, q: Quantities, candidates: Figure[], end: number): Part[] | undefined {
  const {tokens, lexicon: lex} = x
  const parts: Part[] = []
  for (let n = 0; n < candidates.length; n++) {
    const figure = candidates[n]
    const first = q.leadOf.get(figure)!
    if (n > 0) {
      const sep = tokens[first - 1]?.lower
      if (sep !== ',' && sep !== 'and' && sep !== 'while' && sep !== ';' && sep !== 'whereas') return undefined
    }
    const lastPart = n + 1 === candidates.length
    const stop = n + 1 < candidates.length ? q.leadOf.get(candidates[n + 1])! : end + 1
    const frame: string[] = []
    const frameTokens: number[] = []
    for (let i = figure.exprLast + 1; i < stop; i++) {
      const t = tokens[i]
      if (t.kind === 'word') {
        frame.push(t.lower)
        frameTokens.push(i)
      } else if (t.text === ',' || t.text === ';') continue
      else if (lastPart) break
      else return undefined
    }
    parts.push({figure, first, frame, frameTokens})
  }
  if (parts.length < 2) return parts
  // Frames: the words before the first preposition, then the preposition.
  const shape = (part: Part) => {
    const {frame} = part
    const at = frame.findIndex((w) => lex.partPrepositions.has(w))
    if (at < 0 || at > 3) return undefined
    // A named place or group may lie inside another ("300 in Shanghai and 250 in the Yangtze
    // River Delta"); only countries the knowledge base knows are surely apart.
    let k = at + 1
    if (frame[k] === 'the') k++
    const complement = part.frameTokens[k]
    if (complement !== undefined && isCapitalized(tokens[complement])) {
      const chain = q.chainHolding(complement)
      const entity = chain ? x.knowledge.entityByName(chain.words.join(' ')) : undefined
      if (!entity || entity.kind !== 'country') return undefined
    }
    return {head: frame.slice(0, at).filter((w) => !AUXILIARIES.has(w)), prep: frame[at]}
  }
  const s0 = shape(parts[0])
  if (!s0) return undefined
  for (const part of parts.slice(1)) {
    const s = shape(part)
    if (!s || s.prep !== s0.prep) return undefined
    // The second part may leave out the verb and noun ("and 210 in services") or repeat them.
    if (s.head.length > 0 && s.head.join(' ') !== s0.head.join(' ')) return undefined
  }
  return parts
}

/** Whether figures can be parts of `whole` (counts of counts, money of money, shares of 100). */
function sameMeasure(whole: Figure | undefined, part: Figure): boolean {
  if (isYear(part) || part.percentagePoints) return false
  if (!whole) return part.percent
  if (part.percent) return !whole.percent
  if (whole.percent) return false
  if (part.currency && part.currency !== whole.currency) return false
  if (whole.currency && !part.currency && part.magnitude !== whole.magnitude) return false
  return true
}

function checkParts(x: Extraction, q: Quantities, report: Report): void {
  const {tokens, lexicon: lex} = x
  for (let i = 0; i < tokens.length; i++) {
    const sFirst = q.sentenceFirst[i]
    const sLast = q.sentenceLast[i]
    let whole: Figure | undefined
    let partsFrom = -1
    let wholeKnown = false
    // "Of the 470 projects signed, ...", "Among the respondents, ..."
    if (i === sFirst) {
      let k = i
      while (tokens[k] && tokens[k].kind === 'punct' && k < sLast) k++
      if (tokens[k]?.lower !== 'of' && tokens[k]?.lower !== 'among') continue
      k++
      if (['the', 'these', 'those', 'its', 'their', 'all'].includes(tokens[k]?.lower ?? '')) k++
      whole = q.byLead.get(k)
      let c = whole ? whole.exprLast + 1 : k
      if (whole && (isYear(whole) || whole.percent)) whole = undefined
      for (let steps = 0; steps < 8 && c <= sLast && tokens[c].text !== ','; steps++, c++) {
        if (tokens[c].kind !== 'word') break
      }
      if (tokens[c]?.text !== ',') continue
      wholeKnown = true
      partsFrom = c + 1
    } else {
      // "470 projects were signed, of which 320 ...", "... : 320 in ..."
      const w = q.byLast.get(i)
      if (!w || isYear(w) || w.percent) continue
      let c = i + 1
      for (let steps = 0; steps < 6 && c <= sLast && tokens[c].kind === 'word'; steps++) c++
      if (c > sLast) continue
      if (tokens[c].text === ':') {
        partsFrom = c + 1
      } else if (tokens[c].text === ',') {
        const opener = phraseAt(x, c + 1, lex.partsOpeners)
        if (!opener) continue
        partsFrom = c + 1 + opener.length
      } else {
        continue
      }
      whole = w
      wholeKnown = true
    }
    if (!wholeKnown || partsFrom < 0) continue
    const candidates = q.figuresIn(i).filter((f) => q.leadOf.get(f)! >= partsFrom && f.exprLast <= sLast)
    if (candidates.length === 0 || !candidates.every((f) => sameMeasure(whole, f))) continue
    if (!whole && candidates.length < 2) continue
    const parts = parallelParts(x, q, candidates, sLast)
    if (!parts) continue
    let lo = 0
    for (const part of parts) lo += rangeOf(x, part.figure).lo
    // Shares of a whole are parts of 100% (written to the unit, they may add up to a little
    // over 100 by rounding, which the lower ends allow).
    const shares = parts[0].figure.percent
    const wholeRange: Range = whole && !shares ? rangeOf(x, whole) : {lo: 100, hi: 100}
    if (lo <= wholeRange.hi) continue
    const sum = parts.reduce((s, p) => s + p.figure.value!, 0)
    const shownParts = parts.map((p) => code(x.text.slice(p.figure.start, p.figure.exprEnd)))
    const list =
      shownParts.length > 1
        ? `${shownParts.slice(0, -1).join(', ')} and ${shownParts[shownParts.length - 1]}`
        : shownParts[0]
    const wholeShown = whole ? x.text.slice(whole.start, whole.exprEnd) : ''
    const start = tokens[parts[0].first].start
    const end = parts[parts.length - 1].figure.exprEnd
    const scale = shares ? 1 : (whole?.multiplier ?? 1)
    const sumShown = shares
      ? `${formatNumber(sum, 2)}%`
      : formatNumber(sum / scale, 2) + (whole?.magnitude ? ` ${whole.magnitude}` : '')
    const arithmetic = parts
      .map((p) => (shares ? figureWords(p.figure) : figureWords(p.figure, scale, whole?.magnitude)))
      .join(' + ')
    const side = 'Parts listed side by side (the same preposition, the verb left out) read as separate groups.'
    if (shares) {
      report(
        start,
        end,
        `Unexpected shares ${list} of ${whole ? code(wholeShown) : 'one whole'}: they add up to ${sumShown}`,
        {
          actual: x.text.slice(start, end),
          note: `${arithmetic} = ${sumShown}; shares of one whole add up to at most 100%. ${side}`
        }
      )
    } else {
      report(start, end, `Unexpected parts ${list} of ${code(wholeShown)}: they add up to ${sumShown}`, {
        actual: x.text.slice(start, end),
        note: `${arithmetic} = ${sumShown}, more than the ${wholeShown} they are part of. ${side}`
      })
    }
    i = sLast
  }
}

// ------------------------------------------------------------------ shares

/** Words of a whole that make it one whole per part: "of their respective markets". */
const PER_PART = new Set(['respective', 'their', 'each', 'own'])
const STOP_BETWEEN_SHARES = new Set([
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'has',
  'had',
  'have',
  'reached',
  'stood',
  'than',
  'from',
  'to',
  'by',
  'of',
  'compared',
  'against',
  'versus'
])

/** "accounted for 60%, 30% and 20% ..., respectively", "accounted for 60% of output, services 30% and farming 20%". */
function checkShares(x: Extraction, q: Quantities, report: Report): void {
  const {tokens, lexicon: lex} = x
  const used = new Set<Figure>()
  for (const first of q.figures) {
    if (used.has(first) || !first.percent || first.percentagePoints || first.approx) continue
    const lead = q.leadOf.get(first)!
    const sFirst = q.sentenceFirst[lead]
    const sLast = q.sentenceLast[lead]
    let k = lead - 1
    if (tokens[k]?.lower === 'for' || tokens[k]?.lower === 'up') k--
    if (!tokens[k] || !lex.shareVerbs.has(tokens[k].lower)) continue
    const verb = k
    /** "of output" after a share: the whole it is a share of (up to three words). */
    const wholeOf = (f: Figure): {words: string; end: number; perPart: boolean} | undefined => {
      if (tokens[f.exprLast + 1]?.lower !== 'of') return undefined
      const words: string[] = []
      let i = f.exprLast + 2
      for (; i <= sLast && tokens[i].kind === 'word' && words.length < 3; i++) {
        if (tokens[i].lower === 'and' || tokens[i].lower === 'respectively' || STOP_BETWEEN_SHARES.has(tokens[i].lower))
          break
        words.push(tokens[i].lower)
      }
      // "their respective markets": each part has its own whole.
      const perPart = words.some((w) => PER_PART.has(w))
      return {words: words.filter((w) => w !== 'the' && w !== 'its' && w !== 'all').join(' '), end: i, perPart}
    }
    /** A share ends its part of the list: a comma, "and", "respectively" or the end of the sentence follows. */
    const endsPart = (f: Figure): number | undefined => {
      const i = wholeOf(f)?.end ?? f.exprLast + 1
      const t = tokens[i]
      if (i > sLast || !t || t.kind === 'punct' || t.lower === 'and' || t.lower === 'respectively') return i
      return undefined
    }
    let whole = wholeOf(first)?.words
    if (endsPart(first) === undefined || wholeOf(first)?.perPart) continue
    const parts = [first]
    let adjacent = true
    let prev = first
    for (const next of q.figuresIn(lead)) {
      const nextLead = q.leadOf.get(next)!
      if (nextLead <= prev.exprLast) continue
      if (next.exprLast > sLast || !next.percent || next.percentagePoints || next.approx) break
      // What stands between two shares: a comma or "and", then up to four words naming the part.
      let i = endsPart(prev)!
      const sep = tokens[i]?.lower
      if (sep !== ',' && sep !== 'and') break
      i++
      if (tokens[i]?.lower === 'and') i++
      let words = 0
      let ok = true
      for (; i < nextLead; i++) {
        const t = tokens[i]
        if (
          t.kind !== 'word' ||
          STOP_BETWEEN_SHARES.has(t.lower) ||
          directionOf(x, i) !== undefined ||
          lex.shareVerbs.has(t.lower)
        ) {
          ok = false
          break
        }
        words++
      }
      if (!ok || words > 4) break
      if (directionOf(x, next.exprLast + 1) !== undefined || endsPart(next) === undefined) break
      const nw = wholeOf(next)?.words
      if (wholeOf(next)?.perPart) break
      if (nw !== undefined && whole !== undefined && nw !== whole) break
      if (nw !== undefined) whole = nw
      if (words > 0) adjacent = false
      parts.push(next)
      prev = next
    }
    if (parts.length < 2) continue
    // "A, B and C accounted for 60%, 30% and 20% ..., respectively": a list of shares with
    // nothing between them reads as one whole only when the subjects are the list of parts
    // ("Women accounted for 40%, 35% and 44% of seats in France, Germany and Spain,
    // respectively" names three wholes).
    if (adjacent) {
      let r = wholeOf(prev)?.end ?? prev.exprLast + 1
      if (tokens[r]?.text === ',') r++
      if (tokens[r]?.lower !== 'respectively') continue
      let listed = false
      for (let i = sFirst; i < verb; i++) if (tokens[i].text === ',' || tokens[i].lower === 'and') listed = true
      if (!listed) continue
    }
    for (const p of parts) used.add(p)
    let lo = 0
    for (const p of parts) lo += rangeOf(x, p).lo
    if (lo <= 100) continue
    const sum = parts.reduce((s, p) => s + p.value!, 0)
    const shown = parts.map((p) => code(x.text.slice(p.start, p.exprEnd)))
    const list = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
    const start = tokens[q.leadOf.get(parts[0])!].start
    const end = parts[parts.length - 1].exprEnd
    const sumShown = `${formatNumber(sum, 2)}%`
    report(start, end, `Unexpected shares ${list} of one whole: they add up to ${sumShown}`, {
      actual: x.text.slice(start, end),
      note: `${parts.map((p) => figureWords(p)).join(' + ')} = ${sumShown}; shares of one whole add up to at most 100%.`
    })
  }
}

// ------------------------------------------------------------------ totals

/** "120,000 cars in China and 80,000 in Japan, a total of 210,000." */
function checkTotals(x: Extraction, q: Quantities, report: Report): void {
  const {tokens, lexicon: lex} = x
  for (let c = 0; c < tokens.length; c++) {
    if (tokens[c].text !== ',') continue
    let total: Figure | undefined
    const marker = phraseAt(x, c + 1, lex.totalMarkers)
    if (marker) {
      total = q.byLead.get(c + 1 + marker.length)
    } else {
      // ", 200,000 in total"
      const t = q.byLead.get(c + 1)
      if (t && phraseAt(x, t.exprLast + 1, lex.totalMarkers)) total = t
    }
    if (!total || isYear(total) || total.approx) continue
    const sFirst = q.sentenceFirst[c]
    // The parallel list that ends at the comma, read backwards from its last part.
    const before = q
      .figuresIn(c)
      .filter(
        (f) =>
          q.leadOf.get(f)! >= sFirst && f.exprLast < c && sameMeasure(total.percent ? undefined : total, f) && !f.approx
      )
    let parts: Part[] | undefined
    for (let from = 0; from < before.length - 1; from++) {
      const found = parallelParts(x, q, before.slice(from), c - 1)
      if (found && found.length >= 2) {
        parts = found
        break
      }
    }
    if (!parts) continue
    let lo = 0
    let hi = 0
    for (const part of parts) {
      const r = rangeOf(x, part.figure)
      lo += r.lo
      hi += r.hi
    }
    if (overlaps({lo, hi}, rangeOf(x, total))) continue
    const sum = parts.reduce((s, p) => s + p.figure.value!, 0)
    const shownTotal = x.text.slice(total.start, total.exprEnd)
    const decimals = Math.max(0, Math.round(-Math.log10(writtenUnit(total) / total.multiplier)))
    let number = formatNumber(sum / total.multiplier, Math.max(decimals, 2))
    if (!total.raw.includes(',')) number = number.replaceAll(',', '')
    const expected = shownTotal.replace(total.raw, number)
    report(total.start, total.exprEnd, `Unexpected total ${code(shownTotal)}, expected ${code(expected)}`, {
      actual: shownTotal,
      expected: [expected],
      note: `${parts.map((p) => figureWords(p.figure, total.multiplier, total.magnitude)).join(' + ')} = ${figureWords({...total, value: sum})}, the parts listed before the total.`
    })
  }
}
