#!/usr/bin/env node
// Builds data/countries.yaml from the World Bank population extract
// (indicator SP.POP.TOTL, via the GitHub repository datasets/population,
// data/population.csv at commit 425fc447; licence CC BY 4.0, credit
// "World Bank, SP.POP.TOTL") plus the hand-written names and blocs in
// data/build-countries/ (names.yaml, blocs.yaml).
//
// Usage:
//   node scripts/build-countries.mjs [path/to/wb-population-2023-2024.csv] [out.yaml]
// Defaults: ../shared/data/wb-population-2023-2024.csv (relative to the repo
// root, i.e. /work/shared/data/...) and data/countries.yaml.
//
// The script is deterministic: same CSV in, same YAML out. It fails loudly if
// a World Bank code is neither mapped nor listed as an aggregate, so a newer
// CSV cannot silently drop or mislabel an entity.

import {readFileSync, writeFileSync, existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import YAML from 'yaml'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')
const defaultCsv = [
  resolve(repo, '../shared/data/wb-population-2023-2024.csv'),
  '/work/shared/data/wb-population-2023-2024.csv'
].find((p) => existsSync(p))
const csvPath = process.argv[2] ?? defaultCsv
const outPath = process.argv[3] ?? resolve(repo, 'data/countries.yaml')
if (!csvPath || !existsSync(csvPath)) {
  console.error('build-countries: CSV not found; pass its path as the first argument')
  process.exit(1)
}

const SOURCE = 'World Bank, SP.POP.TOTL, via datasets/population (commit 425fc447); CC BY 4.0'
const SRC_SHORT = 'World Bank SP.POP.TOTL'

// The hand-written half lives in data files beside the rest of the knowledge: the names
// news copy uses, aliases, adjectives and status by World Bank code, and the World Bank
// aggregates to skip (data/build-countries/names.yaml); bloc membership with its sources
// (data/build-countries/blocs.yaml). See the comments at the top of each.
const namesFile = resolve(repo, 'data/build-countries/names.yaml')
const blocsFile = resolve(repo, 'data/build-countries/blocs.yaml')
const {aggregates, countries: NAMES} = YAML.parse(readFileSync(namesFile, 'utf8'))
const AGGREGATES = new Set(aggregates)
const {blocs: BLOCS} = YAML.parse(readFileSync(blocsFile, 'utf8'))

// ---------------------------------------------------------------------------
function parseCsv(text) {
  const rows = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const cells = []
    let cur = ''
    let q = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"'
          i++
        } else if (c === '"') q = false
        else cur += c
      } else if (c === '"') q = true
      else if (c === ',') {
        cells.push(cur)
        cur = ''
      } else cur += c
    }
    cells.push(cur)
    rows.push(cells)
  }
  return rows
}

const rows = parseCsv(readFileSync(csvPath, 'utf8'))
const header = rows.shift()
if (header.join(',') !== 'country_name,iso3_or_wb_aggregate,year,population') {
  throw new Error(`unexpected CSV header: ${header.join(',')}`)
}
const pop = new Map() // code -> {wbName, 2023, 2024}
for (const [wbName, code, year, value] of rows) {
  if (!pop.has(code)) pop.set(code, {wbName})
  const v = Number(value)
  if (!Number.isInteger(v) || v <= 0) throw new Error(`bad population for ${code} ${year}: ${value}`)
  pop.get(code)[year] = v
}

const unknown = [...pop.keys()].filter((c) => !AGGREGATES.has(c) && !NAMES[c])
if (unknown.length) throw new Error(`unmapped World Bank codes: ${unknown.join(', ')}`)
const missing = Object.keys(NAMES).filter((c) => !pop.has(c))
if (missing.length) throw new Error(`mapped codes absent from CSV: ${missing.join(', ')}`)

const popEntry = (value, year, source = SRC_SHORT) => ({value, year, source})

const countries = Object.keys(NAMES)
  .sort()
  .map((code) => {
    const names = NAMES[code]
    const p = pop.get(code)
    const e = {code, name: names.name}
    e.aliases = names.aliases ?? []
    e.adjectives = names.adjectives ?? []
    if (names.former_names) e.former_names = names.former_names
    if (names.status && names.status !== 'sovereign') e.status = names.status
    if (names.ambiguous_name) e.ambiguous_name = true
    if (names.wb_code_only) e.wb_code_only = true
    e.wb_name = p.wbName
    if (p['2024'] == null || p['2023'] == null) throw new Error(`missing year for ${code}`)
    e.population = popEntry(p['2024'], 2024)
    e.population_2023 = popEntry(p['2023'], 2023)
    return e
  })

