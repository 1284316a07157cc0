/**
 * Markdown escapes and character references: past MAX_INLINE in a paragraph
 * micromark reads them as stand-ins (it is quadratic in them), and the prose
 * decodes them from the file. The prose and its places in the file must be what
 * an unbounded parse gives, and a message late in a long line of them must sit
 * on its words.
 */
import fc from 'fast-check'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'
import {markdownProse, MAX_INLINE, readMarkdown} from '../src/core/markdown.js'
import {escapeOrReferenceAt} from '../src/core/markdown-escapes.js'
import {ProseBuilder} from '../src/core/prose.js'

/** The prose and, for every prose offset, where it starts and ends in the file. */
function proseOf(value: string, bounded: boolean) {
  const builder = bounded ? new ProseBuilder(value, readMarkdown(value).source) : new ProseBuilder(value)
  const tree = bounded
    ? readMarkdown(value).tree
    : fromMarkdown(value, {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]})
  markdownProse(tree, builder)
  const prose = builder.build()
  const offsets = Array.from({length: prose.text.length + 1}, (_, offset) => [
    prose.toFile(offset),
    prose.toFileEnd(offset)
  ])
  return {text: prose.text, offsets}
}

const ERROR = 'The 21th fair drew 3800,6500 visitors.'

/** Line, column (1-based) and offset of each token-rule message. */
async function placesOf(value: string) {
  const file = await lintText(value, {path: 'story.md'})
  return file.messages
    .filter((message) => message.ruleId === 'garbled-numeral' || message.ruleId === 'malformed-ordinal')
    .map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined
      return {
        actual: message.actual,
        start: place!.start,
        end: place!.end,
        text: value.slice(place!.start.offset!, place!.end.offset!)
      }
    })
}

/** Where `needle` stands in `value`: line, column and offset, as a message would give it. */
function pointOf(value: string, offset: number) {
  const before = value.slice(0, offset)
  const line = before.split('\n').length
  return {line, column: offset - before.lastIndexOf('\n'), offset}
}

describe('escapes and character references, as micromark decodes them', () => {
  it.each([
    ['\\*', '*', 2],
    ['\\\\', '\\', 2],
    ['\\a', undefined, 0],
    ['&amp;', '&', 5],
    ['&nbsp;', '\u00A0', 6],
    ['&#35;', '#', 5],
    ['&#x41;', 'A', 6],
    ['&#X41;', 'A', 6],
    ['&bogus;', undefined, 0],
    ['&amp', undefined, 0],
    ['&#;', undefined, 0],
    ['&#12345678;', undefined, 0],
    ['&#x1234567;', undefined, 0]
  ])('%s', (text, value, length) => {
    const found = escapeOrReferenceAt(text, 0)
    expect(found).toEqual(value === undefined ? undefined : {value, length})
  })
})

