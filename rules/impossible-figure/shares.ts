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
      // Up to three words may stand between "of" and the whole: "of registered voters",
      // "of the city's households", "of all eligible adult voters" (lowercase words, or a
      // possessive), none of them a whole-changing "than" or a figure.
      const head = k
      for (let words = 0; words < 3 && !lexicon.shareWholes.has(lower(k) ?? ''); words++) {
        const token = tokens[k]
        if (token?.kind !== 'word' || token.text !== token.lower || lexicon.timeShiftWords.has(token.lower)) break
        k++
      }
      // With words between, the whole must end its noun phrase ("of registered voters backed",
      // not "of pre-crisis market levels": a plural noun after it is the real whole).
      const following = tokens[k + 1]
      const nounAfter =
        k > head &&
        following?.kind === 'word' &&
        following.text === following.lower &&
        /[^s]s$/u.test(following.lower) &&
        !lexicon.auxiliaryVerbs.has(following.lower)
      if (!nounAfter && lexicon.shareWholes.has(lower(k) ?? '')) share = true
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
