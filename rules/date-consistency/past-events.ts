/**
 * An event told in the past on a date after the story's own: "the forum was
 * held on September 12" in a story dated September 9; "was completed in 2025"
 * in a story dated 2023.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {hasPhrase, isYear, type Quantities} from '../../src/extract/quantities.js'
import {dateShown, longDate, resolve, type Story} from './story-day.js'
import {describeStoryDate} from '../../src/extract/story-date.js'

export function checkPastEvents(extraction: Extraction, quantities: Quantities, story: Story, report: Report): void {
  const {tokens, lexicon} = extraction
  const isBoundary = (i: number) => {
    const t = tokens[i]
    return !t || (t.kind === 'punct' && t.text !== '-') || (t.kind === 'word' && lexicon.clauseWords.has(t.lower))
  }
  /** A past-tense verb within four words before token `first`, in the same clause. */
  const pastBefore = (first: number): string | undefined => {
    let words = 0
    for (let i = first - 1; i >= 0 && words < 4 && !isBoundary(i); i--) {
      words++
      if (lexicon.pastVerbs.has(tokens[i].lower)) return tokens[i].text
    }
    return undefined
  }
  /** After a date that opens its sentence ("On September 12, the forum was held"). */
  const pastAfter = (last: number): string | undefined => {
    let i = last + 1
    if (tokens[i]?.text === ',') i++
    for (let words = 0; words < 6 && !isBoundary(i); words++, i++) {
      if (lexicon.pastVerbs.has(tokens[i].lower)) return tokens[i].text
    }
    return undefined
  }
  const planned = (i: number) => {
    const first = quantities.sentenceFirst[i]
    const last = quantities.sentenceLast[i]
    return (
      hasPhrase(extraction, first, last, lexicon.futureCues) || hasPhrase(extraction, first, last, [['fiscal'], ['fy']])
    )
  }

  const dateline = extraction.dateline
  for (const date of extraction.dates) {
    if (date === dateline) continue
    const resolved = resolve(date, story)
    if (!resolved || (date.year !== undefined && !story.yearKnown)) continue
    // A day after the dateline can be the same moment in another time zone; a date
    // without a year far from the story's may be of another year.
    if (
      resolved.days - story.days < 2 ||
      (resolved.inferred && resolved.days - story.days > lexicon.tolerances.nearDays)
    )
      continue
    let first = extraction.tokenAt(date.start)
    let last = extraction.tokenAt(date.end - 1)
    // "on Monday (September 12)", "on Monday, September 12"
    if (
      (tokens[first - 1]?.text === '(' || tokens[first - 1]?.text === ',') &&
      lexicon.weekdays.has(tokens[first - 2]?.lower ?? '')
    )
      first -= 2
    else if (lexicon.weekdays.has(tokens[first - 1]?.lower ?? '')) first -= 1
    if (tokens[last + 1]?.text === ')' && tokens[first - 1]?.text !== '(') last++
    // An event's own day: "on September 12", "was held Sept. 12", or a date opening the
    // sentence. Dates after "for", "to", "until", "by" are plans and deadlines.
    if (tokens[first - 1]?.lower === 'on') first--
    else if (first !== quantities.sentenceFirst[first] && !lexicon.pastVerbs.has(tokens[first - 1]?.lower ?? ''))
      continue
    if (planned(first)) continue
    // Two dates in one sentence are often a period ("began on February 10 and ended on
    // February 19"), which machine translation puts in the past whatever its end.
    if (quantities.datesIn(date.monthToken).some((d) => d !== date && d !== dateline)) continue
    let verb = pastBefore(first)
    if (!verb && first === quantities.sentenceFirst[first]) verb = pastAfter(last)
    if (!verb) continue
    const shown = dateShown(extraction, date)
    report(date.start, date.end, `Unexpected date ${code(shown)} for a past event: the story is dated ${story.shown}`, {
      actual: shown,
      note: `\`${verb}\` tells the event in the past, but ${longDate(extraction, date, story.yearKnown ? resolved.year : undefined)} comes after the story's date, ${story.shown} (${describeStoryDate(extraction.storyDate)}).`
    })
  }

  // "The plant was completed in 2025" in a story dated 2023.
  if (!story.yearKnown) return
  for (const figure of quantities.figures) {
    if (!isYear(figure) || figure.value! <= story.year) continue
    const at = quantities.leadOf.get(figure)!
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
