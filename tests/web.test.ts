/**
 * The page for editors, end to end in a real browser: Debian's Chromium driven
 * by playwright-core against the page served on localhost by `copydesk serve`.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Server} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {chromium, type Browser, type Page} from 'playwright-core'
import {startServer} from '../src/page-server/server.js'
import {read, root} from './helpers.js'

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p))
// In CI (.ci/run installs Debian's chromium) a missing browser is a failure, not a skip.
const run = Boolean(executablePath) || process.env.CI === 'true'
const output = path.join(root, 'test-output')

let server: Server
let browser: Browser
let page: Page
let url: string
const requests: string[] = []

describe.runIf(run)('the page in a browser', () => {
  beforeAll(async () => {
    expect(executablePath, 'Debian chromium is not installed').toBeTruthy()
    server = await startServer({port: 0, host: '127.0.0.1'})
    const address = server.address()
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
    browser = await chromium.launch({
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
    page = await browser.newPage({viewport: {width: 1280, height: 900}})
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(url)
    await page.waitForSelector('body[data-ready="true"]')
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('marks the seed story’s ten errors in place', async () => {
    const started = Date.now()
    await page.fill('#story', read('fixtures/seed/china-asean-expo.txt'))
    await page.waitForSelector('body[data-count="10"]')
    const firstResultMs = Date.now() - started
    expect(await page.locator('#preview mark').count()).toBe(10)
    expect(await page.locator('#preview mark', {hasText: 'the 20s of the 80th century'}).count()).toBe(1)
    expect(await page.locator('#summary').textContent()).toBe('10 warnings.')
    expect(await page.locator('#groups h3').allTextContents()).toEqual([
      'garbled-numeral (3)',
      'impossible-figure (1)',
      'malformed-ordinal (2)',
      'name-mismatch (4)'
    ])
    fs.mkdirSync(output, {recursive: true})
    await page.screenshot({path: path.join(output, 'web-seed-warnings.png'), fullPage: true})
    expect(firstResultMs).toBeGreaterThan(0)
  })

  it('moves between warnings from the keyboard', async () => {
    await page.keyboard.press('Alt+ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK')
    const first = await page.evaluate(() => document.activeElement?.id)
    await page.keyboard.press('Alt+ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe(first)
  })

  it('applies the suggestion "the 1980s" and the count drops', async () => {
    await page.getByRole('button', {name: 'Replace the 20s of the 80th century with the 1980s'}).click()
    await page.waitForSelector('body[data-count="9"]')
    expect(await page.inputValue('#story')).toContain('since the 1980s,')
  })

  it('opens a Markdown file', async () => {
    await page.setInputFiles('#file', {
      name: 'story.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# The 21th forum\n\nCode `2000,18` is not prose; 3800,6500 is.\n')
    })
    await page.waitForSelector('body[data-count="2"]')
    expect(await page.inputValue('#format')).toBe('markdown')
    expect(await page.locator('#preview mark').allTextContents()).toEqual(['21th', '3800,6500'])
  })

  it('changes a rule’s severity, kept in the browser', async () => {
    await page.selectOption('#rule-malformed-ordinal', 'off')
    await page.waitForSelector('body[data-count="1"]')
    await page.selectOption('#rule-garbled-numeral', 'error')
    await page.waitForSelector('#preview mark.error')
    expect(await page.locator('#summary').textContent()).toBe('1 warning, 1 of them errors.')
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.inputValue('#rule-malformed-ordinal')).toBe('off')
  })

  it('reads at 200% zoom: one column, no sideways scrolling, every control labelled', async () => {
    // 200% zoom of a 1280-pixel window lays the page out in 640 CSS pixels.
    const zoomed = await browser.newPage({viewport: {width: 640, height: 900}})
    await zoomed.goto(url)
    await zoomed.waitForSelector('body[data-ready="true"]')
    await zoomed.fill('#story', read('fixtures/seed/china-asean-expo.txt'))
    await zoomed.waitForSelector('body[data-count="10"]')
    const overflow = await zoomed.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
    expect(overflow).toBeLessThanOrEqual(0)
    const unlabelled = await zoomed.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.id)
    )
    expect(unlabelled).toEqual([])
    await zoomed.screenshot({path: path.join(output, 'web-zoom-200.png')})
    await zoomed.close()
  })

  it('checks a translation against its Chinese source', async () => {
    await page.selectOption('#format', 'text')
    await page.click('summary')
    await page.fill('#source', '截至今年7月，中国与东盟双向投资累计超3800亿美元，在东盟设立直接投资企业超6500家。')
    await page.fill(
      '#story',
      'As of July, two-way investment exceeded US$7 billion, and more than 6,500 enterprises had been set up.'
    )
    await page.waitForSelector('#preview mark[data-rule="source-mismatch"]')
    expect(await page.locator('#preview mark[data-rule="source-mismatch"]').allTextContents()).toEqual(['US$7 billion'])
    expect(await page.getByRole('button', {name: 'Replace US$7 billion with US$380 billion'}).count()).toBe(1)
  })

  it('never asks another origin for anything', () => {
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((r) => !r.startsWith(url))).toEqual([])
  })
})
