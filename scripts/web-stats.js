#!/usr/bin/env node
// The page's bundle size and its time to first result for the seed story, measured
// in Debian's Chromium (playwright-core): from navigation to the page being ready,
// and from pasting the seed story to its ten warnings on screen. `--json` for JSON.
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
const files = []
const walk = (dir) => {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name)
    if (fs.statSync(file).isDirectory()) walk(file)
    else files.push(file)
  }
}
walk(dist)
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0)
const gzipped = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f)).length, 0)

const {startServer} = await import(path.join(root, 'dist', 'src', 'page-server', 'server.js'))
const server = await startServer({port: 0, host: '127.0.0.1'})
const url = `http://127.0.0.1:${server.address().port}/`
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ]
})
const page = await browser.newPage()
const seed = fs.readFileSync(path.join(root, 'fixtures', 'seed', 'china-asean-expo.txt'), 'utf8')
const loadStart = Date.now()
await page.goto(url)
await page.waitForSelector('body[data-ready="true"]')
const readyMs = Date.now() - loadStart
// The first result: paste, and wait for the ten warnings (the page waits 150 ms after typing stops).
const pasteStart = Date.now()
await page.fill('#story', seed)
await page.waitForSelector('body[data-count="10"]')
const firstResultMs = Date.now() - pasteStart
const lintMs = Number(await page.evaluate(() => document.body.dataset.lintMs))
await browser.close()
server.close()

const result = {files: files.length, bytes, gzipped, readyMs, firstResultMs, lintMs}
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
else {
  console.log(
    `copydesk page: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB (${(gzipped / 1024).toFixed(0)} KB gzipped)`
  )
  console.log(
    `  load to ready: ${readyMs} ms; paste to the seed story's 10 warnings: ${firstResultMs} ms (of which linting ${lintMs} ms; the page waits 150 ms after the last keystroke)`
  )
}
