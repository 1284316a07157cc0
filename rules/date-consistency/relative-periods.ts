/**
 * "last week", "this month", "next year" beside a date or a year the story's
 * date contradicts: "last year (2021)" in a story dated 2023.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {DateMention} from '../../src/extract/figures.js'
import {isYear, type Quantities} from '../../src/extract/quantities.js'
import {dateShown, longDate, resolve, type Story} from './story-day.js'

export function checkRelativePeriods(
  extraction: Extraction,
  quantities: Quantities,
  story: Story,
  report: Report
): void {
  const {tokens, lexicon} = extraction
  const dateAt = new Map(extraction.dates.map((d) => [extraction.tokenAt(d.start), d]))
  const dateEndingAt = new Map(extraction.dates.map((d) => [extraction.tokenAt(d.end - 1), d]))
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "last week", "this month", "next year" ("previous" is not in the list: it counts back
    // from the year just named, not the story's).
    const offset = lexicon.relativePeriods.get(tokens[i].lower)
    const unit = tokens[i + 1].lower
    if (offset === undefined || tokens[i].kind !== 'word' || (unit !== 'week' && unit !== 'month' && unit !== 'year'))
      continue
    if (unit === 'year') {
      // "last year (2022)"
      const year = tokens[i + 2]?.text === '(' ? quantities.byLead.get(i + 3) : undefined
      if (!year || !isYear(year) || tokens[year.exprLast + 1]?.text !== ')' || !story.yearKnown) continue
      const expected = story.year + offset
      if (year.value === expected) continue
      const phrase = `${tokens[i].lower} year`
      report(
        year.start,
        year.end,
        `Unexpected year ${code(year.raw)} for ${phrase}: the story is dated ${story.shown}, expected ${code(String(expected))}`,
        {
          actual: year.raw,
          expected: [String(expected)],
          note: `In a story dated ${story.shown}, ${phrase} is ${expected}.`
        }
      )
      continue
    }
    // The date stands right beside the phrase: "last week (September 2)", "on September 2 last week".
    let date: DateMention | undefined
    let k = i + 2
    while (
      tokens[k] &&
      (tokens[k].text === '(' ||
        tokens[k].text === ',' ||
        tokens[k].lower === 'on' ||
        lexicon.weekdays.has(tokens[k].lower)) &&
      k < i + 6
    )
      k++
    date = dateAt.get(k)
    if (!date) {
      k = i - 1
      while (k >= 0 && (tokens[k].text === ')' || tokens[k].text === ',') && k > i - 3) k--
      date = dateEndingAt.get(k)
    }
    if (!date) continue
    const resolved = resolve(date, story)
    if (!resolved || (date.year !== undefined && !story.yearKnown)) continue
    const diff = resolved.days - story.days
    let fits: boolean
    if (unit === 'week') {
      // Weeks start on Sunday or Monday by custom: allow a day either side.
      fits = offset === -1 ? diff >= -14 && diff <= -1 : offset === 1 ? diff >= 1 && diff <= 14 : Math.abs(diff) <= 7
    } else {
      const months = resolved.year * 12 + date.month - (story.year * 12 + story.month)
      fits = months === offset
    }
    if (fits) continue
    const shown = dateShown(extraction, date)
    const phrase = `${tokens[i].lower} ${unit}`
    report(date.start, date.end, `Unexpected date ${code(shown)} for ${phrase}: the story is dated ${story.shown}`, {
      actual: shown,
      note: `${longDate(extraction, date, resolved.year)} is ${Math.abs(diff)} days ${diff < 0 ? 'before' : 'after'} the story's date, ${story.shown}; that is not ${phrase}.`
    })
  }
}
