/**
 * The cross-checks (figure-arithmetic, figure-consistency, date-consistency)
 * beyond their documented examples: correct copy built to look wrong (traps:
 * every rule silent), errors written fresh (exactly one message of the rule on
 * exactly the flagged text), one full message per rule (reason, expected,
 * note with the arithmetic, related for the first statement), and silence on
 * the seed story.
 */
import {describe, expect, it} from 'vitest'
import {lintText, outputLines, read} from './helpers.js'

type CrossRule = 'figure-arithmetic' | 'figure-consistency' | 'date-consistency'

interface Trap {
  name: string
  text: string
  /** Story date (YYYY-MM-DD) set as on the command line. */
  date?: string
}

interface Case {
  ruleId: CrossRule
  text: string
  /** The exact text to be flagged (its first occurrence in `text`). */
  flag: string
  date?: string
}

const arithmeticTraps: Trap[] = [
  {
    name: 'rounded endpoints, billions',
    text: 'Exports rose from 1.2 billion dollars to 1.5 billion dollars, up 24 percent.'
  },
  {
    name: 'rounded endpoints, millions with $',
    text: 'Profit rose from $4.6 million to $5.3 million, an increase of 15%.'
  },
  {name: 'stated change rounded down', text: 'The number of visitors rose from 2,013 to 2,515, a 25% increase.'},
  {
    name: 'bare first endpoint takes the magnitude',
    text: 'The city\u2019s population increased from 1.2 to 1.5 million, up 25%.'
  },
  {name: 'percentage points', text: 'The unemployment rate fell from 5.2% to 4.8%, down 0.4 percentage points.'},
  {name: 'points written as percent', text: 'The party\u2019s share of the vote rose from 40% to 44%, up 4 percent.'},
  {
    name: 'relative change of a share',
    text: 'The party\u2019s share of the vote rose from 40% to 44%, a 10% increase.'
  },
  {name: 'points in words', text: 'Turnout rose from 62 percent to 66 percent, an increase of 4 percentage points.'},
  {name: 'up 3% to 103, one endpoint', text: 'Revenue rose 3% to 103 million euros in the quarter.'},
  {name: 'up 3% to 103 from 100', text: 'Revenue rose 3% to 103 million euros from 100 million euros a year earlier.'},
  {name: 'closing price restated', text: 'Shares of the carmaker closed up 3% at 103 yuan on Friday.'},
  {name: 'about widens the range', text: 'Attendance grew from about 400 to 550, an increase of nearly 40 percent.'},
  {
    name: 'more than and almost',
    text: 'Sales rose from more than 200,000 units to 300,000 units, an increase of almost 50%.'
  },
  {name: 'years, not endpoints', text: 'Output grew 20% from 2019 to 2023, the statistics bureau said.'},
  {name: 'a price range, not a change', text: 'Tickets cost from 200 to 300 yuan, up 10% on last year.'},
  {
    name: 'fiscal years with a restatement',
    text: 'Revenue rose 8% to $108 million in fiscal 2024 from $100 million in fiscal 2023.'
  },
  {name: 'unit nouns on both endpoints', text: 'Rice output rose from 200 tonnes to 250 tonnes, up 25 percent.'},
  {name: 'more than doubled', text: 'Profits more than doubled from 1.1 billion to 2.6 billion yuan.'},
  {name: 'nearly tripled', text: 'The number of flights nearly tripled from 120 to 330 a week.'},
  {name: 'doubled, rounded', text: 'Visitor numbers doubled from 1.2 million to 2.5 million.'},
  {
    name: 'parts that may overlap',
    text: 'Of the 470 projects, 320 were in manufacturing and 210 were funded by foreign investors.'
  },
  {
    name: 'partial list after including',
    text: 'A total of 470 projects were signed, including 320 in manufacturing and 100 in services.'
  },
  {name: 'a place inside another', text: 'Of the 500 workers, 300 are in Shanghai and 250 in the Yangtze River Delta.'},
  {name: 'parts over different years', text: 'Of the 50 states, 30 voted for Trump in 2016 and 25 in 2020.'},
  {
    name: 'parts within the whole',
    text: 'Of the 470 projects signed, 320 were in manufacturing, 100 in services and 50 in agriculture.'
  },
  {name: 'votes for and against', text: 'Of the 193 member states, 143 voted in favour, 5 against and 35 abstained.'},
  {
    name: 'whole stated as more than',
    text: 'More than 3,000 people died, including 2,000 in Turkey and 1,500 in Syria.'
  },
  {
    name: 'running total, not a sum',
    text: 'The company sold 120,000 cars in China and 80,000 in Japan, bringing its total sales this year to 350,000.'
  },
  {
    name: 'approximate total',
    text: 'About 120,000 cars were sold in China and 80,000 in Japan, a total of around 200,000.'
  },
  {
    name: 'shares of different wholes',
    text: 'Women accounted for 52 percent of voters, and 98% of ballots were counted by midnight.'
  },
  {
    name: 'share then growth',
    text: 'Exports to China accounted for 30% of the total, up 5% from a year earlier, while exports to the US accounted for 20%.'
  },
  {
    name: 'shares of one whole within 100 by rounding',
    text: 'Coal, gas and hydropower accounted for 60%, 30% and 11% of power generation, respectively.'
  },
  {name: 'growth rates listed together', text: 'Exports rose 60%, imports 50% and investment 20% in the first half.'},
  {
    name: 'respectively without a share',
    text: 'The products have holding periods of 365 days, 540 days, 720 days and 1080 days, respectively, with benchmarks of 3.70% to 4.20% and 4.10% to 4.60%.'
  },
  {
    name: 'answers that may overlap',
    text: 'Of the respondents, 60% said they used Facebook and 50% said they used Instagram.'
  },
  {name: 'percent parts of a count', text: 'Of the 470 projects, 60% were in manufacturing and 30% in services.'},
  {name: 'a change in another unit', text: 'Prices have risen from $2 to $3 a gallon, a rise of 50 cents.'},
  {
    name: 'shares of their respective wholes',
    text: 'Apple and Samsung accounted for 60% and 50% of their respective markets.'
  },
  {
    name: 'one subject, several wholes',
    text: 'Women accounted for 40%, 35% and 44% of seats in France, Germany and Spain, respectively.'
  },
  {name: 'parts with a verb, not a preposition', text: 'Of the 10 members, 6 voted in favour and 5 against.'},
  {name: 'parts within the subject', text: 'The 470 projects include 320 in manufacturing and 210 in services.'},
  {
    name: 'a total that is the sum',
    text: 'The team scored 3 goals in the first half and 2 in the second, a total of 5.'
  },
  {name: 'more than halved', text: 'Visitors more than halved from 1,000 to 200.'},
  {
    name: 'the previous year of a named year',
    text: 'Exports in 2020 rose 5% from the previous year (2019).',
    date: '2023-09-09'
  },
  {
    name: 'seed: increase with no endpoints',
    text: 'Nearly 2,000 enterprises participated in the exhibition, an increase of 2.470% over the previous session; 4873 investment cooperation projects were signed.'
  }
]

