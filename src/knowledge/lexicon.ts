/**
 * The word lists and tolerances of data/lexicon.yaml, checked and compiled once.
 * Every list the extraction and the rules read lives there, once; a key missing
 * or of the wrong shape is an error naming the file and line (at build time,
 * through scripts/compile-data.js).
 */
import path from 'node:path'
import {DataError, dataDir, readData} from './files.js'

/** One month of the calendar, in order. */
export interface CalendarMonth {
  /** As written in full: "September". */
  name: string
  /** The most days it has (February: 29). */
  days: number
}

/** A range of ratios as factors of a multiple; `high` is Infinity for no upper end. */
export interface Band {
  low: number
  high: number
}

export interface Tolerances {
  /** Bands a multiple word allows ("doubled"), by its modifier, for a rise and a fall. */
  multipleBands: Record<'plain' | 'atLeast' | 'nearly' | 'about', {rise: Band; fall: Band}>
  statedChangeSlackUnits: number
  omittedMagnitudeRatio: number
  smallestComparedCount: number
  worldPopulationMargin: number
  worldPopulationBoundMargin: number
  historicalBeforeYear: number
  largestAgeFigure: number
  nearDays: number
}

export interface Lexicon {
  magnitudes: Map<string, number>
  currencyPrefixes: Set<string>
  currencyWords: Set<string>
  /** The marks written solid before "$" in a currency ("US" in "US$"), from `currency_prefixes`. */
  dollarMarks: Set<string>
  /** Every approximator, as its words: the bound lists together. */
  approximators: string[][]
  units: Map<string, number>
  tens: Map<string, number>
  /** Month names and short forms, lower-cased, to the month's number (1 to 12). */
  months: Map<string, number>
  /** The twelve months in order (index 0 is January). */
  calendarMonths: CalendarMonth[]
  /** Weekday names, lower-cased. */
  weekdays: Set<string>
  /** Weekday names as written, Sunday first (index = Date#getUTCDay()). */
  weekdayNames: string[]
  timeMarkers: Set<string>
  clockSuffixes: Set<string>
  relativeCenturies: Set<string>
  eventNouns: Set<string>
  nameConnectors: Set<string>
  nameParticles: Set<string>
  ageNameParticles: Set<string>
  shortNameIntroducers: string[][]
  humanNouns: Set<string>
  shareWholes: Set<string>
  shareVerbs: Set<string>
  projectionWords: Set<string>
  populationNouns: Set<string>
  populationRestrictors: Set<string>
  clauseConjunctions: Set<string>
  populationTotals: Set<string>
  placeholderWords: Set<string>
  polityNouns: Set<string>
  linkVerbs: Set<string>
  populationVerbs: Set<string>
  honorifics: Set<string>
  speechVerbs: Set<string>
  pronouns: Set<string>
  notNames: Set<string>
  personTitles: Set<string>
  notCurrentTitles: Set<string>
  formerNameCues: Set<string>
  orgWords: Set<string>
  countNouns: Set<string>
  approxAtLeast: Set<string>
  /** "nearly", "almost", "close to": a little under the figure. */
  approxNearly: Set<string>
  approxAtMost: Set<string>
  /** Approximators that put the true value at or under the figure: `approx_at_most` and `approx_nearly`. */
  approxNotOver: Set<string>
  auxiliaryVerbs: Set<string>
  changeUp: Set<string>
  changeDown: Set<string>
  changeNeutral: Set<string>
  changeLeadIns: Set<string>
  absoluteChangeFollowers: Set<string>
  partPrepositions: Set<string>
  partFrameFillers: Set<string>
  wholeDeterminers: Set<string>
  shareListStops: Set<string>
  perPartWords: Set<string>
  shareWholeFillers: Set<string>
  multiples: Map<string, number>
  partsOpeners: string[][]
  totalMarkers: string[][]
  timeShiftWords: Set<string>
  measureNouns: Set<string>
  restrictingWords: Set<string>
  notVerbs: Set<string>
  currentEditionCues: Set<string>
  foundingVerbs: string[][]
  foundingFillers: Set<string>
  foundingNouns: Set<string>
  anniversaryVerbs: Set<string>
  relativeDays: Map<string, number>
  relativePeriods: Map<string, number>
  pastVerbs: Set<string>
  futureCues: string[][]
  clauseWords: Set<string>
  decadeQualifiers: Set<string>
  tolerances: Tolerances
}

let cached: Lexicon | undefined

export function lexicon(): Lexicon {
  if (!cached) cached = loadLexicon(path.join(dataDir(), 'lexicon.yaml'))
  return cached
}

type LineOf = (keys: Array<string | number>) => number | undefined

