#!/usr/bin/env node
// The page's bundle size and its times, measured in Debian's Chromium (playwright-core):
// from navigation to the first paint (the plain story box) and to the page being ready
// (linter and editor loaded, the editor in place), and from pasting the seed story
// (Ctrl+V) to its ten warnings on screen. Each run is a fresh browser context (a first visit, no
// service worker yet); the median of `--runs N` (default 5) is printed. `--json` for JSON.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import {fileURLToPath} from 'node:url'
import {chromium} from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'web', 'dist')
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('build the page first: npm run build')
  process.exit(2)
}
const runsAt = process.argv.indexOf('--runs')
const runs = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 1) : 5

const files = []
const walk = (dir) => {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name)
    if (fs.statSync(file).isDirectory()) walk(file)
    else files.push(file)
  }
}
walk(dist)
const size = (list) => list.reduce((n, f) => n + fs.statSync(f).size, 0)
const gzip = (list) => list.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f)).length, 0)
const bytes = size(files)
const gzipped = gzip(files)
// What the first paint needs: the HTML and what it links (the entry script, the styles).
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
// (Not the modulepreload links: those chunks load beside the first paint, not before it.)
const linked = [...html.matchAll(/<(?:script|link rel="stylesheet")[^>]*?(?:src|href)="\.\/(assets\/[^"]+)"/g)].map(
  (match) => path.join(dist, match[1])
)
const firstPaintFiles = [path.join(dist, 'index.html'), ...linked]
const firstPaintBytes = size(firstPaintFiles)
const firstPaintGzipped = gzip(firstPaintFiles)

const {startServer} = await import(path.join(root, 'dist', 'src', 'page-server', 'server.js'))
const server = await startServer({port: 0, host: '127.0.0.1'})
const url = `http://127.0.0.1:${server.address().port}/`
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
})
const seed = fs.readFileSync(path.join(root, 'fixtures', 'seed', 'china-asean-expo.txt'), 'utf8')

async function measure() {
  const context = await browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: url})
  const page = await context.newPage()
  const loadStart = Date.now()
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]')
  const readyMs = Date.now() - loadStart
  const firstPaintMs = await page.evaluate(() =>
    Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)
  )
  // The first result: a real paste (Ctrl+V from the clipboard, as an editor does), and
  // wait for the ten warnings (the page waits 150 ms after typing stops).
  await page.evaluate((text) => navigator.clipboard.writeText(text), seed)
  await page.focus('#story')
  const pasteStart = Date.now()
  await page.keyboard.press('Control+V')
  await page.waitForSelector('body[data-count="10"]')
  const firstResultMs = Date.now() - pasteStart
  const lintMs = Number(await page.evaluate(() => document.body.dataset.lintMs))
  await context.close()
  return {firstPaintMs, readyMs, firstResultMs, lintMs}
}

const samples = []
for (let i = 0; i < runs; i++) samples.push(await measure())
await browser.close()
server.close()

const median = (key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const result = {
  files: files.length,
  bytes,
  gzipped,
  firstPaintBytes,
  firstPaintGzipped,
  runs,
  firstPaintMs: median('firstPaintMs'),
  readyMs: median('readyMs'),
  firstResultMs: median('firstResultMs'),
  lintMs: median('lintMs')
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`
if (process.argv.includes('--json')) console.log(JSON.stringify({...result, samples}, null, 2))
else {
  console.log(
    `copydesk page: ${files.length} files, ${kb(bytes)} (${kb(gzipped)} gzipped); the first paint needs ${kb(firstPaintBytes)} (${kb(firstPaintGzipped)} gzipped), the linter and the editor load after it`
  )
  console.log(
    `  median of ${runs} first visits: first paint ${result.firstPaintMs} ms; load to ready ${result.readyMs} ms; paste to the seed story's 10 warnings: ${result.firstResultMs} ms (of which linting ${result.lintMs} ms; the page waits 150 ms after the last keystroke)`
  )
}
