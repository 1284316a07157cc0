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
// shape holds the same prose. Shapes are timed round-robin within each run, so a
// change in the machine's load falls on all of them alike, each run starting the
// round at the next shape, and each lint after a full garbage collection (no shape
// pays for another's garbage); each time is the median of the runs (one warm-up first). Times are the process's CPU time (user and
// system), not the wall clock: on a machine shared with other work the wall clock
// mostly measures the others. This is a benchmark: it asserts nothing.
// With --isolated, each timing is made in a process of its own, warmed up on its
// shape (about 2 MB of it), as a run over files of one format goes: in one process,
// shapes share the compiled code and the heap, and a shape pays for what the one
// before it left. The shapes still take turns, run after run. Slower: a process per timing.
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

/**
 * A full collection before each timed lint, so that no shape pays for the garbage
 * of the one before it (without it, the ratios swung by a third from run to run).
 * A last-resort one, which also finishes sweeping the freed pages: after a plain
 * `gc()` V8 sweeps them while the next lint runs, and the process's CPU time then
 * charges that lint for its predecessor's garbage (an HTML story of 0.1 MB, whose
 * trees make the most garbage, measured twice its steady-state time). It also drops
 * compiled code the other shapes did not run (micromark's, parse5's), which the next
 * lint of Markdown or HTML compiles again: at 0.1 MB that weighs on their ratios
 * (the README gives both collections' figures).
 * `gc` is exposed here, not by a flag the npm script would have to pass.
 */
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')
const collectGarbage = () => gc({type: 'major', execution: 'sync', flavor: 'last-resort'})

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
    const text = write(fill(inputs(corpus)[input], size * MB))
    // Warm-up on about 2 MB of the shape: a small input alone would time the compiler.
    for (let warm = Math.max(1, Math.ceil(2 / size)); warm > 0; warm--) await lint(text, lintOptions(path))
    const times = []
    let messages = 0
    for (let run = 0; run < runs; run++) {
      collectGarbage()
      const started = process.cpuUsage()
      const file = await lint(text, lintOptions(path))
      const used = process.cpuUsage(started)
      times.push((used.user + used.system) / 1000)
      messages = file.messages.length
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
      const texts = Object.entries(SHAPES).map(([shape, [path, write]]) => ({shape, path, text: write(blocks)}))
      const times = new Map(texts.map(({shape}) => [shape, []]))
      const messages = new Map()
      // Ten megabytes take long enough that one run says what a median would.
      const runs = size >= 4 ? 1 : options.runs
      if (options.isolated) {
        // Each timing in a process of its own, warmed up on its shape; shapes take turns, run after run.
        for (let run = 0; run < runs; run++) {
          for (let turn = 0; turn < texts.length; turn++) {
            const {shape} = texts[(turn + run) % texts.length]
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
            times.get(shape).push(...result.times)
            messages.set(shape, result.messages)
          }
        }
      }
      for (let run = 0; !options.isolated && run < runs; run++) {
        // Each run starts the round at another shape: none is always first after the warm-up.
        const order = texts.map((_, index) => texts[(index + run) % texts.length])
        for (const {shape, path, text} of order) {
          collectGarbage()
          const started = process.cpuUsage()
          const file = await lint(text, lintOptions(path))
          const used = process.cpuUsage(started)
          times.get(shape).push((used.user + used.system) / 1000)
          messages.set(shape, file.messages.length)
        }
      }
      const baseline = median(times.get(BASELINE)) / (texts[0].text.length / MB)
      bySize.push({
        megabytes: size,
        shapes: texts.map(({shape, text}) => {
          const msPerMb = median(times.get(shape)) / (text.length / MB)
          return {shape, characters: text.length, msPerMb, ratio: msPerMb / baseline, messages: messages.get(shape)}
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
        collectGarbage()
        const started = process.cpuUsage()
        await lint(text, lintOptions('story.md'))
        const used = process.cpuUsage(started)
        times[index].push((used.user + used.system) / 1000)
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
