/**
 * The word lists of data/zh.yaml (the Chinese forms the source check reads and
 * the English it accepts for them), checked and compiled once. A bad entry is a
 * DataError naming the file and line; scripts/compile-data.js runs the same
 * check at build time.
 */
import path from 'node:path'
import {DataError, dataDir, readData} from '../knowledge/files.js'

export type ZhApprox = 'more than' | 'nearly' | 'about' | 'at least' | 'less than'
const APPROXES = new Set<ZhApprox>(['more than', 'nearly', 'about', 'at least', 'less than'])

/** A numbered political term: a numeral, then `suffix` (二十大, 六中全会, 九二共识). */
export interface NumberedTerm {
  suffix: string
  kind: 'ordinal' | 'year'
  english: string
  keyword: string
  min: number
  before: string[]
  after: string[]
}

/**
 * A numbered name: a series named in Chinese and numbered (火星-17, 东风41, 神舟十五号)
 * whose English name is a transliteration or a fixed name (Hwasong-17, DF-41, Shenzhou 15).
 */
export interface NumberedName {
  zh: string
  /** The English name with `{n}` for the number ("Hwasong-{n}"). */
  english: string
  /** Words beside the number that show the English kept the name, lower-cased, each split into its parts. */
  keywords: string[][]
  /** What the series is, for the note. */
  what: string
  /** What may follow the number (型, 号). */
  suffixes: string[]
  max: number
  /** Only with a hyphen between the name and the number (歼-20). */
  hyphen: boolean
}

export interface Conversion {
  english: Set<string>
  factor: number
}

/**
 * Phrases looked up at a position, longest first, indexed by the code of their
 * first character (a code, not a one-character string: the lookup runs at
 * every position of a story and should allocate nothing).
 */
export class PhraseIndex {
  private readonly byFirst = new Map<number, string[]>()
  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      if (!phrase) continue
      const code = phrase.charCodeAt(0)
      const list = this.byFirst.get(code) ?? []
      list.push(phrase)
      this.byFirst.set(code, list)
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
  }
  /** The longest phrase starting at `i`. */
  at(text: string, i: number): string | undefined {
    const list = this.byFirst.get(text.charCodeAt(i))
    if (!list) return undefined
    for (const phrase of list) if (text.startsWith(phrase, i)) return phrase
    return undefined
  }
  /** The codes of the first characters of the phrases. */
  firstCodes(): Iterable<number> {
    return this.byFirst.keys()
  }
}

export interface EnglishForms {
  ordinals: Map<string, number>
  multiples: Map<string, number>
  multipleWords: Set<string>
  fractions: Map<string, number>
  numberWords: Map<string, number>
  vague: Map<string, number>
  wholeWords: Set<string>
  relativeDays: string[][]
  romanAfter: Set<string>
}

export interface ZhData {
  /** Units and measure words after a numeral, with the currency of a currency word. */
  units: Map<string, {currency?: string; noun?: boolean}>
  maxUnitLength: number
  unitIndex: PhraseIndex
  latinUnits: Set<string>
  latinCurrencies: Map<string, string>
  approxBefore: Array<[string, ZhApprox]>
  /** approxBefore by the code of the last character of the word, longest first. */
  approxBeforeByLast: Map<number, Array<[string, ZhApprox]>>
  notApproxBefore: Map<string, Set<string>>
  approxAfter: Array<[string, ZhApprox]>
  approxAfterIndex: PhraseIndex
  approxAfterOf: Map<string, ZhApprox>
  vagueBefore: string[]
  magnitudeBefore: string[]
  wordBefore: Set<string>
  wordAfter: string[]
  /** Words and set phrases that hold a numeral and are never figures. */
  skipWords: PhraseIndex
  clockBefore: Array<[string, 'am' | 'pm']>
  figurativeTurns: {angles: PhraseIndex; after: string}
  daysBefore: string[]
  daysAfter: string[]
  relativeDays: PhraseIndex
  relativeYears: PhraseIndex
  namedDates: Map<string, [number, number]>
  numberedTerms: NumberedTerm[]
  /** Numbered names by the code of the last character of their Chinese name, longest first. */
  numberedNamesByLast: Map<number, NumberedName[]>
  fiveYearPlan: {english: string; keyword: string}
  generationSuffix: string
  traditional: Map<string, string>
  conversions: Map<string, Conversion[]>
  /** The class of measure of a Chinese unit and of an English unit word (length, weight ...). */
  zhUnitClass: Map<string, string>
  enUnitClass: Map<string, string>
  /** The English words for a Chinese unit (公斤: kg, kilograms ...). */
  unitWords: Map<string, Set<string>>
  english: EnglishForms
}