describe('escapes and references past the bound', () => {
  const line = '\\*a\\_ &amp; '

  it('masks those past the bound for micromark, and only those, one for one', () => {
    const value = line.repeat(MAX_INLINE) + 'x'
    const {source} = readMarkdown(value)
    expect(source.length).toBe(value.length)
    // The first MAX_INLINE are read as they are; the rest by stand-ins of their class.
    const kept = line.repeat(Math.floor(MAX_INLINE / 3)) + '\\*a\\_ '
    expect(source.slice(0, kept.length)).toBe(kept)
    expect(source.slice(kept.length, kept.length + 6 + line.length)).toBe('%%%%% %%a%% %%%%% ')
    expect(source.endsWith(' x')).toBe(true)
  })

  it('a message after 50,000 escapes and references is on its words, where a short file puts it', async () => {
    const short = line.repeat(3) + ERROR
    const long = line.repeat(50000 / 3) + ERROR
    const shift = long.length - short.length
    const inShort = await placesOf(short)
    const inLong = await placesOf(long)
    expect(inShort.map((found) => found.text)).toEqual(['21th', '3800,6500'])
    expect(inLong.map((found) => found.text)).toEqual(['21th', '3800,6500'])
    for (const [index, found] of inLong.entries()) {
      const expected = inShort[index]
      expect(found.actual).toBe(expected.actual)
      expect(found.start).toEqual({
        ...expected.start,
        column: expected.start.column + shift,
        offset: expected.start.offset! + shift
      })
      expect(found.start).toEqual(pointOf(long, long.indexOf(found.text)))
    }
  }, 60000)

  it('a message on a later line of the paragraph, and in a later paragraph, keeps its line and column', async () => {
    const escapes = line.repeat(20000)
    for (const value of [`${escapes}\n${ERROR}\n`, `${escapes}\n\n${ERROR}\n`, `${escapes}\r\n${ERROR}`]) {
      const found = await placesOf(value)
      expect(found.map((entry) => entry.text)).toEqual(['21th', '3800,6500'])
      for (const entry of found) {
        const at = value.indexOf(entry.text)
        expect(entry.start.offset).toBe(at)
        expect(entry.start.line).toBe(2 + (value.includes('\n\n') ? 1 : 0))
        expect(entry.start.column).toBe(at - value.lastIndexOf('\n', at))
      }
    }
  }, 60000)

  it('below the bound the prose is the unbounded parse’s, decoded characters on their escapes', () => {
    const value = `A \\*b\\* &amp; c &#35;1 &nbsp;d\\\\e &bogus; \`\\*\` <http://x.y/a&amp;b> ${ERROR}`
    const bounded = proseOf(value, true)
    expect(bounded).toEqual(proseOf(value, false))
    expect(bounded.text).toBe(`A *b* & c #1 \u00A0d\\e &bogus; \uFFFC http://x.y/a&amp;b ${ERROR}`)
    // Each decoded character stands for its escape in the file.
    const star = bounded.text.indexOf('*')
    expect(value.slice(bounded.offsets[star][0], bounded.offsets[star + 1][1])).toBe('\\*')
    const ampersand = bounded.text.indexOf('&')
    expect(value.slice(bounded.offsets[ampersand][0], bounded.offsets[ampersand + 1][1])).toBe('&amp;')
  })

  // Lines of escapes, references, emphasis and words, most past the bound: the prose
  // (and where each character of it stands in the file) is the unbounded parse's.
  const pieces = [
    '\\*',
    '\\_',
    '\\\\',
    '\\[',
    '\\`',
    '\\&',
    '&amp;',
    '&lt;',
    '&nbsp;',
    '&#35;',
    '&#x41;',
    '&eacute;',
    '&bogus;',
    '&amp',
    ' ',
    'word',
    '3800,6500',
    '21th',
    '.'
  ]
  const marked = ['*em*', '_em_', '**strong**', '[link](u)', '`code`']
  const paragraph = fc
    .tuple(
      fc.array(fc.constantFrom(...pieces), {minLength: 100, maxLength: 600}),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...marked)), {maxLength: 20})
    )
    .map(([line, insertions]) => {
      const out = [...line]
      for (const [at, piece] of insertions) out.splice(at % (out.length + 1), 0, ' ', piece, ' ')
      return 'Start ' + out.join('') + ' end.'
    })
  const document = fc
    .array(fc.tuple(paragraph, fc.constantFrom('\n', '\n\n', '\r\n')), {minLength: 1, maxLength: 3})
    .map((parts) => parts.map(([text, lineBreak]) => text + lineBreak).join(''))

  it('gives the prose and the places of the unbounded parse', () => {
    fc.assert(
      fc.property(document, (value) => {
        expect(proseOf(value, true)).toEqual(proseOf(value, false))
      }),
      {numRuns: 150, seed: 20261130}
    )
  }, 120000)
})

describe('brackets past the bound', () => {
  it('closing brackets past the bound are masked as opening ones are', () => {
    const value = '[a] '.repeat(MAX_INLINE) + 'x]'
    const {source} = readMarkdown(value)
    expect(source.length).toBe(value.length)
    // Both brackets count: the first MAX_INLINE / 2 pairs are read as they are.
    expect(source.slice(0, (MAX_INLINE / 2) * 4)).toBe('[a] '.repeat(MAX_INLINE / 2))
    expect(source.slice((MAX_INLINE / 2) * 4)).toBe('aaa '.repeat(MAX_INLINE / 2) + 'xa')
  })

  it('a message after 40,000 bracketed words is on its words', async () => {
    for (const unit of ['[a] ', 'a] ', '[a](u) ']) {
      const value = unit.repeat(20000) + ERROR
      const found = await placesOf(value)
      expect(found.map((entry) => entry.text)).toEqual(['21th', '3800,6500'])
      for (const entry of found) expect(entry.start).toEqual(pointOf(value, value.indexOf(entry.text)))
    }
  }, 60000)
})