const consistencyTraps: Trap[] = [
  {
    name: 'figures for different years',
    text: 'In 2023, 2,400 exhibitors took part. In 2022, 1,500 exhibitors took part.'
  },
  {
    name: 'last year',
    text: 'More than 2,000 exhibitors took part this year. Last year, about 1,600 exhibitors took part.'
  },
  {name: 'different subjects, same noun', text: 'China sent 2,400 exhibitors. Vietnam sent 1,800 exhibitors.'},
  {
    name: 'different events, same noun',
    text: 'More than 2,000 exhibitors took part in the Canton Fair. Nearly 1,800 exhibitors took part in the China-ASEAN Expo.'
  },
  {name: 'different subjects in lower case', text: 'The firm hired 200 workers. The rival hired 150 workers.'},
  {name: 'companies as subjects', text: 'Apple sold 2,400 phones. Samsung sold 1,800 phones.'},
  {
    name: 'narrower group named first',
    text: 'More than 2,000 exhibitors took part. In Vietnam, nearly 1,800 exhibitors took part.'
  },
  {
    name: 'narrower group',
    text: 'More than 2,000 exhibitors took part. Nearly 1,800 exhibitors from ASEAN countries took part.'
  },
  {name: 'different predicates', text: 'More than 2,000 exhibitors registered. Nearly 1,800 exhibitors attended.'},
  {
    name: 'about and an exact count',
    text: 'Some 2,000 exhibitors took part in the Expo. A total of 2,148 exhibitors took part in the Expo.'
  },
  {
    name: 'round figure and an exact count',
    text: 'The fair had 2,000 exhibitors, organisers said. The fair had 2,148 exhibitors, the final tally showed.'
  },
  {name: 'two values in one sentence', text: 'Of the 2,000 exhibitors, 1,800 exhibitors came from China.'},
  {name: 'age at another time', text: 'Li Wei, 43, runs the firm. The then 30-year-old Li Wei founded it in 2010.'},
  {name: 'two people, one surname', text: 'Li Wei, 43, and Li Na, 38, run the firm. Li, 38, said sales were strong.'},
  {
    name: 'editions compared in one sentence',
    text: 'The 20th China-ASEAN Expo drew more visitors than the 19th China-ASEAN Expo.'
  },
  {
    name: 'last year\u2019s edition',
    text: 'The 19th China-ASEAN Expo was held last year. The 20th China-ASEAN Expo opened on Saturday.'
  },
  {
    name: 'another edition without a word of time',
    text: 'The 19th Asian Games opened in Hangzhou today. Japan topped the medal table at the 18th Asian Games in Jakarta.'
  },
  {
    name: 'earlier edition first, current later',
    text: 'The 18th Asian Games in Jakarta were a success. This year\u2019s 19th Asian Games opened today.'
  },
  {
    name: 'plenary sessions',
    text: 'The 3rd Plenary Session of the 20th Central Committee endorsed the plan. The 2nd Plenary Session had approved the budget.'
  },
  {
    name: 'previous edition named',
    text: 'The 20th China-ASEAN Expo opened on Saturday. Trade deals at the previous Expo, the 19th China-ASEAN Expo, were smaller.'
  },
  {
    name: 'anniversary counted inclusively',
    text: 'The council, founded in 2004, marks its 20th anniversary this year.',
    date: '2023-09-09'
  },
  {
    name: 'anniversary of something else',
    text: 'The company, founded in 1998, marked the 30th anniversary of diplomatic relations.',
    date: '2023-09-09'
  },
  {
    name: 'anniversary in a fiscal year',
    text: 'The bank, founded in 1999, will mark its 25th anniversary in fiscal 2024.',
    date: '2023-09-09'
  },
  {name: 'anniversary in undated copy', text: 'The council was founded in 2004. It marks its 25th anniversary.'},
  {
    name: 'sources that differ',
    text: 'About 10,000 people took part in the march, police said. Organisers said 50,000 people took part in the march.'
  },
  {
    name: 'team points in brackets',
    text: 'Manchester United (43) beat Chelsea. Manchester United (46) now lead the table.'
  },
  {name: 'one age twice', text: 'Messi, 36, scored twice. Ronaldo, 38, missed a penalty. Messi, 36, was substituted.'},
  {
    name: 'seed: expo and anniversary',
    text: 'At the 20th China-ASEAN Expo being held here, firms signed deals. This year marks the 20th anniversary of the East Expo.'
  }
]

