#!/usr/bin/env node
// Start-up benchmark: the whole `copydesk` process on one short story (the seed
// story, with its ten warnings to report), against a fresh `node` process doing a
// bare retext-english parse (`new ParseEnglish().parse`) of the same file. Also
// timed, for reference: `node` doing nothing, and the command from its separate
// compiled modules (dist/src/cli/main.js) instead of its bundle (dist/bundle/).
//
// Usage (after `npm run build`): node scripts/bench-startup.js [--runs N] [--json]
//
// The commands take turns, round after round (so a change in the machine's load
// hits them alike), after two warm-up rounds; each figure is the median wall time
// of N runs (default 15), with the fastest run beside it. Target: copydesk at most
// 0.3 s where the bare parse takes 0.15 s, i.e. at most 2x the bare parse. On a
// loaded machine compare the ratios, not the times. This is a benchmark, not a test:
// it asserts nothing and exits 0.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const story = path.join('fixtures', 'seed', 'china-asean-expo.txt')
const RATIO_TARGET = 2
const SECONDS_TARGET = 0.3

const args = process.argv.slice(2)
const json = args.includes('--json')
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 15
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench-startup: --runs needs a positive integer, got ${JSON.stringify(args[runsAt + 1])}`)
  process.exit(2)
}
for (const built of ['dist/bundle/copydesk.cjs', 'dist/src/cli/main.js']) {
  if (!fs.existsSync(path.join(root, built))) {
    console.error(`bench-startup: ${built} not found; run \`npm run build\` first`)
    process.exit(2)
  }
}

const node = process.execPath
const commands = [
  {name: 'copydesk (bin/copydesk.js, bundle)', key: 'copydesk', argv: [node, 'bin/copydesk.js', story]},
  {
    name: 'bare retext-english parse',
    key: 'bare',
    argv: [
      node,
      '--input-type=module',
      '-e',
      "import fs from 'node:fs'; import {ParseEnglish} from 'parse-english'; " +
        'new ParseEnglish().parse(fs.readFileSync(process.argv[1], "utf8"))',
      story
    ]
  },
  {
    name: 'copydesk from its modules (no bundle)',
    key: 'modules',
    argv: [
      node,
      '--input-type=module',
      '-e',
      "import {main} from './dist/src/cli/main.js'; process.exitCode = await main(process.argv.slice(1))",
      story
    ]
  },
  {name: 'node doing nothing', key: 'node', argv: [node, '-e', '0']}
]

function once(command) {
  const start = performance.now()
  const result = spawnSync(command.argv[0], command.argv.slice(1), {cwd: root, encoding: 'utf8'})
  const ms = performance.now() - start
  if (result.status !== 0) {
    console.error(`bench-startup: ${command.name} exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`)
    process.exit(1)
  }
  return ms
}

const times = new Map(commands.map((command) => [command.key, []]))
for (let round = 0; round < runs + 2; round++) {
  for (const command of commands) {
    const ms = once(command)
    if (round >= 2) times.get(command.key).push(ms)
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const figures = Object.fromEntries(
  commands.map((command) => {
    const values = times.get(command.key)
    return [command.key, {name: command.name, medianMs: median(values), minMs: Math.min(...values), timesMs: values}]
  })
)
const ratio = figures.copydesk.medianMs / figures.bare.medianMs
const report = {
  node: process.version,
  story,
  runs,
  commands: figures,
  ratio,
  ratioWithoutBundle: figures.modules.medianMs / figures.bare.medianMs,
  target: {ratio: RATIO_TARGET, seconds: SECONDS_TARGET, bareSeconds: SECONDS_TARGET / RATIO_TARGET}
}

if (json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n')
} else {
  const out = [`copydesk start-up (node ${process.version}, ${story}, median of ${runs} runs in turns)`, '']
  const width = Math.max(...commands.map((command) => command.name.length))
  for (const command of commands) {
    const figure = figures[command.key]
    out.push(
      `${command.name.padEnd(width)}  ${figure.medianMs.toFixed(0).padStart(6)} ms  (fastest ${figure.minMs.toFixed(0)} ms)`
    )
  }
  out.push('')
  out.push(
    `copydesk / bare parse: ${ratio.toFixed(2)}x (target <= ${RATIO_TARGET}x: ${SECONDS_TARGET} s against ` +
      `${SECONDS_TARGET / RATIO_TARGET} s); without the bundle ${report.ratioWithoutBundle.toFixed(2)}x`
  )
  process.stdout.write(out.join('\n') + '\n')
}
