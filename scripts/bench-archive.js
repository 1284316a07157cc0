#!/usr/bin/env node
// Archive benchmark, in three parts (each run is the command itself, bin/copydesk.js, in a
// child process, timed from start to exit):
//
// 1. Memory on a large archive: N stories (default 100,000, built from the fixtures in a
//    temporary folder; the time to write them is printed) linted with `--report jsonl` on
//    every core, the lines written to a file: peak memory of the whole process (workers
//    included), stories per second, and a check that every story got its line.
// 2. Throughput on 2,000 stories (`--throughput N`) with 1 worker, 2 workers and one per
//    core (`--report jsonl`), and the main thread: `--jobs 0` with jsonl (one file at a
//    time) and with json (the main thread, one file at a time). From the all-core rate,
//    the time a million stories would take on 1 to 64 machines like this one.
// 3. One story of 10 KB, 100 KB, 1 MB and 10 MB, to show that time grows linearly with size.
//
// `--stories N`, `--throughput N`, `--json`. Timings on a loaded machine are noisy; the
// ratios within one run are what to compare.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : Number(args[index + 1]) || fallback
}
const archiveCount = option('--stories', 100_000)
// Whole folders of 1,000.
const throughputCount = Math.min(Math.ceil(option('--throughput', 2000) / 1000) * 1000, archiveCount)
const json = args.includes('--json')
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length

if (!fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('build copydesk first: npm run build')
  process.exit(2)
}

const sources = [path.join(root, 'fixtures', 'seed', 'china-asean-expo.txt')]
for (const name of fs.readdirSync(path.join(root, 'fixtures', 'clean-wikinews')).sort()) {
  if (name.endsWith('.txt')) sources.push(path.join(root, 'fixtures', 'clean-wikinews', name))
}
const texts = sources.map((f) => fs.readFileSync(f, 'utf8'))
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-archive-'))
const log = (line) => {
  if (!json) console.log(line)
}

// Stories in folders of 1,000, as an archive by day would hold them.
const generateStart = performance.now()
let bytes = 0
let throughputBytes = 0
for (let i = 0; i < archiveCount; i++) {
  const text = texts[i % texts.length]
  const size = Buffer.byteLength(text)
  bytes += size
  if (i < throughputCount) throughputBytes += size
  const sub = path.join(dir, 'archive', String(Math.floor(i / 1000)).padStart(4, '0'))
  if (i % 1000 === 0) fs.mkdirSync(sub, {recursive: true})
  fs.writeFileSync(path.join(sub, `story-${i}.txt`), text)
}
const generateSeconds = (performance.now() - generateStart) / 1000
// The throughput set: the first stories, as a list of their folders' files.
const throughputFolders = Array.from({length: Math.ceil(throughputCount / 1000)}, (_, n) =>
  path.join('archive', String(n).padStart(4, '0'))
)
log(
  `copydesk archive bench: ${cores} cores; ${archiveCount.toLocaleString('en-US')} stories (${(bytes / 1e6).toFixed(1)} MB) written to a temporary folder in ${generateSeconds.toFixed(1)} s`
)

// Run the command as a user runs it (bin/copydesk.js, the bundle when built) in a child
// that reports its own peak memory (worker threads included) when it exits; the report
// goes to \`out\` (a file, as a CI shard writes it) or nowhere.
function runCli(cliArgs, out) {
  const bin = pathToFileURL(path.join(root, 'bin', 'copydesk.js')).href
  const code = `process.on('exit', () => process.stderr.write(JSON.stringify({maxRssKb: process.resourceUsage().maxRSS})))
    process.argv.splice(1, 0, 'copydesk')
    import(${JSON.stringify(bin)})`
  const output = out ? fs.openSync(out, 'w') : 'ignore'
  const start = performance.now()
  const result = spawnSync(process.execPath, ['-e', code, '--', ...cliArgs], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', output, 'pipe'],
    maxBuffer: 1 << 26
  })
  const ms = performance.now() - start
  if (out) fs.closeSync(output)
  const reported = JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('{')))
  if (result.status !== 0) throw new Error(`copydesk ${cliArgs.join(' ')} exited ${result.status}: ${result.stderr}`)
  return {ms, maxRssKb: reported.maxRssKb}
}

function figures(run, count) {
  return {
    seconds: Number((run.ms / 1000).toFixed(2)),
    storiesPerSecond: Math.round(count / (run.ms / 1000)),
    peakMb: Math.round(run.maxRssKb / 1024)
  }
}

