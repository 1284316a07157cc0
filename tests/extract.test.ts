/** The shared extraction: one tokenizer, one reading of numerals. */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {tokenize} from '../src/extract/tokens.js'
import {ordinalSuffix, parseNumeral} from '../src/extract/figures.js'
import {lintText} from './helpers.js'

describe('parseNumeral', () => {
  it.each([
    ['1,234,567', 1234567, 'western'],
    ['12,34,567', 1234567, 'indian'],
    ['1,234.5', 1234.5, 'western'],
    ['4873', 4873, 'none'],
    ['2.470', 2.47, 'none']
  ] as const)('%s is %d (%s)', (digits, value, grouping) => {
    expect(parseNumeral(digits)).toMatchObject({base: value, grouping})
  })

  it.each(['3800,6500', '2000,18', '45,67', '12,3456', '0,5', '1.234,56', '1,2,3'])('%s is invalid', (digits) => {
    expect(parseNumeral(digits)).toMatchObject({base: null, grouping: 'invalid'})
  })

  it('counts decimal points', () => {
    expect(parseNumeral('1.2.3')).toEqual({base: null, grouping: 'none', decimalPoints: 2})
  })
})

describe('ordinalSuffix', () => {
  it.each([
    [1, 'st'],
    [2, 'nd'],
    [3, 'rd'],
    [4, 'th'],
    [11, 'th'],
    [12, 'th'],
    [13, 'th'],
    [21, 'st'],
    [22, 'nd'],
    [23, 'rd'],
    [101, 'st'],
    [111, 'th'],
    [112, 'th'],
    [1000, 'th']
  ] as const)('%d%s', (n, suffix) => {
    expect(ordinalSuffix(n)).toBe(suffix)
  })
})

describe('tokenize', () => {
  it('gives the same tokens on its ASCII fast path as with the pattern alone', () => {
    // Copy-like pieces, and the characters where the fast path must hand over to the pattern.
    const piece = fc.constantFrom(
      'word',
      'Expo',
      'x',
      '21',
      '21th',
      '3800,6500',
      '1.2.3',
      '12:30',
      '7bn',
      'US$',
      'RM476.5',
      'China-ASEAN',
      "don't",
      'it’s',
      'café',
      'naïve',
      '5年',
      '一',
      '‐',
      '-',
      "'",
      '’',
      '.',
      ',',
      ':',
      ';',
      '@',
      'http',
      'https://a.example/x?y=1',
      'www.example.org',
      'a@b.example',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '\r\n',
      '\u00a0',
      '\u200b',
      '\ufffc',
      'e\u0301',
      '(',
      ')',
      '"',
      '%',
      '£'
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        expect(tokenize(text)).toEqual(tokenize(text, false))
      }),
      {numRuns: 2000}
    )
  })

  it('gives the same tokens on its fast path as with the pattern alone: any printable ASCII, digits and words', () => {
    const ascii = Array.from({length: 95}, (_, index) => String.fromCharCode(32 + index))
    const piece = fc.constantFrom(...ascii, '12', '3.5', 'Word', 'x1', '\u00a0', '\v', '\f', '\u0000', 'é')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const text = pieces.join('')
        expect(tokenize(text)).toStrictEqual(tokenize(text, false))
      }),
      {numRuns: 2000, seed: 20261130}
    )
  })

  it('keeps hyphenated words, numbers with suffixes and URLs whole', () => {
    const tokens = tokenize('The China-ASEAN Expo, 21th, US$7bn, 1980s: see https://a.example/x?y=1, ok.')
    expect(tokens.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'word:The',
      'word:China-ASEAN',
      'word:Expo',
      'punct:,',
      'number:21th',
      'punct:,',
      'word:US',
      'punct:$',
      'number:7bn',
      'punct:,',
      'number:1980s',
      'punct::',
      'word:see',
      'barrier:https://a.example/x?y=1',
      'punct:,',
      'word:ok',
      'punct:.'
    ])
  })
})

describe('extraction on a file', () => {
  it('reads currency, magnitude, approximation and percent into one figure', async () => {
    const file = await lintText('Investment exceeded more than US$7.5 billion, up 12.5 percent.')
    const figures = file.data.extraction!.figures
    expect(figures[0]).toMatchObject({
      raw: '7.5',
      currency: 'US$',
      magnitude: 'billion',
      value: 7.5e9,
      approx: 'more than'
    })
    expect(figures[1]).toMatchObject({raw: '12.5', percent: true, value: 12.5})
  })

  it('reads dates, times, decades and centuries', async () => {
    const x = (await lintText('On Sept. 9, 2023 at 10:30 a.m., in the 80s of the 20th century.')).data.extraction!
    expect(x.dates[0]).toMatchObject({month: 9, day: 9, year: 2023})
    expect(x.times[0]).toMatchObject({hour: 10, minute: 30, clock: true})
    expect(x.decades[0]).toMatchObject({value: 80})
    expect(x.centuries[0]).toMatchObject({value: 20})
  })

  it('finds the story date in a dateline', async () => {
    expect((await lintText('HANOI, March 3, 2022 (VNA) -- Text.')).data.extraction!.storyDate).toEqual({
      date: '2022-03-03',
      from: 'dateline',
      yearKnown: true
    })
    expect((await lintText('Nanning, September 9 (ZXS) -- Text.')).data.extraction!.storyDate).toEqual({
      date: '2026-09-09',
      from: 'dateline',
      yearKnown: false
    })
    expect((await lintText('Headline\n\nWednesday, September 7, 2016\n\nText.')).data.extraction!.storyDate.date).toBe(
      '2016-09-07'
    )
    expect((await lintText('No date here.')).data.extraction!.storyDate).toEqual({
      date: '2026-11-29',
      from: 'today',
      yearKnown: true
    })
    expect((await lintText('No date here.', {date: '2020-01-02'})).data.extraction!.storyDate.from).toBe('setting')
  })
})
