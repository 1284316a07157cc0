/**
 * ## date-consistency
 *
 * Catches dates that cannot be true together: a weekday that does not match
 * its date (`Monday, September 9, 2023` was a Saturday); a date given as
 * `yesterday`, `today` or `tomorrow`, or as `last week`, `last month`, `last
 * year` (and `this`, `next`), that the story's dateline contradicts
 * (`yesterday (September 7)` in a story datelined September 9); and an event
 * told in the past tense on a date after the story's own (`the forum was held
 * on September 12` in a story datelined September 9).
 *
 * Why: wire copy is rewritten across days and time zones; a date or weekday
 * that was right in the first version goes stale in the next, and readers
 * check dates against the calendar.
 *
 * The story's date comes from the `date` setting or the dateline. A date
 * without a year is read as the one nearest the story's date, and only when
 * the story's year is known; with no dateline and no setting, only dates
 * that carry their own year are checked (weekdays).
 *
 * Silent on: weekdays of dates without a year in undated copy (`Monday, Dec.
 * 31`), plans, schedules and deadlines (`will be held on`, `is scheduled
 * for`, `was postponed to`, `was extended until`), periods with two dates
 * (`began on February 10 and ended on February 19`), events a day after the
 * dateline (time zones), dates without a year more than 45 days from the
 * story's, fiscal years.
 *
 * ### Examples
 *
 * ```text valid
 * Wednesday, September 7, 2016
 * The talks resume on Monday, September 12, and end on Friday (September 16).
 * ```
 *
 * ```text valid
 * The talks resume on Monday, Dec. 31, and end on Jan. 2.
 * ```
 *
 * ```text valid
 * Nanning, September 9, 2023 (ZXS) -- The forum, held yesterday (September 8), will meet again on September 20.
 * Officials said the Expo opened on Saturday, September 9, and talks are scheduled for September 15.
 * ```
 *
 * ```text invalid
 * The vote took place on Monday, September 9, 2023, officials said.
 * ```
 *
 * ```text output
 * 1:24-1:30: Unexpected weekday `Monday` for September 9, 2023, expected `Saturday`
 * ```
 *
 * ```text invalid
 * Nanning, September 9, 2023 (ZXS) -- Cong Liang spoke yesterday (September 7) at the forum.
 * The China-ASEAN forum was held on September 12 in Nanning.
 * ```
 *
 * ```text output
 * 1:65-1:76: Unexpected date `September 7` for yesterday: the story is dated September 9, 2023, expected `September 8`
 * 2:35-2:47: Unexpected date `September 12` for a past event: the story is dated September 9, 2023
 * ```
 */
import {defineRule, type RuleMeta} from '../../src/core/rule.js'
import {quantities} from '../../src/extract/quantities.js'
import {checkPastEvents} from './past-events.js'
import {checkRelativeDays} from './relative-days.js'
import {checkRelativePeriods} from './relative-periods.js'
import {storyOf} from './story-day.js'
import {checkWeekdays} from './weekdays.js'

export const meta: RuleMeta = {
  id: 'date-consistency',
  description:
    'Weekdays that do not match their dates, relative dates the dateline contradicts, past events dated after the story',
  suggestions: true,
  options: {}
}

/**
 * One check per file: weekdays.ts, relative-days.ts, relative-periods.ts,
 * past-events.ts; the story's day and the dates resolved against it in story-day.ts.
 */
const dateConsistency = defineRule<Record<string, never>>(meta, (extraction, _options, report) => {
  const figures = quantities(extraction)
  const story = storyOf(extraction)
  checkWeekdays(extraction, figures, story, report)
  if (!story) return
  checkRelativeDays(extraction, story, report)
  checkRelativePeriods(extraction, figures, story, report)
  checkPastEvents(extraction, figures, story, report)
})

export default dateConsistency