export function compileLexicon(raw: unknown, file: string, lineOf: LineOf = () => undefined): Lexicon {
  if (!raw || typeof raw !== 'object') throw new DataError(file, 'expected a mapping of word lists')
  const data = raw as Record<string, unknown>
  const fail = (keys: Array<string | number>, message: string): never => {
    throw new DataError(file, `\`${keys.join('.')}\` ${message}`, lineOf(keys))
  }
  const strings = (value: unknown, keys: Array<string | number>): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(keys, 'must be a list of strings')
    return value as string[]
  }
  const list = (key: string, lower = true): Set<string> =>
    new Set(strings(data[key], [key]).map((v) => (lower ? v.toLowerCase() : v)))
  const numbers = (key: string): Map<string, number> => {
    const value = data[key]
    if (!value || typeof value !== 'object' || Array.isArray(value))
      fail([key], 'must be a mapping of words to numbers')
    const map = new Map<string, number>()
    for (const [word, n] of Object.entries(value as object)) {
      if (typeof n !== 'number' || !Number.isFinite(n)) fail([key, word], 'must be a number')
      map.set(word.toLowerCase(), n)
    }
    return map
  }
  /** A list of phrases ("set up", "a total of"), each as its words, in order. */
  const phrases = (key: string): string[][] => [...list(key)].map((p) => p.split(/\s+/).filter(Boolean))

  const approxAtLeast = list('approx_at_least')
  const approxNearly = list('approx_nearly')
  const approxCloseTo = list('approx_close_to')
  const approxAtMost = list('approx_at_most')
  const approxAbout = list('approx_about')
  const approximators = [...approxAtLeast, ...approxNearly, ...approxCloseTo, ...approxAtMost, ...approxAbout].map(
    (phrase) => phrase.split(/\s+/).filter(Boolean)
  )
  // The extraction takes the first approximator that ends before a figure: with no phrase
  // ending another, the order of the lists cannot change what it reads.
  for (const words of approximators) {
    const phrase = words.join(' ')
    const longer = approximators.find((other) => other.length > words.length && other.join(' ').endsWith(' ' + phrase))
    if (longer)
      fail(['approx_at_least'], `and the other approximator lists: \`${phrase}\` ends \`${longer.join(' ')}\``)
  }
  const currencyPrefixes = list('currency_prefixes', false)

  return {
    magnitudes: numbers('magnitudes'),
    currencyPrefixes,
    currencyWords: list('currency_words'),
    dollarMarks: new Set(
      [...currencyPrefixes].filter((p) => p.length > 1 && p.endsWith('$')).map((p) => p.slice(0, -1))
    ),
    approximators,
    units: numbers('units'),
    tens: numbers('tens'),
    ...compileMonths(data.months, fail),
    ...compileWeekdays(strings(data.weekdays, ['weekdays']), fail),
    timeMarkers: list('time_markers'),
    clockSuffixes: list('clock_suffixes'),
    relativeCenturies: list('relative_centuries'),
    eventNouns: list('event_nouns'),
    nameConnectors: list('name_connectors'),
    nameParticles: list('name_particles'),
    ageNameParticles: list('age_name_particles'),
    shortNameIntroducers: phrases('short_name_introducers'),
    humanNouns: list('human_nouns'),
    shareWholes: list('share_wholes'),
    shareVerbs: list('share_verbs'),
    projectionWords: list('projection_words'),
    populationNouns: list('population_nouns'),
    populationRestrictors: list('population_restrictors'),
    clauseConjunctions: list('clause_conjunctions'),
    populationTotals: list('population_totals'),
    placeholderWords: list('placeholder_words'),
    polityNouns: list('polity_nouns'),
    linkVerbs: list('link_verbs'),
    populationVerbs: list('population_verbs'),
    honorifics: list('honorifics'),
    speechVerbs: list('speech_verbs'),
    pronouns: list('pronouns'),
    notNames: list('not_names'),
    personTitles: list('person_titles'),
    notCurrentTitles: list('not_current_titles'),
    formerNameCues: list('former_name_cues'),
    orgWords: list('org_words'),
    countNouns: list('count_nouns'),
    approxAtLeast,
    approxNearly: new Set([...approxNearly, ...approxCloseTo]),
    approxAtMost,
    approxNotOver: new Set([...approxAtMost, ...approxNearly]),
    auxiliaryVerbs: list('auxiliary_verbs'),
    changeUp: list('change_up'),
    changeDown: list('change_down'),
    changeNeutral: list('change_neutral'),
    changeLeadIns: list('change_lead_ins'),
    absoluteChangeFollowers: list('absolute_change_followers'),
    partPrepositions: list('part_prepositions'),
    partFrameFillers: list('part_frame_fillers'),
    wholeDeterminers: list('whole_determiners'),
    shareListStops: list('share_list_stops'),
    perPartWords: list('per_part_words'),
    shareWholeFillers: list('share_whole_fillers'),
    multiples: numbers('multiples'),
    partsOpeners: phrases('parts_openers'),
    totalMarkers: phrases('total_markers'),
    timeShiftWords: list('time_shift_words'),
    measureNouns: list('measure_nouns'),
    restrictingWords: list('restricting_words'),
    notVerbs: list('not_verbs'),
    currentEditionCues: list('current_edition_cues'),
    foundingVerbs: phrases('founding_verbs'),
    foundingFillers: list('founding_fillers'),
    foundingNouns: list('founding_nouns'),
    anniversaryVerbs: list('anniversary_verbs'),
    relativeDays: numbers('relative_days'),
    relativePeriods: numbers('relative_periods'),
    pastVerbs: list('past_verbs'),
    futureCues: phrases('future_cues'),
    clauseWords: list('clause_words'),
    decadeQualifiers: list('decade_qualifiers'),
    tolerances: compileTolerances(data.tolerances, fail)
  }
}

