/**
 * The story's own day (from the date setting or the dateline) and the dates of
 * the copy resolved against it: days since 1970, weekdays, the year nearest the
 * story's for a date written without one, and a date rewritten in the copy's form.
 * Shared by the four checks.
 */
import type {Extraction} from '../../src/extract/index.js'
import type {DateMention} from '../../src/extract/figures.js'

export const DAY = 86_400_000

/** The story's day: from the date setting or the dateline. */
export interface Story {
  year: number
  month: number
  day: number
  /** Days since 1970-01-01. */
  days: number
  yearKnown: boolean
  shown: string
}

export function storyOf(extraction: Extraction): Story | undefined {
  const {storyDate} = extraction
  // Undated copy (the story date fell back to today) has no dateline to contradict.
  if (storyDate.from === 'today') return undefined
  const [year, month, day] = storyDate.date.split('-').map(Number)
  const monthName = extraction.lexicon.calendarMonths[month - 1].name
  const shown = storyDate.yearKnown ? `${monthName} ${day}, ${year}` : `${monthName} ${day}`
  return {year, month, day, days: daysOf(year, month, day), yearKnown: storyDate.yearKnown, shown}
}

export function daysOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY)
}

export function weekdayOf(extraction: Extraction, days: number): string {
  return extraction.lexicon.weekdayNames[new Date(days * DAY).getUTCDay()]
}

/** The day a date names: its own year, else the year that puts it nearest the story's date. */
export function resolve(
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

export function dateShown(extraction: Extraction, date: DateMention): string {
  return extraction.text.slice(date.start, date.end)
}

export function longDate(extraction: Extraction, date: DateMention, year?: number): string {
  return `${extraction.lexicon.calendarMonths[date.month - 1].name} ${date.day}${year !== undefined ? `, ${year}` : ''}`
}

/** A date in the copy's own form with another day (and month): "Sept. 8" for "Sept. 7". */
export function rewrite(extraction: Extraction, date: DateMention, days: number): string {
  const d = new Date(days * DAY)
  const month = d.getUTCMonth() + 1
  const day = d.getUTCDate()
  const monthText =
    month === date.month ? extraction.tokens[date.monthToken].text : extraction.lexicon.calendarMonths[month - 1].name
  const monthFirst = date.monthToken < date.dayToken
  const year = date.year !== undefined ? d.getUTCFullYear() : undefined
  if (monthFirst) {
    const dot =
      extraction.tokens[date.monthToken + 1]?.text === '.' &&
      date.monthToken + 1 < date.dayToken &&
      month === date.month
        ? '.'
        : ''
    return `${monthText}${dot} ${day}${year !== undefined ? `, ${year}` : ''}`
  }
  return `${day} ${monthText}${year !== undefined ? ` ${year}` : ''}`
}
