/**
 * Paragraphs of plain lines and lines of inline markup: only windows (the
 * words around the markup) go to micromark, each read as on its own. The tree
 * and the prose must be the ones micromark makes of the whole paragraph,
 * markup reaching across words and lines included.
 */
import fc from 'fast-check'
import {describe, expect, it, vi} from 'vitest'
import {markdownProse, readMarkdown} from '../src/core/markdown.js'
import {ProseBuilder} from '../src/core/prose.js'
import {lintText} from './helpers.js'

/** Counts micromark's readings (mdast-util-from-markdown's calls). */
const countCalls = vi.hoisted(() => vi.fn())
vi.mock('mdast-util-from-markdown', async (original) => {
  const real = await original<typeof import('mdast-util-from-markdown')>()
  return {
    ...real,
    fromMarkdown: (...parameters: Parameters<typeof real.fromMarkdown>) => {
      countCalls()
      return real.fromMarkdown(...parameters)
    }
  }
})

function read(value: string, everyBlock: boolean) {
  const {tree, source} = readMarkdown(value, everyBlock)
  const builder = new ProseBuilder(value, source)
  markdownProse(tree, builder)
  const prose = builder.build()
  const offsets = Array.from({length: prose.text.length + 1}, (_, offset) => [
    prose.toFile(offset),
    prose.toFileEnd(offset)
  ])
  return {tree: JSON.stringify(tree), text: prose.text, offsets}
}

/** The tree read with windows, checked to be the one read with every block given to micromark. */
function treeAsWhole(value: string) {
  const {tree} = readMarkdown(value)
  expect(JSON.stringify(tree)).toBe(JSON.stringify(readMarkdown(value, true).tree))
  return tree
}

/** A property: every document of `documents` reads to the tree and prose of micromark's whole reading. */
function readsAsWhole(documents: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(documents, (value) => {
      expect(read(value, false)).toEqual(read(value, true))
    }),
    {numRuns, seed: 20261130}
  )
}

// Plain lines as long as a sentence: a block that is mostly markup lines is read whole.
const plain = [
  'The fair drew more visitors than any year before it, the organisers said',
  'said the minister, who had opened the first one in a small hall downtown',
  '"Quoted" words from the report, which ran to several hundred pages',
  '(aside) here, in brackets, as a reporter would write it in a hurry',
  '2,300 staff were told on Thursday that the plant would close in June',
  'Zoë said the figures were final and would not be revised this year'
]
const markup = [
  '*em* here',
  'a *b* c',
  '**strong** text',
  '_em_ x',
  'see [a link](http://x.y) now',
  'see [ref] here',
  '[ref]: /u',
  '`code` span',
  'x `open code',
  'close code` y',
  '*open emphasis',
  'close emphasis* z',
  '[open bracket',
  'close](u) w',
  'x_y snake',
  'www.example.com site',
  'see www.a.com/x_y_ there',
  'mail x@y.com',
  '<b>html</b> inline',
  'a <a',
  'href="x"> tail',
  'esc \\* star',
  '&amp; amp',
  'hard break\\',
  'trailing  ',
  '~~del~~ it',
  '~open',
  'close~ t',
  '![img](u) alt',
  'a | b',
  '| - |',
  '# head',
  '- item',
  '1. one',
  '2. two',
  '***',
  '**x',
  '===',
  '---',
  '```',
  '``x``',
  '> quote',
  '    indented',
  '\\',
  '*',
  '_',
  '`',
  'see [^1] note',
  '[^1]: foot',
  'a <!-- c',
  'd --> e',
  '&',
  '\\[x] y'
]
/** Halves of constructs that reach across lines: the windows must not cut them. */
const spanning = [
  'x `open code',
  'close code` y',
  '*open emphasis',
  'close emphasis* z',
  '[open bracket',
  'close](u) w',
  'a <a',
  'href="x"> tail',
  '~open',
  'close~ t',
  '**x',
  'a <!-- c',
  'd --> e',
  'see [ref] here'
]
/** Runs of plain lines (past the gap that joins windows, or not), and single markup lines. */
const segment = fc.oneof(
  {weight: 2, arbitrary: fc.array(fc.constantFrom(...plain), {minLength: 1, maxLength: 8})},
  {weight: 2, arbitrary: fc.constantFrom(...spanning).map((text) => [text])},
  {weight: 1, arbitrary: fc.constantFrom(...markup).map((text) => [text])}
)
const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n')
const document = fc
  .array(fc.tuple(segment, lineBreak), {minLength: 1, maxLength: 20})
  .map((segments) => segments.map(([lines, ending]) => lines.map((text) => text + ending).join('')).join(''))

