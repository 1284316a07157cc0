/**
 * name-mismatch by class (issue 14): one person spelled two ways in many
 * wordings, each beside clean copy of the same shape that must stay silent;
 * office-holders in archive copy; the story's date read from the story.
 * All names here are made up or public office-holders; no corpus text.
 */
import {describe, expect, it} from 'vitest'
import {readStoryDate} from '../src/extract/story-date.js'
import {knowledge, lintText} from './helpers.js'

interface Case {
  text: string
  /** The exact text flagged (first occurrence). */
  flag?: string
  date?: string
  path?: string
}

/** The texts covered by name-mismatch messages. */
async function flagged(c: Case): Promise<string[]> {
  const file = await lintText(c.text, {date: c.date, path: c.path})
  expect(file.messages.filter((m) => m.fatal || !m.ruleId)).toEqual([])
  return file.messages
    .filter((m) => m.ruleId === 'name-mismatch')
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return String(file).slice(place?.start.offset, place?.end.offset)
    })
}

const misspelt: Array<Case & {flag: string}> = [
  // One letter changed, the later form without an introduction of its own.
  {
    text: 'Maria Kovalenko, the head of the grain traders\u2019 union, said exports would slow. Maria Kovalinko added that the ports were open.',
    flag: 'Maria Kovalinko'
  },
  {
    text: 'Finance Minister Rudi Hertono presented the budget on Tuesday. Lawmakers questioned the deficit, and Rudi Hertona said it would narrow.',
    flag: 'Rudi Hertona'
  },
  {
    text: 'Dr Samuel Okafor, who leads the vaccine trial, said results were due in May. "We are on schedule," said Samuel Okafar.',
    flag: 'Samuel Okafar'
  },
  // A letter added to a short word.
  {
    text: 'Vice Premier Chen Bo toured the port on Sunday. Chen Bao said the new berths would open next year.',
    flag: 'Chen Bao'
  },
  // Two neighbouring letters swapped.
  {
    text: 'Ahmed Farouk, the central bank governor, said rates would hold. Ahmed Faruok said inflation was easing.',
    flag: 'Ahmed Faruok'
  },
  // The syllables of a given name swapped.
  {
    text: 'Zhang Minghua, a researcher at the institute, said the data were sound. Zhang Huaming said more work was needed.',
    flag: 'Zhang Huaming'
  },
  // The words of a name in another order.
  {
    text: 'Nguyen Van Long, the port director, said cargo volumes rose. Van Nguyen Long said a second terminal was planned.',
    flag: 'Van Nguyen Long'
  },
  // A letter dropped (as before).
  {
    text: 'Transport Minister Budi Karya Sumadi opened the line. Budi Karya Sumad said trains would run every ten minutes.',
    flag: 'Budi Karya Sumad'
  },
  // A surname alone, a letter dropped.
  {
    text: 'Helen Marchetti, the coach, named her squad on Friday. "We are ready," Marchett said.',
    flag: 'Marchett'
  },
  // A known office-holder next to the title, one letter changed.
  {
    date: '2023-06-01',
    text: 'Japanese Prime Minister Fumio Kishido hosted the summit in Hiroshima.',
    flag: 'Fumio Kishido'
  }
]

