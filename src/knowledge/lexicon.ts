/**
 * The word lists of data/lexicon.yaml, checked and compiled once.
 */
import path from 'node:path'
import {DataError, dataDir, readData} from './files.js'

export interface Lexicon {
  magnitudes: Map<string, number>
  currencyPrefixes: Set<string>
  currencyWords: Set<string>
  approximators: string[][]
  units: Map<string, number>
  tens: Map<string, number>
  months: Map<string, number>
  weekdays: Set<string>
  timeMarkers: Set<string>
  eventNouns: Set<string>
  nameConnectors: Set<string>
  humanNouns: Set<string>
  shareWholes: Set<string>
  shareVerbs: Set<string>
  projectionWords: Set<string>
  populationNouns: Set<string>
  polityNouns: Set<string>
  honorifics: Set<string>
  speechVerbs: Set<string>
  notNames: Set<string>
  personTitles: Set<string>
  orgWords: Set<string>
  countNouns: Set<string>
  approxAtLeast: Set<string>
  approxNearly: Set<string>
  approxAtMost: Set<string>
  changeUp: Set<string>
  changeDown: Set<string>
  changeNeutral: Set<string>
  changeLeadIns: Set<string>
  partPrepositions: Set<string>
  multiples: Map<string, number>
  partsOpeners: string[][]
  totalMarkers: string[][]
  timeShiftWords: Set<string>
  measureNouns: Set<string>
  currentEditionCues: Set<string>
  foundingVerbs: string[][]
  anniversaryVerbs: Set<string>
  relativeDays: Map<string, number>
  pastVerbs: Set<string>
  futureCues: string[][]
}

type ListKey =
  | 'currency_prefixes'
  | 'currency_words'
  | 'weekdays'
  | 'time_markers'
  | 'event_nouns'
  | 'name_connectors'
  | 'human_nouns'
  | 'share_wholes'
  | 'share_verbs'
  | 'projection_words'
  | 'population_nouns'
  | 'polity_nouns'
  | 'honorifics'
  | 'speech_verbs'
  | 'not_names'
  | 'person_titles'
  | 'org_words'
  | 'count_nouns'
  | 'approx_at_least'
  | 'approx_nearly'
  | 'approx_at_most'
  | 'change_up'
  | 'change_down'
  | 'change_neutral'
  | 'change_lead_ins'
  | 'part_prepositions'
  | 'parts_openers'
  | 'total_markers'
  | 'time_shift_words'
  | 'measure_nouns'
  | 'current_edition_cues'
  | 'founding_verbs'
  | 'anniversary_verbs'
  | 'past_verbs'
  | 'future_cues'
type NumberKey = 'magnitudes' | 'units' | 'tens' | 'months' | 'multiples' | 'relative_days'

let cached: Lexicon | undefined

export function lexicon(): Lexicon {
  if (!cached) cached = loadLexicon(path.join(dataDir(), 'lexicon.yaml'))
  return cached
}

export function compileLexicon(
  raw: unknown,
  file: string,
  lineOf: (keys: Array<string | number>) => number | undefined = () => undefined
): Lexicon {
  if (!raw || typeof raw !== 'object') throw new DataError(file, 'expected a mapping of word lists')
  const data = raw as Record<string, unknown>
  const list = (key: ListKey, lower = true): Set<string> => {
    const value = data[key]
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new DataError(file, `\`${key}\` must be a list of strings`, lineOf([key]))
    }
    return new Set(value.map((v: string) => (lower ? v.toLowerCase() : v)))
  }
  const numbers = (key: NumberKey): Map<string, number> => {
    const value = data[key]
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataError(file, `\`${key}\` must be a mapping of words to numbers`, lineOf([key]))
    }
    const map = new Map<string, number>()
    for (const [word, n] of Object.entries(value)) {
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        throw new DataError(file, `\`${key}.${word}\` must be a number`, lineOf([key, word]))
      }
      map.set(word.toLowerCase(), n)
    }
    return map
  }
  /** A list of phrases ("set up", "a total of"), each as its words. */
  const phrases = (key: ListKey): string[][] => [...list(key)].map((p) => p.split(/\s+/).filter(Boolean))
  const approximators = data.approximators
  if (
    !Array.isArray(approximators) ||
    approximators.some((a) => !Array.isArray(a) || a.some((w) => typeof w !== 'string'))
  ) {
    throw new DataError(file, '`approximators` must be a list of word lists', lineOf(['approximators']))
  }
  return {
    magnitudes: numbers('magnitudes'),
    currencyPrefixes: list('currency_prefixes', false),
    currencyWords: list('currency_words'),
    approximators: (approximators as string[][]).map((a) => a.map((w) => w.toLowerCase())),
    units: numbers('units'),
    tens: numbers('tens'),
    months: numbers('months'),
    weekdays: list('weekdays'),
    timeMarkers: list('time_markers'),
    eventNouns: list('event_nouns'),
    nameConnectors: list('name_connectors'),
    humanNouns: list('human_nouns'),
    shareWholes: list('share_wholes'),
    shareVerbs: list('share_verbs'),
    projectionWords: list('projection_words'),
    populationNouns: list('population_nouns'),
    polityNouns: list('polity_nouns'),
    honorifics: list('honorifics'),
    speechVerbs: list('speech_verbs'),
    notNames: list('not_names'),
    personTitles: list('person_titles'),
    orgWords: list('org_words'),
    countNouns: list('count_nouns'),
    approxAtLeast: list('approx_at_least'),
    approxNearly: list('approx_nearly'),
    approxAtMost: list('approx_at_most'),
    changeUp: list('change_up'),
    changeDown: list('change_down'),
    changeNeutral: list('change_neutral'),
    changeLeadIns: list('change_lead_ins'),
    partPrepositions: list('part_prepositions'),
    multiples: numbers('multiples'),
    partsOpeners: phrases('parts_openers'),
    totalMarkers: phrases('total_markers'),
    timeShiftWords: list('time_shift_words'),
    measureNouns: list('measure_nouns'),
    currentEditionCues: list('current_edition_cues'),
    foundingVerbs: phrases('founding_verbs'),
    anniversaryVerbs: list('anniversary_verbs'),
    relativeDays: numbers('relative_days'),
    pastVerbs: list('past_verbs'),
    futureCues: phrases('future_cues')
  }
}

function loadLexicon(file: string): Lexicon {
  const {value, lineOf} = readData(file, 'data/lexicon.yaml')
  return compileLexicon(value, 'data/lexicon.yaml', lineOf)
}