/** Words of a line: plain ones, runs of them longer than the gap that joins windows, and markup mid-line. */
const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('the', 'fair', 'drew', '2,300', 'visitors', '"quoted"', '(aside)', 'Zoë', 'said.')
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'the organisers said the fair drew more visitors than before',
      'and the minister, who opened the first one, was there'
    )
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '*em*',
      '*open',
      'close*',
      '**strong**',
      '_em_',
      'snake_case',
      '[a',
      'link](https://example.com/x)',
      '[link](u)',
      '[ref]',
      '[^1]',
      '`code`',
      '`open',
      'close`',
      '<b>',
      '</b>',
      '<a',
      'href="x">',
      '&amp;',
      '&',
      '\\*',
      '~~del~~',
      '~open',
      'close~',
      '![img](u)',
      '<https://example.com>',
      'a|b',
      'x\tz',
      '<!--',
      '-->',
      '*',
      '[',
      ']'
    )
  }
)
const midLine = fc.array(word, {minLength: 1, maxLength: 12}).map((words) => words.join(' '))
/** Documents of `head` and then lines of `line` or plain lines, each with its line break. */
function linesDocument(line: fc.Arbitrary<string>, head: string, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.oneof(line, fc.constantFrom(...plain)), lineBreak), {minLength: 1, maxLength})
    .map((lines) => head + lines.map(([text, ending]) => text + ending).join(''))
}
const midLineDocument = linesDocument(midLine, '[ref]: /u\n[^1]: note\n\n', 12)

describe('markup in the middle of a line', () => {
  it('gives the tree and the prose micromark makes of the whole paragraph', () => {
    readsAsWhole(midLineDocument, 800)
  }, 120000)

  it('reads a window that would define a link as micromark reads the whole line', () => {
    // Mid-line, `[a]: <u>` is text; read on its own it is a definition, which must not
    // make the `[a]` of another paragraph a link.
    const plainLine = 'The fair drew more visitors than any year before it, the organisers said'
    const value = `${plainLine} [a]: <u> here\n\n${plainLine} see [a] there\n`
    const tree = treeAsWhole(value)
    expect(JSON.stringify(tree)).not.toContain('linkReference')
  })

  it('gives a reference before an open comment the definition written elsewhere', () => {
    // The comment runs to the end of its piece; the definitions the piece uses must not be in it.
    const plainLine = 'The fair drew more visitors than any year before it, the organisers said'
    const value = `[ref]: /u\n[^1]: note\n\n${plainLine}\n\n[^1] and [ref] *em*\n<!-- open\n${plainLine}\n`
    const tree = treeAsWhole(value)
    expect(JSON.stringify(tree)).toContain('footnoteReference')
    expect(JSON.stringify(tree)).toContain('linkReference')
  })

  it('reads only the words around the markup of a line', () => {
    const line = (index: number) =>
      `The *fair* drew more visitors than any year before it, the organisers said on day ${index} of the [expo](https://example.com).`
    const value = Array.from({length: 20}, (_, index) => line(index)).join('\n\n') + '\n'
    const tree = treeAsWhole(value)
    expect(tree.children).toHaveLength(20)
    const paragraph = tree.children[3] as {children: Array<{type: string}>}
    expect(paragraph.children.map((node) => node.type)).toEqual(['text', 'emphasis', 'text', 'link', 'text'])
  })
})

/** Emphasis and links in every company: what the reading without micromark takes, and what it must leave to micromark. */
const tight = fc.constantFrom(
  '*em*',
  '*em,*',
  '*em*,',
  '*em*.',
  '(*em*)',
  '"*em*"',
  '*,em*',
  '*em *',
  '* em*',
  'a*b*c',
  'a*b*',
  '*b*c',
  '*Zoë*',
  '*a b c*',
  '*2,300*',
  '*a*b*c*',
  '*a**b*',
  '*"As*',
  '*"a b"*',
  '*(a*',
  '*…a*',
  '"*a*"',
  '"',
  '**a**',
  '*a_b*',
  '*a`b*',
  '[a](u)',
  '[a b](http://x.y/z?q=1&r=2)',
  '([a](u))',
  '[a](u).',
  '![a](u)',
  '[^a](u)',
  '[a](u "t")',
  '[a](<u>)',
  '[a]()',
  '[](u)',
  '[a](u)*b*',
  '*a*[b](c)',
  '[*a*](u)',
  '*[a](u)*',
  '[a](u(v))',
  '[a](ü)',
  '[a][b]',
  '[a] (u)',
  'x*y',
  '*',
  '[',
  ']',
  '(',
  ')',
  '.',
  ',',
  '!',
  'word',
  'Zoë',
  '\u00a0',
  '…'
)
const tightLine = fc
  .array(fc.tuple(tight, fc.constantFrom(' ', ' ', '')), {minLength: 1, maxLength: 10})
  .map((parts) => 'The fair drew ' + parts.map(([text, gap]) => text + gap).join('') + 'x the organisers said')