function sum(codes, year) {
  let total = 0
  const without = []
  for (const c of codes) {
    const p = pop.get(c)
    if (!p || AGGREGATES.has(c)) {
      without.push(c)
      continue
    }
    total += p[String(year)]
  }
  return {total, without}
}

const blocs = BLOCS.map((b) => {
  const out = {id: b.id, name: b.name, aliases: b.aliases, members: b.members}
  if (b.also_members) out.also_members = b.also_members
  if (b.also_participates) out.also_participates = b.also_participates
  out.member_count = b.member_count
  if (b.member_count_history) out.member_count_history = b.member_count_history
  if (b.joined) out.joined = b.joined
  out.note = b.note
  out.membership_source = b.membership_source
  if (b.members.length !== (b.also_members ? b.member_count - b.also_members.length : b.member_count)) {
    throw new Error(`${b.id}: member list length ${b.members.length} disagrees with member_count ${b.member_count}`)
  }
  const s24 = sum(b.members, 2024)
  const s23 = sum(b.members, 2023)
  out.population = popEntry(
    s24.total,
    2024,
    `sum of ${SRC_SHORT} 2024 figures for ${b.members.length - s24.without.length} member countries (computed by scripts/build-countries.mjs)`
  )
  out.population_2023 = popEntry(s23.total, 2023, `sum of ${SRC_SHORT} 2023 figures (computed)`)
  if (s24.without.length) out.members_without_wb_figure = s24.without
  if (b.wb_aggregate) {
    const agg = pop.get(b.wb_aggregate)
    out.wb_aggregate = {
      code: b.wb_aggregate,
      population: popEntry(agg['2024'], 2024, `${SRC_SHORT} (${b.wb_aggregate})`)
    }
    if (agg['2024'] !== s24.total) console.warn(`note: ${b.id} sum ${s24.total} != ${b.wb_aggregate} ${agg['2024']}`)
  }
  if (b.extra_sums) {
    for (const [k, codes] of Object.entries(b.extra_sums)) {
      out[`population_${k}`] = popEntry(sum(codes, 2024).total, 2024, `sum of ${SRC_SHORT} 2024 figures (computed)`)
    }
  }
  if (b.union_with) {
    const set = new Set(b.members)
    for (const id of b.union_with) for (const c of BLOCS.find((x) => x.id === id).members) set.add(c)
    const u = sum([...set], 2024)
    out.population_including_eu_au_members = popEntry(
      u.total,
      2024,
      `sum of ${SRC_SHORT} 2024 figures for the union of the 19 G20 countries and all EU and AU member states, ${set.size - u.without.length} countries (computed; ${u.without.join(', ')} without figure)`
    )
  }
  return out
})

const wld = pop.get('WLD')
const chinaAsean = pop.get('CHN')['2024'] + blocs.find((b) => b.id === 'ASEAN').population.value

const doc = {
  source: SOURCE,
  generated_by: 'scripts/build-countries.mjs (do not edit by hand; edit data/build-countries/*.yaml and re-run)',
  world: {
    population: popEntry(wld['2024'], 2024, `${SRC_SHORT} (WLD)`),
    population_2023: popEntry(wld['2023'], 2023, `${SRC_SHORT} (WLD)`)
  },
  derived: {
    'CHN+ASEAN': {population: popEntry(chinaAsean, 2024, `China + ASEAN (11) ${SRC_SHORT} 2024 figures (computed)`)}
  },
  countries,
  blocs
}

const yamlDoc = new YAML.Document(doc)
// Compact style: population objects and short string lists on one line.
YAML.visit(yamlDoc, {
  Map(_, node) {
    const keys = node.items.map((p) => p.key && p.key.value)
    if (keys.includes('value') && keys.includes('year')) node.flow = true
  },
  Seq(_, node) {
    if (node.items.every((i) => YAML.isScalar(i))) node.flow = true
  }
})
const header2 = [
  '# GENERATED by scripts/build-countries.mjs from the World Bank population extract;',
  '# do not edit by hand. Population: "World Bank, SP.POP.TOTL" (CC BY 4.0).',
  '# Names, aliases, adjectives and blocs: hand-written in data/build-countries/ (own knowledge).',
  ''
].join('\n')
writeFileSync(outPath, header2 + yamlDoc.toString({lineWidth: 0}))
console.log(`wrote ${outPath}: ${countries.length} countries/territories, ${blocs.length} blocs`)
