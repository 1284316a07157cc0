#!/usr/bin/env node
// Throughput and memory benchmark for copydesk.
//
// Usage (after `npm run build`):
//   node scripts/bench.js [--runs N] [--json]
//   npm run bench -- --runs 9 --json
//
// Input is built only from files in this repository (fixtures/seed/
// china-asean-expo.txt and fixtures/clean-wikinews/*.txt, in sorted order),
// repeated until there is at least 1 MiB of news copy, so the benchmark is
// deterministic and runs on a fresh clone.
//
// It measures, in one run:
//   1. one 1 MiB story: words/second for a bare retext-english parse
//      (`new ParseEnglish().parse`) and for a full copydesk `lint`, and the
//      ratio of their times (target: full <= 2x bare);
//   2. many small stories (each fixture linted on its own, ~1 MiB in total,
//      the CLI's usual workload): words/second, bare and full;
//   3. peak memory (maxRSS) of a fresh `node --expose-gc` child that lints
//      one 1 MiB story (target: under 300 MB).
// Each timing: one warm-up run, then the median of N runs (default 5).
// Words are whitespace-separated tokens of the input. This is a benchmark,
// not a test: it asserts nothing about timings and exits 0.

import {readFileSync, readdirSync, existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {spawnSync} from 'node:child_process'
import {performance} from 'node:perf_hooks'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')
const TARGET_BYTES = 1024 * 1024
const RATIO_TARGET = 2
const RSS_TARGET_MB = 300

function parseArgs(argv) {
  const options = {runs: 5, json: false, childMemory: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') options.json = true
    else if (arg === '--child-memory') options.childMemory = true
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length)
      const runs = Number(value)
      if (!Number.isInteger(runs) || runs < 1) {
        process.stderr.write(`bench: --runs needs a positive integer, got ${JSON.stringify(value)}\n`)
        process.exit(2)
      }
      options.runs = runs
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: node scripts/bench.js [--runs N] [--json]\n')
      process.exit(0)
    } else {
      process.stderr.write(`bench: unknown argument ${JSON.stringify(arg)}\n`)
      process.exit(2)
    }
  }
  return options
}

/** The fixture stories, in a fixed order: the seed story, then Wikinews by name. */
function loadStories() {
  const seed = join(repo, 'fixtures/seed/china-asean-expo.txt')
  const wikiDir = join(repo, 'fixtures/clean-wikinews')
  const files = [
    seed,
    ...readdirSync(wikiDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(wikiDir, name))
  ]
  return files.map((file) => ({
    name: file.slice(repo.length + 1),
    text: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').trim() + '\n'
  }))
}

/** One story of at least 1 MiB: the fixtures, joined by blank lines, repeated. */
function bigStory(stories) {
  const round = stories.map((story) => story.text).join('\n')
  const parts = []
  let bytes = 0
  while (bytes < TARGET_BYTES) {
    parts.push(round)
    bytes += Buffer.byteLength(round) + 1
  }
  return parts.join('\n')
}

/** Many small stories, ~1 MiB in total: the fixtures, repeated as a list. */
function smallStories(stories) {
  const list = []
  let bytes = 0
  while (bytes < TARGET_BYTES) {
    for (const story of stories) {
      list.push(story.text)
      bytes += Buffer.byteLength(story.text)
    }
  }
  return list
}

function countWords(text) {
  return text.match(/\S+/g)?.length ?? 0
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Warm up once, then time `runs` runs; returns the median in milliseconds. */
async function time(fn, runs) {
  await fn()
  const times = []
  for (let i = 0; i < runs; i++) {
    if (globalThis.gc) globalThis.gc()
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return {medianMs: median(times), timesMs: times}
}

async function loadCopydesk() {
  const entry = join(repo, 'dist/src/index.js')
  if (!existsSync(entry)) {
    process.stderr.write('bench: dist/src/index.js not found; run `npm run build` (npx tsc -p .) first\n')
    process.exit(2)
  }
  const [copydesk, parseEnglish] = await Promise.all([import(pathToFileURL(entry).href), import('parse-english')])
  return {lint: copydesk.lint, loadKnowledge: copydesk.loadKnowledge, ParseEnglish: parseEnglish.ParseEnglish}
}

/** Child mode: lint one 1 MiB story, then report peak RSS as JSON on stdout. */
async function childMemory() {
  const {lint, loadKnowledge, ParseEnglish} = await loadCopydesk()
  const text = bigStory(loadStories())
  if (globalThis.gc) globalThis.gc()
  const baselineKb = process.resourceUsage().maxRSS
  const knowledge = loadKnowledge()
  // Touch the parser once so its module cost is in the baseline too.
  new ParseEnglish().parse('A short warm-up.')
  if (globalThis.gc) globalThis.gc()
  const beforeLintKb = process.resourceUsage().maxRSS
  const file = await lint(text, {path: 'story.txt', knowledge})
  const peakKb = process.resourceUsage().maxRSS
  process.stdout.write(
    JSON.stringify({
      bytes: Buffer.byteLength(text),
      messages: file.messages.length,
      baselineMaxRssKb: baselineKb,
      beforeLintMaxRssKb: beforeLintKb,
      maxRssKb: peakKb
    }) + '\n'
  )
}

function measureMemory() {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child-memory'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024
  })
  if (result.status !== 0) {
    return {error: `child exited with ${result.status ?? result.signal}: ${(result.stderr || '').trim()}`}
  }
  const line = result.stdout.trim().split('\n').pop()
  const data = JSON.parse(line)
  return {
    ...data,
    beforeLintMaxRssMb: data.beforeLintMaxRssKb / 1024,
    maxRssMb: data.maxRssKb / 1024
  }
}

