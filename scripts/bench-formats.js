#!/usr/bin/env node
// Time per megabyte of a full `lint`, per format and line-break style, and its
// ratio to the same text as blank-line separated plain text.
//
// Usage (after `npm run build`):
//   node scripts/bench-formats.js [--sizes 0.1,1,10] [--runs N] [--corpus DIR] [--inputs fixtures,wire,corpus,escapes,brackets] [--json]
//
// Inputs (each cut into paragraphs, then repeated to each size):
//   fixtures  the seed story and fixtures/clean-wikinews/*.txt (in this repository);
//   wire      one wire-style sentence dense in figures and names, written for this
//             benchmark, repeated two to a paragraph;
//   corpus    with --corpus DIR, every .txt file under DIR (sorted), e.g. a folder of
//             real copy that must not be copied into the repository;
//   escapes   one Markdown line of escapes and character references (`\\*a\\_ &amp; `
//             repeated), at each size up to 1 MB only: micromark is quadratic in them
//             within a paragraph, so its ms per MB, and x its smallest size's, show
//             whether the bound on them holds (flat, 1x);
//   brackets  the same with one Markdown line of `[a] ` (micromark walks back to the
//             last `[` at each `]`).
// The same paragraphs are written in every shape: plain text with blank lines,
// single line breaks and CR LF; Markdown with blank lines, single line breaks
// (one long paragraph per 2,000 lines), CR LF, and marked up (emphasis in every
// other paragraph, a link in every third); HTML with <p>. Characters that
// are markup in Markdown or HTML are replaced by spaces in every shape, so each
// shape holds the same prose. Shapes are timed round-robin within each run, each
// run starting the round at the next shape, and plain text just before each of
// them: a shape's ratio is the median, over the runs, of its time over that plain
// text's (a change in the machine's load falls on both). A timing is a lint of
// the shape at 0.1 MB (untimed), a full garbage collection and a wait until the
// process is idle (no shape pays for another's garbage), then lints of the shape
// back to back, at least a megabyte of them (see timeShape); each time shown is
// the median of the runs (one warm-up first). Times are the process's CPU time
// (user and system), not the wall clock: on a machine shared with other work the
// wall clock mostly measures the others. This is a benchmark: it asserts nothing.
// With --isolated, each timing is made in a process of its own, warmed up on its
// shape (about 2 MB of it): no shape shares compiled code or a heap with another.
// The pairs and turns are the same. Slower (a process per timing), and steadier:
// on a shared machine, shapes that do the same work (plain text with single or
// double line breaks) measured within a tenth of each other this way, but up to a
// third apart in one process, whose compiled code differs from run to run.
// The target: every shape within 1.5x of plain text, and ms per MB flat as the
// size grows (one-line inputs: within 1.5x of their smallest size).

import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {spawnSync} from 'node:child_process'
import v8 from 'node:v8'
import vm from 'node:vm'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '..')
const MB = 1024 * 1024
const RATIO_TARGET = 1.5

function fail(message) {
  process.stderr.write(`bench-formats: ${message}\n`)
  process.exit(2)
}

function parseArgs(argv) {
  const options = {
    sizes: [0.1, 1, 10],
    runs: 3,
    corpus: undefined,
    only: undefined,
    json: false,
    isolated: false,
    measureOne: undefined
  }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]
    const value = () => inline ?? argv[++index] ?? fail(`${name} needs a value`)
    if (name === '--json') options.json = true
    else if (name === '--isolated') options.isolated = true
    else if (name === '--measure-one') options.measureOne = JSON.parse(value())
    else if (name === '--sizes') {
      const raw = value()
      options.sizes = raw.split(',').map(Number)
      if (options.sizes.some((size) => !(size > 0) || size > 16)) fail(`--sizes needs MB values in (0, 16], got ${raw}`)
    } else if (name === '--runs') {
      const raw = value()
      options.runs = Number(raw)
      if (!Number.isInteger(options.runs) || options.runs < 1) fail(`--runs needs a positive integer, got ${raw}`)
    } else if (name === '--corpus') {
      options.corpus = value()
      if (!existsSync(options.corpus) || !statSync(options.corpus).isDirectory()) fail(`no folder ${options.corpus}`)
    } else if (name === '--inputs') {
      options.only = value().split(',')
    } else if (name === '--help' || name === '-h') {
      process.stdout.write(
        'Usage: node scripts/bench-formats.js [--sizes 0.1,1,10] [--runs N] [--corpus DIR] [--inputs fixtures,wire,corpus,escapes,brackets] [--isolated] [--json]\n'
      )
      process.exit(0)
    } else fail(`unknown argument ${JSON.stringify(arg)}`)
  }
  return options
}

