/**
 * A weekday that does not match its date: "Monday, September 9, 2023" (a Saturday).
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {isYear, type Quantities} from '../../src/extract/quantities.js'
import {longDate, resolve, weekdayOf, type Story} from './story-day.js'

export function checkWeekdays(
  extraction: Extraction,
  quantities: Quantities,
  story: Story | undefined,
  report: Report
): void {
  const {tokens, lexicon} = extraction
  const isWeekday = (i: number) => tokens[i]?.kind === 'word' && lexicon.weekdays.has(tokens[i].lower)
  for (const date of extraction.dates) {
    const first = extraction.tokenAt(date.start)
    const last = extraction.tokenAt(date.end - 1)
    let weekday: number | undefined
    // "Monday, September 9", "Monday September 9", "Monday (September 9)", "September 9 (Monday)"
    if (isWeekday(first - 1)) weekday = first - 1
    else if ((tokens[first - 1]?.text === ',' || tokens[first - 1]?.text === '(') && isWeekday(first - 2))
      weekday = first - 2
    else if (tokens[last + 1]?.text === '(' && isWeekday(last + 2) && tokens[last + 3]?.text === ')') weekday = last + 2
    if (weekday === undefined) continue
    // A date without a year needs the story's year, and no other year in its sentence.
    if (date.year === undefined) {
      if (!story?.yearKnown) continue
      if (quantities.figuresIn(first).some((f) => isYear(f))) continue
    }
    const resolved = resolve(date, story)
    if (!resolved) continue
    // A date without a year far from the story's may be of another year.
    if (resolved.inferred && Math.abs(resolved.days - story!.days) > lexicon.tolerances.nearDays) continue
    const actual = weekdayOf(extraction, resolved.days)
    const written = tokens[weekday]
    if (written.lower === actual.toLowerCase()) continue
    const expected = written.text === written.text.toUpperCase() ? actual.toUpperCase() : actual
    const when = longDate(extraction, date, resolved.year)
    report(
      written.start,
      written.end,
      `Unexpected weekday ${code(written.text)} for ${when}, expected ${code(expected)}`,
      {
        actual: written.text,
        expected: [expected],
        note: resolved.inferred
          ? `${when} was a ${actual}; the date has no year, so it is read as the one nearest the story's date, ${story!.shown}.`
          : `${when} was a ${actual}.`
      }
    )
  }
}
