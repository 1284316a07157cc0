/**
 * "yesterday", "today", "tomorrow" beside a date the story's date contradicts:
 * "yesterday (September 7)" in a story dated September 9.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {DateMention} from '../../src/extract/figures.js'
import {DAY, dateShown, resolve, rewrite, type Story} from './story-day.js'
import {describeStoryDate} from '../../src/extract/story-date.js'

export function checkRelativeDays(extraction: Extraction, story: Story, report: Report): void {
  const {tokens, lexicon} = extraction
  const dateAt = new Map(extraction.dates.map((d) => [extraction.tokenAt(d.start), d]))
  const dateEndingAt = new Map(extraction.dates.map((d) => [extraction.tokenAt(d.end - 1), d]))
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind !== 'word') continue
    const offset = lexicon.relativeDays.get(t.lower)
    if (offset === undefined) continue
    let date: DateMention | undefined
    // "yesterday (September 8)", "yesterday (Friday, September 8)", "September 8 (yesterday)"
    if (tokens[i + 1]?.text === '(') {
      let k = i + 2
      if (lexicon.weekdays.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.text === ',') k += 2
      date = dateAt.get(k)
      if (date && tokens[extraction.tokenAt(date.end - 1) + 1]?.text !== ')') date = undefined
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
    const shown = dateShown(extraction, date)
    const expected = rewrite(extraction, date, expectedDays)
    report(
      date.start,
      date.end,
      `Unexpected date ${code(shown)} for ${t.lower}: the story is dated ${story.shown}, expected ${code(expected)}`,
      {
        actual: shown,
        expected: [expected],
        note: `${capitalize(t.lower)} is ${expected} when the story is dated ${story.shown} (${describeStoryDate(extraction.storyDate)}).`
      }
    )
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
