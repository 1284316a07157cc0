/** The built-in knowledge base: every entry sourced and dated, lookups, house merges. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadKnowledge} from '../src/index.js'
import {DataError, parseData} from '../src/knowledge/files.js'
import {emptyKnowledge, mergeKnowledgeFile} from '../src/knowledge/base.js'
import {knowledge} from './helpers.js'

function holderOn(country: string, title: string, date: string): string[] {
  return knowledge
    .offices(country, title)
    .flatMap((o) => o.holders)
    .filter((h) => h.start <= date && (!h.end || h.end >= date))
    .map((h) => h.name)
}

describe('built-in knowledge', () => {
  it('knows the world and the seed story’s subjects', () => {
    expect(knowledge.data.world?.population?.value).toBe(8141808945)
    expect(knowledge.entityByName('China')?.population?.value).toBeGreaterThan(1.4e9)
    expect(knowledge.entityByName('ASEAN')?.members).toHaveLength(11)
    expect(knowledge.entityByName('the Philippines')?.code).toBe('PHL')
    expect(knowledge.entityByAdjective('Vietnamese')?.code).toBe('VNM')
  })

  it('has a source on every population, holder, name and bound', () => {
    for (const entity of knowledge.data.entities.values())
      if (entity.population) expect(entity.population.source).toBeTruthy()
    for (const office of knowledge.data.offices.values()) {
      expect(office.holders.length).toBeGreaterThan(0)
      for (const holder of office.holders) {
        expect(holder.source, `${office.id} ${holder.name}`).toBeTruthy()
        expect(holder.start).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        if (holder.end) expect(holder.end >= holder.start).toBe(true)
      }
    }
    for (const name of knowledge.data.names.values()) expect(name.source).toBeTruthy()
    for (const bound of knowledge.data.bounds.values()) expect(bound.source).toBeTruthy()
  })

  it('covers heads of state and government of China, ASEAN and the G20 since 2015', () => {
    const countries = [
      'CHN',
      'BRN',
      'KHM',
      'IDN',
      'LAO',
      'MYS',
      'MMR',
      'PHL',
      'SGP',
      'THA',
      'VNM',
      'TLS',
      'ARG',
      'AUS',
      'BRA',
      'CAN',
      'FRA',
      'DEU',
      'IND',
      'ITA',
      'JPN',
      'MEX',
      'RUS',
      'SAU',
      'ZAF',
      'KOR',
      'TUR',
      'GBR',
      'USA'
    ]
    const offices = [...knowledge.data.offices.values()]
    for (const code of countries) {
      const own = offices.filter((o) => o.country === code)
      expect(own.length, code).toBeGreaterThan(0)
      const earliest = own
        .flatMap((o) => o.holders)
        .map((h) => h.start)
        .sort()[0]
      expect(earliest <= '2015-01-01', code).toBe(true)
    }
  })

  it('answers who held an office on a date', () => {
    expect(holderOn('VNM', 'Prime Minister', '2023-09-09')).toEqual(['Pham Minh Chinh'])
    expect(holderOn('CHN', 'Premier', '2022-06-01')).toEqual(['Li Keqiang'])
    expect(holderOn('CHN', 'Premier', '2024-06-01')).toEqual(['Li Qiang'])
    expect(holderOn('USA', 'President', '2019-06-01')).toEqual(['Donald Trump'])
    expect(holderOn('IDN', 'President', '2020-06-01')).toEqual(['Joko Widodo'])
  })

  it('maps outdated names to official ones', () => {
    expect(knowledge.variants.get('guangxi university for nationalities')?.official).toBe('Guangxi Minzu University')
    expect(knowledge.shortNamesOf('China-ASEAN Expo')).toContain('CAEXPO')
  })
})

describe('house knowledge files', () => {
  const write = (text: string, name = 'house.yaml') => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-house-'))
    fs.writeFileSync(path.join(dir, name), text)
    return {path: path.join(dir, name), display: name}
  }

  it('house people: the house spelling is expected for each listed variant', async () => {
    const house = write(
      'people:\n  - name: Xu Ningning\n    variants: [Xu Ning Ning, Hsu Ning-ning]\n    source: style guide\n'
    )
    const {lint} = await import('../src/index.js')
    const file = await lint('Xu Ning Ning said trade grew.', {knowledge: loadKnowledge([house])})
    expect(file.messages.map((m) => [m.reason, m.expected])).toEqual([
      ['Unexpected spelling `Xu Ning Ning`, expected `Xu Ningning`', ['Xu Ningning']]
    ])
  })

  it('override built-in entries and add new ones', () => {
    const house = write(
      'countries:\n  - code: VNM\n    population: {value: 1, year: 2030, source: test}\nnames:\n  - official: New Name\n    variants: [Old Name]\n    source: test\n'
    )
    const merged = loadKnowledge([house])
    expect(merged.entity('VNM')?.population?.value).toBe(1)
    expect(merged.entity('VNM')?.adjectives).toContain('Vietnamese')
    expect(merged.variants.get('old name')?.official).toBe('New Name')
    expect(loadKnowledge().entity('VNM')?.population?.value).not.toBe(1)
  })

  const bad: Array<[string, string, RegExp]> = [
    ['unknown section', 'peoples: []\n', /house\.yaml:1: unknown section `peoples`/],
    [
      'holder without a start',
      'offices:\n  - id: X\n    country: X\n    office: X\n    titles: [X]\n    holders:\n      - name: A\n        source: s\n',
      /house\.yaml:7: missing `start`/
    ],
    [
      'end before start',
      'offices:\n  - id: X\n    country: X\n    office: X\n    titles: [X]\n    holders:\n      - {name: A, start: 2020-01-01, end: 2019-01-01, source: s}\n',
      /`end` \(2019-01-01\) is before `start`/
    ],
    [
      'name without variants',
      'names:\n  - official: A\n    source: s\n',
      /house\.yaml:2: `variants` must list at least one form/
    ],
    [
      'population without a source',
      'countries:\n  - code: ZZZ\n    name: Z\n    population: {value: 5}\n',
      /missing `source`/
    ],
    ['not YAML', 'offices: [\n', /house\.yaml:\d+: invalid YAML/]
  ]
  it.each(bad)('a malformed file is an error naming file and line: %s', (_name, text, pattern) => {
    expect(() => loadKnowledge([write(text)])).toThrow(pattern)
  })

  it('errors are DataErrors with a line', () => {
    const data = emptyKnowledge()
    try {
      mergeKnowledgeFile(
        data,
        parseData('names:\n  - official: A\n    variants: 5\n    source: s\n', 'h.yaml'),
        'h.yaml'
      )
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DataError)
      expect((error as DataError).line).toBe(3)
    }
  })
})
