#!/usr/bin/env node
// How the reports grow with the number of messages (issue 12): time to format
// N messages in one story, and the same N spread over many stories, for each
// reporter; then the command line on the two inputs whose one message quotes
// 400 KB. Linear means the time per 1,000 messages stays flat as N doubles.
//
// Usage (after `npm run build`): node scripts/bench-report.js [--runs N]
// This is a benchmark, not a test: it asserts nothing and exits 0.

import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {VFile} from 'vfile'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {formatReport, REPORTERS} = await import(pathToFileURL(path.join(repo, 'dist/src/cli/reporters/index.js')).href)

const runsIndex = process.argv.indexOf('--runs')
const RUNS = runsIndex === -1 ? 3 : Number(process.argv[runsIndex + 1])
const SIZES = [10_000, 20_000, 40_000, 80_000]

/** `perFile` placeholder warnings in each of `total / perFile` stories, as garbled-numeral reports them. */
function files(total, perFile) {
  const result = []
  for (let start = 0; start < total; start += perFile) {
    const file = new VFile({path: `story-${String(result.length).padStart(5, '0')}.txt`, value: ''})
    for (let n = 0; n < Math.min(perFile, total - start); n++) {
      const column = 15 + 2 * n
      const message = file.message('Unexpected placeholder `<>` where a figure should be', {
        place: {start: {line: 1, column, offset: column - 1}, end: {line: 1, column: column + 2, offset: column + 1}},
        ruleId: 'garbled-numeral',
        source: 'copydesk'
      })
      message.fatal = false
      message.actual = '<>'
      message.note = 'A placeholder stands where the figure should be. Restore it from the source.'
    }
    result.push(file)
  }
  return result
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function time(report, input) {
  const times = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    formatReport(report, input, {cwd: repo})
    times.push(performance.now() - start)
  }
  return median(times)
}

console.log(`copydesk report benchmark: median of ${RUNS} runs, ms per 1,000 messages (total ms)`)
for (const [label, perFile] of [
  ['one story', Infinity],
  ['stories of 100', 100]
]) {
  console.log(`\n${label}:`)
  console.log(['messages', ...REPORTERS].map((cell) => cell.padStart(16)).join(''))
  for (const size of SIZES) {
    const input = files(size, Math.min(perFile, size))
    const cells = REPORTERS.map((report) => {
      let ms
      try {
        ms = time(report, input)
      } catch (error) {
        return error.name
      }
      return `${((ms / size) * 1000).toFixed(1)} (${Math.round(ms)})`
    })
    console.log([size.toLocaleString('en-US'), ...cells].map((cell) => cell.padStart(16)).join(''))
  }
}

// The command line on one message quoting 400 KB (`actual` keeps the span).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-report-'))
try {
  console.log('\ncommand line, pretty report, one long quotation:')
  for (const [name, unit] of [
    ['"1," x 200,000', '1,'],
    ['"<>." x 200,000', '<>.']
  ]) {
    const file = path.join(tmp, 'story.txt')
    fs.writeFileSync(file, unit.repeat(200_000))
    const start = performance.now()
    const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'copydesk.js'), file], {encoding: 'utf8'})
    const ms = performance.now() - start
    console.log(`  ${name}: ${Math.round(ms)} ms, exit ${result.status}, report of ${result.stdout.length} characters`)
  }
} finally {
  fs.rmSync(tmp, {recursive: true, force: true})
}