function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits})
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.childMemory) return childMemory()

  const {lint, loadKnowledge, ParseEnglish} = await loadCopydesk()
  const stories = loadStories()
  const knowledge = loadKnowledge()

  // 1. One 1 MiB story.
  const big = bigStory(stories)
  const bigWords = countWords(big)
  let bigMessages = 0
  const bigBare = await time(() => {
    new ParseEnglish().parse(big)
  }, options.runs)
  const bigFull = await time(async () => {
    const file = await lint(big, {path: 'story.txt', knowledge})
    bigMessages = file.messages.length
  }, options.runs)

  // 2. Many small stories.
  const small = smallStories(stories)
  const smallWords = small.reduce((sum, text) => sum + countWords(text), 0)
  const smallBytes = small.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  let smallMessages = 0
  const smallBare = await time(() => {
    for (const text of small) new ParseEnglish().parse(text)
  }, options.runs)
  const smallFull = await time(async () => {
    let messages = 0
    for (const text of small) {
      const file = await lint(text, {path: 'story.txt', knowledge})
      messages += file.messages.length
    }
    smallMessages = messages
  }, options.runs)

  // 3. Peak memory in a fresh child.
  const memory = measureMemory()

  const wps = (words, ms) => words / (ms / 1000)
  const report = {
    node: process.version,
    runs: options.runs,
    input: {
      fixtures: stories.map((story) => story.name),
      bigStory: {bytes: Buffer.byteLength(big), words: bigWords},
      smallStories: {stories: small.length, bytes: smallBytes, words: smallWords}
    },
    bigStory: {
      bare: {medianMs: bigBare.medianMs, wordsPerSecond: wps(bigWords, bigBare.medianMs), timesMs: bigBare.timesMs},
      full: {medianMs: bigFull.medianMs, wordsPerSecond: wps(bigWords, bigFull.medianMs), timesMs: bigFull.timesMs},
      ratio: bigFull.medianMs / bigBare.medianMs,
      ratioTarget: RATIO_TARGET,
      messages: bigMessages
    },
    smallStories: {
      bare: {
        medianMs: smallBare.medianMs,
        wordsPerSecond: wps(smallWords, smallBare.medianMs),
        timesMs: smallBare.timesMs
      },
      full: {
        medianMs: smallFull.medianMs,
        wordsPerSecond: wps(smallWords, smallFull.medianMs),
        timesMs: smallFull.timesMs
      },
      ratio: smallFull.medianMs / smallBare.medianMs,
      ratioTarget: RATIO_TARGET,
      messages: smallMessages
    },
    memory: {...memory, targetMb: RSS_TARGET_MB}
  }

  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return
  }

  const rows = [
    ['workload', 'bare parse w/s', 'full lint w/s', 'full/bare', 'bare ms', 'full ms'],
    [
      `1 story, ${fmt(report.input.bigStory.bytes / 1024 / 1024, 2)} MiB`,
      fmt(report.bigStory.bare.wordsPerSecond),
      fmt(report.bigStory.full.wordsPerSecond),
      `${fmt(report.bigStory.ratio, 2)}x`,
      fmt(bigBare.medianMs, 1),
      fmt(bigFull.medianMs, 1)
    ],
    [
      `${small.length} stories, ${fmt(smallBytes / 1024 / 1024, 2)} MiB`,
      fmt(report.smallStories.bare.wordsPerSecond),
      fmt(report.smallStories.full.wordsPerSecond),
      `${fmt(report.smallStories.ratio, 2)}x`,
      fmt(smallBare.medianMs, 1),
      fmt(smallFull.medianMs, 1)
    ]
  ]
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  const line = (row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')
  const out = []
  out.push(`copydesk bench (node ${process.version}, median of ${options.runs} runs after 1 warm-up)`)
  out.push(
    `input: ${stories.length} fixture stories; 1 story = ${fmt(bigWords)} words; small = ${fmt(smallWords)} words`
  )
  out.push('')
  out.push(line(rows[0]))
  out.push(widths.map((w) => '-'.repeat(w)).join('  '))
  out.push(line(rows[1]))
  out.push(line(rows[2]))
  out.push('')
  out.push(`full/bare on the 1 MiB story: ${fmt(report.bigStory.ratio, 2)}x (target <= ${RATIO_TARGET}x)`)
  if (memory.error) {
    out.push(`peak RSS linting the 1 MiB story: unavailable (${memory.error})`)
  } else {
    out.push(
      `peak RSS linting the 1 MiB story: ${fmt(memory.maxRssMb, 1)} MB ` +
        `(before lint ${fmt(memory.beforeLintMaxRssMb, 1)} MB; target < ${RSS_TARGET_MB} MB)`
    )
  }
  out.push(`messages: 1 story ${fmt(bigMessages)}, small stories ${fmt(smallMessages)}`)
  process.stdout.write(out.join('\n') + '\n')
}

main().catch((error) => {
  process.stderr.write(`bench: ${error && error.stack ? error.stack : error}\n`)
  process.exitCode = 1
})
