#!/usr/bin/env node
// Speed of the figure rules on figure-dense copy: one wire sentence full of figures and
// names, repeated from 100 KB to 10 MB, to show that the time per megabyte stays flat (a
// benchmark, not a test: it asserts nothing and exits 0).
//
// Usage (after `npm run build`):
//   node scripts/bench-figures.js [--runs N] [--sizes 100k,1m,10m] [--texts wire,dense] [--max-seconds S]
//                                 [--rules all,figure-consistency] [--dist DIR] [--json]
// (`--rules`: only these configurations, by the names the report prints.)
//
// Input (`wire`): one sentence written for this benchmark (a dateline-free wire sentence with counts,
// shares, a change with its endpoints, an age, an edition and a founding, and several names),
// repeated with a blank line after every tenth copy until the story reaches each size; and
// (`dense`) a short sentence with a count, an age and an edition in each copy. For
// each size: the parse and extraction alone (every rule off but one that reads nothing), each
// figure rule alone, and all rules together, as milliseconds per megabyte. Each timing: one
// warm-up run (skipped from 3 MB up), then the median of N runs (default 3; 1 from 3 MB up).
// A configuration that takes longer than --max-seconds (default 120) at one size is not run
// at the larger sizes (it is reported as skipped), so a quadratic rule cannot stall the run.
// On a shared machine read the ratios between sizes, not the absolute times.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {performance} from 'node:perf_hooks'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The repeated sentence: every figure rule has something to read in it. */
export const SENTENCE =
  'Trade Minister Lena Hartwig, 52, said on Tuesday that more than 2,400 exhibitors took part in the 21st ' +
  'Northern Harbour Fair, which was founded in 2003 and marks its 20th anniversary, and that sales rose from ' +
  '1.2 billion euros to 1.5 billion euros, an increase of 25 percent, while the 47-year-old Oskar Brandt of ' +
  'Keller Freight Ltd said that of the 470 projects signed, 320 were in shipping and 110 in services, and ' +
  'exports to the 27 members of the bloc, home to some 450 million people, doubled from 3,100 tonnes to ' +
  '6,200 tonnes.'

/**
 * A short sentence with one count, one age and one edition in every copy, about the story's
 * own time (no year: a year sets a sentence apart): the densest figure copy, where a rule
 * that compares every pair of figures shows at once.
 */
export const DENSE_SENTENCE =
  'Mira Olsen, 43, said about 2,000 exhibitors took part in the 21st Harbour Fair this year.'

const TEXTS = {wire: SENTENCE, dense: DENSE_SENTENCE}

const SIZES = {
  '100k': 100 * 1024,
  '300k': 300 * 1024,
  '1m': 1024 * 1024,
  '3m': 3 * 1024 * 1024,
  '10m': 10 * 1024 * 1024
}
const FIGURE_RULES = [
  'impossible-figure',
  'garbled-numeral',
  'malformed-ordinal',
  'figure-arithmetic',
  'figure-consistency'
]

function parseArgs(argv) {
  const options = {runs: 3, sizes: Object.keys(SIZES), maxSeconds: 120, json: false, texts: Object.keys(TEXTS)}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) fail(`${arg} needs a value`)
      return next
    }
    if (arg === '--json') options.json = true
    else if (arg === '--dist') options.dist = path.resolve(value())
    else if (arg === '--rules') options.rules = value().split(',')
    else if (arg === '--runs') options.runs = positive(value(), arg)
    else if (arg === '--max-seconds') options.maxSeconds = positive(value(), arg)
    else if (arg === '--texts') {
      options.texts = value().split(',')
      for (const name of options.texts) if (!(name in TEXTS)) fail(`unknown text \`${name}\` (${Object.keys(TEXTS)})`)
    } else if (arg === '--sizes') {
      options.sizes = value().split(',')
      for (const size of options.sizes) if (!(size in SIZES)) fail(`unknown size \`${size}\` (${Object.keys(SIZES)})`)
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'Usage: node scripts/bench-figures.js [--runs N] [--sizes 100k,1m] [--texts wire,dense] [--rules all,figure-consistency] [--max-seconds S] [--dist DIR] [--json]\n'
      )
      process.exit(0)
    } else fail(`unknown argument \`${arg}\``)
  }
  return options
}

function positive(value, name) {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) fail(`${name} needs a positive number, got \`${value}\``)
  return n
}

function fail(message) {
  process.stderr.write(`bench-figures: ${message}\n`)
  process.exit(2)
}

/** The sentence repeated to at least `bytes`, a paragraph every ten copies. */
function story(sentence, bytes) {
  const paragraph = Array(10).fill(sentence).join(' ')
  const parts = []
  let size = 0
  while (size < bytes) {
    parts.push(paragraph)
    size += Buffer.byteLength(paragraph) + 2
  }
  return parts.join('\n\n') + '\n'
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function main() {
  const options = parseArgs(process.argv.slice(2))
  // --dist: another build (an older commit's dist/) to compare with in the same run.
  const entry = path.join(options.dist ?? path.join(repo, 'dist'), 'src', 'index.js')
  if (!fs.existsSync(entry)) fail('dist/src/index.js is missing; build first with `npm run build`')
  const {lint, loadKnowledge, ruleIds} = await import(pathToFileURL(entry).href)
  const knowledge = loadKnowledge()
  const only = (ids) => Object.fromEntries(ruleIds.map((id) => [id, ids.includes(id) ? 'warn' : 'off']))
  // garbled-numeral reads the extraction and little else: alone it stands for parse + extraction.
  const configurations = [
    {name: 'all', rules: only(ruleIds)},
    ...FIGURE_RULES.map((id) => ({name: id, rules: only([id])}))
  ].filter(({name}) => !options.rules || options.rules.includes(name))
  const skipped = new Set()
  const rows = []
  for (const textName of options.texts) {
    skipped.clear()
    for (const size of options.sizes) {
      const text = story(TEXTS[textName], SIZES[size])
      const megabytes = Buffer.byteLength(text) / (1024 * 1024)
      const big = SIZES[size] >= SIZES['3m']
      const runs = big ? 1 : options.runs
      const row = {text: textName, size, bytes: Buffer.byteLength(text), results: {}}
      for (const configuration of configurations) {
        if (skipped.has(configuration.name)) {
          row.results[configuration.name] = {skipped: true}
          continue
        }
        const times = []
        let messages = 0
        for (let r = big ? 1 : 0; r <= runs; r++) {
          if (globalThis.gc) globalThis.gc()
          const start = performance.now()
          const file = await lint(text, {path: 'story.txt', knowledge, today: '2026-11-29', rules: configuration.rules})
          const elapsed = performance.now() - start
          messages = file.messages.length
          if (r > 0) times.push(elapsed)
          if (elapsed > options.maxSeconds * 1000) break
        }
        const ms = median(times)
        if (ms > options.maxSeconds * 1000) skipped.add(configuration.name)
        row.results[configuration.name] = {medianMs: ms, msPerMb: ms / megabytes, messages}
      }
      rows.push(row)
      if (!options.json) print(row, configurations)
    }
  }
  if (options.json) process.stdout.write(JSON.stringify({runs: options.runs, texts: TEXTS, rows}, null, 2) + '\n')
}

function print(row, configurations) {
  const kb = (row.bytes / 1024).toFixed(0)
  const cells = configurations.map(({name}) => {
    const result = row.results[name]
    return `${name} ${result.skipped ? 'skipped' : `${result.msPerMb.toFixed(0)} ms/MB`}`
  })
  console.log(`${row.text.padEnd(5)} ${kb.padStart(6)} KB: ${cells.join(', ')}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