let cached: ZhData | undefined

/** The built-in Chinese forms (data/zh.yaml, compiled to JSON at build time). */
export function zhData(): ZhData {
  if (!cached) {
    const {value, lineOf} = readData(path.join(dataDir(), 'zh.yaml'), 'data/zh.yaml')
    cached = compileZhData(value, 'data/zh.yaml', lineOf)
  }
  return cached
}

/** Check and compile the raw data; errors name the file and line. */
export function compileZhData(
  raw: unknown,
  file: string,
  lineOf: (keys: Array<string | number>) => number | undefined = () => undefined
): ZhData {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DataError(file, 'expected a mapping')
  const data = raw as Record<string, unknown>
  const fail = (keys: Array<string | number>, message: string): never => {
    throw new DataError(file, `\`${keys.join('.')}\` ${message}`, lineOf(keys))
  }
  const strings = (value: unknown, keys: Array<string | number>): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      return fail(keys, 'must be a list of non-empty strings')
    }
    return value as string[]
  }
  const mapping = (value: unknown, keys: Array<string | number>): Record<string, unknown> => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(keys, 'must be a mapping')
    return value as Record<string, unknown>
  }
  const stringMap = (value: unknown, keys: Array<string | number>): Map<string, string> => {
    const out = new Map<string, string>()
    for (const [key, v] of Object.entries(mapping(value, keys))) {
      if (typeof v !== 'string' || v === '') fail([...keys, key], 'must be a non-empty string')
      out.set(key, v as string)
    }
    return out
  }
  const numberMap = (value: unknown, keys: Array<string | number>): Map<string, number> => {
    const out = new Map<string, number>()
    for (const [key, v] of Object.entries(mapping(value, keys))) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail([...keys, key], 'must be a number')
      out.set(key.toLowerCase(), v as number)
    }
    return out
  }
  const approxes = (key: string): Array<[string, ZhApprox]> => {
    const out: Array<[string, ZhApprox]> = []
    for (const [word, approx] of stringMap(data[key], [key])) {
      if (!APPROXES.has(approx as ZhApprox)) fail([key, word], `must be one of ${[...APPROXES].join(', ')}`)
      out.push([word, approx as ZhApprox])
    }
    return out.sort((a, b) => b[0].length - a[0].length)
  }
  const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length)

  const units = new Map<string, {currency?: string; noun?: boolean}>()
  for (const unit of strings(data.measure_words, ['measure_words'])) units.set(unit, {})
  for (const unit of strings(data.noun_units, ['noun_units'])) units.set(unit, {noun: true})
  for (const [unit, code] of stringMap(data.currencies, ['currencies'])) {
    if (!/^[A-Z]{3}$/.test(code)) fail(['currencies', unit], 'must be a three-letter currency code')
    units.set(unit, {currency: code})
  }
  let maxUnitLength = 0
  for (const unit of units.keys()) maxUnitLength = Math.max(maxUnitLength, unit.length)

  const notApproxBefore = new Map<string, Set<string>>()
  for (const [word, chars] of stringMap(data.not_approx_before, ['not_approx_before'])) {
    notApproxBefore.set(word, new Set(chars))
  }
  const clockBefore: Array<[string, 'am' | 'pm']> = []
  for (const [word, half] of stringMap(data.clock_before, ['clock_before'])) {
    if (half !== 'am' && half !== 'pm') fail(['clock_before', word], 'must be am or pm')
    clockBefore.push([word, half as 'am' | 'pm'])
  }
  clockBefore.sort((a, b) => b[0].length - a[0].length)

  const namedDates = new Map<string, [number, number]>()
  for (const [name, value] of Object.entries(mapping(data.named_dates, ['named_dates']))) {
    const ok =
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isInteger(value[0]) &&
      Number.isInteger(value[1]) &&
      value[0] >= 1 &&
      value[0] <= 12 &&
      value[1] >= 1 &&
      value[1] <= 31
    if (!ok) fail(['named_dates', name], 'must be [month, day]')
    namedDates.set(name, value as [number, number])
  }

  const termsRaw = data.numbered_terms
  if (!Array.isArray(termsRaw)) fail(['numbered_terms'], 'must be a list')
  const numberedTerms = (termsRaw as unknown[]).map((entry, index): NumberedTerm => {
    const keys = ['numbered_terms', index]
    const term = mapping(entry, keys)
    for (const key of ['suffix', 'english', 'keyword'] as const) {
      if (typeof term[key] !== 'string' || term[key] === '') fail([...keys, key], 'must be a non-empty string')
    }
    if (term.kind !== 'ordinal' && term.kind !== 'year') fail([...keys, 'kind'], 'must be ordinal or year')
    if (typeof term.min !== 'number' || !Number.isInteger(term.min)) fail([...keys, 'min'], 'must be a whole number')
    return {
      suffix: term.suffix as string,
      kind: term.kind as 'ordinal' | 'year',
      english: term.english as string,
      keyword: (term.keyword as string).toLowerCase(),
      min: term.min as number,
      before: term.before === undefined ? [] : longestFirst(strings(term.before, [...keys, 'before'])),
      after: term.after === undefined ? [] : longestFirst(strings(term.after, [...keys, 'after']))
    }
  })
  const namesRaw = data.numbered_names
  if (!Array.isArray(namesRaw)) fail(['numbered_names'], 'must be a list')
  const numberedNamesByLast = new Map<number, NumberedName[]>()
  ;(namesRaw as unknown[]).forEach((entry, index) => {
    const keys = ['numbered_names', index]
    const name = mapping(entry, keys)
    for (const key of ['zh', 'english', 'what'] as const) {
      if (typeof name[key] !== 'string' || name[key] === '') fail([...keys, key], 'must be a non-empty string')
    }
    if (!(name.english as string).includes('{n}')) fail([...keys, 'english'], 'must hold `{n}` where the number goes')
    if (typeof name.max !== 'number' || !Number.isInteger(name.max) || name.max < 1) {
      fail([...keys, 'max'], 'must be a whole number of 1 or more')
    }
    const suffixes = strings(name.suffixes, [...keys, 'suffixes'])
    if (suffixes.some((suffix) => suffix.length !== 1)) fail([...keys, 'suffixes'], 'must be single characters')
    const compiled: NumberedName = {
      zh: name.zh as string,
      english: name.english as string,
      keywords: strings(name.keywords, [...keys, 'keywords']).map((word) => nameParts(word)),
      what: name.what as string,
      suffixes,
      max: name.max as number,
      hyphen:
        name.hyphen === undefined
          ? false
          : typeof name.hyphen === 'boolean'
            ? name.hyphen
            : fail([...keys, 'hyphen'], 'must be true or false')
    }
    if (compiled.keywords.some((parts) => parts.length === 0)) fail([...keys, 'keywords'], 'must hold letters')
    const last = compiled.zh.charCodeAt(compiled.zh.length - 1)
    const list = numberedNamesByLast.get(last) ?? []
    list.push(compiled)
    list.sort((a, b) => b.zh.length - a.zh.length)
    numberedNamesByLast.set(last, list)
  })
  const plan = mapping(data.five_year_plan, ['five_year_plan'])
  if (typeof plan.english !== 'string' || typeof plan.keyword !== 'string') {
    fail(['five_year_plan'], 'must give `english` and `keyword`')
  }
  if (typeof data.generation_suffix !== 'string' || data.generation_suffix.length !== 1) {
    fail(['generation_suffix'], 'must be one character')
  }

  const traditional = stringMap(data.traditional, ['traditional'])
  for (const [from, to] of traditional) {
    if (from.length !== 1 || to.length !== 1) fail(['traditional', from], 'must map one character to one character')
  }

  const conversions = new Map<string, Conversion[]>()
  for (const [unit, list] of Object.entries(mapping(data.conversions, ['conversions']))) {
    if (!Array.isArray(list)) fail(['conversions', unit], 'must be a list')
    conversions.set(
      unit,
      (list as unknown[]).map((entry, index) => {
        const keys = ['conversions', unit, index]
        const conversion = mapping(entry, keys)
        if (typeof conversion.factor !== 'number' || !(conversion.factor > 0)) {
          fail([...keys, 'factor'], 'must be a positive number')
        }
        return {
          english: new Set(strings(conversion.english, [...keys, 'english']).map((w) => w.toLowerCase())),
          factor: conversion.factor as number
        }
      })
    )
  }

  const approxBefore = approxes('approx_before')
  const approxBeforeByLast = new Map<number, Array<[string, ZhApprox]>>()
  for (const entry of approxBefore) {
    const last = entry[0].charCodeAt(entry[0].length - 1)
    approxBeforeByLast.set(last, [...(approxBeforeByLast.get(last) ?? []), entry])
  }
  const approxAfter = approxes('approx_after')

  const zhUnitClass = new Map<string, string>()
  const enUnitClass = new Map<string, string>()
  for (const [name, entry] of Object.entries(mapping(data.unit_classes, ['unit_classes']))) {
    const unitClass = mapping(entry, ['unit_classes', name])
    for (const unit of strings(unitClass.zh, ['unit_classes', name, 'zh'])) zhUnitClass.set(unit, name)
    for (const unit of strings(unitClass.en, ['unit_classes', name, 'en'])) enUnitClass.set(unit.toLowerCase(), name)
  }

  const unitWords = new Map<string, Set<string>>()
  for (const [unit, list] of Object.entries(mapping(data.unit_words, ['unit_words']))) {
    unitWords.set(unit, new Set(strings(list, ['unit_words', unit]).map((w) => w.toLowerCase())))
  }

  const english = mapping(data.english, ['english'])
  const lowerSet = (key: string) => new Set(strings(english[key], ['english', key]).map((w) => w.toLowerCase()))

  return {
    units,
    maxUnitLength,
    unitIndex: new PhraseIndex(units.keys()),
    latinUnits: new Set(strings(data.latin_units, ['latin_units'])),
    latinCurrencies: stringMap(data.latin_currencies, ['latin_currencies']),
    approxBefore,
    approxBeforeByLast,
    notApproxBefore,
    approxAfter,
    approxAfterIndex: new PhraseIndex(approxAfter.map(([word]) => word)),
    approxAfterOf: new Map(approxAfter),
    vagueBefore: longestFirst(strings(data.vague_before, ['vague_before'])),
    magnitudeBefore: longestFirst(strings(data.magnitude_before, ['magnitude_before'])),
    wordBefore: new Set(
      typeof data.word_before === 'string' ? data.word_before : fail(['word_before'], 'must be a string')
    ),
    wordAfter: longestFirst(strings(data.word_after, ['word_after'])),
    skipWords: new PhraseIndex([...strings(data.not_figures, ['not_figures']), ...strings(data.idioms, ['idioms'])]),
    clockBefore,
    figurativeTurns: {
      angles: new PhraseIndex(
        strings(mapping(data.figurative_turns, ['figurative_turns']).angles, ['figurative_turns', 'angles'])
      ),
      after: String(
        mapping(data.figurative_turns, ['figurative_turns']).after ?? fail(['figurative_turns', 'after'], 'is missing')
      )
    },
    daysBefore: longestFirst(strings(data.days_before, ['days_before'])),
    daysAfter: longestFirst(strings(data.days_after, ['days_after'])),
    relativeDays: new PhraseIndex(strings(data.relative_days, ['relative_days'])),
    relativeYears: new PhraseIndex(strings(data.relative_years, ['relative_years'])),
    namedDates,
    numberedTerms,
    numberedNamesByLast,
    fiveYearPlan: {english: plan.english as string, keyword: (plan.keyword as string).toLowerCase()},
    generationSuffix: data.generation_suffix as string,
    traditional,
    conversions,
    zhUnitClass,
    enUnitClass,
    unitWords,
    english: {
      ordinals: numberMap(english.ordinals, ['english', 'ordinals']),
      multiples: numberMap(english.multiples, ['english', 'multiples']),
      multipleWords: lowerSet('multiple_words'),
      fractions: numberMap(english.fractions, ['english', 'fractions']),
      numberWords: numberMap(english.number_words, ['english', 'number_words']),
      vague: numberMap(english.vague, ['english', 'vague']),
      wholeWords: lowerSet('whole_words'),
      relativeDays: strings(english.relative_days, ['english', 'relative_days']).map((p) =>
        p.toLowerCase().split(/\s+/)
      ),
      romanAfter: lowerSet('roman_after')
    }
  }
}

/**
 * The parts of an English name as the check compares them: lower-cased letters, apostrophes
 * dropped (Chang'e: change), split at anything else ("Long March": long, march; "DF-41": df).
 */
export function nameParts(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{M}]+/u)
    .filter((part) => part !== '')
}