// 1. The large archive, streamed.
const linesFile = path.join(dir, 'report.jsonl')
const large = figures(runCli(['--jobs', String(cores), '--report', 'jsonl', 'archive'], linesFile), archiveCount)
let lines = 0
const content = fs.readFileSync(linesFile)
for (let i = 0; i < content.length; i++) if (content[i] === 10) lines++
if (lines !== archiveCount) throw new Error(`expected ${archiveCount} lines in the report, got ${lines}`)
log(
  `  --report jsonl, ${archiveCount.toLocaleString('en-US')} stories, --jobs ${cores}: ${large.seconds} s, ${large.storiesPerSecond} stories/s, peak ${large.peakMb} MB (one line per story: checked)`
)

// 2. Throughput on the first stories.
const jobsList = [...new Set([1, 2, cores])]
const throughput = {}
for (const jobs of jobsList) {
  throughput[`jobs${jobs}`] = figures(
    runCli(['--jobs', String(jobs), '--report', 'jsonl', ...throughputFolders]),
    throughputCount
  )
}
const mainJsonl = figures(runCli(['--jobs', '0', '--report', 'jsonl', ...throughputFolders]), throughputCount)
const mainJson = figures(runCli(['--jobs', '0', '--quiet', '--report', 'json', ...throughputFolders]), throughputCount)
log(
  `throughput, ${throughputCount.toLocaleString('en-US')} stories (${(throughputBytes / 1e6).toFixed(1)} MB), --report jsonl:`
)
for (const jobs of jobsList) {
  const run = throughput[`jobs${jobs}`]
  log(
    `  --jobs ${jobs}${jobs === cores ? ' (every core)' : ''}: ${run.seconds} s, ${run.storiesPerSecond} stories/s, peak ${run.peakMb} MB`
  )
}
log(
  `  --jobs 0 (main thread, one file at a time): ${mainJsonl.seconds} s, ${mainJsonl.storiesPerSecond} stories/s, peak ${mainJsonl.peakMb} MB`
)
log(
  `  --jobs 0 --report json (main thread, messages held): ${mainJson.seconds} s, ${mainJson.storiesPerSecond} stories/s, peak ${mainJson.peakMb} MB`
)
const one = throughput.jobs1
const all = throughput[`jobs${cores}`]
const speedUp = Number((one.seconds / all.seconds).toFixed(2))
log(`  speed-up ${speedUp}x from 1 worker to ${cores}`)

// A million stories on n machines like this one, each a shard at the all-core rate of the
// large run (start-up and checkout are not counted).
const rate = large.storiesPerSecond
const projection = [1, 4, 16, 64].map((machines) => ({
  machines,
  minutes: Number((1e6 / (rate * machines) / 60).toFixed(1))
}))
log(
  `a million stories at ${rate} stories/s per machine: ` +
    projection.map((p) => `${p.machines} machine${p.machines === 1 ? '' : 's'} ${p.minutes} min`).join(', ')
)

// 3. Scaling: one story of growing size, linted in this process.
const {lint, loadKnowledge} = await import(path.join(root, 'dist', 'src', 'index.js'))
const knowledge = loadKnowledge()
const corpus = texts.join('\n\n')
const scaling = []
for (const size of [10e3, 100e3, 1e6, 10e6]) {
  let text = ''
  while (text.length < size) text += corpus + '\n\n'
  text = text.slice(0, size)
  const runs = size >= 1e6 ? 1 : 5
  const times = []
  for (let r = 0; r < runs; r++) {
    const start = performance.now()
    await lint(text, {knowledge, path: 'story.txt'})
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const ms = times[Math.floor(times.length / 2)]
  scaling.push({bytes: size, ms: Number(ms.toFixed(1)), msPerMb: Number((ms / (size / 1e6)).toFixed(0))})
}
fs.rmSync(dir, {recursive: true, force: true})

log('one story of growing size:')
for (const s of scaling)
  log(
    `  ${String(s.bytes / 1e3).padStart(6)} KB  ${String(s.ms).padStart(9)} ms  ${String(s.msPerMb).padStart(6)} ms/MB`
  )

if (json) {
  console.log(
    JSON.stringify(
      {
        cores,
        archive: {
          stories: archiveCount,
          megabytes: Number((bytes / 1e6).toFixed(1)),
          generateSeconds: Number(generateSeconds.toFixed(1)),
          ...large
        },
        throughput: {stories: throughputCount, ...throughput, mainJsonl, mainJson, speedUp},
        millionStories: projection,
        scaling
      },
      null,
      2
    )
  )
}