const dateTraps: Trap[] = [
  {name: 'undated copy, weekday without a year', text: 'The talks resume on Monday, Dec. 31, and end on Jan. 2.'},
  {name: 'weekday right with year', text: 'The vote took place on Saturday, September 9, 2023.'},
  {name: 'weekday right, day first', text: 'The law came into force on Monday, 1 January 2024.'},
  {
    name: 'weekday in brackets',
    text: 'On Saturday (February 11), French trade unions again launched a national mobilisation.',
    date: '2023-02-12'
  },
  {name: 'Wikinews dateline', text: 'Friday, July 21, 2017\n\nThe team was honored on Tuesday.'},
  {
    name: 'plan after the dateline',
    text: 'BEIJING, Sept. 9, 2023 (Xinhua) -- The summit will be held on Sept. 20, officials said.'
  },
  {
    name: 'schedule after the dateline',
    text: 'BEIJING, Sept. 9, 2023 (Xinhua) -- The talks are scheduled for Sept. 20 and were announced on Friday.'
  },
  {
    name: 'a day later in another time zone',
    text: 'WASHINGTON, Sept. 9, 2023 -- The ship sank on Sept. 10 local time in the Pacific, officials said.'
  },
  {
    name: 'period across the story date',
    text: 'The fundraising began on February 10 and ended on February 19.',
    date: '2023-02-12'
  },
  {name: 'postponed', text: 'The meeting was postponed to September 20, the ministry said.', date: '2023-09-09'},
  {
    name: 'fiscal year after the story',
    text: 'Profit rose in fiscal 2024, which ends in March, the company said in 2024.',
    date: '2023-09-09'
  },
  {
    name: 'expected year',
    text: 'The plant, which is expected to open in 2025, was approved on Monday.',
    date: '2023-09-09'
  },
  {
    name: 'date without a year far away',
    text: 'The company was founded on March 3 by two engineers.',
    date: '2023-09-09'
  },
  {
    name: 'last week right',
    text: 'The deal was signed last week (September 2), the ministry said.',
    date: '2023-09-09'
  },
  {name: 'yesterday right', text: 'Nanning, September 9 (ZXS) -- The forum opened yesterday (September 8).'},
  {name: 'last year right', text: 'Exports rose 5% last year (2022), the ministry said.', date: '2023-09-09'},
  {
    name: 'an election called for a date',
    text: 'A general election was called for October 3, the palace said.',
    date: '2023-09-09'
  },
  {
    name: 'a deadline extended',
    text: 'The deadline was extended to September 30, the ministry said.',
    date: '2023-09-09'
  },
  {
    name: 'across the new year',
    text: 'TOKYO, Dec. 29, 2023 -- Markets closed for the year on Friday. Trading resumes on Thursday, Jan. 4.'
  },
  {
    name: 'the next day abroad',
    text: 'JAKARTA, Sept. 6, 2023 (Reuters) - Leaders met on Wednesday, Sept. 6. The summit ended on Thursday, Sept. 7.'
  },
  {
    name: 'the previous year of a named year',
    text: 'Exports in 2020 rose 5% from the previous year (2019).',
    date: '2023-09-09'
  },
  {
    name: 'dateline without a year',
    text: 'Nanning, September 9 (ZXS) -- The Expo opened on Saturday, September 9, and a forum was held on September 8.'
  }
]

