/**
 * Properties over arbitrary and mutated copy (fast-check): linting never
 * throws, every range lies inside the document and points at the text it
 * names, and the output is deterministic.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintText, read} from './helpers.js'

function check(value: string, file: Awaited<ReturnType<typeof lintText>>, plain: boolean) {
  for (const message of file.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    expect(place).toBeDefined()
    const start = place!.start.offset!
    const end = place!.end.offset!
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeLessThanOrEqual(value.length)
    expect(end).toBeGreaterThanOrEqual(start)
    // In plain text the range is the text the message quotes.
    if (plain && message.actual !== undefined) expect(value.slice(start, end)).toBe(message.actual)
  }
}

const noNul = (s: string) => !s.includes('\u0000')
const formats = ['story.txt', 'story.md', 'story.html'] as const

describe('properties', () => {
  it.each(formats)('arbitrary Unicode text in %s: no throw, ranges inside, deterministic', async (path) => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: 'grapheme', maxLength: 400}).filter(noNul), async (value) => {
        const a = await lintText(value, {path})
        check(value, a, path === 'story.txt')
        const b = await lintText(value, {path})
        expect(JSON.stringify(b.messages)).toBe(JSON.stringify(a.messages))
      }),
      {numRuns: 150, seed: 20261129}
    )
  })

  const pieces = [
    '3800,6500',
    '2000,18',
    '<>.<>',
    ' billion',
    '%',
    '21th',
    'the 20 ',
    ' Forum',
    '(',
    ')',
    '"',
    'Malaysia (Malaysia)',
    'Pham Minh Trung',
    ' said',
    ', ',
    '\n\n',
    'the 20s of the 80th century',
    'February 30',
    '25:40 local time',
    'a population of 18 billion',
    '1.2.3',
    '{0}',
    'XX million',
    '&amp;',
    '*',
    '`',
    '<!--copydesk disable-->',
    '#',
    '\u00A0',
    '\r\n',
    '\uFEFF'
  ]
  const seed = read('fixtures/seed/china-asean-expo.txt')
  const clean = read('fixtures/clean-wikinews/gum_wikinews_expo.txt')

  it.each(formats)(
    'random mutations of the fixtures in %s',
    async (path) => {
      const mutation = fc.record({
        base: fc.constantFrom(seed, clean),
        edits: fc.array(
          fc.record({
            at: fc.nat(),
            cut: fc.nat({max: 12}),
            insert: fc.oneof(fc.constantFrom(...pieces), fc.stringMatching(/^[0-9,.<>()]{1,8}$/))
          }),
          {maxLength: 12}
        )
      })
      await fc.assert(
        fc.asyncProperty(mutation, async ({base, edits}) => {
          let value = base
          for (const edit of edits) {
            const at = edit.at % (value.length + 1)
            value = value.slice(0, at) + edit.insert + value.slice(at + edit.cut)
          }
          const file = await lintText(value, {path})
          check(value, file, path === 'story.txt')
          const again = await lintText(value, {path})
          expect(JSON.stringify(again.messages)).toBe(JSON.stringify(file.messages))
        }),
        {numRuns: 60, seed: 29112026}
      )
    },
    120000
  )
})
