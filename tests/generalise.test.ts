/**
 * Generalisation: invalid copy written fresh (not from the seed story or the rule
 * docs). Each case names the rule and the exact text a newsroom expects flagged;
 * exactly one message of that rule must cover exactly that text.
 *
 * Cases the linter currently gets wrong are kept, as a newsroom expects them, in
 * `gaps` below with `it.fails` and a `// GAP:` comment: they document rule defects.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'

interface Case {
  ruleId: 'garbled-numeral' | 'impossible-figure' | 'malformed-ordinal' | 'name-mismatch'
  text: string
  /** The exact text to be flagged (its first occurrence in `text`). */
  flag: string
  /** Story date (YYYY-MM-DD), when a name or title depends on it. */
  date?: string
}

const cases: Case[] = [
  // garbled-numeral
  {
    ruleId: 'garbled-numeral',
    text: 'Exports to the bloc rose to ##.# billion yuan in the first half, the customs agency said.',
    flag: '##.# billion'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'The ministry said {0} billion dollars had been set aside for flood relief.',
    flag: '{0} billion'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'Youth unemployment stood at XX percent in March, up from a year earlier.',
    flag: 'XX percent'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'The province recorded 12,3456 foreign tourist arrivals in the first quarter.',
    flag: '12,3456'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'Some 1500,2300 workers were laid off when the garment factory closed.',
    flag: '1500,2300'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'Growth slowed to 4.5.2% in the third quarter as exports weakened.',
    flag: '4.5.2%'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'A total of <> million tonnes of rice was shipped to the Philippines last year.',
    flag: '<> million'
  },
  {
    ruleId: 'garbled-numeral',
    text: 'The two sides signed deals with a combined investment of X.X billion yuan.',
    flag: 'X.X billion'
  },
  {ruleId: 'garbled-numeral', text: 'The bank extended loans of 250,0000 euros to small exporters.', flag: '250,0000'},
  {ruleId: 'garbled-numeral', text: 'The port handled 56,78 containers a day during the peak season.', flag: '56,78'},

  // impossible-figure
  {
    ruleId: 'impossible-figure',
    text: 'The two blocs, with a combined population of 12 billion, agreed to cut tariffs on farm goods.',
    flag: '12 billion'
  },
  {
    ruleId: 'impossible-figure',
    text: 'India\u2019s population of 14 billion makes it the world\u2019s largest consumer market.',
    flag: '14 billion'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Japan, with a population of 1.2 billion, is ageing faster than any other rich country.',
    flag: '1.2 billion'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Singapore, with a population of 59 million, relies on imports for 90% of its food.',
    flag: '59 million'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The deadline for applications was extended to 31 April, the ministry said.',
    flag: '31 April'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The contract was signed on February 29, 2023, in Hanoi.',
    flag: 'February 29, 2023'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Online voting will close on June 31, the party said in a statement.',
    flag: 'June 31'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The magnitude 6.1 quake struck at 25:40 local time, the geological agency said.',
    flag: '25:40'
  },
  {ruleId: 'impossible-figure', text: 'The delayed flight finally landed at 14:75 GMT.', flag: '14:75'},
  {
    ruleId: 'impossible-figure',
    text: 'Electronics accounted for 130 percent of exports to the United States last year.',
    flag: '130 percent'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The survey found that 120 percent of respondents supported the new tax.',
    flag: '120 percent'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Women made up 140% of the electorate in the district, officials said.',
    flag: '140%'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Villagers gathered to celebrate the birthday of a 135-year-old man on Sunday.',
    flag: '135'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The 128-year-old grandmother said the secret to a long life was hard work.',
    flag: '128'
  },

  // malformed-ordinal
  {
    ruleId: 'malformed-ordinal',
    text: 'Delegates gathered in Beijing for the 19 Party Congress, which opened on Wednesday.',
    flag: '19'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'The Kenyan finished 2th in the 5,000 metres behind the world champion.',
    flag: '2th'
  },
  {ruleId: 'malformed-ordinal', text: 'Fire broke out on the 12nd floor of the residential tower.', flag: '12nd'},
  {
    ruleId: 'malformed-ordinal',
    text: 'The club will mark its 101th anniversary with a friendly against Juventus.',
    flag: '101th'
  },
  {ruleId: 'malformed-ordinal', text: 'The results will be announced on the 23th of March.', flag: '23th'},
  {
    ruleId: 'malformed-ordinal',
    text: 'Leaders signed the declaration at the 22th ASEAN Summit in Bandar Seri Begawan.',
    flag: '22th'
  },
  {ruleId: 'malformed-ordinal', text: 'It was the 111st running of the race, the organisers said.', flag: '111st'},
  {
    ruleId: 'malformed-ordinal',
    text: 'The ministry was set up in the 90s of the last century to manage state assets.',
    flag: 'the 90s of the last century'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'The railway was built by British engineers in the 50s of the 19th century.',
    flag: 'the 50s of the 19th century'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'Reform and opening-up began at the end of the 70s of the 20th century.',
    flag: 'the 70s of the 20th century'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'French firms signed deals worth $1 billion at the 6 China International Import Expo.',
    flag: '6'
  },
  {ruleId: 'malformed-ordinal', text: 'Chengdu hosted the 31 FISU World University Games last summer.', flag: '31'},

  // name-mismatch
  {
    ruleId: 'name-mismatch',
    date: '2020-05-01',
    text: 'Indonesian President Joko Widodi ordered a ban on the annual Eid exodus to curb the virus.',
    flag: 'Joko Widodi'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-05-01',
    text: 'Chinese Premier Li Keqiang told the Davos meeting that China remained open to investment.',
    flag: 'Li Keqiang'
  },
  {
    ruleId: 'name-mismatch',
    text: 'Tourist arrivals in Thailand (Thailand) rose 20% in the first half.',
    flag: 'Thailand (Thailand)'
  },
  {
    ruleId: 'name-mismatch',
    text: 'Hydropower exports from Laos (Laos) to Thailand hit a record in May.',
    flag: 'Laos (Laos)'
  },
  {
    ruleId: 'name-mismatch',
    date: '2023-09-09',
    text: 'Vietnamese Prime Minister Pham Minh Chinh met investors in Hanoi on Monday. Pham Minh Chin said Vietnam would cut red tape.',
    flag: 'Pham Minh Chin'
  },
  {
    ruleId: 'name-mismatch',
    date: '2023-06-01',
    text: 'Malaysian Prime Minister Anwar Ibrahim arrived in Jakarta on Thursday. Anwar Ibrahm said palm oil would top the agenda.',
    flag: 'Anwar Ibrahm'
  },
  {
    ruleId: 'name-mismatch',
    text: 'Chinese President Xi Jinping arrived in Moscow on Monday. Xi Jingping said the visit would deepen trust.',
    flag: 'Xi Jingping'
  },
  {
    ruleId: 'name-mismatch',
    date: '2025-03-01',
    text: 'Singaporean Prime Minister Lee Hsien Loong will visit Malaysia next week, his office said.',
    flag: 'Lee Hsien Loong'
  },
  {
    ruleId: 'name-mismatch',
    date: '2023-06-01',
    text: 'Japanese Prime Minister Shinzo Abe hosted G7 leaders in Hiroshima.',
    flag: 'Shinzo Abe'
  },
  {
    ruleId: 'name-mismatch',
    date: '2025-01-10',
    text: 'Thai Prime Minister Srettha Thavisin said the digital wallet handout would go ahead.',
    flag: 'Srettha Thavisin'
  },
  {
    ruleId: 'name-mismatch',
    text: 'Officials from the National Development and Reform Committee briefed reporters in Beijing.',
    flag: 'National Development and Reform Committee'
  },
  {
    ruleId: 'name-mismatch',
    text: 'The Association of Southeast Asian Nations (hereinafter referred to as the "South Alliance") will meet in Laos.',
    flag: 'South Alliance'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-09-01',
    text: 'Students at the Central University for Nationalities in Beijing returned to classes on Monday.',
    flag: 'Central University for Nationalities'
  },
  // second batch
  {ruleId: 'garbled-numeral', text: 'The state will spend Rs 3,50,00 crore on rural roads this year.', flag: '3,50,00'},
  {ruleId: 'garbled-numeral', text: 'Gross margins narrowed to xx.x% in the quarter, the company said.', flag: 'xx.x%'},
  {ruleId: 'garbled-numeral', text: 'Household spending grew 4,5% in the year to June.', flag: '4,5'},
  {
    ruleId: 'impossible-figure',
    text: 'Vietnam\u2019s population of 1 billion makes it a magnet for consumer brands.',
    flag: '1 billion'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Parliament will reconvene on 30 February after the recess.',
    flag: '30 February'
  },
  {ruleId: 'impossible-figure', text: 'The blast was heard at 24:30 local time, residents said.', flag: '24:30'},
  {
    ruleId: 'impossible-figure',
    text: 'The rally will begin at 9:65 a.m. outside the parliament building.',
    flag: '9:65'
  },
  {
    ruleId: 'impossible-figure',
    text: 'Foreign investors held 105 percent of the shares at the end of June.',
    flag: '105 percent'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The ruling party won 115 percent of the seats in Sunday\u2019s election.',
    flag: '115 percent'
  },
  {ruleId: 'impossible-figure', text: 'Smartphones comprised 150% of shipments in the second quarter.', flag: '150%'},
  {
    ruleId: 'impossible-figure',
    text: 'A 150-year-old woman living in the mountains received a government award.',
    flag: '150'
  },
  {ruleId: 'impossible-figure', text: 'Relatives said the man, aged 131, had never seen a doctor.', flag: '131'},
  {ruleId: 'malformed-ordinal', text: 'Turkey finished 3th in the medal table.', flag: '3th'},
  {ruleId: 'malformed-ordinal', text: 'The bill passed on its 1th reading.', flag: '1th'},
  {ruleId: 'malformed-ordinal', text: 'The 112nd session of the council ended on Friday.', flag: '112nd'},
  {ruleId: 'malformed-ordinal', text: 'The motion was raised at the 13st meeting of the committee.', flag: '13st'},
  {
    ruleId: 'malformed-ordinal',
    text: 'The factory was built in the 80s of the 20th century.',
    flag: 'the 80s of the 20th century'
  },
  {
    ruleId: 'name-mismatch',
    date: '2023-06-01',
    text: 'Australian Prime Minister Scott Morrison said the deal was good for farmers.',
    flag: 'Scott Morrison'
  },
  {
    ruleId: 'name-mismatch',
    date: '2023-06-01',
    text: 'German Chancellor Angela Merkel arrived in Beijing for talks on trade.',
    flag: 'Angela Merkel'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-06-01',
    text: 'Indian Prime Minister Narendra Mody addressed supporters in Varanasi.',
    flag: 'Narendra Mody'
  },
  {
    ruleId: 'name-mismatch',
    text: 'Hotel occupancy in Cambodia (Cambodia) rose to 70% in December.',
    flag: 'Cambodia (Cambodia)'
  },
  {
    ruleId: 'name-mismatch',
    date: '2025-01-15',
    text: 'Indonesian President Prabowo Subiyanto inaugurated the new airport.',
    flag: 'Prabowo Subiyanto'
  },
  {
    ruleId: 'name-mismatch',
    text: 'The Regional Comprehensive Economic Partnership (hereinafter referred to as "Zone Agreement") took effect in 2022.',
    flag: 'Zone Agreement'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-06-01',
    text: 'Athletes from the Republic of Macedonia will compete in Paris.',
    flag: 'Republic of Macedonia'
  },
  // Was a gap: the possessive in "People\u2019s" split the name before "Congress".
  {
    ruleId: 'malformed-ordinal',
    text: 'Delegates will vote at the 15 National People\u2019s Congress.',
    flag: '15'
  },
  // Once a gap: a one-letter variant of a two-part Chinese name, the later form with no introduction of its own.
  {
    ruleId: 'name-mismatch',
    text: 'Foreign Minister Wang Yi arrived in Jakarta on Friday. Wang Yin said China valued its ties with ASEAN.',
    flag: 'Wang Yin'
  }
]