const tightDocument = linesDocument(tightLine, '[b]: /v\n\n', 10)

/** Lines that are mostly or only markup (a dateline, a caption, a credit), in blocks of their own or among plain lines. */
const markedLine = fc
  .array(fc.tuple(tight, fc.constantFrom(' ', ' ', '')), {minLength: 1, maxLength: 6})
  .map((parts) =>
    parts
      .map(([text, gap]) => text + gap)
      .join('')
      .trim()
  )
  .filter((line) => line !== '')
const markedBreak = fc.constantFrom('\n', '\n\n', '\n\n', '\r\n\r\n', '\r')
const markedDocument = fc
  .array(fc.tuple(fc.oneof({weight: 3, arbitrary: markedLine}, fc.constantFrom(...plain)), markedBreak), {
    minLength: 1,
    maxLength: 12
  })
  .map((lines) => '[b]: /v\n\n' + lines.map(([text, ending]) => text + ending).join(''))

describe('emphasis and links read without micromark', () => {
  it('give the tree and the prose micromark makes of the whole paragraph, whatever stands around them', () => {
    readsAsWhole(tightDocument, 1500)
  }, 120000)

  it('give them in blocks that are mostly or only markup', () => {
    readsAsWhole(markedDocument, 1500)
  }, 120000)

  it('leave micromark out of copy marked up as a newsroom marks it', () => {
    const value = [
      '*Nanning,* September 9 (ZXS) -- "China and ASEAN," said the [minister](https://example.com/story).',
      '*Friday,* July 21, [2017](https://example.com/story)',
      '*Disney*',
      '*"As* one of the largest contractors," he said.'
    ].join('\n\n')
    countCalls.mockClear()
    const tree = treeAsWhole(value + '\n')
    expect(tree.children).toHaveLength(4)
    // The reading with every block given to micromark calls it once; the windows never.
    expect(countCalls).toHaveBeenCalledTimes(1)
    countCalls.mockClear()
    // A block of markup that is not emphasis or a link (strong emphasis) goes to micromark.
    treeAsWhole(value.replace('*Disney*', '**Disney**') + '\n')
    expect(countCalls).toHaveBeenCalledTimes(2)
  })
})

describe('a paragraph of plain lines and lines of inline markup', () => {
  it('gives the tree and the prose micromark makes of the whole paragraph', () => {
    readsAsWhole(document, 600)
  }, 120000)

  it('reads a markup line between plain lines without reading the plain lines', () => {
    const lines = Array.from({length: 40}, (_, index) => `Plain sentence ${index} here.`)
    lines[20] = 'A *marked* line with a [link](https://example.com).'
    const value = lines.join('\n') + '\n'
    const tree = treeAsWhole(value)
    const paragraph = tree.children[0] as {type: string; children: Array<{type: string}>}
    expect(tree.children).toHaveLength(1)
    expect(paragraph.children.map((node) => node.type)).toEqual(['text', 'emphasis', 'text', 'link', 'text'])
  })

  it('messages after the markup keep their line and column', async () => {
    const lines = Array.from({length: 30}, (_, index) => `Sentence ${index} of the story.`)
    lines[10] = 'Visit www.example.com or *see* the [notes](u).'
    lines[25] = 'The 21th fair drew 3800,6500 visitors.'
    const value = lines.join('\n') + '\n'
    const file = await lintText(value, {path: 'story.md'})
    const found = file.messages.filter(
      (message) => message.ruleId === 'garbled-numeral' || message.ruleId === 'malformed-ordinal'
    )
    expect(found.map((message) => message.actual)).toEqual(['21th', '3800,6500'])
    for (const message of found) {
      const place = message.place && 'start' in message.place ? message.place : undefined
      expect(place?.start.line).toBe(26)
      expect(place?.start.column).toBe(lines[25].indexOf(String(message.actual)) + 1)
    }
  })
})
