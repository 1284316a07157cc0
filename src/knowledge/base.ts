/**
 * The knowledge base: populations, record bounds, office-holders, official
 * names and accepted short names. Built-in data files are loaded and checked
 * once; a newsroom's house files (named in its config) are merged over them,
 * entry by entry, house entries winning.
 */
import path from 'node:path'
import {DataError, dataDir, readData, type Located} from './files.js'
import {fold} from './normalize.js'

export interface Figure {
  value: number
  year?: number
  source: string
}

export interface Entity {
  kind: 'country' | 'bloc' | 'world'
  code: string
  name: string
  names: string[]
  adjectives: string[]
  population?: Figure
  members?: string[]
}

export type DatePrecision = 'month' | 'year'

export interface Holder {
  name: string
  native?: string
  also: string[]
  /** First day in office (the first day of the month or year when `startPrecision` is set). */
  start: string
  /**
   * Last day in office, inclusive. When the data gives only the month or year
   * (`endPrecision`), this is the last day of that month or year, so that both
   * the outgoing and the incoming holder match throughout it.
   */
  end?: string
  startPrecision?: DatePrecision
  endPrecision?: DatePrecision
  acting?: boolean
  /** Shares the office with another holder (co-prime ministers). */
  joint?: boolean
  source: string
}

/** A span with no holder in the data: the office was empty (`vacant`) or the holder is not known (`unrecorded`). */
export interface Vacancy {
  start: string
  end: string
  kind: 'vacant' | 'unrecorded'
  note: string
  source: string
}

export interface Office {
  id: string
  country: string
  office: string
  titles: string[]
  kind: string
  holders: Holder[]
  /** First and last day of the office when it did not exist throughout the data's period. */
  created?: string
  abolished?: string
  vacancies: Vacancy[]
}

export interface OfficialName {
  official: string
  variants: string[]
  kind: string
  since?: string
  source: string
  stretch?: boolean
}

export interface ShortName {
  full: string
  short: string[]
  source: string
}

export interface Bound {
  key: string
  value: number
  unit?: string
  year?: number
  source: string
}

export interface KnowledgeData {
  world?: Entity
  entities: Map<string, Entity>
  offices: Map<string, Office>
  names: Map<string, OfficialName>
  shortNames: Map<string, ShortName>
  bounds: Map<string, Bound>
}

export class Knowledge {
  readonly data: KnowledgeData
  /** Folded name, alias or adjective -> entity code. */
  private readonly byName = new Map<string, string>()
  private readonly byAdjective = new Map<string, string>()
  /** Folded office title word sequence -> offices holding it. */
  private readonly byTitle = new Map<string, Office[]>()
  /** Folded variant -> official name entry. */
  readonly variants = new Map<string, OfficialName>()
  /** Lower-cased words used in office titles ("prime", "minister"). */
  readonly titleWords = new Set<string>()
  private readonly personIndex = new Map<string, Array<{holder: Holder; office: Office}>>()

  constructor(data: KnowledgeData) {
    this.data = data
    for (const entity of data.entities.values()) {
      // A bloc is also written by its code ("ASEAN", "EU"); a country's ISO code is not prose.
      const names =
        entity.kind === 'bloc' ? [entity.code, entity.name, ...entity.names] : [entity.name, ...entity.names]
      for (const name of names) this.byName.set(fold(name), entity.code)
      for (const adjective of entity.adjectives) this.byAdjective.set(fold(adjective), entity.code)
    }
    for (const office of data.offices.values()) {
      for (const title of office.titles) {
        const key = fold(title)
        const list = this.byTitle.get(key) ?? []
        list.push(office)
        this.byTitle.set(key, list)
        for (const w of title.toLowerCase().split(/\s+/)) this.titleWords.add(w)
      }
      for (const holder of office.holders) {
        for (const form of [holder.name, holder.native, ...holder.also]) {
          if (!form) continue
          const key = fold(form)
          const list = this.personIndex.get(key) ?? []
          list.push({holder, office})
          this.personIndex.set(key, list)
        }
      }
    }
    for (const entry of data.names.values()) {
      for (const variant of entry.variants) this.variants.set(fold(variant), entry)
    }
  }

