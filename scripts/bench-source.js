#!/usr/bin/env node
// Speed of source-mismatch: a translation checked against its Chinese source, at growing
// sizes, to show the time grows linearly with the story (a benchmark, not a test: it
// asserts nothing and exits 0).
//
// Usage (after `npm run build`): node scripts/bench-source.js [--runs N]
//
// Input: fixtures/source/harbour.{zh,en}.txt (a story written for the repository), the
// story repeated 1, 10 and 100 times (about 1, 10 and 100 KB of English). For each size,
// the rule's own time (the story is linted once; then reading the Chinese and the check
// against that extraction are timed), once with paragraphs aligned one to one and once
// with the English paragraphs merged in pairs (sentences aligned). Each timing: one
// warm-up, then the median of N runs (default 5). On a shared machine read the ratios
// between sizes, not the absolute times.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {performance} from 'node:perf_hooks'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
let runs = 5
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs' && Number.isInteger(Number(args[i + 1])) && Number(args[i + 1]) > 0) runs = Number(args[++i])
  else {
    console.error(`bench-source: unknown argument \`${args[i]}\` (expected --runs N)`)
    process.exit(2)
  }
}
const entry = path.join(repo, 'dist', 'src', 'index.js')
if (!fs.existsSync(entry)) {
  console.error('bench-source: dist/src/index.js is missing; build first with `npm run build`')
  process.exit(2)
}
const {lint, loadKnowledge, ruleIds} = await import(pathToFileURL(entry).href)
const knowledge = loadKnowledge()
const zh = fs.readFileSync(path.join(repo, 'fixtures', 'source', 'harbour.zh.txt'), 'utf8').trim()
const en = fs.readFileSync(path.join(repo, 'fixtures', 'source', 'harbour.en.txt'), 'utf8').trim()
const onlySourceMismatch = Object.fromEntries(ruleIds.filter((id) => id !== 'source-mismatch').map((id) => [id, 'off']))

const internal = (file) => import(pathToFileURL(path.join(repo, 'dist', file)).href)
const {checkTranslation} = await internal('rules/source-mismatch/check.js')
const {readChinese} = await internal('src/zh/figures.js')
const {zhData} = await internal('src/zh/data.js')
const data = zhData()

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
/** The rule's own time: reading the Chinese, then the check against the extraction the lint made. */
async function time(english, source) {
  const file = await lint(english, {
    path: 'story.txt',
    knowledge,
    today: '2026-11-29',
    source,
    rules: onlySourceMismatch
  })
  const x = file.data.extraction
  const read = []
  const check = []
  for (let r = 0; r <= runs; r++) {
    let t = performance.now()
    const reading = readChinese(source, {referenceYear: 2026, data})
    const readTime = performance.now() - t
    t = performance.now()
    checkTranslation(x, source, reading, data)
    const checkTime = performance.now() - t
    if (r === 0) continue
    read.push(readTime)
    check.push(checkTime)
  }
  return {read: median(read), check: median(check), rule: median(read) + median(check)}
}

const mergePairs = (text) => {
  const paragraphs = text.split(/\n[ \t]*\n/)
  const out = []
  for (let i = 0; i < paragraphs.length; i += 2) out.push(paragraphs.slice(i, i + 2).join(' '))
  return out.join('\n\n')
}

console.log(`source-mismatch speed (median of ${runs} runs after a warm-up): reading the Chinese + checking`)
const rows = []
for (const copies of [1, 10, 100]) {
  const english = Array(copies).fill(en).join('\n\n')
  const source = Array(copies).fill(zh).join('\n\n')
  const kb = Buffer.byteLength(english) / 1024
  const paragraphs = await time(english, source)
  const sentences = await time(mergePairs(english), source)
  rows.push({kb, paragraphs, sentences})
  console.log(
    `  ${kb.toFixed(0).padStart(4)} KB English, ${(Buffer.byteLength(source) / 1024).toFixed(0)} KB Chinese: ` +
      `paragraphs aligned ${paragraphs.rule.toFixed(1)} ms (read ${paragraphs.read.toFixed(1)} + check ${paragraphs.check.toFixed(1)}), ` +
      `sentences aligned ${sentences.rule.toFixed(1)} ms (read ${sentences.read.toFixed(1)} + check ${sentences.check.toFixed(1)})`
  )
}
const first = rows[0]
const last = rows.at(-1)
const perKb = (row, mode) => row[mode].rule / row.kb
console.log(
  `  time per KB at ${last.kb.toFixed(0)} KB against ${first.kb.toFixed(0)} KB: paragraphs ${(perKb(last, 'paragraphs') / perKb(first, 'paragraphs')).toFixed(2)}x, sentences ${(perKb(last, 'sentences') / perKb(first, 'sentences')).toFixed(2)}x (1x = linear; below 1x, fixed costs amortised)`
)

// The reader of Chinese figures on hostile text: each unit of tests/data/hostile-chinese.json
// repeated to 50,000 and 200,000 characters; linear time keeps the time per character flat.
const {extractChineseFigures} = await internal('src/zh/figures.js')
const hostile = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'data', 'hostile-chinese.json'), 'utf8'))
const readTime = (text) => {
  const times = []
  for (let r = 0; r <= runs; r++) {
    const t = performance.now()
    extractChineseFigures(text)
    if (r > 0) times.push(performance.now() - t)
  }
  return median(times)
}
let small = 0
let large = 0
for (const unit of hostile) {
  small += readTime(unit.repeat(Math.ceil(50000 / unit.length)))
  large += readTime(unit.repeat(Math.ceil(200000 / unit.length)))
}
console.log(
  `reading hostile Chinese (${hostile.length} units, each repeated): ${small.toFixed(0)} ms at 50,000 characters each, ` +
    `${large.toFixed(0)} ms at 200,000: time per character ${(large / 4 / small).toFixed(2)}x (1x = linear)`
)
