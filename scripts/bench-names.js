#!/usr/bin/env node
// Benchmark of name-heavy copy: one story holding many different people
// (issue 12: name-mismatch compared every pair of distinct names).
//
// Usage (after `npm run build`):
//   node scripts/bench-names.js [--runs N] [--json]
//
// Input: synthetic sentences ("<Given> <Family> said ..."), each naming a
// different person built from made-up syllables with a fixed seed, so the run is
// deterministic and needs no corpus. Sizes: about 100 KB (2,000 names) and
// 1 MB (20,000 names); every tenth name is followed later by a variant of
// itself with its last vowel dropped, so the spelling check has near-misses to
// verify and messages to report.
// Each size is linted with every rule, and with name-mismatch off; the
// difference is the rule's cost. Time per megabyte should stay flat from
// 100 KB to 1 MB (near-linear). A benchmark, not a test: it exits 0.

import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {performance} from 'node:perf_hooks'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')

function parseArgs(argv) {
  const options = {runs: 3, json: false}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') options.json = true
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg === '--runs' ? argv[++i] : arg.slice('--runs='.length)
      const runs = Number(value)
      if (!Number.isInteger(runs) || runs < 1) {
        process.stderr.write(`bench-names: --runs needs a positive integer, got ${JSON.stringify(value)}\n`)
        process.exit(2)
      }
      options.runs = runs
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: node scripts/bench-names.js [--runs N] [--json]\n')
      process.exit(0)
    } else {
      process.stderr.write(`bench-names: unknown argument ${JSON.stringify(arg)}\n`)
      process.exit(2)
    }
  }
  return options
}

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'sh', 'tr', 'br', 'kl']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei']
const CODAS = ['', '', 'n', 'r', 'l', 's', 'ng', 'k']
const VERBS = [
  'said the port would reopen on Monday.',
  'told reporters the talks had stalled.',
  'said prices were expected to ease.',
  'added that the plan needed more work.'
]

function syllable(next) {
  const pick = (list) => list[Math.floor(next() * list.length)]
  return pick(ONSETS) + pick(VOWELS) + pick(CODAS)
}

function word(next, syllables) {
  let out = ''
  for (let i = 0; i < syllables; i++) out += syllable(next)
  return out[0].toUpperCase() + out.slice(1)
}

/** One story naming `count` different people, with a one-letter variant of every tenth. */
export function namesStory(count, seed = 12) {
  const next = random(seed)
  const seen = new Set()
  const sentences = []
  const variants = []
  while (seen.size < count) {
    const name = `${word(next, 2)} ${word(next, 2 + Math.floor(next() * 2))}`
    if (seen.has(name)) continue
    seen.add(name)
    sentences.push(`${name} ${VERBS[seen.size % VERBS.length]}`)
    if (seen.size % 10 === 0) variants.push(name.replace(/[aeiou](?=[^aeiou]*$)/, ''))
    // A variant comes back a little later, as in copy where a name is misspelt on second mention.
    if (variants.length > 0 && seen.size % 10 === 5) sentences.push(`${variants.shift()} said so too.`)
  }
  const paragraphs = []
  for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4).join(' '))
  return paragraphs.join('\n\n') + '\n'
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function time(fn, runs) {
  await fn()
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const entry = join(repo, 'dist/src/index.js')
  if (!existsSync(entry)) {
    process.stderr.write('bench-names: dist/src/index.js not found; run `npm run build` first\n')
    process.exit(2)
  }
  const {lint, loadKnowledge} = await import(pathToFileURL(entry).href)
  const knowledge = loadKnowledge()
  const results = []
  for (const count of [2000, 20000]) {
    const text = namesStory(count)
    const bytes = Buffer.byteLength(text)
    let messages = 0
    const all = await time(async () => {
      const file = await lint(text, {path: 'names.txt', knowledge, today: '2026-11-29'})
      messages = file.messages.filter((m) => m.ruleId === 'name-mismatch').length
    }, options.runs)
    const without = await time(async () => {
      await lint(text, {path: 'names.txt', knowledge, today: '2026-11-29', rules: {'name-mismatch': 'off'}})
    }, options.runs)
    results.push({
      names: count,
      bytes,
      allRulesMs: all,
      withoutNameMismatchMs: without,
      nameMismatchMs: all - without,
      msPerMbAll: all / (bytes / 1024 / 1024),
      nameMismatchMessages: messages
    })
  }
  if (options.json) {
    process.stdout.write(JSON.stringify({node: process.version, runs: options.runs, results}, null, 2) + '\n')
    return
  }
  const out = [`copydesk bench: names (node ${process.version}, median of ${options.runs} runs after 1 warm-up)`]
  for (const r of results) {
    out.push(
      `${r.names.toLocaleString('en-US')} names, ${(r.bytes / 1024).toFixed(0)} KB: all rules ${r.allRulesMs.toFixed(0)} ms, ` +
        `without name-mismatch ${r.withoutNameMismatchMs.toFixed(0)} ms (the rule: ${r.nameMismatchMs.toFixed(0)} ms); ` +
        `${r.msPerMbAll.toFixed(0)} ms per MB; ${r.nameMismatchMessages} name-mismatch messages`
    )
  }
  const [small, large] = results
  out.push(`time per MB, 1 MB against 100 KB: ${(large.msPerMbAll / small.msPerMbAll).toFixed(2)}x (flat = 1)`)
  process.stdout.write(out.join('\n') + '\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`bench-names: ${error && error.stack ? error.stack : error}\n`)
    process.exitCode = 1
  })
}
