#!/usr/bin/env node
// Many separate stories, whole process: `copydesk <folder>` on 300 story files
// (about 190,000 words: the repository's fixture stories, the seed and the clean
// Wikinews copy, written out in turn), against a fresh `node` process that parses
// the same files with a bare retext-english parser (`new ParseEnglish().parse`),
// one after another. The command runs twice: in the main thread (`--jobs 0`) and
// as it runs by default (from 16 files on: worker threads, one per core, from 3 cores;
// below, the main thread) and with two worker threads (`--jobs 2`).
// Target (issue 11): the whole command at most 2.5x the bare parse.
//
// Usage (after `npm run build`): node scripts/bench-stories.js [--runs N] [--json]
//
// The three commands take turns, round after round (a change in the machine's load
// hits them alike), after one warm-up round; each figure is the median wall time of
// N runs (default 5) and the median CPU time (user + system, all threads) beside it.
// On a loaded machine compare the CPU times. A benchmark, not a test: it exits 0.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const STORIES = 300
const RATIO_TARGET = 2.5

const args = process.argv.slice(2)
const json = args.includes('--json')
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench-stories: --runs needs a positive integer, got ${JSON.stringify(args[runsAt + 1])}`)
  process.exit(2)
}
if (!fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('bench-stories: dist/ not found; run `npm run build` first')
  process.exit(2)
}

const sources = [
  path.join(root, 'fixtures', 'seed', 'china-asean-expo.txt'),
  ...fs
    .readdirSync(path.join(root, 'fixtures', 'clean-wikinews'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(root, 'fixtures', 'clean-wikinews', name))
]
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-stories-'))
let words = 0
for (let i = 0; i < STORIES; i++) {
  const text = fs.readFileSync(sources[i % sources.length], 'utf8')
  words += text.split(/\s+/).filter(Boolean).length
  fs.writeFileSync(path.join(folder, `story-${String(i).padStart(3, '0')}.txt`), text)
}

const node = process.execPath
const bare =
  "import fs from 'node:fs'; import path from 'node:path'; import {ParseEnglish} from 'parse-english'; " +
  'const dir = process.argv[1]; for (const name of fs.readdirSync(dir).sort()) ' +
  'new ParseEnglish().parse(fs.readFileSync(path.join(dir, name), "utf8"))'
const commands = [
  {
    key: 'bare',
    name: 'bare retext-english parse, one process',
    argv: [node, '--input-type=module', '-e', bare, folder]
  },
  {key: 'main', name: 'copydesk --jobs 0 (main thread)', argv: [node, 'bin/copydesk.js', '--jobs', '0', folder]},
  {key: 'default', name: 'copydesk (default)', argv: [node, 'bin/copydesk.js', folder]},
  {key: 'workers', name: 'copydesk --jobs 2 (worker threads)', argv: [node, 'bin/copydesk.js', '--jobs', '2', folder]}
]

function runOnce(argv) {
  const start = performance.now()
  const result = spawnSync(argv[0], [...argv.slice(1)], {cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  const wall = performance.now() - start
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${argv.slice(1).join(' ')} exited ${result.status ?? result.signal}: ${result.stderr}`)
  }
  return wall
}

/** CPU time of a child, all its threads: from /usr/bin/time when present, else not measured. */
function cpuOnce(argv) {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', ...argv], {cwd: root, encoding: 'utf8', maxBuffer: 64e6})
  if (result.error) return undefined
  const last = result.stderr.trim().split('\n').pop()
  const [user, system] = last.split(' ').map(Number)
  return Number.isFinite(user + system) ? (user + system) * 1000 : undefined
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const times = Object.fromEntries(commands.map((c) => [c.key, {wall: [], cpu: []}]))
try {
  for (const command of commands) runOnce(command.argv)
  for (let round = 0; round < runs; round++) {
    for (const command of commands) {
      times[command.key].wall.push(runOnce(command.argv))
      times[command.key].cpu.push(cpuOnce(command.argv))
    }
  }
} finally {
  fs.rmSync(folder, {recursive: true, force: true})
}

const result = {stories: STORIES, words, runs, ratioTarget: RATIO_TARGET, commands: {}}
for (const command of commands) {
  result.commands[command.key] = {
    name: command.name,
    wallMs: median(times[command.key].wall),
    cpuMs: median(times[command.key].cpu)
  }
}
for (const key of ['main', 'default', 'workers']) {
  const entry = result.commands[key]
  entry.wallRatio = entry.wallMs / result.commands.bare.wallMs
  if (entry.cpuMs !== undefined) entry.cpuRatio = entry.cpuMs / result.commands.bare.cpuMs
}

if (json) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const fmt = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`)
  console.log(
    `copydesk on ${STORIES} separate stories (${words.toLocaleString('en-US')} words), whole process, ` +
      `median of ${runs} runs, ${os.availableParallelism?.() ?? os.cpus().length} cores`
  )
  for (const command of commands) {
    const entry = result.commands[command.key]
    const ratio =
      command.key === 'bare'
        ? ''
        : `  wall ${entry.wallRatio.toFixed(2)}x` + (entry.cpuRatio ? `, cpu ${entry.cpuRatio.toFixed(2)}x` : '')
    console.log(`  ${command.name.padEnd(40)} wall ${fmt(entry.wallMs)}, cpu ${fmt(entry.cpuMs)}${ratio}`)
  }
  console.log(`target: the command at most ${RATIO_TARGET}x the bare parse`)
}
