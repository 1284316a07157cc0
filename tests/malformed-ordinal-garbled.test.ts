/**
 * malformed-ordinal, ordinals garbled inside the word: a stray letter before the suffix
 * ("2ith", "21sth"), a letter read for a digit ("2oth" for 20th, "2lst" for 21st), or a stray
 * letter after the suffix ("3thd", "2ndd"). Sentences written for these tests; the clean
 * counterparts (measures, times, models, codes, plurals of ordinals) must stay silent.
 */
import {describe, expect, it} from 'vitest'
import {garbledOrdinal} from '../rules/malformed-ordinal.js'
import {lintText} from './helpers.js'

interface Found {
  text: string
  reason: string
  expected?: string[]
}

async function check(text: string): Promise<Found[]> {
  const file = await lintText(text)
  return file.messages
    .filter((m) => m.ruleId === 'malformed-ordinal')
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return {
        text: text.slice(place?.start.offset ?? 0, place?.end.offset ?? 0),
        reason: m.reason,
        expected: m.expected
      }
    })
}

describe('malformed-ordinal: garbled ordinals', () => {
  it.each<[string, string, string[] | undefined]>([
    ['Delegates gathered for the 2ith congress of the party.', '2ith', undefined],
    ['The city hosted the 21sth edition of the fair.', '21sth', ['21st']],
    ['She finished 3thd in the final.', '3thd', ['3rd']],
    ['It is the 2oth anniversary of the treaty.', '2oth', ['20th']],
    ['Cities of the 2lst century need new transport.', '2lst', ['21st']],
    ['He came 2ndd in the sprint.', '2ndd', ['2nd']],
    ['The 4thd round begins on Monday.', '4thd', ['4th']],
    ['THE 1OTH ANNUAL MEETING OPENS TODAY.', '1OTH', ['10TH']],
    ['The 1rst prize went to a student.', '1rst', ['1st']],
    ['The bill passed its 3rdt reading.', '3rdt', ['3rd']],
    ['The 11ith plenary session closed.', '11ith', undefined],
    ['The 4oth parallel crosses the country.', '4oth', undefined],
    ['The 3ird report came out.', '3ird', ['3rd']]
  ])('%s', async (text, actual, expected) => {
    const found = await check(text)
    expect(found.map((f) => f.text)).toEqual([actual])
    expect(found[0].expected).toEqual(expected)
  })

  it('says what is wrong and offers the ordinal when it is certain', async () => {
    expect(await check('It was the 21sth meeting.')).toEqual([
      {text: '21sth', reason: 'Unexpected garbled ordinal `21sth`, expected `21st`', expected: ['21st']}
    ])
    expect(await check('It was the 2ith meeting.')).toEqual([
      {text: '2ith', reason: 'Unexpected garbled ordinal `2ith`', expected: undefined}
    ])
  })

  it.each([
    'He drives a 4x4 and owns a 3D printer.',
    'The shop opens at 10am and closes at 6pm, 5km from the station.',
    'The A320neo and the 737MAX flew 2,000 miles.',
    'The form asks for code 2i and box 3b.',
    'Three 4ths of the vote, and the 2nds sold cheaply; the 1sts went first.',
    'Shares hit a 12mth high on Friday.',
    'The 1st, 2nd, 3rd and 21st entries won; the 4cast app came 2nd.',
    'The 1990s were the decade of the 5kg bag and 20GB drives.',
    'A 100mph wind and 5mins of rain; 64kbps lines and 4GHz chips.'
  ])('silent: %s', async (text) => {
    expect(await check(text)).toEqual([])
  })

  it('reads only three- and four-letter suffixes in one case', () => {
    expect(garbledOrdinal('2', 'ith')).toEqual({stray: 'letters read for digits (i)'})
    expect(garbledOrdinal('2', 'iTh')).toBeUndefined()
    expect(garbledOrdinal('2', 'th')).toBeUndefined()
    expect(garbledOrdinal('2', 'ndhand')).toBeUndefined()
    expect(garbledOrdinal('4', 'ths')).toBeUndefined()
    expect(garbledOrdinal('12', 'mth')).toBeUndefined()
  })
})

describe('malformed-ordinal: configured event nouns', () => {
  const story = (noun: string) => `The 20 Harvest ${noun} opened in Nanning on Monday.`
  const lintWith = (text: string, eventNouns?: string[]) =>
    lintText(text, {rules: eventNouns ? {'malformed-ordinal': ['warn', {eventNouns}]} : undefined})

  it('a configured noun ends an event name; the built-in nouns still do', async () => {
    expect((await lintWith(story('Regatta'))).messages).toHaveLength(0)
    const configured = ['Regatta', 'jamboree']
    for (const noun of ['Regatta', 'Jamboree', 'Forum']) {
      // Twice: the second story reads the set made for the first.
      for (let run = 0; run < 2; run++) {
        const messages = (await lintWith(story(noun), configured)).messages
        expect(messages.map((m) => m.ruleId)).toEqual(['malformed-ordinal'])
      }
    }
    // Another list is another set.
    expect((await lintWith(story('Regatta'), ['Pageant'])).messages).toHaveLength(0)
    expect((await lintWith(story('Pageant'), ['Pageant'])).messages).toHaveLength(1)
  })
})