const clean: Case[] = [
  // The later name has an introduction of its own: a different person.
  {text: 'Foreign Minister Wang Yi met Wang Yin, a trade official, on Friday. Wang Yin said ties were good.'},
  {
    text: 'Finance Minister Rudi Hertono and Deputy Health Minister Rudi Hertana spoke on Monday. Rudi Hertana said clinics would reopen.'
  },
  // The later form is written more often than the first: two people.
  {
    text: 'Li Na said the team was ready. Li Nan said the coach had left. Li Nan said the season was over. Li Nan added nothing.'
  },
  // Given names one letter apart with one family name: two members of a family.
  {text: 'Mark Jones, the father, said the school had called. Mary Jones said the call came late.'},
  {text: 'Dan Brown, the owner, opened the shop. Dana Brown said business was slow.'},
  // Short words one letter apart are often different names.
  {text: 'Vice Premier Chen Bo toured the port on Sunday. Chen Ba said the berths would open next year.'},
  // Transliteration variants of one name are not misspellings.
  {
    date: '2003-06-01',
    text: 'German Chancellor Gerhard Schroeder met union leaders. Gerhard Schr\u00f6der said reform would go on.'
  },
  {date: '2003-06-01', text: 'Chancellor Gerhard Schroder spoke in Berlin.'},
  {text: 'Sergei Ivanov, the defence minister, spoke in Moscow. Sergey Ivanov said the army would shrink.'},
  {text: 'Pranab Mukherjee, the finance minister, spoke in Delhi. "Growth will return," Mukerjee said.'},
  // A middle initial is part of the name.
  {date: '2005-06-01', text: 'US President George W. Bush said the talks would go on.'},
  {date: '1991-06-01', text: 'US President George H. W. Bush welcomed the treaty.'},
  // A surname alone one letter from two earlier people: no telling which.
  {
    text: 'Helen Marchetti, the coach, and Paolo Marchetto, the captain, named the squad. "We are ready," Marchett said.'
  },
  // Two different known people who share a surname.
  {date: '2015-06-01', text: 'Chinese Premier Li Keqiang met Li Qiang, the party chief of Zhejiang, in Hangzhou.'}
]

describe('name-mismatch: one person spelled two ways', () => {
  it.each(misspelt)('flags `$flag`', async (c) => {
    expect(c.text).toContain(c.flag)
    expect(await flagged(c)).toEqual([c.flag])
  })

  it.each(clean)('stays silent: $text', async (c) => {
    expect(await flagged(c)).toEqual([])
  })

  it('says how the spellings differ and points back to the first', async () => {
    const text = misspelt[0].text
    const file = await lintText(text)
    const message = file.messages.find((m) => m.ruleId === 'name-mismatch')!
    expect(message.reason).toBe(
      'Unexpected `Maria Kovalinko`: the same person is written `Maria Kovalenko` earlier in the story'
    )
    expect(message.expected).toEqual(['Maria Kovalenko'])
    expect(message.note).toContain('one letter changed')
    const related = (message as unknown as {related: Array<{start: {offset: number}}>}).related
    expect(related.map((r) => r.start.offset)).toEqual([0])
  })
})

describe('name-mismatch: office-holders in archive copy', () => {
  it('never throws on any office at any date, holder known, vacant or not yet created', async () => {
    const texts: string[] = []
    for (const office of knowledge.data.offices.values()) {
      const entity = knowledge.entity(office.country)
      if (!entity) continue
      for (const title of office.titles.slice(0, 2)) {
        texts.push(`${entity.name}\u2019s ${title} Quentin Marlowe said the talks went well.`)
        texts.push(`${entity.name}\u2019s ${title} ${office.holders[0]?.name ?? 'Ann Other'} said so.`)
      }
    }
    for (const date of ['1990-06-01', '2005-06-01', '2016-06-01', undefined]) {
      const file = await lintText(texts.join('\n\n'), {date})
      expect(file.messages.filter((m) => m.fatal || !m.ruleId || !m.place)).toEqual([])
    }
  })

  it('says when a former holder left office, with the story date and where it came from', async () => {
    const file = await lintText('British Prime Minister Tony Blair said the vote would be close.', {date: '2012-03-01'})
    const messages = file.messages.filter((m) => m.ruleId === 'name-mismatch')
    expect(messages.map((m) => m.reason)).toEqual([
      'Unexpected `Tony Blair` as British Prime Minister: Tony Blair left office in 2007; write `former British Prime Minister`'
    ])
    expect(messages[0].note).toContain('story date 2012-03-01 (the date setting)')
    expect(messages[0].note).toContain('David Cameron')
  })

  it.each([
    // Named as a former holder, placed in the holder's time, or an archive story with no date.
    {text: 'Former British Prime Minister Tony Blair said the vote would be close.', date: '2012-03-01'},
    {text: 'In 2005, British Prime Minister Tony Blair said the vote would be close.', date: '2012-03-01'},
    {text: 'British Prime Minister Tony Blair said the vote would be close.', date: '2005-06-01'},
    {text: 'British Prime Minister Tony Blair said the vote would be close.', date: undefined},
    {text: 'German Chancellor Gerhard Schroeder said the vote would be close.', date: undefined}
  ])('stays silent: $text ($date)', async (c) => {
    expect(await flagged(c)).toEqual([])
  })

  it('flags a holder named before taking office, as before', async () => {
    expect(await flagged({text: 'British Prime Minister Gordon Brown said so.', date: '2005-06-01'})).toEqual([
      'Gordon Brown'
    ])
  })
})