const cases: Case[] = [
  // figure-arithmetic
  {
    ruleId: 'figure-arithmetic',
    text: 'Revenue fell from 500 million euros to 400 million euros, a decrease of 25 percent.',
    flag: '25 percent'
  },
  {ruleId: 'figure-arithmetic', text: 'The number of tourists rose 40% from 1.5 million to 1.8 million.', flag: '40%'},
  {
    ruleId: 'figure-arithmetic',
    text: 'Rice exports rose to 2.4 million tonnes from 2.1 million tonnes, an increase of 30 percent.',
    flag: '30 percent'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'The jobless rate rose from 4.5% to 5.1%, up 1.6 percentage points.',
    flag: '1.6 percentage points'
  },
  {ruleId: 'figure-arithmetic', text: 'Sales rose from 80 units to 100 units, up 20%.', flag: '20%'},
  {
    ruleId: 'figure-arithmetic',
    text: 'Profit rose from 300 million yuan to 200 million yuan, an increase of 50 percent.',
    flag: '50 percent'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Visitor numbers tripled from 200,000 to 400,000 in five years.',
    flag: 'tripled'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Of the 120 delegates, 80 came from Vietnam and 60 from Thailand.',
    flag: '80 came from Vietnam and 60'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'A total of 300 firms exhibited, of which 200 were from China and 150 from other countries.',
    flag: '200 were from China and 150'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Coal, gas and hydropower accounted for 55%, 35% and 20% of power generation respectively.',
    flag: '55%, 35% and 20%'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'The bank lent 3.2 billion yuan to small firms and 2.1 billion yuan to farmers, a total of 6.3 billion yuan.',
    flag: '6.3 billion'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Manufacturing accounted for 62% of the total, services 31% and agriculture 12%.',
    flag: '62% of the total, services 31% and agriculture 12%'
  },
  {ruleId: 'figure-arithmetic', text: 'Sales fell from 1,000 to 800 units, down 25%.', flag: '25%'},
  {ruleId: 'figure-arithmetic', text: 'Visitors halved from 1,000 to 200 in a year.', flag: 'halved'},
  {
    ruleId: 'figure-arithmetic',
    text: 'Of the 1.2 million visitors, 800,000 were from China and 500,000 from Japan.',
    flag: '800,000 were from China and 500,000'
  },
  {
    ruleId: 'figure-arithmetic',
    text: 'Of the respondents, 60% were from cities and 45% from rural areas.',
    flag: '60% were from cities and 45%'
  },

  // figure-consistency
  {
    ruleId: 'figure-consistency',
    text: 'The 9th Mekong-Lancang Forum opened in Vientiane today. Ministers at the ongoing 10th Mekong-Lancang Forum agreed to share water data.',
    flag: '10th'
  },
  {
    ruleId: 'figure-consistency',
    text: 'The 20th China-ASEAN Expo is being held here. Deals signed at this year\u2019s 21st Expo topped expectations.',
    flag: '21st'
  },
  {
    ruleId: 'figure-consistency',
    text: 'Nguyen Van An, 52, heads the cooperative. The 55-year-old Nguyen Van An said prices had fallen.',
    flag: '55'
  },
  {
    ruleId: 'figure-consistency',
    text: 'More than 3,000 buyers attended the fair. Fewer than 2,500 buyers attended the fair, its organisers said.',
    flag: 'Fewer than 2,500 buyers'
  },
  {
    ruleId: 'figure-consistency',
    text: 'The university was founded in 1958. It marks its 70th anniversary this year.',
    flag: '70th',
    date: '2023-10-01'
  },

  // date-consistency
  {
    ruleId: 'date-consistency',
    text: 'The summit opened on Wednesday, 12 September 2023, in Jakarta.',
    flag: 'Wednesday'
  },
  {
    ruleId: 'date-consistency',
    text: 'On Friday (February 11), French unions again marched against the reform.',
    flag: 'Friday',
    date: '2023-02-12'
  },
  {
    ruleId: 'date-consistency',
    text: 'Nanning, September 9, 2023 (ZXS) -- The forum will open tomorrow (September 11).',
    flag: 'September 11'
  },
  {
    ruleId: 'date-consistency',
    text: 'Exports rose 5% last year (2021), the ministry said.',
    flag: '2021',
    date: '2023-09-09'
  },
  {
    ruleId: 'date-consistency',
    text: 'BEIJING, Sept. 9, 2023 (Xinhua) -- The agreement was signed on October 3 in Hanoi.',
    flag: 'October 3'
  },
  {
    ruleId: 'date-consistency',
    text: 'The plant was completed in 2025, the company said.',
    flag: '2025',
    date: '2023-09-09'
  },
  {
    ruleId: 'date-consistency',
    text: 'The deal was signed last week (August 1), the ministry said.',
    flag: 'August 1',
    date: '2023-09-09'
  },
  {
    ruleId: 'date-consistency',
    text: 'NANNING, Sept. 16, 2023 (Xinhua) -- The 20th China-ASEAN Expo closed on Tuesday (Sept. 19).',
    flag: 'Sept. 19'
  },
  {
    ruleId: 'date-consistency',
    text: 'The forum was held Sept. 12 in Nanning, officials said.',
    flag: 'Sept. 12',
    date: '2023-09-09'
  }
]

