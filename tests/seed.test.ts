/**
 * Acceptance: the seed story yields exactly the errors of fixtures/seed/ERRORS.md
 * that are not marked stretch, each with its rule id and within the range of its
 * text, and nothing else.
 */
import {describe, expect, it} from 'vitest'
import {ruleIds} from '../src/index.js'
import {lintText, read} from './helpers.js'

interface Row {
  line: number
  text: string
  ruleId: string
}

function expectedRows(): Row[] {
  const rows: Row[] = []
  for (const line of read('fixtures/seed/ERRORS.md').split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length < 5 || !/^\d+$/.test(cells[1])) continue
    const [, lineNo, quoted, klass] = cells
    if (/stretch/.test(klass) || /^none/.test(klass)) continue
    const ruleId = klass.split(/\s/)[0]
    rows.push({line: Number(lineNo), text: quoted.slice(1, -1), ruleId})
  }
  return rows
}

describe('seed story', async () => {
  const story = read('fixtures/seed/china-asean-expo.txt')
  const lines = story.split('\n')
  const file = await lintText(story, {path: 'china-asean-expo.txt'})
  const rows = expectedRows()

  it('ERRORS.md lists the ten core errors with known rule ids', () => {
    expect(rows).toHaveLength(10)
    for (const row of rows) expect(ruleIds).toContain(row.ruleId)
  })

  it.each(rows.map((r) => [`${r.line} ${r.ruleId}: ${r.text}`, r] as const))('reports %s', (_name, row) => {
    const start = lines[row.line - 1].indexOf(row.text)
    expect(start).toBeGreaterThanOrEqual(0)
    const end = start + row.text.length
    const hits = file.messages.filter((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return (
        m.ruleId === row.ruleId &&
        place !== undefined &&
        place.start.line === row.line &&
        place.end.line === row.line &&
        place.start.column - 1 >= start &&
        place.end.column - 1 <= end &&
        place.end.column > place.start.column
      )
    })
    expect(hits).toHaveLength(1)
  })

  it('reports nothing else', () => {
    expect(file.messages.map((m) => `${m.line}:${m.ruleId}`)).toHaveLength(rows.length)
  })

  it('suggests the corrections an editor needs', () => {
    const byRule = (id: string, line: number) => file.messages.find((m) => m.ruleId === id && m.line === line)!
    expect(byRule('impossible-figure', 1).expected).toEqual(['2.1 billion'])
    expect(byRule('impossible-figure', 1).note).toMatch(/8\.1 billion in 2024 \(World Bank/)
    expect(byRule('malformed-ordinal', 1).expected).toEqual(['20th'])
    expect(byRule('malformed-ordinal', 11).expected).toEqual(['the 1980s'])
    expect(byRule('name-mismatch', 3).expected).toEqual(['CAEXPO', 'the Expo'])
    expect(byRule('name-mismatch', 3).note).toMatch(/used 3 more times/)
    expect(byRule('name-mismatch', 23).expected).toEqual(['Malaysia'])
    expect(byRule('name-mismatch', 29).expected?.[0]).toBe('Pham Minh Chinh')
    expect(byRule('name-mismatch', 31).expected).toEqual(['Guangxi Minzu University'])
    expect(byRule('garbled-numeral', 21).actual).toBe('2000,18')
  })

  it('with the story date set, suggests the holder in office on that day', async () => {
    const dated = await lintText(story, {date: '2023-09-09'})
    const message = dated.messages.find((m) => m.ruleId === 'name-mismatch' && m.line === 29)!
    expect(message.expected).toEqual(['Pham Minh Chinh'])
  })

  it('is deterministic', async () => {
    const again = await lintText(story, {path: 'china-asean-expo.txt'})
    expect(JSON.stringify(again.messages)).toBe(JSON.stringify(file.messages))
  })
})