/** Invalid copy an earlier version missed or placed wrong (found by this suite, then fixed). */
const regressions: Case[] = [
  {
    ruleId: 'garbled-numeral',
    text: 'The group reported revenue of 1.2.3 million ringgit for the year.',
    flag: '1.2.3 million'
  },
  {ruleId: 'garbled-numeral', text: 'The project is valued at 12.5.1 billion pesos.', flag: '12.5.1 billion'},
  {ruleId: 'garbled-numeral', text: 'Losses at the carmaker widened to ??? billion yen.', flag: '??? billion'},
  {
    ruleId: 'impossible-figure',
    text: 'Indonesia, a country of 28 million people, will elect a new president in February.',
    flag: '28 million'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The Philippines, home to 12 million people, is hit by some 20 typhoons a year.',
    flag: '12 million'
  },
  {
    ruleId: 'impossible-figure',
    text: 'The ministry will announce the results on September 31, 2024.',
    flag: 'September 31'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'The communique was issued after the 3 Plenary Session of the Central Committee.',
    flag: '3'
  },
  {
    ruleId: 'malformed-ordinal',
    text: 'More than 200,000 buyers attended the 133 Canton Fair in Guangzhou.',
    flag: '133'
  },
  {ruleId: 'malformed-ordinal', text: 'The deal was struck at the 28 Conference of the Parties in Dubai.', flag: '28'},
  {
    ruleId: 'malformed-ordinal',
    text: 'The bridge was completed in the 60s of last century.',
    flag: 'the 60s of last century'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-03-01',
    text: 'Swaziland\u2019s King Mswati III opened parliament on Friday.',
    flag: 'Swaziland'
  },
  {
    ruleId: 'name-mismatch',
    date: '2025-06-01',
    text: 'U.S. President Joe Biden announced new tariffs on steel imports.',
    flag: 'Joe Biden'
  },
  {
    ruleId: 'name-mismatch',
    date: '2024-06-01',
    text: 'Singapore President Tharman Shanmugaratnam opened the summit. Tharman Shanmugaratman said the region must stay open.',
    flag: 'Tharman Shanmugaratman'
  }
]

