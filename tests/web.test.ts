/**
 * The page for editors, end to end in a real browser: Debian's Chromium driven
 * by playwright-core against the page served on localhost by `copydesk serve`.
 * Each state is saved as a screenshot under test-output/.
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
const seed = read('fixtures/seed/china-asean-expo.txt')
const SOURCE = '截至今年7月，中国与东盟双向投资累计超3800亿美元，在东盟设立直接投资企业超6500家。'

let server: Server
let browser: Browser
let page: Page
let url: string
const requests: string[] = []

async function open(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const opened = await browser.newPage({viewport: {width: 1280, height: 900}, ...options})
  opened.on('request', (request) => requests.push(request.url()))
  await opened.goto(url)
  await opened.waitForSelector('body[data-ready="true"]')
  return opened
}

/** The words under each warning mark in a box (the editor draws the lines in view). */
function marks(on: Page, box = '#story-host'): Promise<string[]> {
  // (The lint panel's selected warning gets a second, "active" mark.)
  return on.locator(`${box} .cm-lintRange:not(.cm-lintRange-active)`).allTextContents()
}

/** Wait for the page to show a lint result newer than the one on screen now. */
async function nextResult(on: Page, action: () => Promise<unknown>): Promise<void> {
  const before = Number((await on.getAttribute('body', 'data-lints')) ?? 0)
  await action()
  await on.waitForFunction((n) => Number(document.body.dataset.lints ?? 0) > n, before)
}

const selectedText = (on: Page) => on.evaluate(() => getSelection()?.toString() ?? '')
const focusedId = (on: Page) => on.evaluate(() => document.activeElement?.id ?? '')
const storyText = (on: Page) =>
  on.evaluate(() => [...document.querySelectorAll('#story .cm-line')].map((line) => line.textContent).join('\n'))

