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
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import type {DateMention} from '../src/extract/figures.js'
import {hasPhrase, isYear, quantities, type Quantities} from '../src/extract/quantities.js'

export const meta: RuleMeta = {
  id: 'date-consistency',
  description:
    'Weekdays that do not match their dates, relative dates the dateline contradicts, past events dated after the story',
  suggestions: true,
  options: {}
}

const DAY = 86_400_000

interface Story {
  year: number
  month: number
  day: number
  /** Days since 1970-01-01. */
  days: number
  yearKnown: boolean
  shown: string
}

const dateConsistency = defineRule<Record<string, never>>(meta, (x, _options, report) => {
  const q = quantities(x)
  const story = storyOf(x)
  checkWeekdays(x, q, story, report)
  if (!story) return
  checkRelativeDays(x, story, report)
  checkRelativePeriods(x, q, story, report)
  checkPastEvents(x, q, story, report)
})

export default dateConsistency

function storyOf(x: Extraction): Story | undefined {
  const {storyDate} = x
  // Undated copy (the story date fell back to today) has no dateline to contradict.
  if (storyDate.from === 'today') return undefined
  const [year, month, day] = storyDate.date.split('-').map(Number)
  const monthName = x.lexicon.calendarMonths[month - 1].name
  const shown = storyDate.yearKnown ? `${monthName} ${day}, ${year}` : `${monthName} ${day}`
  return {year, month, day, days: daysOf(year, month, day), yearKnown: storyDate.yearKnown, shown}
}

function daysOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY)
}

function weekdayOf(x: Extraction, days: number): string {
  return x.lexicon.weekdayNames[new Date(days * DAY).getUTCDay()]
}

/** The day a date names: its own year, else the year that puts it nearest the story's date. */
function resolve(
  date: DateMention,
  story: Story | undefined
): {days: number; year: number; inferred: boolean} | undefined {
  if (date.year !== undefined) return {days: daysOf(date.year, date.month, date.day), year: date.year, inferred: false}
  if (!story) return undefined
  let best: {days: number; year: number; inferred: boolean} | undefined
  for (const year of [story.year - 1, story.year, story.year + 1]) {
    const days = daysOf(year, date.month, date.day)
    if (!best || Math.abs(days - story.days) < Math.abs(best.days - story.days)) best = {days, year, inferred: true}
  }
  return best
}

function dateShown(x: Extraction, date: DateMention): string {
  return x.text.slice(date.start, date.end)
}

function longDate(x: Extraction, date: DateMention, year?: number): string {
  return `${x.lexicon.calendarMonths[date.month - 1].name} ${date.day}${year !== undefined ? `, ${year}` : ''}`
}

/** A date in the copy's own form with another day (and month): "Sept. 8" for "Sept. 7". */
function rewrite(x: Extraction, date: DateMention, days: number): string {
  const d = new Date(days * DAY)
  const month = d.getUTCMonth() + 1
  const day = d.getUTCDate()
  const monthText = month === date.month ? x.tokens[date.monthToken].text : x.lexicon.calendarMonths[month - 1].name
  const monthFirst = date.monthToken < date.dayToken
  const year = date.year !== undefined ? d.getUTCFullYear() : undefined
  if (monthFirst) {
    const dot =
      x.tokens[date.monthToken + 1]?.text === '.' && date.monthToken + 1 < date.dayToken && month === date.month
        ? '.'
        : ''
    return `${monthText}${dot} ${day}${year !== undefined ? `, ${year}` : ''}`
  }
  return `${day} ${monthText}${year !== undefined ? ` ${year}` : ''}`
}

// ------------------------------------------------------------------ weekdays