/** Paragraphs of a text: blank-line separated, each on one line, markup characters replaced by spaces. */
function paragraphsOf(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .replace(/[*_`<>[\]#\\&|~=+]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .filter((block) => block !== '' && !/^[-\d]/.test(block))
}

function filesUnder(folder) {
  const found = []
  for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...filesUnder(path))
    else if (entry.name.endsWith('.txt')) found.push(path)
  }
  return found
}

const WIRE =
  'Northwind Freight said on Thursday that its revenue rose 12.4% to $3.85 billion in the third quarter, ' +
  'and chief executive Imelda Santoro told 2,300 staff in Rotterdam that 450 jobs would go by 2027.'

function inputs(corpus) {
  const fixtureFiles = [
    join(repo, 'fixtures/seed/china-asean-expo.txt'),
    ...filesUnder(join(repo, 'fixtures/clean-wikinews'))
  ]
  const result = {
    fixtures: fixtureFiles.flatMap((file) => paragraphsOf(readFileSync(file, 'utf8'))),
    wire: [`${WIRE} ${WIRE}`]
  }
  if (corpus) {
    const paragraphs = filesUnder(corpus).flatMap((file) => paragraphsOf(readFileSync(file, 'utf8')))
    if (paragraphs.length === 0) fail(`no .txt copy under ${corpus}`)
    result.corpus = paragraphs
  }
  return result
}

/** Paragraphs repeated to `bytes` characters (about). */
function fill(paragraphs, bytes) {
  const blocks = []
  let size = 0
  for (let index = 0; size < bytes; index++) {
    const block = paragraphs[index % paragraphs.length]
    blocks.push(block)
    size += block.length + 2
  }
  return blocks
}

/** Markdown lines with single breaks: a blank line every 2,000 lines (a paragraph is not the whole file). */
function singleBreaks(blocks, newline) {
  const lines = []
  for (let index = 0; index < blocks.length; index++) {
    lines.push(blocks[index])
    if (index % 2000 === 1999) lines.push('')
  }
  return lines.join(newline)
}

/** Markdown as a newsroom writes it: emphasis in every other paragraph, a link in every third (same prose). */
function markedUp(blocks) {
  return blocks
    .map((block, index) => {
      let text = index % 2 === 0 ? block.replace(/^(\S+)/, '*$1*') : block
      if (index % 3 === 0) text = text.replace(/ (\w+)([.!?"']*)$/, ' [$1](https://example.com/story)$2')
      return text
    })
    .join('\n\n')
}

/** One-line Markdown inputs, each a unit repeated: what micromark is quadratic in within a paragraph. */
const ONE_LINE = {escapes: '\\*a\\_ &amp; ', brackets: '[a] '}
/** Largest size of a one-line input, in MB. */
const ONE_LINE_MAX = 1

const SHAPES = {
  'text, blank lines': ['story.txt', (blocks) => blocks.join('\n\n') + '\n'],
  'text, single breaks': ['story.txt', (blocks) => blocks.join('\n') + '\n'],
  'text, CR LF blank lines': ['story.txt', (blocks) => blocks.join('\r\n\r\n') + '\r\n'],
  'text, CR LF single breaks': ['story.txt', (blocks) => blocks.join('\r\n') + '\r\n'],
  'Markdown, blank lines': ['story.md', (blocks) => blocks.join('\n\n') + '\n'],
  'Markdown, single breaks': ['story.md', (blocks) => singleBreaks(blocks, '\n') + '\n'],
  'Markdown, CR LF': ['story.md', (blocks) => blocks.join('\r\n\r\n') + '\r\n'],
  'Markdown, marked up': ['story.md', (blocks) => markedUp(blocks) + '\n'],
  'HTML, <p>': ['story.html', (blocks) => `<!doctype html>\n<body>\n<p>${blocks.join('</p>\n<p>')}</p>\n</body>\n`]
}
const BASELINE = 'text, blank lines'
/** Size of the lint of a shape before its timing (MB). */
const WARM = 0.1

/**
 * How each shape is timed, as a run over stories of one format goes: one lint of
 * the shape at 0.1 MB first (its code compiled, whatever the shape before it left
 * in the heap made garbage), a full collection, then a wait until the process is
 * idle (after `gc()` V8 sweeps the freed pages, and compiles, on other threads, and
 * the process's CPU time would charge that to the lints after it: an HTML story of
 * 0.1 MB measured twice its steady-state time), then lints of the text back to back,
 * at least a megabyte of them, their own collections included. A timing of one
 * 0.1 MB lint (about 40 ms) swung by half between runs of this script on a shared
 * machine; a last-resort collection before each lint settled the sweeping but also
 * dropped the compiled code the other shapes had not run (micromark's, parse5's),
 * which Markdown and HTML then compiled again at every 0.1 MB lint.
 * `gc` is exposed here, not by a flag the npm script would have to pass.
 */
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')
/** Wait (at most a second) until 50 ms pass with under 2 ms of the process's CPU time. */
async function settle() {
  for (let tries = 0; tries < 20; tries++) {
    const before = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const used = process.cpuUsage(before)
    if (used.user + used.system < 2000) return
  }
}

/** CPU ms per lint of `text`, and its messages: see above. `warm` is the shape at 0.1 MB. */
async function timeShape(lint, lintOptions, path, text, warm) {
  await lint(warm, lintOptions(path))
  gc({type: 'major', execution: 'sync'})
  await settle()
  const count = Math.max(1, Math.round(MB / text.length))
  const started = process.cpuUsage()
  let file
  for (let index = 0; index < count; index++) file = await lint(text, lintOptions(path))
  const used = process.cpuUsage(started)
  return {ms: (used.user + used.system) / 1000 / count, messages: file.messages.length}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const entry = join(repo, 'dist/src/index.js')
  if (!existsSync(entry)) fail('dist/src/index.js not found; run `npm run build` first')
  const {lint, loadKnowledge} = await import(pathToFileURL(entry).href)
  const knowledge = loadKnowledge()
  const lintOptions = (path) => ({path, knowledge, date: '2024-01-01'})

  if (options.measureOne) {
    // A child of --isolated: one shape, warmed up on itself, then timed.
    const {input, size, shape, runs, corpus} = options.measureOne
    const [path, write] = SHAPES[shape]
    const paragraphs = inputs(corpus)[input]
    const text = write(fill(paragraphs, size * MB))
    const warm = write(fill(paragraphs, WARM * MB))
    // Warm-up on about 2 MB of the shape: a small input alone would time the compiler.
    for (let round = Math.ceil(2 / WARM); round > 0; round--) await lint(warm, lintOptions(path))
    const times = []
    let messages = 0
    for (let run = 0; run < runs; run++) {
      const timed = await timeShape(lint, lintOptions, path, text, warm)
      times.push(timed.ms)
      messages = timed.messages
    }
    process.stdout.write(JSON.stringify({times, messages}) + '\n')
    return
  }

  // Warm up every format's code once.
  for (const [path, write] of Object.values(SHAPES)) await lint(write(fill([WIRE], 20_000)), lintOptions(path))

  const report = {node: process.version, runs: options.runs, ratioTarget: RATIO_TARGET, inputs: {}}
  for (const [input, paragraphs] of Object.entries(inputs(options.corpus))) {
    if (options.only && !options.only.includes(input)) continue
    const bySize = []
    for (const size of options.sizes) {
      const blocks = fill(paragraphs, size * MB)
      const warmBlocks = fill(paragraphs, WARM * MB)
      const texts = Object.entries(SHAPES).map(([shape, [path, write]]) => ({
        shape,
        path,
        text: write(blocks),
        warm: write(warmBlocks)
      }))
      const times = new Map(texts.map(({shape}) => [shape, []]))
      const ratios = new Map(texts.map(({shape}) => [shape, []]))
      const messages = new Map()
      // Ten megabytes take long enough that one run says what a median would.
      const runs = size >= 4 ? 1 : options.runs
      /** One timing of a shape: in this process, or (--isolated) in a process of its own warmed up on it. */
      const timeOne = async ({shape, path, text, warm}) => {
        if (!options.isolated) return timeShape(lint, lintOptions, path, text, warm)
        const one = {input, size, shape, runs: 1, corpus: options.corpus}
        const child = spawnSync(
          process.execPath,
          [fileURLToPath(import.meta.url), '--measure-one', JSON.stringify(one)],
          {
            encoding: 'utf8',
            maxBuffer: 16 * MB
          }
        )
        if (child.status !== 0) fail(`${shape} at ${size} MB: ${child.stderr.trim()}`)
        const result = JSON.parse(child.stdout)
        return {ms: result.times[0], messages: result.messages}
      }
      const [baseline, ...others] = texts
      for (let run = 0; run < runs; run++) {
        // Each run starts the round at another shape: none is always first after the warm-up.
        for (let turn = 0; turn < others.length; turn++) {
          const entry = others[(turn + run) % others.length]
          // Plain text timed just before each shape: a change in the machine's load falls on both.
          const plain = await timeOne(baseline)
          const timed = await timeOne(entry)
          times.get(baseline.shape).push(plain.ms)
          times.get(entry.shape).push(timed.ms)
          ratios.get(entry.shape).push(timed.ms / (entry.text.length / MB) / (plain.ms / (baseline.text.length / MB)))
          messages.set(baseline.shape, plain.messages)
          messages.set(entry.shape, timed.messages)
        }
      }
      bySize.push({
        megabytes: size,
        shapes: texts.map(({shape, text}) => {
          const msPerMb = median(times.get(shape)) / (text.length / MB)
          const ratio = shape === BASELINE ? 1 : median(ratios.get(shape))
          return {shape, characters: text.length, msPerMb, ratio, messages: messages.get(shape)}
        })
      })
      if (!options.json) process.stderr.write(`  ${input} ${size} MB done\n`)
    }
    report.inputs[input] = bySize
  }

  for (const [input, unit] of Object.entries(ONE_LINE)) {
    if (options.only && !options.only.includes(input)) continue
    const sizes = options.sizes.filter((size) => size <= ONE_LINE_MAX)
    if (sizes.length === 0) sizes.push(0.1, ONE_LINE_MAX)
    const texts = sizes.map((size) => unit.repeat(Math.ceil((size * MB) / unit.length)) + '\n')
    const times = texts.map(() => [])
    for (let run = 0; run < options.runs; run++) {
      for (const [index, text] of texts.entries()) {
        times[index].push((await timeShape(lint, lintOptions, 'story.md', text, texts[0])).ms)
      }
    }
    const perMb = texts.map((text, index) => median(times[index]) / (text.length / MB))
    report.oneLine = report.oneLine ?? {}
    report.oneLine[input] = sizes.map((megabytes, index) => ({
      megabytes,
      characters: texts[index].length,
      msPerMb: perMb[index],
      ratio: perMb[index] / perMb[0]
    }))
    if (!options.json) process.stderr.write(`  ${input} done\n`)
  }

  if (options.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n')
    return
  }
  const out = [
    `copydesk bench-formats (node ${process.version}; median of ${options.runs} runs below 4 MB, 1 run above; ${options.isolated ? 'each shape in a process of its own' : 'shapes round-robin in one process'})`,
    `CPU ms per MB of a full lint, and x the same text as blank-line separated plain text (target <= ${RATIO_TARGET}x)`
  ]
  for (const [input, bySize] of Object.entries(report.inputs)) {
    const header = ['', ...bySize.map(({megabytes}) => `${megabytes} MB`)]
    const rows = Object.keys(SHAPES).map((shape) => [
      shape,
      ...bySize.map(({shapes}) => {
        const found = shapes.find((entry) => entry.shape === shape)
        return `${Math.round(found.msPerMb)} ms/MB ${found.ratio.toFixed(2)}x`
      })
    ])
    const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)))
    const line = (row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
    out.push('', `input: ${input}`, line(header), ...rows.map(line))
  }
  for (const [input, bySize] of Object.entries(report.oneLine ?? {})) {
    out.push('', `input: ${input} (one Markdown line; x its smallest size, target flat)`)
    for (const {megabytes, msPerMb, ratio} of bySize) {
      out.push(`${String(megabytes).padStart(5)} MB  ${Math.round(msPerMb)} ms/MB ${ratio.toFixed(2)}x`)
    }
  }
  process.stdout.write(out.join('\n') + '\n')
}

main().catch((error) => {
  process.stderr.write(`bench-formats: ${error && error.stack ? error.stack : error}\n`)
  process.exitCode = 1
})