async function lines(text: string, date?: string) {
  return outputLines(await lintText(text, date ? {date} : {}))
}

describe('cross-checks: traps lint clean', () => {
  it('has at least 60 traps', () => {
    expect(arithmeticTraps.length + consistencyTraps.length + dateTraps.length).toBeGreaterThanOrEqual(60)
  })
  describe('figure-arithmetic traps', () => {
    it.each(arithmeticTraps)('$name', async ({text, date}) => {
      expect(await lines(text, date)).toEqual([])
    })
  })
  describe('figure-consistency traps', () => {
    it.each(consistencyTraps)('$name', async ({text, date}) => {
      expect(await lines(text, date)).toEqual([])
    })
  })
  describe('date-consistency traps', () => {
    it.each(dateTraps)('$name', async ({text, date}) => {
      expect(await lines(text, date)).toEqual([])
    })
  })
})

describe('cross-checks: errors written fresh are caught at their text', () => {
  it.each(cases.map((c) => [`${c.ruleId}: ${c.flag}`, c] as const))('%s', async (_name, c) => {
    const file = await lintText(c.text, c.date ? {date: c.date} : {})
    const start = c.text.indexOf(c.flag)
    expect(start).toBeGreaterThanOrEqual(0)
    const hits = file.messages.filter((m) => m.ruleId === c.ruleId)
    expect(hits).toHaveLength(1)
    const place = hits[0].place && 'start' in hits[0].place ? hits[0].place : undefined
    expect(place?.start.offset).toBe(start)
    expect(place?.end.offset).toBe(start + c.flag.length)
  })
})