type Fail = (keys: Array<string | number>, message: string) => never

/** `months`: twelve entries in order, each `{name, short, days}`. */
function compileMonths(value: unknown, fail: Fail): {months: Map<string, number>; calendarMonths: CalendarMonth[]} {
  if (!Array.isArray(value) || value.length !== 12) fail(['months'], 'must list the twelve months in order')
  const months = new Map<string, number>()
  const calendarMonths: CalendarMonth[] = []
  ;(value as unknown[]).forEach((entry, index) => {
    const {name, short, days} = (entry ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || !name) fail(['months', index], 'needs a `name`')
    if (!Array.isArray(short) || short.some((s) => typeof s !== 'string'))
      fail(['months', index], 'needs `short`, a list of short forms (may be empty)')
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 28 || days > 31)
      fail(['months', index], 'needs `days`, its most days (28 to 31)')
    months.set((name as string).toLowerCase(), index + 1)
    for (const form of short as string[]) months.set(form.toLowerCase(), index + 1)
    calendarMonths.push({name: name as string, days: days as number})
  })
  return {months, calendarMonths}
}

/** `weekdays`: the seven names, Sunday first. */
function compileWeekdays(names: string[], fail: Fail): {weekdays: Set<string>; weekdayNames: string[]} {
  if (names.length !== 7) fail(['weekdays'], 'must list the seven weekdays, Sunday first')
  return {weekdays: new Set(names.map((n) => n.toLowerCase())), weekdayNames: names}
}

function compileTolerances(value: unknown, fail: Fail): Tolerances {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(['tolerances'], 'must be a mapping')
  const data = value as Record<string, unknown>
  const number = (key: string): number => {
    const n = data[key]
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(['tolerances', key], 'must be a number, 0 or more')
    return n as number
  }
  const bands = data.multiple_bands
  if (!bands || typeof bands !== 'object') fail(['tolerances', 'multiple_bands'], 'must be a mapping')
  const band = (modifier: string, direction: 'rise' | 'fall'): Band => {
    const keys = ['tolerances', 'multiple_bands', modifier, direction]
    const entry = ((bands as Record<string, Record<string, unknown> | undefined>)[modifier] ?? {})[direction] as
      Record<string, unknown> | undefined
    const low = entry?.low
    const high = entry?.high ?? Infinity
    if (typeof low !== 'number' || typeof high !== 'number' || !(low >= 0) || !(high >= low))
      fail(keys, 'must be `{low, high}` with 0 <= low <= high (no `high` for no upper end)')
    return {low: low as number, high: high as number}
  }
  const pair = (modifier: string) => ({rise: band(modifier, 'rise'), fall: band(modifier, 'fall')})
  return {
    multipleBands: {plain: pair('plain'), atLeast: pair('at_least'), nearly: pair('nearly'), about: pair('about')},
    statedChangeSlackUnits: number('stated_change_slack_units'),
    omittedMagnitudeRatio: number('omitted_magnitude_ratio'),
    smallestComparedCount: number('smallest_compared_count'),
    worldPopulationMargin: number('world_population_margin'),
    worldPopulationBoundMargin: number('world_population_bound_margin'),
    historicalBeforeYear: number('historical_before_year'),
    largestAgeFigure: number('largest_age_figure'),
    nearDays: number('near_days')
  }
}

function loadLexicon(file: string): Lexicon {
  const {value, lineOf} = readData(file, 'data/lexicon.yaml')
  return compileLexicon(value, 'data/lexicon.yaml', lineOf)
}
