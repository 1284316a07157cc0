/**
 * Dates and clock times that do not exist: "February 30", "31 April",
 * "February 29, 2023", "25:40 local time".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'

export function checkDates(extraction: Extraction, report: Report): void {
  for (const date of extraction.dates) {
    const {name: monthName, days: max} = extraction.lexicon.calendarMonths[date.month - 1]
    if (date.day > max) {
      // The day is the error; the year plays no part in it.
      const end = Math.max(extraction.tokens[date.dayToken].end, extraction.tokens[date.monthToken].end)
      const shown = extraction.text.slice(date.start, end)
      report(date.start, end, `Unexpected date ${code(shown)}: ${monthName} has at most ${max} days`, {
        actual: shown,
        note: `${monthName} has ${max === 29 ? '28 days, 29 in leap years' : `${max} days`}.`
      })
    } else if (date.month === 2 && date.day === 29 && date.year !== undefined && !isLeap(date.year)) {
      const shown = extraction.text.slice(date.start, date.end)
      report(date.start, date.end, `Unexpected date ${code(shown)}: ${date.year} is not a leap year`, {
        actual: shown,
        note: `February has 29 days only in leap years; ${date.year} is not one.`
      })
    }
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function checkTimes(extraction: Extraction, report: Report): void {
  for (const time of extraction.times) {
    if (!time.clock) continue
    if (time.hour > 24 || time.minute > 59 || (time.hour === 24 && time.minute > 0)) {
      const shown = extraction.text.slice(time.start, time.end)
      report(time.start, time.end, `Unexpected time ${code(shown)}: no such time of day`, {
        actual: shown,
        note: 'A clock runs from 00:00 to 23:59 (24:00 for midnight).'
      })
    }
  }
}
