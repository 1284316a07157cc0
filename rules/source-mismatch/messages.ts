/**
 * What the rule says, and when. Measured on professional translations
 * (bilingual-dev) and machine translation with human error marks (mt-dev);
 * see MEASURE.md and the rule's documentation for the numbers.
 *
 * A source figure the translation lost is reported only for the classes that
 * measured worth it: amounts (a currency), percentages, counts of 10 and more
 * with a unit or measure word, multiples (倍), ordinals, years, numbered
 * political terms, and dates and days (5月3日, 26日). Not for months alone,
 * clock times, decades, bare numbers with no unit (codes, service and model
 * numbers), counts under 10, numerals written as words (一家, 两国, 万名,
 * 百分百), indefinite amounts (上万, 数十), fractions, generations or named
 * days: on the two professional translations of bilingual-dev those classes
 * gave 600 warnings with no error among them (translators write "three" and
 * "a company", "thousands" for 上万), while dates and days gave none there
 * and 23 on mt-dev, 17 of them omissions the MQM raters marked. A date moved
 * into the dateline or repeated, a day written as a weekday ("on Sunday" for
 * 26日) or as "today", counts as rendered.
 */
import {formatEnglish} from '../../src/zh/numerals.js'
import type {ZhFigure} from '../../src/zh/figures.js'
import {ordinalWord} from '../../src/zh/terms.js'

/** Whether losing this source figure in translation is worth a warning. */
export function required(z: ZhFigure): boolean {
  if (z.word) return false
  if (z.form !== undefined && z.form !== 'term') return false
  switch (z.kind) {
    case 'cardinal':
      // An amount; a count of 10 or more with a unit; a multiple (1.3倍) whatever its size.
      return Boolean(z.currency) || z.unit === '倍' || (z.unit !== undefined && z.value >= 10)
    case 'percent':
    case 'ordinal':
    case 'year':
      return true
    case 'date':
      // A date or a day (5月3日, 26日), not a month alone: a lost date is a lost fact once
      // the dateline, a repetition and a weekday count as renderings.
      return z.day !== undefined
    default:
      return false
  }
}

const CURRENCY_PREFIX: Record<string, string> = {
  USD: 'US$',
  CNY: '',
  MYR: 'RM',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
  SGD: 'S$',
  TWD: 'NT$',
  AUD: 'A$',
  CAD: 'C$'
}
const CURRENCY_SUFFIX: Record<string, string> = {
  CNY: ' yuan',
  MYR: ' ringgit',
  THB: ' baht',
  VND: ' dong',
  IDR: ' rupiah',
  PHP: ' pesos',
  INR: ' rupees',
  KRW: ' won',
  RUB: ' rubles',
  MOP: ' patacas'
}
const MONTHS = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** How the source figure reads in English, most usual first: "US$380 billion", "6,500", "18%", "20th", "10 kg". */
export function englishForms(z: ZhFigure, unitWords?: Map<string, Set<string>>): string[] {
  if (z.series) return [z.series.english]
  switch (z.kind) {
    case 'percent': {
      const round = (v: number) => Number(v.toFixed(2))
      if (z.points) return [`${z.value} percentage points`]
      if (z.lo !== undefined && z.hi !== undefined) return [`${round(z.lo)}% to ${round(z.hi)}%`]
      return [`${round(z.value)}%`]
    }
    case 'ordinal':
      return [z.term ? z.term.english : ordinalWord(z.value)]
    case 'decade':
      if (z.form === 'generation')
        return [`post-${String(z.value % 100).padStart(2, '0')}s`, `born in the ${z.value - (z.value % 10)}s`]
      return [`the ${z.value}s`]
    case 'year':
      return [z.term ? `${z.value} ${z.term.english}` : String(z.value)]
    case 'date':
      return [dateForm(z)]
    case 'time':
      return [timeForm(z)]
    case 'cardinal':
      break
  }
  const prefix = z.currency ? (CURRENCY_PREFIX[z.currency] ?? '') : ''
  const after = z.currency && !prefix ? (CURRENCY_SUFFIX[z.currency] ?? '') : ''
  const money = (form: string) => `${prefix}${form}${after}`
  if (z.lo !== undefined && z.hi !== undefined)
    return [`${money(formatEnglish(z.lo)[0])} to ${money(formatEnglish(z.hi)[0])}`]
  if (z.unit === '倍') return [`${formatEnglish(z.value)[0]} times`]
  const words = z.unit === undefined || z.currency ? undefined : unitWords?.get(z.unit)
  if (words) {
    // 10公斤: "10 kg"; 30年: "30 years".
    const list = [...words]
    // A two-letter symbol (km, kg, mm), else the plural word ("tonnes", "years").
    const word =
      z.value === 1
        ? list.find((w) => !w.endsWith('s'))
        : (list.find((w) => w.length === 2) ?? list.find((w) => w.endsWith('s')))
    if (word) return formatEnglish(z.value).map((form) => `${form} ${word}`)
  }
  // 18mm, 500ML: the Latin unit as written.
  if (z.unit !== undefined && /^[a-z]+$/i.test(z.unit)) return formatEnglish(z.value).map((form) => `${form} ${z.unit}`)
  return formatEnglish(z.value).map(money)
}

function dateForm(z: ZhFigure): string {
  if (z.month !== undefined && z.day !== undefined) return `${MONTHS[z.month]} ${z.day}${z.year ? `, ${z.year}` : ''}`
  if (z.day !== undefined) return `the ${ordinalWord(z.day)}`
  if (z.month !== undefined) return `${MONTHS[z.month]}${z.year ? ` ${z.year}` : ''}`
  return String(z.year ?? z.value)
}

function timeForm(z: ZhFigure): string {
  const hour = z.hour ?? z.value
  const minute = String(z.minute ?? 0).padStart(2, '0')
  if (z.half || hour >= 13) {
    const pm = z.half ? z.half === 'pm' : hour >= 12
    const h12 = hour % 12 === 0 ? 12 : hour % 12
    return `${h12}:${minute} ${pm ? 'p.m.' : 'a.m.'}`
  }
  return `${hour}:${minute}`
}

export function monthName(month: number): string {
  return MONTHS[month] ?? String(month)
}
