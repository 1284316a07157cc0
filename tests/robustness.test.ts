/**
 * Hostile input: no crash, no hang (each case must finish within the test
 * timeout), every range inside the document.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'

function checkRanges(value: string, file: Awaited<ReturnType<typeof lintText>>) {
  for (const message of file.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    expect(place).toBeDefined()
    expect(place!.start.offset).toBeGreaterThanOrEqual(0)
    expect(place!.end.offset).toBeLessThanOrEqual(value.length)
    expect(place!.end.offset).toBeGreaterThanOrEqual(place!.start.offset!)
  }
}

const cases: Array<[string, () => string, string?]> = [
  ['100,000 digits', () => '1'.repeat(100000)],
  ['50,000 commas', () => ','.repeat(50000)],
  ['1,1,1,... 100,000 times', () => '1,'.repeat(100000) + '1'],
  ['1.1.1... 100,000 times', () => '1.'.repeat(100000) + '1%'],
  ['<><><>... 50,000 times', () => '<>'.repeat(50000) + ' billion'],
  ['<>.<>.<>... 30,000 times', () => '<>.'.repeat(30000) + '<> billion'],
  ['{{{{ 50,000 times', () => '{'.repeat(50000) + '0}'],
  ['one 1 MB line of words', () => 'the 20 China-ASEAN Forum and Malaysia (Malaysia) '.repeat(20000)],
  ['capitalised words without end', () => 'Pham Minh '.repeat(50000)],
  ['parentheses without end', () => 'Expo ('.repeat(50000)],
  ['the 20s of the 80th century, repeated', () => 'the 20s of the 80th century '.repeat(20000)],
  ['e-mail-like runs', () => 'a@b@c@d.'.repeat(30000)],
  ['URL-like runs', () => 'http://'.repeat(30000)],
  ['hyphens and apostrophes', () => "a-'".repeat(50000)],
  ['NUL-free control characters', () => '\u0001\u0002\u0003\u200b\u202e'.repeat(20000)],
  [
    'deeply nested Markdown lists',
    () => Array.from({length: 2000}, (_, i) => ' '.repeat(i % 200) + '- 3800,6500').join('\n'),
    'story.md'
  ],
  ['deeply nested Markdown quotes', () => '>'.repeat(5000) + ' the 21th time', 'story.md'],
  ['unclosed HTML', () => '<p>'.repeat(20000) + '2000,18', 'story.html'],
  ['lone surrogates', () => '\ud800 21th \udc00'.repeat(1000)]
]

describe('hostile input', () => {
  it.each(cases)('%s', async (_name, make, path) => {
    const value = make()
    const file = await lintText(value, {path})
    checkRanges(value, file)
  })

  it('an empty file and a file of white space are clean', async () => {
    expect((await lintText('')).messages).toEqual([])
    expect((await lintText('\n\n  \t\n')).messages).toEqual([])
    expect((await lintText('', {path: 'a.md'})).messages).toEqual([])
    expect((await lintText('', {path: 'a.html'})).messages).toEqual([])
  })

  it('a NUL byte is an input error, not a crash', async () => {
    await expect(lintText('abc\u0000def')).rejects.toThrow(/binary/)
  })
})