function checkWeekdays(x: Extraction, q: Quantities, story: Story | undefined, report: Report): void {
  const {tokens, lexicon: lex} = x
  const isWeekday = (i: number) => tokens[i]?.kind === 'word' && lex.weekdays.has(tokens[i].lower)
  for (const date of x.dates) {
    const first = x.tokenAt(date.start)
    const last = x.tokenAt(date.end - 1)
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
      if (q.figuresIn(first).some((f) => isYear(f))) continue
    }
    const resolved = resolve(date, story)
    if (!resolved) continue
    // A date without a year far from the story's may be of another year.
    if (resolved.inferred && Math.abs(resolved.days - story!.days) > lex.tolerances.nearDays) continue
    const actual = weekdayOf(x, resolved.days)
    const written = tokens[weekday]
    if (written.lower === actual.toLowerCase()) continue
    const expected = written.text === written.text.toUpperCase() ? actual.toUpperCase() : actual
    const when = longDate(x, date, resolved.year)
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

// ------------------------------------------------------------------ yesterday, today, tomorrow

function checkRelativeDays(x: Extraction, story: Story, report: Report): void {
  const {tokens, lexicon: lex} = x
  const dateAt = new Map(x.dates.map((d) => [x.tokenAt(d.start), d]))
  const dateEndingAt = new Map(x.dates.map((d) => [x.tokenAt(d.end - 1), d]))
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind !== 'word') continue
    const offset = lex.relativeDays.get(t.lower)
    if (offset === undefined) continue
    let date: DateMention | undefined
    // "yesterday (September 8)", "yesterday (Friday, September 8)", "September 8 (yesterday)"
    if (tokens[i + 1]?.text === '(') {
      let k = i + 2
      if (lex.weekdays.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.text === ',') k += 2
      date = dateAt.get(k)
      if (date && tokens[x.tokenAt(date.end - 1) + 1]?.text !== ')') date = undefined
    } else if (tokens[i - 1]?.text === '(' && tokens[i + 1]?.text === ')') {
      date = dateEndingAt.get(i - 2)
    }
    if (!date) continue
    const expectedDays = story.days + offset
    const resolved = resolve(date, story)
    if (!resolved) continue
    if (date.year !== undefined && !story.yearKnown) {
      // Only the month and day can be compared.
      const e = new Date(expectedDays * DAY)
      if (e.getUTCMonth() + 1 === date.month && e.getUTCDate() === date.day) continue
    } else if (resolved.days === expectedDays) {
      continue
    }
    const shown = dateShown(x, date)
    const expected = rewrite(x, date, expectedDays)
    report(
      date.start,
      date.end,
      `Unexpected date ${code(shown)} for ${t.lower}: the story is dated ${story.shown}, expected ${code(expected)}`,
      {
        actual: shown,
        expected: [expected],
        note: `${capitalize(t.lower)} is ${expected} when the story is dated ${story.shown} (${x.storyDate.from === 'setting' ? 'the date setting' : 'the dateline'}).`
      }
    )
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

// ------------------------------------------------------------------ last week, last month, last year

function checkRelativePeriods(x: Extraction, q: Quantities, story: Story, report: Report): void {
  const {tokens, lexicon: lex} = x
  const dateAt = new Map(x.dates.map((d) => [x.tokenAt(d.start), d]))
  const dateEndingAt = new Map(x.dates.map((d) => [x.tokenAt(d.end - 1), d]))
  for (let i = 0; i + 1 < tokens.length; i++) {
    // "last week", "this month", "next year" ("previous" is not in the list: it counts back
    // from the year just named, not the story's).
    const offset = lex.relativePeriods.get(tokens[i].lower)
    const unit = tokens[i + 1].lower
    if (offset === undefined || tokens[i].kind !== 'word' || (unit !== 'week' && unit !== 'month' && unit !== 'year'))
      continue
    if (unit === 'year') {
      // "last year (2022)"
      const year = tokens[i + 2]?.text === '(' ? q.byLead.get(i + 3) : undefined
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
        lex.weekdays.has(tokens[k].lower)) &&
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
    const shown = dateShown(x, date)
    const phrase = `${tokens[i].lower} ${unit}`
    report(date.start, date.end, `Unexpected date ${code(shown)} for ${phrase}: the story is dated ${story.shown}`, {
      actual: shown,
      note: `${longDate(x, date, resolved.year)} is ${Math.abs(diff)} days ${diff < 0 ? 'before' : 'after'} the story's date, ${story.shown}; that is not ${phrase}.`
    })
  }
}

// ------------------------------------------------------------------ past events after the story

function checkPastEvents(x: Extraction, q: Quantities, story: Story, report: Report): void {
  const {tokens, lexicon: lex} = x
  const isBoundary = (i: number) => {
    const t = tokens[i]
    return !t || (t.kind === 'punct' && t.text !== '-') || (t.kind === 'word' && lex.clauseWords.has(t.lower))
  }
  /** A past-tense verb within four words before token `first`, in the same clause. */
  const pastBefore = (first: number): string | undefined => {
    let words = 0
    for (let i = first - 1; i >= 0 && words < 4 && !isBoundary(i); i--) {
      words++
      if (lex.pastVerbs.has(tokens[i].lower)) return tokens[i].text
    }
    return undefined
  }
  /** After a date that opens its sentence ("On September 12, the forum was held"). */
  const pastAfter = (last: number): string | undefined => {
    let i = last + 1
    if (tokens[i]?.text === ',') i++
    for (let words = 0; words < 6 && !isBoundary(i); words++, i++) {
      if (lex.pastVerbs.has(tokens[i].lower)) return tokens[i].text
    }
    return undefined
  }
  const planned = (i: number) => {
    const first = q.sentenceFirst[i]
    const last = q.sentenceLast[i]
    return hasPhrase(x, first, last, lex.futureCues) || hasPhrase(x, first, last, [['fiscal'], ['fy']])
  }

  const dateline = x.dateline
  for (const date of x.dates) {
    if (date === dateline) continue
    const resolved = resolve(date, story)
    if (!resolved || (date.year !== undefined && !story.yearKnown)) continue
    // A day after the dateline can be the same moment in another time zone; a date
    // without a year far from the story's may be of another year.
    if (resolved.days - story.days < 2 || (resolved.inferred && resolved.days - story.days > lex.tolerances.nearDays))
      continue
    let first = x.tokenAt(date.start)
    let last = x.tokenAt(date.end - 1)
    // "on Monday (September 12)", "on Monday, September 12"
    if (
      (tokens[first - 1]?.text === '(' || tokens[first - 1]?.text === ',') &&
      lex.weekdays.has(tokens[first - 2]?.lower ?? '')
    )
      first -= 2
    else if (lex.weekdays.has(tokens[first - 1]?.lower ?? '')) first -= 1
    if (tokens[last + 1]?.text === ')' && tokens[first - 1]?.text !== '(') last++
    // An event's own day: "on September 12", "was held Sept. 12", or a date opening the
    // sentence. Dates after "for", "to", "until", "by" are plans and deadlines.
    if (tokens[first - 1]?.lower === 'on') first--
    else if (first !== q.sentenceFirst[first] && !lex.pastVerbs.has(tokens[first - 1]?.lower ?? '')) continue
    if (planned(first)) continue
    // Two dates in one sentence are often a period ("began on February 10 and ended on
    // February 19"), which machine translation puts in the past whatever its end.
    if (q.datesIn(date.monthToken).some((d) => d !== date && d !== dateline)) continue
    let verb = pastBefore(first)
    if (!verb && first === q.sentenceFirst[first]) verb = pastAfter(last)
    if (!verb) continue
    const shown = dateShown(x, date)
    report(date.start, date.end, `Unexpected date ${code(shown)} for a past event: the story is dated ${story.shown}`, {
      actual: shown,
      note: `\`${verb}\` tells the event in the past, but ${longDate(x, date, story.yearKnown ? resolved.year : undefined)} comes after the story's date, ${story.shown} (${x.storyDate.from === 'setting' ? 'the date setting' : 'the dateline'}).`
    })
  }

  // "The plant was completed in 2025" in a story dated 2023.
  if (!story.yearKnown) return
  for (const figure of q.figures) {
    if (!isYear(figure) || figure.value! <= story.year) continue
    const at = q.leadOf.get(figure)!
    if (tokens[at - 1]?.lower !== 'in' || planned(at)) continue
    const verb = pastBefore(at - 1)
    if (!verb) continue
    report(
      figure.start,
      figure.end,
      `Unexpected year ${code(figure.raw)} for a past event: the story is dated ${story.shown}`,
      {
        actual: figure.raw,
        note: `\`${verb}\` tells the event in the past, but ${figure.raw} comes after the story's year, ${story.year}.`
      }
    )
  }
}