describe('cross-checks: full messages', () => {
  it('figure-arithmetic shows the arithmetic and the fix', async () => {
    const file = await lintText('Trade rose from 200 million yuan to 300 million yuan, an increase of 40 percent.')
    const [m] = file.messages
    expect(m.ruleId).toBe('figure-arithmetic')
    expect(m.reason).toBe(
      'Unexpected increase of `40 percent` from `200 million yuan` to `300 million yuan`, expected `50 percent`'
    )
    expect(m.actual).toBe('40 percent')
    expect(m.expected).toEqual(['50 percent'])
    expect(m.note).toMatch(/^\(300 million − 200 million\) ÷ 200 million = 50%/)
  })

  it('figure-arithmetic totals suggest the sum', async () => {
    const file = await lintText(
      'The bank lent 3.2 billion yuan to small firms and 2.1 billion yuan to farmers, a total of 6.3 billion yuan.'
    )
    const [m] = file.messages
    expect(m.expected).toEqual(['5.3 billion'])
    expect(m.note).toMatch(/^3\.2 billion \+ 2\.1 billion = 5\.3 billion/)
  })

  it('figure-consistency points back to the first statement', async () => {
    const text =
      'The 20th China-ASEAN Expo is being held here. Deals signed at this year\u2019s 21st China-ASEAN Expo topped expectations.'
    const file = await lintText(text)
    const [m] = file.messages
    expect(m.ruleId).toBe('figure-consistency')
    expect(m.reason).toBe('Unexpected `21st` China-ASEAN Expo, expected `20th` as earlier in the story')
    expect(m.expected).toEqual(['20th'])
    expect(m.related).toHaveLength(1)
    expect(m.related![0].start.offset).toBe(text.indexOf('20th'))
    expect(m.related![0].end.offset).toBe(text.indexOf('20th') + 4)
    expect(m.related![0].message).toMatch(/^First stated as `20th` here/)
  })

  it('figure-consistency anniversaries show the subtraction', async () => {
    const file = await lintText('The university was founded in 1958. It marks its 70th anniversary this year.', {
      date: '2023-10-01'
    })
    const [m] = file.messages
    expect(m.reason).toBe('Unexpected `70th` anniversary for a founding in 1958, expected `65th` in 2023')
    expect(m.note).toMatch(/^2023 − 1958 = 65/)
    expect(m.related?.[0].message).toMatch(/founded in 1958/)
  })

  it('date-consistency names the weekday the date fell on', async () => {
    const file = await lintText('The vote took place on Monday, September 9, 2023, officials said.')
    const [m] = file.messages
    expect(m.ruleId).toBe('date-consistency')
    expect(m.reason).toBe('Unexpected weekday `Monday` for September 9, 2023, expected `Saturday`')
    expect(m.expected).toEqual(['Saturday'])
    expect(m.note).toBe('September 9, 2023 was a Saturday.')
  })

  it('date-consistency reads a date without a year in the story\u2019s year, and says so', async () => {
    const file = await lintText('On Friday (February 11), French unions again marched.', {date: '2023-02-12'})
    const [m] = file.messages
    expect(m.expected).toEqual(['Saturday'])
    expect(m.note).toMatch(/nearest the story's date, February 12, 2023/)
  })

  it('date-consistency suggests the day a relative date names', async () => {
    const file = await lintText('Nanning, September 9, 2023 (ZXS) -- Cong Liang spoke yesterday (Sept. 7).')
    const [m] = file.messages
    expect(m.expected).toEqual(['Sept. 8'])
  })
})

describe('cross-checks: the seed story', () => {
  it('is silent for the three cross-checks', async () => {
    const file = await lintText(read('fixtures/seed/china-asean-expo.txt'), {path: 'china-asean-expo.txt'})
    const ids = new Set(['figure-arithmetic', 'figure-consistency', 'date-consistency'])
    expect(file.messages.filter((m) => ids.has(String(m.ruleId)))).toEqual([])
  })

  it('stays silent with the story date set', async () => {
    const file = await lintText(read('fixtures/seed/china-asean-expo.txt'), {date: '2023-09-09'})
    const ids = new Set(['figure-arithmetic', 'figure-consistency', 'date-consistency'])
    expect(file.messages.filter((m) => ids.has(String(m.ruleId)))).toEqual([])
  })
})