  entity(code: string): Entity | undefined {
    return this.data.entities.get(code)
  }

  /** An entity by its name as written ("China", "the Philippines", "ASEAN"). */
  entityByName(name: string): Entity | undefined {
    const key = fold(name.replace(/^the\s+/i, ''))
    const code = this.byName.get(key)
    return code ? this.data.entities.get(code) : undefined
  }

  entityByAdjective(adjective: string): Entity | undefined {
    const code = this.byAdjective.get(fold(adjective))
    return code ? this.data.entities.get(code) : undefined
  }

  /** Offices of a country with a title ("Prime Minister"). */
  offices(country: string, title: string): Office[] {
    return (this.byTitle.get(fold(title)) ?? []).filter((o) => o.country === country)
  }

  hasTitle(title: string): boolean {
    return this.byTitle.has(fold(title))
  }

  /** Known office-holders written this way (any office, any time). */
  people(name: string): Array<{holder: Holder; office: Office}> {
    return this.personIndex.get(fold(name)) ?? []
  }

  shortNamesOf(full: string): string[] {
    return this.data.shortNames.get(fold(full))?.short ?? []
  }

  bound(key: string): Bound | undefined {
    return this.data.bounds.get(key)
  }
}

// ---------------------------------------------------------------------------
// Loading and validation.

type Obj = Record<string, unknown>

class Checker {
  constructor(
    readonly file: string,
    readonly located: Located<unknown>
  ) {}

  fail(keys: Array<string | number>, message: string): never {
    throw new DataError(this.file, message, this.located.lineOf(keys))
  }

  object(value: unknown, keys: Array<string | number>, what: string): Obj {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(keys, `${what} must be a mapping`)
    return value as Obj
  }

  list(value: unknown, keys: Array<string | number>, what: string): unknown[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) this.fail(keys, `${what} must be a list`)
    return value
  }

  string(obj: Obj, key: string, keys: Array<string | number>, required = true): string | undefined {
    const value = obj[key]
    if (value === undefined || value === null) {
      if (required) this.fail(keys, `missing \`${key}\``)
      return undefined
    }
    if (typeof value === 'number' || value instanceof Date) return dateOrNumberString(value)
    if (typeof value !== 'string' || value.trim() === '')
      this.fail([...keys, key], `\`${key}\` must be a non-empty string`)
    return value
  }

  strings(obj: Obj, key: string, keys: Array<string | number>): string[] {
    const value = obj[key]
    if (value === undefined || value === null) return []
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      this.fail([...keys, key], `\`${key}\` must be a list of strings`)
    }
    return value as string[]
  }

  date(obj: Obj, key: string, keys: Array<string | number>, required: boolean): string | undefined {
    const raw = obj[key]
    if (raw === undefined || raw === null) {
      if (required) this.fail(keys, `missing \`${key}\``)
      return undefined
    }
    const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)
    if (!isCalendarDate(value)) this.fail([...keys, key], `\`${key}\` must be a date (YYYY-MM-DD), not \`${value}\``)
    return value
  }

  figure(value: unknown, keys: Array<string | number>, fallbackSource?: string): Figure {
    const obj = this.object(value, keys, 'a figure')
    const n = obj.value
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      this.fail([...keys, 'value'], '`value` must be a non-negative number')
    const year = obj.year
    if (year !== undefined && (typeof year !== 'number' || !Number.isInteger(year)))
      this.fail([...keys, 'year'], '`year` must be a whole number')
    const source = this.string(obj, 'source', keys, !fallbackSource) ?? fallbackSource!
    return {value: n, year: year as number | undefined, source}
  }
}

const PRECISIONS: readonly string[] = ['month', 'year']
const PROVENANCES: readonly string[] = ['data', 'web', 'own_knowledge']
const VACANCY_KINDS: readonly string[] = ['vacant', 'unrecorded']

