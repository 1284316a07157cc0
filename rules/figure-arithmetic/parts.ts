/**
 * Parts of a whole that add up to more than the whole: "Of the 470 projects
 * signed, 320 were in manufacturing and 210 in services", or shares of one
 * whole over 100% ("Of the voters, 60% were in cities and 50% in villages").
 */
import {code, type Report} from '../../src/core/rule.js'
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
  for (let i = 0; i < tokens.length; i++) {
    const sentenceLast = quantities.sentenceLast[i]
    const opening = wholeAt(extraction, quantities, i)
    if (!opening) continue
    const {whole, partsFrom} = opening
    const candidates = quantities
      .figuresIn(i)
      .filter((figure) => quantities.leadOf.get(figure)! >= partsFrom && figure.exprLast <= sentenceLast)
    if (candidates.length === 0 || !candidates.every((figure) => sameMeasure(whole, figure))) continue
    if (!whole && candidates.length < 2) continue
    const parts = parallelParts(extraction, quantities, candidates, sentenceLast)
    if (!parts) continue
    let lo = 0
    for (const part of parts) lo += rangeOf(extraction, part.figure).lo
    // Shares of a whole are parts of 100% (written to the unit, they may add up to a little
    // over 100 by rounding, which the lower ends allow).
    const shares = parts[0].figure.percent
    const wholeRange: Range = whole && !shares ? rangeOf(extraction, whole) : {lo: 100, hi: 100}
    if (lo <= wholeRange.hi) continue
    reportParts(extraction, parts, whole, shares, report)
    i = sentenceLast
  }
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