function shot(on: Page, name: string, fullPage = false): Promise<Buffer> {
  fs.mkdirSync(output, {recursive: true})
  return on.screenshot({path: path.join(output, name), fullPage})
}

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
    page = await open()
  }, 60000)

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('replaces the plain box of the first paint with the editor', async () => {
    expect(await page.locator('textarea#story').count()).toBe(0)
    expect(await page.locator('#story-host .cm-editor #story[contenteditable="true"]').count()).toBe(1)
    expect(await page.getAttribute('#story', 'aria-labelledby')).toBe('story-label')
  })

  it('marks the seed story’s ten errors under the words, with gutter markers and counts per rule', async () => {
    // A tall window, so the editor draws every line of the story at once.
    await page.setViewportSize({width: 1280, height: 2600})
    await page.fill('#story', seed)
    await page.waitForSelector('body[data-count="10"]')
    const marked = await marks(page)
    expect(marked).toHaveLength(10)
    expect(marked).toContain('the 20s of the 80th century')
    expect(marked).toContain('Pham Minh Trung')
    expect(await page.locator('#summary').textContent()).toBe('10 warnings.')
    expect(await page.locator('#groups h3').allTextContents()).toEqual([
      'garbled-numeral (3)',
      'impossible-figure (1)',
      'malformed-ordinal (2)',
      'name-mismatch (4)'
    ])
    // The count per rule at a glance: every rule, those that found nothing too.
    const counts = await page
      .locator('#counts li')
      .evaluateAll((items) =>
        items.map((item) => `${item.querySelector('.rule')?.textContent} ${item.querySelector('.number')?.textContent}`)
      )
    expect(counts.slice(0, 5)).toEqual([
      'garbled-numeral 3',
      'impossible-figure 1',
      'malformed-ordinal 2',
      'name-mismatch 4',
      'source-mismatch 0'
    ])
    // One gutter marker per line that holds a warning.
    const lines = new Set(await page.locator('#groups .where').allTextContents())
    const linesWithWarnings = new Set([...lines].map((where) => where.replace(/, column \d+$/, '')))
    expect(await page.locator('#story-host .cm-lint-marker-warning').count()).toBe(linesWithWarnings.size)
    await page.setViewportSize({width: 1280, height: 900})
    await page.keyboard.press('Control+Home')
    await shot(page, 'web-seed-warnings.png', true)
  })

  it('moves between warnings from the keyboard, with the reason in a tooltip', async () => {
    // What the editor reads out to a screen reader (its live region is cleared after 200 ms).
    await page.evaluate(() => {
      const said: string[] = ((window as unknown as {said: string[]}).said = [])
      const region = document.querySelector('#story-host .cm-announced')!
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {childList: true, subtree: true})
    })
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Alt+ArrowDown')
    expect(await focusedId(page)).toBe('story')
    expect(await selectedText(page)).toBe('18 billion')
    const tooltip = page.locator('.cm-tooltip-lint')
    await tooltip.waitFor()
    expect(await tooltip.textContent()).toContain('Unexpected population `18 billion`')
    expect(await tooltip.locator('.cm-diagnosticNote').textContent()).toContain('World Bank')
    // Read out too, with the way to the fixes.
    const said = (await page.evaluate(() => (window as unknown as {said: string[]}).said)).join('\n')
    expect(said).toContain('Unexpected population `18 billion`')
    expect(said).toContain('1 fix: Control+period.')
    await page.keyboard.press('Escape')
    expect(await tooltip.count()).toBe(0)
    expect(await focusedId(page)).toBe('story')
    await page.keyboard.press('Alt+ArrowDown')
    expect(await selectedText(page)).toBe('20')
    await page.keyboard.press('F8')
    expect(await selectedText(page)).toBe('East Expo')
    await page.keyboard.press('Alt+ArrowUp')
    expect(await selectedText(page)).toBe('20')
    await shot(page, 'web-next-warning.png')
  })

  it('applies a fix from the tooltip with the keyboard only', async () => {
    for (let step = 0; step < 10 && (await selectedText(page)) !== 'the 20s of the 80th century'; step++)
      await page.keyboard.press('Alt+ArrowDown')
    expect(await selectedText(page)).toBe('the 20s of the 80th century')
    await page.keyboard.press('Control+.')
    const fix = page.locator('.cm-tooltip-lint .cm-diagnosticAction', {hasText: 'Use “the 1980s”'})
    await fix.waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Use “the 1980s”')
    await shot(page, 'web-tooltip-fix.png')
    await page.keyboard.press('Enter')
    await page.waitForSelector('body[data-count="9"]')
    expect(await storyText(page)).toContain('since the 1980s,')
    // Back in the text, right after the fix, ready to type on.
    expect(await focusedId(page)).toBe('story')
    expect(await page.locator('.cm-tooltip-lint').count()).toBe(0)
  })

  it('applies a suggestion from the side list', async () => {
    await page
      .getByRole('button', {name: 'Replace Guangxi University for Nationalities with Guangxi Minzu University'})
      .click()
    await page.waitForSelector('body[data-count="8"]')
    expect(await storyText(page)).toContain('Guangxi Minzu University, believes')
  })

  it('downloads and copies the report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')])
    const report = fs.readFileSync(await download.path(), 'utf8')
    expect(report.split('\n')[0]).toBe('copydesk report: 8 warnings')
    expect(report).toContain('1:109-1:119  warning  Unexpected population `18 billion`')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {origin: url})
    await page.click('#copy')
    await page.waitForFunction(
      async (first) => (await navigator.clipboard.readText()).startsWith(first),
      report.slice(0, 40)
    )
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report)
  })

  it('lists every warning in the lint panel, and applies a fix there by its access key', async () => {
    await page.focus('#story')
    await page.keyboard.press('Control+Shift+M')
    const panel = page.locator('.cm-panel-lint ul[role="listbox"]')
    await panel.waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox')
    expect(await panel.locator('li').count()).toBe(8)
    await page.keyboard.press('Home')
    expect(await panel.locator('[aria-selected]').textContent()).toContain('Unexpected population `18 billion`')
    expect(await page.locator('#story-host .cm-lintRange-active').textContent()).toBe('18 billion')
    await shot(page, 'web-lint-panel.png')
    // "Use “2.1 billion”": its access key is its first letter.
    await page.keyboard.press('u')
    await page.waitForSelector('body[data-count="7"]')
    expect(await storyText(page)).toContain('a population of more than 2.1 billion,')
    await page.keyboard.press('Escape')
    expect(await page.locator('.cm-panel-lint').count()).toBe(0)
    expect(await focusedId(page)).toBe('story')
  })

  it('moves the underline with the text as it is typed', async () => {
    await nextResult(page, () => page.fill('#story', 'The 21th forum opened.'))
    expect(await marks(page)).toEqual(['21th'])
    const before = (await page.locator('#story-host .cm-lintRange').boundingBox())!
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('Yesterday, ')
    // At once, before the linter runs again: the mark moved with its words.
    expect(await marks(page)).toEqual(['21th'])
    const moved = (await page.locator('#story-host .cm-lintRange').boundingBox())!
    expect(moved.x).toBeGreaterThan(before.x + 40)
    // And the linter, run again, agrees.
    await page.waitForFunction(() => document.body.dataset.count === '1')
    // (Typing key by key may pause long enough for a lint of half a word: wait for the marks.)
    const marksBecome = (expected: string[]) =>
      page.waitForFunction(
        (joined) =>
          [...document.querySelectorAll('#story-host .cm-lintRange:not(.cm-lintRange-active)')]
            .map((mark) => mark.textContent)
            .join('|') === joined,
        expected.join('|')
      )
    await page.keyboard.press('End')
    await page.keyboard.type(' The 32th came next.')
    await marksBecome(['21th', '32th'])
    // Typing inside the marked words: the mark follows the edit and the fix clears it.
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 'Yesterday, The 21'.length; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Delete')
    await page.keyboard.press('Delete')
    await page.keyboard.type('st')
    await marksBecome(['32th'])
    expect(await storyText(page)).toBe('Yesterday, The 21st forum opened. The 32th came next.')
    await shot(page, 'web-typing.png')
  })

  it('opens a Markdown file', async () => {
    await page.setInputFiles('#file', {
      name: 'story.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# The 21th forum\n\nCode `2000,18` is not prose; 3800,6500 is.\n')
    })
    await page.waitForSelector('body[data-count="2"]')
    expect(await page.inputValue('#format')).toBe('markdown')
    expect(await marks(page)).toEqual(['21th', '3800,6500'])
  })

  it('changes a rule’s severity, kept in the browser', async () => {
    await page.selectOption('#rule-malformed-ordinal', 'off')
    await page.waitForSelector('body[data-count="1"]')
    expect(await page.locator('#counts li[data-rule="malformed-ordinal"] .number').textContent()).toBe('off')
    await page.selectOption('#rule-garbled-numeral', 'error')
    await page.waitForSelector('#story-host .cm-lintRange-error')
    expect(await page.locator('#summary').textContent()).toBe('1 warning, 1 of them errors.')
    expect(await page.locator('#story-host .cm-lint-marker-error').count()).toBe(1)
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.inputValue('#rule-malformed-ordinal')).toBe('off')
    await page.selectOption('#rule-malformed-ordinal', 'warn')
    await page.selectOption('#rule-garbled-numeral', 'warn')
  })

  it('uses the story date and a house list, kept in the browser', async () => {
    await nextResult(page, () =>
      page.fill(
        '#story',
        'Vietnamese Prime Minister Nguyen Xuan Phuc said the talks went well. She studied at Riverside Technical College.'
      )
    )
    await nextResult(page, () => page.fill('#date', '2018-05-01'))
    expect(await marks(page)).toEqual([])
    await nextResult(page, () => page.fill('#date', '2024-05-01'))
    expect(await marks(page)).toEqual(['Nguyen Xuan Phuc'])
    await nextResult(page, async () => {
      await page.fill(
        '#house',
        'names:\n  - official: Riverside Polytechnic University\n    variants: [Riverside Technical College]\n    source: house style guide\n'
      )
      await page.dispatchEvent('#house', 'change')
    })
    expect(await marks(page)).toEqual(['Nguyen Xuan Phuc', 'Riverside Technical College'])
    expect(await page.locator('#house-error').textContent()).toBe('')
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.inputValue('#date')).toBe('2024-05-01')
    expect(await page.inputValue('#house')).toContain('Riverside Polytechnic University')
    // A broken house list is reported in one line and not used.
    await page.fill('#house', 'names: [')
    await page.dispatchEvent('#house', 'change')
    expect(await page.locator('#house-error').textContent()).toMatch(/^The house list was not used: .+/)
    await page.fill('#house', '')
    await page.dispatchEvent('#house', 'change')
    await page.fill('#date', '')
    await page.dispatchEvent('#date', 'change')
    expect(await page.locator('#house-error').textContent()).toBe('')
  })

  it('marks the source figure a translation lost in the Chinese source box', async () => {
    await page.selectOption('#format', 'text')
    // The source box's editor is built when the box is first opened.
    expect(await page.locator('#source-host .cm-editor').count()).toBe(0)
    await page.click('#source-details summary')
    await page.waitForSelector('#source-host .cm-editor #source[contenteditable="true"]')
    await page.fill('#source', SOURCE)
    await nextResult(page, () =>
      page.fill(
        '#story',
        'As of July, two-way investment exceeded US$7 billion, and more than 6,500 enterprises had been set up.'
      )
    )
    expect(await marks(page)).toEqual(['US$7 billion'])
    expect(await page.locator('#story-host .cm-rule-source-mismatch').count()).toBe(1)
    expect(await marks(page, '#source-host')).toEqual(['3800亿美元'])
    expect(await page.getByRole('button', {name: 'Replace US$7 billion with US$380 billion'}).count()).toBe(1)
    // The source box is the same surface: keys, tooltip, and a way back to the story.
    await page.focus('#source')
    await page.keyboard.press('F8')
    expect(await selectedText(page)).toBe('3800亿美元')
    await page.keyboard.press('Control+.')
    await page.locator('#source-host .cm-tooltip-lint').waitFor()
    expect(await page.locator('#source-host .cm-tooltip-lint').textContent()).toContain(
      'Unexpected `US$7 billion`: the source has `3800亿美元` (US$380 billion)'
    )
    expect(await page.locator('#source-host .cm-lint-marker-warning').count()).toBe(1)
    await shot(page, 'web-source-marks.png')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show in the story')
    await page.keyboard.press('Enter')
    expect(await focusedId(page)).toBe('story')
    expect(await selectedText(page)).toBe('US$7 billion')
  })

  it('draws Chinese in a note with a CJK font, not as boxes', async () => {
    const note = page.locator('#groups .note', {hasText: '3800亿美元'})
    expect(await note.count()).toBe(1)
    // Two different characters drawn in the note's fonts: boxes for missing glyphs look alike, real glyphs do not.
    const drawn = await note.evaluate((element) => {
      const family = getComputedStyle(element).fontFamily
      const draw = (text: string) => {
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = 48
        const context = canvas.getContext('2d')!
        context.font = `40px ${family}`
        context.fillText(text, 2, 40)
        return Array.from(context.getImageData(0, 0, 48, 48).data).join()
      }
      return {family, yi: draw('亿'), mei: draw('美'), missing: draw('\u0378')}
    })
    expect(drawn.family).toContain('Noto Sans CJK SC')
    expect(drawn.yi, 'no CJK font: Chinese draws as boxes (install fonts-wqy-microhei or fonts-noto-cjk)').not.toBe(
      drawn.mei
    )
    expect(drawn.yi).not.toBe(drawn.missing)
  })

  it('reads at 200% zoom: one column, no sideways scrolling, every control labelled', async () => {
    // 200% zoom of a 1280-pixel window lays the page out in 640 CSS pixels at twice the pixels.
    const zoomed = await open({viewport: {width: 640, height: 900}, deviceScaleFactor: 2})
    await zoomed.fill('#story', seed)
    await zoomed.waitForSelector('body[data-count="10"]')
    const overflow = await zoomed.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
    expect(overflow).toBeLessThanOrEqual(0)
    const unlabelled = await zoomed.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, [contenteditable="true"]')]
        .filter(
          (el) =>
            !(el as HTMLInputElement).labels?.length &&
            !el.getAttribute('aria-label') &&
            !el.getAttribute('aria-labelledby')
        )
        .map((el) => el.id)
    )
    expect(unlabelled).toEqual([])
    // One column: the warnings come below the story, not beside it.
    const storyBox = (await zoomed.locator('section.editor').boundingBox())!
    const warningsBox = (await zoomed.locator('section.results').boundingBox())!
    expect(warningsBox.y).toBeGreaterThanOrEqual(storyBox.y + storyBox.height)
    // The tooltip fits the narrow window.
    await zoomed.keyboard.press('Control+Home')
    await zoomed.keyboard.press('Alt+ArrowDown')
    const tooltip = (await zoomed.locator('.cm-tooltip-lint').boundingBox())!
    expect(tooltip.x).toBeGreaterThanOrEqual(0)
    expect(tooltip.x + tooltip.width).toBeLessThanOrEqual(640)
    await shot(zoomed, 'web-zoom-200.png')
    await zoomed.close()
  })

  it('puts story and warnings side by side on a wide screen', async () => {
    const storyBox = (await page.locator('section.editor').boundingBox())!
    const warningsBox = (await page.locator('section.results').boundingBox())!
    expect(warningsBox.x).toBeGreaterThanOrEqual(storyBox.x + storyBox.width)
    expect(Math.abs(warningsBox.y - storyBox.y)).toBeLessThan(50)
  })

  it('follows the system’s dark theme', async () => {
    const dark = await open({colorScheme: 'dark'})
    await dark.fill('#story', seed)
    await dark.waitForSelector('body[data-count="10"]')
    await dark.keyboard.press('Control+Home')
    await dark.keyboard.press('Alt+ArrowDown')
    await dark.locator('.cm-tooltip-lint').waitFor()
    const colours = await dark.evaluate(() => {
      const luminance = (colour: string) => {
        const [r, g, b] = (colour.match(/\d+(?:\.\d+)?/g) ?? []).map(Number)
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
      }
      const of = (selector: string) => getComputedStyle(document.querySelector(selector)!)
      return {
        page: luminance(of('html').backgroundColor),
        text: luminance(of('body').color),
        editor: luminance(of('.cm-editor').backgroundColor),
        editorText: luminance(of('.cm-content').color),
        tooltip: luminance(of('.cm-tooltip').backgroundColor)
      }
    })
    expect(colours.page).toBeLessThan(0.2)
    expect(colours.editor).toBeLessThan(0.2)
    expect(colours.tooltip).toBeLessThan(0.25)
    expect(colours.text).toBeGreaterThan(0.7)
    expect(colours.editorText).toBeGreaterThan(0.7)
    await shot(dark, 'web-dark.png')
    await dark.close()
    // And light by default.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(253, 253, 251)'
    )
  })

  it('works offline after the first load, the lazy chunks included', async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}})
    context.on('request', (request) => requests.push(request.url()))
    const first = await context.newPage()
    await first.goto(url)
    await first.waitForSelector('body[data-ready="true"]')
    // The worker has kept every file of the build once it is active.
    const kept = await first.evaluate(async () => {
      await navigator.serviceWorker.ready
      const names = await caches.keys()
      const cache = await caches.open(names.find((name) => name.startsWith('copydesk-'))!)
      return (await cache.keys()).map((request) => new URL(request.url).pathname).sort()
    })
    const built = fs.readdirSync(path.join(root, 'web', 'dist', 'assets')).map((name) => `/assets/${name}`)
    expect(kept).toEqual(expect.arrayContaining(['/', '/index.html', ...built]))
    await context.setOffline(true)
    const offline = await context.newPage()
    await offline.goto(url)
    await offline.waitForSelector('body[data-ready="true"]')
    await offline.fill('#story', seed)
    await offline.waitForSelector('body[data-count="10"]')
    await context.close()
  })

  it('never asks another origin for anything', () => {
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((r) => !r.startsWith(url))).toEqual([])
  })
})