/** The last day of the month or year that `date` (its first day) stands for. */
export function lastDayOf(date: string, precision: DatePrecision): string {
  const year = Number(date.slice(0, 4))
  if (precision === 'year') return `${year}-12-31`
  const month = Number(date.slice(5, 7))
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${date.slice(0, 7)}-${String(day).padStart(2, '0')}`
}

/** A real calendar date, YYYY-MM-DD (or YYYY-MM, or YYYY, for imprecise dates). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value)
  if (!match) return false
  const month = match[2] ? Number(match[2]) : 1
  const day = match[3] ? Number(match[3]) : 1
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate()
}

function dateOrNumberString(value: number | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
}

/** Read one knowledge file (built-in or house) into `data`, overriding entries with the same key. */
export function mergeKnowledgeFile(data: KnowledgeData, located: Located<unknown>, file: string): void {
  const c = new Checker(file, located)
  const root = c.object(located.value ?? {}, [], 'a knowledge file')
  const known = new Set([
    'source',
    'as_of',
    'world',
    'countries',
    'blocs',
    'offices',
    'names',
    'people',
    'short_names',
    'bounds',
    'facts',
    'legend',
    'schema_version',
    'generated',
    'generated_by',
    'derived',
    'notes'
  ])
  for (const key of Object.keys(root)) {
    if (!known.has(key))
      c.fail(
        [key],
        `unknown section \`${key}\` (expected world, countries, blocs, offices, names, people, short_names or bounds)`
      )
  }
  const fileSource = typeof root.source === 'string' ? root.source : undefined

  if (root.world !== undefined) {
    const w = c.object(root.world, ['world'], '`world`')
    data.world = {
      kind: 'world',
      code: 'WLD',
      name: 'world',
      names: [],
      adjectives: [],
      population:
        w.population === undefined
          ? data.world?.population
          : c.figure(w.population, ['world', 'population'], fileSource)
    }
  }

  c.list(root.countries, ['countries'], '`countries`').forEach((raw, index) => {
    const keys = ['countries', index]
    const obj = c.object(raw, keys, 'a country')
    const code = c.string(obj, 'code', keys)!
    const previous = data.entities.get(code)
    data.entities.set(code, {
      kind: 'country',
      code,
      name: c.string(obj, 'name', keys, !previous) ?? previous!.name,
      names: obj.aliases === undefined && previous ? previous.names : c.strings(obj, 'aliases', keys),
      adjectives: obj.adjectives === undefined && previous ? previous.adjectives : c.strings(obj, 'adjectives', keys),
      population:
        obj.population === undefined
          ? previous?.population
          : c.figure(obj.population, [...keys, 'population'], fileSource)
    })
  })

  const blocs = root.blocs
  if (blocs !== undefined) {
    const entries: Array<[string, unknown, Array<string | number>]> = Array.isArray(blocs)
      ? blocs.map((b, i) => [String((b as Obj)?.code ?? (b as Obj)?.id ?? ''), b, ['blocs', i]])
      : Object.entries(c.object(blocs, ['blocs'], '`blocs`')).map(([k, v]) => [k, v, ['blocs', k]])
    for (const [key, raw, keys] of entries) {
      const obj = c.object(raw, keys, 'a bloc')
      const code = (typeof obj.code === 'string' && obj.code) || (typeof obj.id === 'string' && obj.id) || key
      if (!code) c.fail(keys, 'missing `code`')
      const previous = data.entities.get(code)
      const members = obj.members === undefined ? previous?.members : c.strings(obj, 'members', keys)
      data.entities.set(code, {
        kind: 'bloc',
        code,
        name: c.string(obj, 'name', keys, false) ?? previous?.name ?? code,
        names: obj.aliases === undefined && previous ? previous.names : c.strings(obj, 'aliases', keys),
        adjectives: obj.adjectives === undefined && previous ? previous.adjectives : c.strings(obj, 'adjectives', keys),
        population:
          obj.population === undefined
            ? previous?.population
            : c.figure(obj.population, [...keys, 'population'], fileSource),
        members
      })
    }
  }

  c.list(root.offices, ['offices'], '`offices`').forEach((raw, index) => {
    const keys = ['offices', index]
    const obj = c.object(raw, keys, 'an office')
    const id = c.string(obj, 'id', keys)!
    const holders = c
      .list(obj.holders, [...keys, 'holders'], '`holders`')
      .map((h, n) =>
        readHolder(c, c.object(h, [...keys, 'holders', n], 'a holder'), [...keys, 'holders', n], fileSource)
      )
    const vacancies = c
      .list(obj.vacancies, [...keys, 'vacancies'], '`vacancies`')
      .map((v, n) => readVacancy(c, c.object(v, [...keys, 'vacancies', n], 'a vacancy'), [...keys, 'vacancies', n]))
    const previous = data.offices.get(id)
    data.offices.set(id, {
      id,
      country: c.string(obj, 'country', keys, !previous) ?? previous!.country,
      office: c.string(obj, 'office', keys, !previous) ?? previous!.office,
      titles: obj.titles === undefined && previous ? previous.titles : c.strings(obj, 'titles', keys),
      kind: c.string(obj, 'kind', keys, false) ?? previous?.kind ?? 'office',
      holders: obj.holders === undefined && previous ? previous.holders : holders,
      created: obj.created === undefined ? previous?.created : c.date(obj, 'created', keys, false),
      abolished: obj.abolished === undefined ? previous?.abolished : c.date(obj, 'abolished', keys, false),
      vacancies: obj.vacancies === undefined && previous ? previous.vacancies : vacancies
    })
  })

  c.list(root.names, ['names'], '`names`').forEach((raw, index) => {
    const keys = ['names', index]
    const obj = c.object(raw, keys, 'a name entry')
    const official = c.string(obj, 'official', keys)!
    const variants = c.strings(obj, 'variants', keys)
    if (variants.length === 0) c.fail(keys, '`variants` must list at least one form to flag')
    data.names.set(fold(official), {
      official,
      variants,
      kind: c.string(obj, 'kind', keys, false) ?? 'outdated',
      since: c.date(obj, 'since', keys, false),
      source: c.string(obj, 'source', keys, !fileSource) ?? fileSource!,
      stretch: obj.stretch === true
    })
  })

  // A newsroom's people: the house spelling and the forms to flag ("Xu Ning Ning").
  c.list(root.people, ['people'], '`people`').forEach((raw, index) => {
    const keys = ['people', index]
    const obj = c.object(raw, keys, 'a person')
    const name = c.string(obj, 'name', keys)!
    const variants = c.strings(obj, 'variants', keys)
    if (variants.length === 0) c.fail(keys, '`variants` must list at least one spelling to flag')
    data.names.set(fold(name), {
      official: name,
      variants,
      kind: 'spelling',
      source: c.string(obj, 'source', keys, !fileSource) ?? fileSource!
    })
  })

  c.list(root.short_names, ['short_names'], '`short_names`').forEach((raw, index) => {
    const keys = ['short_names', index]
    const obj = c.object(raw, keys, 'a short-name entry')
    const full = c.string(obj, 'full', keys)!
    data.shortNames.set(fold(full), {
      full,
      short: c.strings(obj, 'short', keys),
      source: c.string(obj, 'source', keys, !fileSource) ?? fileSource!
    })
  })

  const bounds = root.bounds ?? root.facts
  c.list(bounds, ['bounds'], '`bounds`').forEach((raw, index) => {
    const keys = ['bounds', index]
    const obj = c.object(raw, keys, 'a bound')
    const key = c.string(obj, 'key', keys)!
    const value = obj.value
    // A bound may be a date (a record holder's birth date): kept in the file, not used by rules.
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return
    if (typeof value !== 'number' || !Number.isFinite(value)) c.fail([...keys, 'value'], '`value` must be a number')
    data.bounds.set(key, {
      key,
      value: value as number,
      unit: c.string(obj, 'unit', keys, false),
      year: typeof obj.year === 'number' ? obj.year : undefined,
      source: c.string(obj, 'source', keys, !fileSource) ?? fileSource!
    })
  })
}

