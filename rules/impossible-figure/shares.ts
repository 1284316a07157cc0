/**
 * A share of a whole above 100%: "accounted for 130 percent of", "120 percent of
 * voters", "a 130% stake". Ratios that may exceed 100 (to GDP, a target) are not shares.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'

export function checkShares(extraction: Extraction, report: Report): void {
  const {tokens, lexicon} = extraction
  const lower = (i: number) => tokens[i]?.lower
  for (const figure of extraction.figures) {
    if (!figure.percent || figure.percentagePoints || figure.value === null || figure.value <= 100) continue
    const before = figure.exprFirst - 1 - (figure.approx ? figure.approx.split(' ').length : 0)
    const afterIndex = figure.exprLast + 1
    let share = false
    // "accounted for 130 percent of", "made up 130% of"
    if ((lower(before) === 'for' || lower(before) === 'up') && lexicon.shareVerbs.has(lower(before - 1) ?? ''))
      share = true
    else if (
      lexicon.shareVerbs.has(lower(before) ?? '') &&
      lower(before) !== 'made' &&
      lower(before) !== 'make' &&
      lower(before) !== 'makes'
    )
      share = true
    // "a share of 130%"
    else if (lower(before) === 'of' && (lower(before - 1) === 'share' || lower(before - 1) === 'proportion'))
      share = true
    // "130% of (the) voters", "a 130% stake"
    let k = afterIndex
    if (lower(k) === 'of') {
      k++
      if (lower(k) === 'the' || lower(k) === 'all' || lower(k) === 'its' || lower(k) === 'their') k++
      if (lexicon.shareWholes.has(lower(k) ?? '')) share = true
    } else if (lower(k) === 'stake' || lower(k) === 'share') {
      share = true
    }
    if (!share) continue
    const shown = extraction.text.slice(figure.start, figure.exprEnd)
    report(figure.start, figure.exprEnd, `Unexpected share ${code(shown)} of a whole: a share cannot exceed 100%`, {
      actual: shown,
      note: 'A part of a whole is at most 100% of it. Ratios such as debt or trade to GDP, growth rates and comparisons with a target may exceed 100; this one reads as a share.'
    })
  }
}