/**
 * Invalid copy copydesk still misses: kept as a newsroom expects and run with
 * `it.fails`; `said` records what copydesk reports.
 */
const gaps: (Case & {said: string})[] = [
  // GAP: impossible-figure does not tie "the 11 ASEAN countries, home to N people" to ASEAN (it does for "ASEAN has a population of").
  {
    ruleId: 'impossible-figure',
    said: 'nothing',
    text: 'The 11 ASEAN countries, home to 6.8 billion people, will sign the pact next year.',
    flag: '6.8 billion'
  },
  // GAP: malformed-ordinal: "Plan" (the 14th Five-Year Plan, 十四五) is not an event noun; the numbered plans are named with ordinals.
  {
    ruleId: 'malformed-ordinal',
    said: 'nothing',
    text: 'The targets are set out in the 14 Five-Year Plan for 2021 to 2025.',
    flag: '14'
  }
]

/** Messages of `ruleId` and the text each one covers. */
async function covered(c: Case) {
  const file = await lintText(c.text, c.date ? {date: c.date} : {})
  return file.messages
    .filter((m) => m.ruleId === c.ruleId)
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      const start = place?.start.offset
      const end = place?.end.offset
      return start === undefined || end === undefined ? '' : c.text.slice(start, end)
    })
}

describe('generalise: new invalid copy is flagged at the right text', () => {
  it('has at least 40 cases', () => {
    expect(cases.length + regressions.length + gaps.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('$ruleId flags `$flag`', async (c) => {
    expect(c.text).toContain(c.flag)
    const texts = await covered(c)
    expect(
      texts.filter((t) => t === c.flag),
      `messages of ${c.ruleId} cover: ${JSON.stringify(texts)}`
    ).toHaveLength(1)
  })

  it.each(regressions)('regression: $ruleId flags `$flag`', async (c) => {
    const texts = await covered(c)
    expect(
      texts.filter((t) => t === c.flag),
      `messages of ${c.ruleId} cover: ${JSON.stringify(texts)}`
    ).toHaveLength(1)
  })

  describe('gaps: invalid copy the linter misses or misplaces today', () => {
    it.fails.each(gaps)('$ruleId flags `$flag`', async (c) => {
      expect(c.text).toContain(c.flag)
      const texts = await covered(c)
      expect(
        texts.filter((t) => t === c.flag),
        `messages of ${c.ruleId} cover: ${JSON.stringify(texts)}`
      ).toHaveLength(1)
    })
  })
})