function readPrecision(c: Checker, obj: Obj, key: string, keys: Array<string | number>): DatePrecision | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || !PRECISIONS.includes(value))
    c.fail([...keys, key], `\`${key}\` must be month or year, not \`${String(value)}\``)
  return value as DatePrecision
}

/** A date given to the month or year must be written as the first day of that month or year. */
function checkFirstDay(c: Checker, date: string, precision: DatePrecision | undefined, keys: Array<string | number>) {
  if (!precision) return
  const ok = precision === 'year' ? date.endsWith('-01-01') : date.endsWith('-01')
  if (!ok) c.fail(keys, `a date given to the ${precision} must be its first day, not \`${date}\``)
}

function readHolder(c: Checker, ho: Obj, hk: Array<string | number>, fileSource: string | undefined): Holder {
  const start = c.date(ho, 'start', hk, true)!
  const end = c.date(ho, 'end', hk, false)
  if (end && end < start) c.fail([...hk, 'end'], `\`end\` (${end}) is before \`start\` (${start})`)
  // `date_precision` (older files) applies to the end, where it matters.
  const startPrecision = readPrecision(c, ho, 'start_precision', hk)
  const endPrecision =
    readPrecision(c, ho, 'end_precision', hk) ?? (end ? readPrecision(c, ho, 'date_precision', hk) : undefined)
  checkFirstDay(c, start, startPrecision, [...hk, 'start'])
  if (end) checkFirstDay(c, end, endPrecision, [...hk, 'end'])
  const provenance = ho.provenance
  if (provenance !== undefined && (typeof provenance !== 'string' || !PROVENANCES.includes(provenance)))
    c.fail([...hk, 'provenance'], `\`provenance\` must be data, web or own_knowledge, not \`${String(provenance)}\``)
  return {
    name: c.string(ho, 'name', hk)!,
    native: c.string(ho, 'native', hk, false),
    also: c.strings(ho, 'also', hk),
    start,
    end: end && endPrecision ? lastDayOf(end, endPrecision) : end,
    startPrecision,
    endPrecision,
    acting: ho.acting === true,
    joint: ho.joint === true,
    source: c.string(ho, 'source', hk, !fileSource) ?? fileSource!
  }
}

