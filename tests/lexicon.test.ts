/**
 * data/lexicon.yaml: the word lists and tolerances the extraction and the rules
 * read, each once, checked on load with errors that name the key and line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileLexicon, lexicon} from '../src/knowledge/lexicon.js'
import {parseData} from '../src/knowledge/files.js'
import {tokenize} from '../src/extract/tokens.js'
import {root} from './helpers.js'

const yamlText = fs.readFileSync(path.join(root, 'data', 'lexicon.yaml'), 'utf8')

/** The built-in lexicon with `change` applied to its data, compiled. */
function compileChanged(change: (data: Record<string, unknown>) => void) {
  const {value, lineOf} = parseData<Record<string, unknown>>(yamlText, 'data/lexicon.yaml')
  change(value)
  return () => compileLexicon(value, 'data/lexicon.yaml', lineOf)
}

describe('the built-in lexicon', () => {
  const lex = lexicon()

  it('reads months once: names, short forms, days, in order', () => {
    expect(lex.calendarMonths).toHaveLength(12)
    expect(lex.calendarMonths[8]).toEqual({name: 'September', days: 30})
    expect(lex.calendarMonths[1]).toEqual({name: 'February', days: 29})
    expect(lex.months.get('sept')).toBe(9)
    expect(lex.months.get('september')).toBe(9)
    expect(lex.months.get('may')).toBe(5)
    expect(lex.months.size).toBe(24)
  })

  it('reads weekdays Sunday first, as Date#getUTCDay counts them', () => {
    expect(lex.weekdayNames).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'])
    expect(lex.weekdayNames[new Date(Date.UTC(2023, 8, 9)).getUTCDay()]).toBe('Saturday')
    expect(lex.weekdays.has('monday')).toBe(true)
  })

  it('builds every approximator from the bound lists, and the bounds from them', () => {
    const phrases = lex.approximators.map((words) => words.join(' ')).sort()
    expect(phrases).toEqual(
      [
        'more than',
        'over',
        'nearly',
        'almost',
        'about',
        'around',
        'approximately',
        'roughly',
        'some',
        'close to',
        'up to',
        'at least',
        'less than',
        'fewer than',
        'under',
        'exceeding',
        'exceeded',
        'above',
        'nearly to'
      ].sort()
    )
    expect([...lex.approxNearly].sort()).toEqual(['almost', 'close to', 'nearly', 'nearly to'])
    expect([...lex.approxNotOver].sort()).toEqual(['almost', 'fewer than', 'less than', 'nearly', 'under', 'up to'])
  })

  it('derives the marks before "$" from the currency prefixes', () => {
    expect([...lex.dollarMarks].sort()).toEqual(['A', 'C', 'HK', 'NT', 'NZ', 'R', 'S', 'US'])
  })

  it('keeps the tokenizer in step with the letter currency prefixes: each is split from a glued figure', () => {
    for (const prefix of lex.currencyPrefixes) {
      if (!/^[a-z]+$/i.test(prefix)) continue
      const tokens = tokenize(`${prefix}476`)
      expect(tokens.map((t) => [t.kind, t.text])).toEqual([
        ['word', prefix],
        ['number', '476']
      ])
    }
  })

  it('reads the tolerances with their bands', () => {
    expect(lex.tolerances.multipleBands.plain.rise).toEqual({low: 0.85, high: 1.15})
    expect(lex.tolerances.multipleBands.atLeast.rise).toEqual({low: 0.95, high: Infinity})
    expect(lex.tolerances.multipleBands.atLeast.fall).toEqual({low: 0, high: 1.05})
    expect(lex.tolerances.nearDays).toBe(45)
    expect(lex.tolerances.omittedMagnitudeRatio).toBe(1000)
  })

  it('keeps the two auxiliary lists apart: the verbs, and the fillers of a part', () => {
    expect([...lex.auxiliaryVerbs].sort()).toEqual(['are', 'had', 'has', 'have', 'is', 'was', 'were'])
    for (const word of lex.partFrameFillers) expect(lex.auxiliaryVerbs.has(word)).toBe(false)
  })
})

describe('checking the lexicon', () => {
  it('names a missing list and its file', () => {
    expect(compileChanged((data) => delete data.pronouns)).toThrow(
      /^data\/lexicon\.yaml(?::\d+)?: `pronouns` must be a list of strings/
    )
  })

  it('wants twelve months, each with its days', () => {
    expect(compileChanged((data) => (data.months as unknown[]).pop())).toThrow(
      /^data\/lexicon\.yaml:\d+: `months` must list the twelve months in order/
    )
    expect(compileChanged((data) => ((data.months as Array<Record<string, unknown>>)[3].days = 32))).toThrow(
      /`months\.3` needs `days`/
    )
  })

  it('wants seven weekdays', () => {
    expect(compileChanged((data) => (data.weekdays as unknown[]).pop())).toThrow(/`weekdays` must list the seven/)
  })

  it('refuses an approximator that ends another (their order would matter)', () => {
    expect(compileChanged((data) => (data.approx_about as string[]).push('than'))).toThrow(/`than` ends `more than`/)
  })

  it('refuses a band with its high end under its low end, with the line', () => {
    expect(
      compileChanged((data) => {
        const tolerances = data.tolerances as {multiple_bands: Record<string, Record<string, unknown>>}
        tolerances.multiple_bands.nearly.rise = {low: 1.2, high: 1.1}
      })
    ).toThrow(/^data\/lexicon\.yaml:\d+: `tolerances\.multiple_bands\.nearly\.rise` must be `\{low, high\}`/)
  })

  it('refuses a tolerance that is not a number', () => {
    expect(compileChanged((data) => ((data.tolerances as Record<string, unknown>).near_days = 'forty-five'))).toThrow(
      /`tolerances\.near_days` must be a number/
    )
  })
})
