/**
 * The office-holder data (data/officeholders.yaml): every holder sourced, every
 * office covered day by day from 1990 (or its creation) to the file's as_of date,
 * and the lookups the rules make answered for archive dates.
 */
import {describe, expect, it} from 'vitest'
import {parseData} from '../src/knowledge/files.js'
import {emptyKnowledge, lastDayOf, mergeKnowledgeFile, type Holder, type Office} from '../src/knowledge/base.js'
import {knowledge, read} from './helpers.js'

const FILE = 'data/officeholders.yaml'
const COVERAGE_START = '1990-01-01'

interface RawHolder {
  name: string
  source?: string
  provenance?: string
  note?: string
}
interface RawFile {
  as_of: string
  offices: Array<{id: string; holders: RawHolder[]}>
}

const raw = parseData<RawFile>(read(FILE), FILE).value
const offices = [...knowledge.data.offices.values()]

/** The day after (or before) an ISO date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * A citation a reader can check: one of the datasets named in the file's header
 * (with the row: an edition, an obsid, a leader id, a Wikidata id or statement),
 * or a stored public page.
 */
const CITATION =
  /\b(?:FB \d{4}|FBJ \d{4}-\d{2}-\d{2}@[0-9a-f]{8}|ARC [A-Z]{3}-\d{4}|REIGN [\w.-]+|WD Q\d+-|WL26 Q\d+|USX \()|\bweb: \S/

/** A span of days in which something holds the office, or a recorded vacancy. */
interface Span {
  start: string
  end: string
  label: string
  /** Acting or joint holders may overlap a regular holder (suspension, co-premiers). */
  overlaps: boolean
  precise: {start: boolean; end: boolean}
}

function spansOf(office: Office, until: string): Span[] {
  const holders: Span[] = office.holders.map((h: Holder) => ({
    start: h.start,
    end: h.end ?? until,
    label: `${h.name} ${h.start}`,
    overlaps: Boolean(h.acting || h.joint),
    precise: {start: !h.startPrecision, end: !h.endPrecision}
  }))
  const vacancies: Span[] = office.vacancies.map((v) => ({
    start: v.start,
    end: v.end,
    label: `${v.kind} ${v.start}`,
    overlaps: false,
    precise: {start: true, end: true}
  }))
  return [...holders, ...vacancies].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}

/**
 * Problems with one office's timeline: days between its first day and `until`
 * that nothing covers, and overlaps between regular holders longer than the
 * handover day (an imprecise handover, both ends given to the month or year,
 * may overlap for that month or year).
 */
function timelineProblems(office: Office, asOf: string): string[] {
  const from = office.created && office.created > COVERAGE_START ? office.created : COVERAGE_START
  const until = office.abolished && office.abolished < asOf ? office.abolished : asOf
  const spans = spansOf(office, until).filter((s) => s.end >= from && s.start <= until)
  const problems: string[] = []
  let covered = addDays(from, -1)
  let last: Span | undefined
  for (const span of spans) {
    if (span.start > addDays(covered, 1)) problems.push(`gap ${addDays(covered, 1)} .. ${addDays(span.start, -1)}`)
    if (last && !span.overlaps && !last.overlaps && span.start < last.end) {
      const impreciseHandover = !last.precise.end && !span.precise.start
      if (!impreciseHandover) problems.push(`overlap ${last.label} / ${span.label}`)
    }
    if (span.end > covered) covered = span.end
    if (!span.overlaps && (!last || span.end >= last.end || last.overlaps)) last = span
  }
  if (covered < until) problems.push(`gap ${addDays(covered, 1)} .. ${until}`)
  return problems
}

function holdersOn(country: string, title: string, date: string): string[] {
  return knowledge
    .offices(country, title)
    .flatMap((o) => o.holders)
    .filter((h) => h.start <= date && (!h.end || h.end >= date))
    .map((h) => h.name)
}

describe('office-holder sources', () => {
  it('names a checkable dataset row or page in every holder entry', () => {
    const unsourced = raw.offices.flatMap((o) =>
      o.holders
        .filter((h) => h.provenance !== 'own_knowledge' && !CITATION.test(h.source ?? ''))
        .map((h) => `${o.id} ${h.name}`)
    )
    expect(unsourced).toEqual([])
  })

  it('marks the provenance of every holder, and explains every one typed from memory', () => {
    const problems = raw.offices.flatMap((o) =>
      o.holders.flatMap((h) => {
        if (!['data', 'web', 'own_knowledge'].includes(h.provenance ?? ''))
          return [`${o.id} ${h.name}: provenance ${h.provenance}`]
        if (h.provenance === 'own_knowledge' && !/not in the|no stored page|unconfirmed/i.test(h.note ?? ''))
          return [`${o.id} ${h.name}: own_knowledge without an explanation`]
        return []
      })
    )
    expect(problems).toEqual([])
  })

  it('keeps the entries typed from memory to the few no source was found for', () => {
    const own = raw.offices.flatMap((o) =>
      o.holders.filter((h) => h.provenance === 'own_knowledge').map((h) => `${o.id} ${h.name}`)
    )
    // Each one says in its note why it is kept; a new one must be sourced instead.
    expect(own).toEqual(['KOR.prime-minister Hong Nam-ki'])
  })

  it('sources every recorded vacancy', () => {
    for (const office of offices)
      for (const vacancy of office.vacancies) expect(vacancy.source, `${office.id} ${vacancy.start}`).toMatch(CITATION)
  })
})

describe('office-holder coverage', () => {
  it('covers every office day by day from 1990 (or its creation) to as_of, overlapping only on handovers', () => {
    const problems = offices.flatMap((o) => timelineProblems(o, raw.as_of).map((p) => `${o.id}: ${p}`))
    expect(problems).toEqual([])
  })

  it('finds a gap and an overlap in a timeline (the check can fail)', () => {
    const office = (holders: Array<Partial<Holder>>): Office => ({
      id: 'X',
      country: 'X',
      office: 'X',
      titles: [],
      kind: 'other',
      vacancies: [],
      holders: holders.map((h) => ({name: 'A', also: [], start: '1990-01-01', source: 's', ...h}))
    })
    expect(
      timelineProblems(
        office([
          {name: 'A', start: '1980-01-01', end: '2000-01-01'},
          {name: 'B', start: '2000-01-03', end: '2010-01-01'},
          {name: 'C', start: '2009-06-01'}
        ]),
        '2020-01-01'
      )
    ).toEqual(['gap 2000-01-02 .. 2000-01-02', 'overlap B 2000-01-03 / C 2009-06-01'])
    // A handover day, an acting holder during a suspension and an open-ended holder are fine.
    expect(
      timelineProblems(
        office([
          {name: 'A', start: '1980-01-01', end: '2000-01-01'},
          {name: 'B', start: '2000-01-01'},
          {name: 'C', start: '2005-01-01', end: '2005-03-01', acting: true}
        ]),
        '2020-01-01'
      )
    ).toEqual([])
  })

  it('starts an office that did not exist in 1990 on the day it was created', () => {
    const created = offices.filter((o) => o.created && o.created > COVERAGE_START).map((o) => o.id)
    expect(created).toEqual(
      expect.arrayContaining([
        'KHM.king',
        'MMR.president',
        'MMR.state-counsellor',
        'MMR.sac-chairman',
        'TLS.president',
        'TLS.prime-minister',
        'RUS.president',
        'EU.council-president',
        'AU.commission-chairperson'
      ])
    )
    for (const office of offices) {
      const first = [...office.holders, ...office.vacancies].map((h) => h.start).sort()[0]
      const from = office.created && office.created > COVERAGE_START ? office.created : COVERAGE_START
      expect(first <= from, office.id).toBe(true)
    }
  })

  it('writes dates known only to the month or year as their first day and matches the whole month or year', () => {
    for (const office of offices)
      for (const holder of office.holders) {
        if (holder.startPrecision === 'month') expect(holder.start, office.id).toMatch(/-01$/)
        if (holder.startPrecision === 'year') expect(holder.start, office.id).toMatch(/-01-01$/)
      }
    expect(lastDayOf('2026-04-01', 'month')).toBe('2026-04-30')
    expect(lastDayOf('2024-02-01', 'month')).toBe('2024-02-29')
    expect(lastDayOf('2026-01-01', 'year')).toBe('2026-12-31')
    // Vietnam, April 2026: the outgoing and the incoming president both match all month.
    expect(holdersOn('VNM', 'President', '2026-04-20')).toEqual(['Luong Cuong', 'To Lam'])
    expect(holdersOn('VNM', 'President', '2026-05-02')).toEqual(['To Lam'])
  })
})

describe('office-holders on archive dates', () => {
  it('answers who held an office in the 1990s and 2000s', () => {
    expect(holdersOn('GBR', 'Prime Minister', '2005-06-01')).toEqual(['Tony Blair'])
    expect(holdersOn('GBR', 'Prime Minister', '1990-11-28')).toEqual(['Margaret Thatcher', 'John Major'])
    expect(holdersOn('USA', 'President', '1995-03-01')).toEqual(['Bill Clinton'])
    expect(holdersOn('DEU', 'Chancellor', '1994-06-01')).toEqual(['Helmut Kohl'])
    expect(holdersOn('DEU', 'President', '2010-06-15')).toEqual(['Jens Bohrnsen'])
    expect(holdersOn('JPN', 'Prime Minister', '2003-01-01')).toEqual(['Junichiro Koizumi'])
    expect(holdersOn('CHN', 'Premier', '1995-01-01')).toEqual(['Li Peng'])
    expect(holdersOn('IDN', 'President', '1997-01-01')).toEqual(['Suharto'])
    expect(holdersOn('RUS', 'Prime Minister', '1999-06-01')).toEqual(['Sergei Stepashin'])
    expect(holdersOn('SGP', 'Prime Minister', '1995-01-01')).toEqual(['Goh Chok Tong'])
    expect(holdersOn('EU', 'President of the European Commission', '2000-01-01')).toEqual(['Romano Prodi'])
  })

  it('has no holder for an office on a day it was vacant', () => {
    expect(holdersOn('THA', 'Prime Minister', '2006-09-25')).toEqual([])
    expect(holdersOn('MYS', 'King', '2019-01-15')).toEqual([])
    expect(holdersOn('MMR', 'Prime Minister', '2015-01-01')).toEqual([])
  })

  it('counts acting and joint holders alongside a suspended or co-governing one', () => {
    expect(holdersOn('BRA', 'President', '2016-06-01')).toEqual(['Dilma Rousseff', 'Michel Temer'])
    expect(holdersOn('KHM', 'Prime Minister', '1995-01-01')).toEqual(['Hun Sen', 'Norodom Ranariddh'])
  })
})

describe('office-holder loading', () => {
  const load = (text: string) => {
    const data = emptyKnowledge()
    mergeKnowledgeFile(data, parseData(text, 'house.yaml'), 'house.yaml')
    return data.offices.get('X')!
  }
  const office = (holder: string, extra = '') =>
    `offices:\n  - id: X\n    country: X\n    office: X\n    titles: [X]\n${extra}    holders:\n      - {name: A, start: 2020-01-01, source: s${holder}}\n`

  it('widens an end given to the month or year to its last day', () => {
    expect(load(office(', end: 2024-02-01, end_precision: month')).holders[0].end).toBe('2024-02-29')
    expect(load(office(', end: 2024-01-01, end_precision: year')).holders[0].end).toBe('2024-12-31')
    // Older files wrote `date_precision`; it applies to the end.
    expect(load(office(', end: 2024-02-01, date_precision: month')).holders[0].end).toBe('2024-02-29')
    expect(load(office(', end: 2024-02-10')).holders[0].end).toBe('2024-02-10')
  })

  it('reads vacancies, created and abolished', () => {
    const read = load(
      office(
        '',
        '    created: 2019-01-01\n    vacancies:\n      - {start: 2021-01-01, end: 2021-02-01, kind: vacant, note: n, source: s}\n'
      )
    )
    expect(read.created).toBe('2019-01-01')
    expect(read.vacancies).toEqual([{start: '2021-01-01', end: '2021-02-01', kind: 'vacant', note: 'n', source: 's'}])
  })

  const bad: Array<[string, string, RegExp]> = [
    ['a precision that is not month or year', office(', end: 2024-02-01, end_precision: day'), /must be month or year/],
    ['a month date not on the 1st', office(', end: 2024-02-10, end_precision: month'), /must be its first day/],
    ['an unknown provenance', office(', provenance: memory'), /provenance/],
    [
      'a vacancy of an unknown kind',
      office('', '    vacancies:\n      - {start: 2021-01-01, end: 2021-02-01, kind: gone, note: n, source: s}\n'),
      /kind/
    ],
    [
      'a vacancy without a source',
      office('', '    vacancies:\n      - {start: 2021-01-01, end: 2021-02-01, kind: vacant, note: n}\n'),
      /missing `source`/
    ]
  ]
  for (const [what, text, message] of bad)
    it(`rejects ${what} with the file name`, () => {
      expect(() => load(text)).toThrow(message)
    })
})