function readVacancy(c: Checker, vo: Obj, vk: Array<string | number>): Vacancy {
  const start = c.date(vo, 'start', vk, true)!
  const end = c.date(vo, 'end', vk, true)!
  if (end < start) c.fail([...vk, 'end'], `\`end\` (${end}) is before \`start\` (${start})`)
  const kind = vo.kind
  if (typeof kind !== 'string' || !VACANCY_KINDS.includes(kind))
    c.fail([...vk, 'kind'], '`kind` must be vacant or unrecorded')
  return {
    start,
    end,
    kind: kind as Vacancy['kind'],
    note: c.string(vo, 'note', vk)!,
    source: c.string(vo, 'source', vk)!
  }
}

export function emptyKnowledge(): KnowledgeData {
  return {entities: new Map(), offices: new Map(), names: new Map(), shortNames: new Map(), bounds: new Map()}
}

const BUILT_IN = ['countries.yaml', 'officeholders.yaml', 'names.yaml', 'bounds.yaml']
let builtIn: KnowledgeData | undefined

function cloneData(data: KnowledgeData): KnowledgeData {
  return {
    world: data.world,
    entities: new Map(data.entities),
    offices: new Map(data.offices),
    names: new Map(data.names),
    shortNames: new Map(data.shortNames),
    bounds: new Map(data.bounds)
  }
}

function builtInData(): KnowledgeData {
  if (!builtIn) {
    builtIn = emptyKnowledge()
    for (const name of BUILT_IN) {
      const display = `data/${name}`
      mergeKnowledgeFile(builtIn, readData(path.join(dataDir(), name), display), display)
    }
  }
  return builtIn
}

let builtInBase: Knowledge | undefined

/**
 * The built-in knowledge base, read and indexed on first use and shared for the
 * life of the process (a knowledge base is never changed once built).
 */
export function builtInKnowledge(): Knowledge {
  builtInBase ??= new Knowledge(builtInData())
  return builtInBase
}

/** Built-in knowledge merged with house files (paths resolved by the caller). */
export function loadKnowledge(houseFiles: Array<{path: string; display: string}> = []): Knowledge {
  if (houseFiles.length === 0) return builtInKnowledge()
  const data = cloneData(builtInData())
  for (const house of houseFiles) mergeKnowledgeFile(data, readData(house.path, house.display), house.display)
  return new Knowledge(data)
}