describe('the story date from the story', () => {
  const blair = 'British Prime Minister Tony Blair said the vote would be close.'

  it.each([
    {
      from: 'front matter',
      says: 'the front matter `date:`',
      path: 'story.md',
      text: `---\ntitle: Vote\ndate: 2012-03-01\n---\n\n${blair}\n`
    },
    {
      from: 'meta tag',
      says: 'the `article:published_time` meta tag',
      path: 'story.html',
      text: `<html><head><meta content="2012-03-01T09:00:00Z" property="article:published_time"></head><body><p>${blair}</p></body></html>`
    },
    {
      from: 'time element',
      says: 'the `<time datetime>` element',
      path: 'story.html',
      text: `<html><body><p>Published <time datetime="2012-03-01">on Thursday</time>. ${blair}</p></body></html>`
    },
    {from: 'dateline', says: 'the dateline', path: 'story.txt', text: `London, March 1, 2012 -- ${blair}\n`},
    {from: 'file name', says: 'the file name', path: 'news/2012-03-01-vote.txt', text: `${blair}\n`}
  ])('reads it from the $from and says so', async ({path, text, says}) => {
    const file = await lintText(text, {path})
    const messages = file.messages.filter((m) => m.ruleId === 'name-mismatch')
    expect(messages.map((m) => m.reason)).toEqual([
      'Unexpected `Tony Blair` as British Prime Minister: Tony Blair left office in 2007; write `former British Prime Minister`'
    ])
    expect(messages[0].note).toContain('story date 2012-03-01')
    expect(messages[0].note).toContain(`story date 2012-03-01 (${says})`)
  })

  it('lets the date setting win over the story', async () => {
    expect(
      await flagged({path: '2012-03-01-vote.md', text: `---\ndate: 2012-03-01\n---\n\n${blair}\n`, date: '2005-06-01'})
    ).toEqual([])
  })

  it('ignores dates that do not exist and metadata past the head', () => {
    const base = {text: '', dates: [], today: '2026-11-29'}
    expect(readStoryDate({...base, document: '', path: '2005-02-30-x.txt'}).from).toBe('today')
    expect(readStoryDate({...base, document: '---\ndate: soon\n---\n'}).from).toBe('today')
    expect(readStoryDate({...base, document: 'date: 2005-03-01\n'}).from).toBe('today')
    expect(readStoryDate({...base, document: 'x'.repeat(70000) + '<time datetime="2005-03-01">'}).from).toBe('today')
    expect(readStoryDate({...base, document: '---\ndate: "2005-03-01T10:00"\n---\n'})).toEqual({
      date: '2005-03-01',
      from: 'front-matter',
      yearKnown: true
    })
    expect(readStoryDate({...base, document: '', path: 'C:\\news\\2005-03-12-budget.txt'}).date).toBe('2005-03-12')
    expect(readStoryDate({...base, document: '', setting: '2001-01-01', path: '2005-03-12.txt'}).from).toBe('setting')
  })
})
