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

export interface Holder {
  name: string
  native?: string
  also: string[]
  start: string
  end?: string
  acting?: boolean
  source: string
}

export interface Office {
  id: string
  country: string
  office: string
  titles: string[]
  kind: string
  holders: Holder[]
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
    const holders = c.list(obj.holders, [...keys, 'holders'], '`holders`').map((h, n) => {
      const hk = [...keys, 'holders', n]
      const ho = c.object(h, hk, 'a holder')
      const start = c.date(ho, 'start', hk, true)!
      const end = c.date(ho, 'end', hk, false)
      if (end && end < start) c.fail([...hk, 'end'], `\`end\` (${end}) is before \`start\` (${start})`)
      return {
        name: c.string(ho, 'name', hk)!,
        native: c.string(ho, 'native', hk, false),
        also: c.strings(ho, 'also', hk),
        start,
        end,
        acting: ho.acting === true,
        source: c.string(ho, 'source', hk, !fileSource) ?? fileSource!
      }
    })
    const previous = data.offices.get(id)
    data.offices.set(id, {
      id,
      country: c.string(obj, 'country', keys, !previous) ?? previous!.country,
      office: c.string(obj, 'office', keys, !previous) ?? previous!.office,
      titles: obj.titles === undefined && previous ? previous.titles : c.strings(obj, 'titles', keys),
      kind: c.string(obj, 'kind', keys, false) ?? previous?.kind ?? 'office',
      holders: obj.holders === undefined && previous ? previous.holders : holders
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
