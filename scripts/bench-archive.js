#!/usr/bin/env node
// Archive benchmark: N stories (built from the fixtures) linted by the command line
// with one worker and with one per core: stories per second, speed-up and peak
// memory. Then a scaling table: one story of 10 KB, 100 KB, 1 MB and 10 MB, to show
// that time grows linearly with size. `--stories N` (default 2000), `--json`.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const count = Number(args[args.indexOf('--stories') + 1]) || 2000
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
let bytes = 0
for (let i = 0; i < count; i++) {
  const text = texts[i % texts.length]
  bytes += Buffer.byteLength(text)
  const sub = path.join(dir, 'stories', String(Math.floor(i / 1000)))
  fs.mkdirSync(sub, {recursive: true})
  fs.writeFileSync(path.join(sub, `story-${i}.txt`), text)
}

// Run the CLI in a child that reports its own peak memory (workers included).
function runCli(cliArgs) {
  const code = `import(${JSON.stringify(path.join(root, 'dist', 'src', 'cli', 'main.js'))}).then(async (m) => {
    const {Writable} = await import('node:stream')
    const sink = new Writable({write(_c, _e, cb) { cb() }})
    const start = performance.now()
    const status = await m.main(${JSON.stringify(cliArgs)}, {stdin: process.stdin, stdout: sink, stderr: sink, cwd: ${JSON.stringify(dir)}})
    process.stderr.write(JSON.stringify({status, ms: performance.now() - start, maxRssKb: process.resourceUsage().maxRSS}))
  })`
  const result = spawnSync(process.execPath, ['-e', code], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']})
  return JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('{')))
}

const main = runCli(['--jobs', '0', '--quiet', '--report', 'json', 'stories'])
const one = runCli(['--jobs', '1', '--quiet', '--report', 'json', 'stories'])
const all = runCli(['--jobs', String(cores), '--quiet', '--report', 'json', 'stories'])

// Scaling: one story of growing size, linted in this process.
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

const result = {
  stories: count,
  megabytes: Number((bytes / 1e6).toFixed(1)),
  cores,
  mainThread: {
    seconds: Number((main.ms / 1000).toFixed(2)),
    storiesPerSecond: Math.round(count / (main.ms / 1000)),
    peakMb: Math.round(main.maxRssKb / 1024)
  },
  oneWorker: {
    seconds: Number((one.ms / 1000).toFixed(2)),
    storiesPerSecond: Math.round(count / (one.ms / 1000)),
    peakMb: Math.round(one.maxRssKb / 1024)
  },
  allWorkers: {
    seconds: Number((all.ms / 1000).toFixed(2)),
    storiesPerSecond: Math.round(count / (all.ms / 1000)),
    peakMb: Math.round(all.maxRssKb / 1024)
  },
  speedUp: Number((one.ms / all.ms).toFixed(2)),
  scaling
}
if (json) console.log(JSON.stringify(result, null, 2))
else {
  console.log(`copydesk archive bench: ${count} stories, ${result.megabytes} MB, ${cores} cores`)
  console.log(
    `  --jobs 0 (main thread, unified-engine): ${result.mainThread.seconds} s, ${result.mainThread.storiesPerSecond} stories/s, peak ${result.mainThread.peakMb} MB`
  )
  console.log(
    `  --jobs 1: ${result.oneWorker.seconds} s, ${result.oneWorker.storiesPerSecond} stories/s, peak ${result.oneWorker.peakMb} MB`
  )
  console.log(
    `  --jobs ${cores}: ${result.allWorkers.seconds} s, ${result.allWorkers.storiesPerSecond} stories/s, peak ${result.allWorkers.peakMb} MB`
  )
  console.log(`  speed-up ${result.speedUp}x from 1 worker to ${cores}`)
  console.log('one story of growing size:')
  for (const s of scaling)
    console.log(
      `  ${String(s.bytes / 1e3).padStart(6)} KB  ${String(s.ms).padStart(9)} ms  ${String(s.msPerMb).padStart(6)} ms/MB`
    )
}
