/**
 * A total stated right after its parts that is not their sum: "120,000 cars
 * in China and 80,000 in Japan, a total of 210,000".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {
  figureWords,
  formatNumber,
  isYear,
  overlaps,
  phraseAt,
  rangeOf,
  writtenUnit,
  type Quantities
} from '../../src/extract/quantities.js'
import {parallelParts, sameMeasure, type Part} from './parts-list.js'

export function checkTotals(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens} = extraction
  for (let comma = 0; comma < tokens.length; comma++) {
    if (tokens[comma].text !== ',') continue
    const total = totalAfter(extraction, quantities, comma)
    if (!total || isYear(total) || total.approx) continue
    const parts = partsBefore(extraction, quantities, comma, total)
    if (!parts) continue
    let lo = 0
    let hi = 0
    for (const part of parts) {
      const range = rangeOf(extraction, part.figure)
      lo += range.lo
      hi += range.hi
    }
    if (overlaps({lo, hi}, rangeOf(extraction, total))) continue
    const sum = parts.reduce((running, part) => running + part.figure.value!, 0)
    const shownTotal = extraction.text.slice(total.start, total.exprEnd)
    const decimals = Math.max(0, Math.round(-Math.log10(writtenUnit(total) / total.multiplier)))
    let number = formatNumber(sum / total.multiplier, Math.max(decimals, 2))
    if (!total.raw.includes(',')) number = number.replaceAll(',', '')
    const expected = shownTotal.replace(total.raw, number)
    report(total.start, total.exprEnd, `Unexpected total ${code(shownTotal)}, expected ${code(expected)}`, {
      actual: shownTotal,
      expected: [expected],
      note: `${parts.map((part) => figureWords(part.figure, total.multiplier, total.magnitude)).join(' + ')} = ${figureWords({...total, value: sum})}, the parts listed before the total.`
    })
  }
}

/** The total after the comma at `comma`: ", a total of 210,000" or ", 200,000 in total". */
function totalAfter(extraction: Extraction, quantities: Quantities, comma: number): Figure | undefined {
  const {totalMarkers} = extraction.lexicon
  const marker = phraseAt(extraction, comma + 1, totalMarkers)
  if (marker) return quantities.byLead.get(comma + 1 + marker.length)
  const total = quantities.byLead.get(comma + 1)
  return total && phraseAt(extraction, total.exprLast + 1, totalMarkers) ? total : undefined
}

/** The parallel list that ends at the comma, read backwards from its last part. */
function partsBefore(extraction: Extraction, quantities: Quantities, comma: number, total: Figure): Part[] | undefined {
  const sentenceFirst = quantities.sentenceFirst[comma]
  const before = quantities
    .figuresIn(comma)
    .filter(
      (figure) =>
        quantities.leadOf.get(figure)! >= sentenceFirst &&
        figure.exprLast < comma &&
        sameMeasure(total.percent ? undefined : total, figure) &&
        !figure.approx
    )
  for (let from = 0; from < before.length - 1; from++) {
    const found = parallelParts(extraction, quantities, before.slice(from), comma - 1)
    if (found && found.length >= 2) return found
  }
  return undefined
}
