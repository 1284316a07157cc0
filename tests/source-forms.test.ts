/**
 * source-mismatch, class by class: for each Chinese form, sentence pairs written
 * for these tests, with faithful renderings that must stay silent and wrong ones
 * (wrong magnitude, wrong ordinal, a dropped figure with a unit, swapped digits,
 * a wrong year, a wrong currency ...) that must be caught at the right place.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintText, read} from './helpers.js'

interface Found {
  text: string
  reason: string
  expected?: string[]
}

async function check(zh: string, en: string): Promise<Found[]> {
  const file = await lintText(en, {source: zh})
  return file.messages
    .filter((m) => m.ruleId === 'source-mismatch')
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return {text: en.slice(place?.start.offset ?? 0, place?.end.offset ?? 0), reason: m.reason, expected: m.expected}
    })
}

async function flagged(zh: string, en: string): Promise<string[]> {
  return (await check(zh, en)).map((m) => m.text)
}

/** [class, source, faithful renderings (silent), wrong renderings with the ranges to flag] */
type FormCase = [string, string, string[], Array<[string, string[]]>]

const forms: FormCase[] = [
  [
    'a magnitude with no digit (上万)',
    '开幕式吸引了上万名市民。',
    ['The opening drew tens of thousands of residents.', 'The opening drew more than 10,000 residents.'],
    []
  ],
  [
    'a magnitude with no digit (百亿元)',
    '这家公司计划投资百亿元建设新园区。',
    [
      'The company plans to invest 10 billion yuan in a new park.',
      'The company plans to invest RMB10 billion in a new park.'
    ],
    [['The company plans to invest 1 billion yuan in a new park.', ['1 billion yuan']]]
  ],
  [
    'a magnitude with no digit (万名, 千家)',
    '今年招聘万名教师，近千家学校参与。',
    [
      'This year 10,000 teachers will be hired, with nearly 1,000 schools taking part.',
      'This year ten thousand teachers will be hired, with nearly a thousand schools taking part.'
    ],
    []
  ],
  [
    'indefinite amounts (数十, 几百)',
    '数十家企业和几百名学生参加了招聘会。',
    [
      'Dozens of companies and hundreds of students attended the job fair.',
      'More than 20 companies and several hundred students attended the job fair.'
    ],
    []
  ],
  [
    'hundreds of millions (亿) against millions',
    '该省常住人口约1.2亿。',
    ['The province has about 120 million residents.', 'The province has about 0.12 billion residents.'],
    [
      ['The province has about 1.2 million residents.', ['1.2 million']],
      ['The province has about 12 million residents.', ['12 million']]
    ]
  ],
  [
    'ten thousands (万) against thousands',
    '展会期间接待观众8.6万人次。',
    ['The fair received 86,000 visits.'],
    [['The fair received 8,600 visits.', ['8,600']]]
  ],
  [
    'approximations (近, 超, 余, 左右)',
    '近300名选手中，超六成来自外省，年龄在20岁左右，共有1000余人观赛。',
    [
      'Of nearly 300 contestants, more than 60% came from other provinces, about 20 years old, with over 1,000 spectators.'
    ],
    [
      [
        'Of nearly 300 contestants, more than 6% came from other provinces, about 20 years old, with over 1,000 spectators.',
        ['6%']
      ]
    ]
  ],
  [
    'a range of neighbouring digits (七八十)',
    '每天有七八十人排队。',
    ['Seventy or eighty people queue every day.', 'Some 70 to 80 people queue every day.'],
    [['Some 78 people queue every day.', ['78']]]
  ],
  [
    'a range with a magnitude (一万五六千元)',
    '一台设备售价一万五六千元。',
    ['One machine sells for 15,000 to 16,000 yuan.'],
    [
      ['One machine sells for 156,000 yuan.', ['156,000 yuan']],
      ['One machine sells for 15,600 yuan.', ['15,600 yuan']]
    ]
  ],
  [
    'a range A至B (1.2万至1.5万元)',
    '月租金在1.2万至1.5万元之间。',
    ['The monthly rent is between 12,000 and 15,000 yuan.'],
    [['The monthly rent is between 12,000 and 5,000 yuan.', ['5,000 yuan']]]
  ],
  [
    'fractions (三分之一)',
    '三分之一的受访者表示满意。',
    [
      'A third of those polled were satisfied.',
      'One-third of those polled were satisfied.',
      'About 33% of those polled were satisfied.'
    ],
    []
  ],
  [
    'tenths (成)',
    '农产品出口占比超四成。',
    ['Farm products make up more than 40% of exports.', 'Farm products make up more than 40 percent of exports.'],
    [['Farm products make up more than 4% of exports.', ['4%']]]
  ],
  [
    'multiples (倍)',
    '十年间产值增长了12倍。',
    ['Output grew 12-fold in ten years.', 'Output grew 12 times in ten years.', 'Output grew 13 times in ten years.'],
    [['Output grew 21 times in ten years.', ['21 times']]]
  ],
  [
    'percentage points (百分点)',
    '失业率下降0.3个百分点。',
    ['The jobless rate fell 0.3 percentage points.'],
    [
      ['The jobless rate fell 3 percentage points.', ['3 percentage points']],
      ['The jobless rate fell 0.3 percent.', ['0.3 percent']]
    ]
  ],
  [
    'a day of the month (日)',
    '论坛于19日闭幕。',
    ['The forum closed on the 19th.', 'The forum closed on Friday.', 'The forum closed today.'],
    [
      ['The forum closed on the 17th.', ['17th']],
      ['The forum closed after 19 days.', ['19']]
    ]
  ],
  [
    'a date (月日)',
    '新规定将于7月15日施行。',
    [
      'The new rules take effect on July 15.',
      'The new rules take effect on 15 July.',
      'The new rules take effect on July 15th.'
    ],
    [['The new rules take effect on July 25.', ['July 25']]]
  ],
  ['a month (十月)', '十月，客流明显回升。', ['In October, passenger numbers rose markedly.'], []],
  [
    'a year (年)',
    '该馆1998年对外开放。',
    ['The museum opened to the public in 1998.'],
    [['The museum opened to the public in 1989.', ['1989']]]
  ],
  [
    'a clock time (时分)',
    '列车于7时40分发车。',
    ['The train left at 7:40 a.m.', 'The train left at 7: 40.', 'The train left at 7.40am.'],
    [['The train left at 8:40 a.m.', ['8:40 a.m.']]]
  ],
  [
    'a clock time with the half of the day (下午3点半)',
    '发布会定于下午3点半举行。',
    ['The news conference is set for 3:30 p.m.', 'The news conference is set for 15:30.'],
    [['The news conference is set for 3:30 a.m.', ['3:30 a.m.']]]
  ],
  [
    'ordinals (第N次)',
    '这是双方第6次会谈。',
    ['This is the two sides’ sixth round of talks.', 'This is the two sides’ 6th round of talks.'],
    [
      ['This is the two sides’ seventh round of talks.', ['seventh']],
      ['This is the two sides’ 9th round of talks.', ['9th']]
    ]
  ],
  [
    'ordinals written in characters (第三次)',
    '她第二次获得该奖项。',
    ['She won the award for the second time.', 'It is her second win of the award.'],
    [['She won the award for the third time.', ['third']]]
  ],
  [
    'ordinals (连续第N个)',
    '出口连续第4个月下降。',
    ['Exports fell for the fourth month in a row.', 'Exports fell for a fourth consecutive month.'],
    []
  ],
  [
    'editions (届)',
    '第三十届书展开幕。',
    ['The 30th book fair opened.', 'The thirtieth book fair opened.'],
    [['The 13th book fair opened.', ['13th']]]
  ],
  [
    'a Roman numeral in a name',
    '响应级别调整为二级。',
    ['The response was lowered to Level II.', 'The response was lowered to Level 2.'],
    []
  ],
  ['a dozen', '他们捐出了十二台电脑。', ['They donated a dozen computers.', 'They donated 12 computers.'], []],
  [
    'traditional characters',
    '該公司去年營收達3.2億美元。',
    ['The company’s revenue last year reached US$320 million.'],
    [['The company’s revenue last year reached US$3.2 million.', ['US$3.2 million']]]
  ],
  [
    'words holding a numeral (一带一路, 一些, 一起, 统一, 十分, 万一)',
    '共建一带一路，一些企业一起行动，统一标准，十分重要，以防万一。',
    [
      'Build the Belt and Road together; some companies act jointly on common standards, which matters a great deal, just in case.'
    ],
    []
  ],
  ['a set phrase with numerals', '他对学业三心二意。', ['He is half-hearted about his studies.'], []],
  [
    'a service number',
    '市民可拨打12345热线反映问题。',
    ['Residents can call the 12345 hotline.', 'Residents can call the city hotline.'],
    []
  ],
  [
    'the Party Congress (二十大)',
    '各地认真学习党的二十大精神。',
    [
      'Localities are studying the guiding principles of the 20th CPC National Congress.',
      'Localities are studying the spirit of the Party’s 20th National Congress.'
    ],
    [
      ['Localities are studying the 20 major principles of the Party.', ['20']],
      ['Localities are studying the spirit of the 21st Party Congress.', ['21st']],
      ['Localities are studying the 20th spirit of the Party.', ['20th']]
    ]
  ],
  [
    'a five-year plan (十四五)',
    '“十四五”时期交通投资保持高位。',
    ['Transport investment stays high in the 14th Five-Year Plan period.'],
    [['Transport investment stays high in the 13th Five-Year Plan period.', ['13th']]]
  ],
  [
    'a consensus named by its year (九二共识)',
    '两岸应坚持九二共识。',
    ['Both sides should adhere to the 1992 Consensus.'],
    [['Both sides should adhere to the 1999 Consensus.', ['1999']]]
  ],
  [
    'a generation (90后)',
    '“00后”选手表现抢眼。',
    ['Post-00s players stood out.', 'Players born in the 2000s stood out.'],
    [['00 players stood out.', ['00']]]
  ],
  [
    'a currency conversion the English adds',
    '该项目融资45亿美元。',
    [
      'The project raised US$4.5 billion (£3.6 billion).',
      'The project raised US$4.5 billion, or about 4.2 billion euros.'
    ],
    [['The project raised US$45 billion (£36 billion).', ['US$45 billion', '£36 billion']]]
  ],
  [
    'a currency',
    '这款手机售价6000元。',
    ['The phone sells for 6,000 yuan.', 'The phone sells for RMB6,000.'],
    [
      ['The phone sells for $6,000.', ['$6,000']],
      ['The phone sells for 6,000 euros.', ['6,000 euros']],
      ['The phone sells for 6,000 USD.', ['6,000 USD']],
      ['The phone sells for 6,000 US dollars.', ['6,000 US dollars']],
      ['The phone sells for 600 yuan.', ['600 yuan']]
    ]
  ],
  [
    'a unit of measure',
    '大桥全长12公里。',
    ['The bridge is 12 km long.', 'The bridge is 12 kilometres long.', 'The bridge is 7.5 miles long.'],
    [['The bridge is 12 miles long.', ['12 miles']]]
  ],
  [
    'a code whose digit groups the English keeps',
    '他在2021/22赛季打进15球。',
    ['He scored 15 goals in the 2021/22 season.'],
    [['He scored 51 goals in the 2021/22 season.', ['51']]]
  ],
  [
    'swapped digits',
    '全县共有3527户受益。',
    ['A total of 3,527 households in the county benefited.'],
    [['A total of 3,257 households in the county benefited.', ['3,257']]]
  ],
  [
    'an amount the source does not have',
    '双方签署了合作协议。',
    ['The two sides signed a cooperation agreement.'],
    [['The two sides signed 15 cooperation agreements.', ['15']]]
  ]
]

describe('source-mismatch: the forms of Chinese figures and their English renderings', () => {
  describe.each(forms)('%s', (_name, zh, clean, errors) => {
    it.each(clean)('silent on: %s', async (en) => {
      expect(await check(zh, en)).toEqual([])
    })
    if (errors.length > 0) {
      it.each(errors)('flags: %s', async (en, ranges) => {
        expect(await flagged(zh, en)).toEqual(ranges)
      })
    }
  })
})

describe('source-mismatch: lost figures', () => {
  it('reports an amount, a percentage or a count with a unit that the translation dropped', async () => {
    const zh = '今年新签项目46个，投资额增长9.5%。'
    expect(await check(zh, 'New projects were signed this year and investment grew.')).toEqual([
      {
        text: 'New',
        reason: "Missing figure: the source's `46个` (46) is not in the translation",
        expected: undefined
      },
      {
        text: 'New',
        reason: "Missing figure: the source's `9.5%` (9.5%) is not in the translation",
        expected: undefined
      }
    ])
  })

  it('reports a date or a day that the translation dropped', async () => {
    expect(await flagged('专项检查将于9月20日启动。', 'The special inspection will start soon.')).toEqual(['The'])
    expect(await flagged('会议于18日在京闭幕。', 'The meeting closed in Beijing.')).toEqual(['The'])
  })

  it.each([
    [
      'a date moved into the dateline',
      '新华社北京5月3日电 5月3日，会议在京开幕。',
      'BEIJING, May 3 (Xinhua) -- The meeting opened in Beijing.'
    ],
    ['a day written as a weekday', '比赛于14日结束。', 'The contest ended on Sunday.'],
    ['a small count written as a word', '两家公司签约。', 'The two companies signed a deal.'],
    ['a numeral written in characters with no unit', '他说，十年磨一剑，不容易。', 'He said it took a long effort.'],
    ['an indefinite amount', '现场来了上千人。', 'Thousands of people came.'],
    ['a clock time', '活动上午10时开始。', 'The event began in the morning.'],
    ['a bare number (a code)', '股票代码600123。', 'The stock code is listed.']
  ])('stays silent on %s', async (_name, zh, en) => {
    expect(await check(zh, en)).toEqual([])
  })
})

describe('source-mismatch: a day rendered as a bare number', () => {
  it('a day rendered as a bare number when another figure of the source has that number', async () => {
    expect(
      await flagged('记者15日获悉，该项目已运行15年。', 'Reporter 15 learned the project has run for 15 years.')
    ).toEqual(['15'])
    expect(
      await flagged(
        '记者15日获悉，该项目已运行15年。',
        'The reporter learned on the 15th that it has run for 15 years.'
      )
    ).toEqual([])
  })
})

describe('source-mismatch: months and years the English adds', () => {
  it('flags a month added to a day when no part of the source names a month', async () => {
    expect(await check('双方于12日签署协议。', 'The two sides signed the agreement on June 12.')).toEqual([
      {
        text: 'June 12',
        reason: 'Unexpected month in `June 12`: the source has `12日` (the 12th) and no month',
        expected: undefined
      }
    ])
  })

  it('accepts the month of the dateline or of another date in the source', async () => {
    expect(
      await check('4月20日电 双方于12日签署协议。', 'April 20 -- The two sides signed the agreement on April 12.')
    ).toEqual([])
  })

  it('accepts the year the English writes for 今年', async () => {
    expect(await check('今年出口增长7%。', 'Exports grew 7% in 2026.')).toEqual([])
  })
})

describe('source-mismatch: alignment', () => {
  const zh = '全市有企业2300家。今年新增410家。\n\n工业产值达560亿元。同比增长8%。\n\n出口额为95亿美元。'

  it('aligns paragraph by paragraph when the counts agree', async () => {
    const en =
      'The city has 2,300 companies; 410 were added this year.\n\nIndustrial output reached 56 billion yuan, up 8%.\n\nExports were US$9.5 billion.'
    expect(await check(zh, en)).toEqual([])
  })

  it('aligns sentences when the translator splits a paragraph', async () => {
    const en =
      'The city has 2,300 companies.\n\n410 were added this year.\n\nIndustrial output reached 56 billion yuan, up 8%.\n\nExports were US$9.5 billion.'
    expect(await check(zh, en)).toEqual([])
    const wrong = en.replace('410', '140')
    expect(await flagged(zh, wrong)).toEqual(['140'])
  })

  it('aligns sentences when the translator merges paragraphs', async () => {
    const en =
      'The city has 2,300 companies; 410 were added this year. Industrial output reached 56 billion yuan, up 8%.\n\nExports were US$9.5 billion.'
    expect(await check(zh, en)).toEqual([])
    expect(await flagged(zh, en.replace('US$9.5 billion', 'US$95 billion'))).toEqual(['US$95 billion'])
  })

  it('accepts a figure the English repeats from another paragraph', async () => {
    const en =
      'The city has 2,300 companies; 410 were added this year.\n\nIndustrial output of the 2,300 companies reached 56 billion yuan, up 8%.\n\nExports were US$9.5 billion.'
    expect(await check(zh, en)).toEqual([])
  })
})

describe('source-mismatch: one full message per kind', () => {
  it('a figure with another value names the source figure and offers its English forms', async () => {
    expect(
      await check('全年接待游客3800万人次。', 'The city received 3.8 million tourist visits in the year.')
    ).toEqual([
      {
        text: '3.8 million',
        reason: 'Unexpected `3.8 million`: the source has `3800万人次` (38 million)',
        expected: ['38 million', '38,000,000']
      }
    ])
  })

  it('a political term without its name says which word is missing', async () => {
    expect(await check('贯彻二十大精神。', 'Implement the 20th spirit.')).toEqual([
      {
        text: '20th',
        reason: 'Unexpected `20th` without `Congress`: the source has `二十大` (20th Party Congress)',
        expected: undefined
      }
    ])
  })

  it('a unit of measure: the range takes the unit word the fix replaces', async () => {
    expect(await check('行李限重20公斤。', 'Luggage is limited to 20 pounds.')).toEqual([
      {
        text: '20 pounds',
        reason: 'Unexpected `20 pounds`: the source has `20公斤` (20 kg)',
        expected: ['20 kg']
      }
    ])
  })
})

describe('source-mismatch: hostile input', () => {
  it('stays deterministic and does not fail on long or odd pairs', async () => {
    const zh = '第一届'.repeat(300) + '二十大'.repeat(100) + '1.2万至'.repeat(200) + '上万'.repeat(200)
    const en = '1st '.repeat(300) + 'the 20th '.repeat(100) + '12,000 to '.repeat(200) + 'US$5 (£4) '.repeat(200)
    const first = await check(zh, en)
    const second = await check(zh, en)
    expect(second).toEqual(first)
    const paragraphs = await check('甲。\n\n'.repeat(400) + '有5家。', 'A.\n\n'.repeat(300) + 'There are 5 companies.')
    expect(paragraphs).toEqual([])
  })
})

describe('source-mismatch: arbitrary pairs (fast-check)', () => {
  const zhPieces = [
    '一',
    '十',
    '百',
    '万',
    '亿',
    '两',
    '第',
    '届',
    '个',
    '年',
    '月',
    '日',
    '时',
    '分',
    '点',
    '半',
    '成',
    '倍',
    '余',
    '近',
    '上',
    '数',
    '几',
    '%',
    '百分之',
    '个百分点',
    '元',
    '美元',
    '。',
    '\n\n',
    '0',
    '3',
    '12',
    '.',
    '-',
    '至',
    '/',
    ':',
    '后',
    '大',
    '共识',
    '双',
    'RM',
    'km',
    '萬',
    '兩',
    '今年',
    '当天',
    '二十大',
    '十四五'
  ]
  const enPieces = [
    '1',
    '12',
    '300',
    '1,000',
    '2.5',
    'million',
    'billion',
    'percent',
    '%',
    'the',
    '20th',
    'fourth',
    'twice',
    '19-fold',
    'times',
    'half',
    'a third',
    'dozens',
    'US$',
    '$',
    '£',
    'yuan',
    'Level II',
    'Sunday',
    'June',
    'to',
    '-',
    '9: 30',
    'a.m.',
    '2023',
    'post-90s',
    'Congress',
    '.',
    '\n\n',
    'pounds',
    'kg',
    'decades',
    '(',
    ')'
  ]
  const text = (pieces: string[]) =>
    fc.array(fc.constantFrom(...pieces), {maxLength: 60}).map((parts) => parts.join(' '))

  it('never throws, keeps ranges inside the English, and gives the same messages twice', async () => {
    await fc.assert(
      fc.asyncProperty(text(zhPieces), text(enPieces), async (zh, en) => {
        const first = await check(zh, en)
        expect(await check(zh, en)).toEqual(first)
        for (const m of first) {
          expect(en.includes(m.text)).toBe(true)
          expect(m.reason).toMatch(/^(Unexpected|Missing figure)/)
        }
      }),
      {numRuns: 60, seed: 13}
    )
  })
})

describe('source-mismatch: known gaps', () => {
  it.fails('a count the English attaches to a noun the source does not count', async () => {
    expect(await flagged('机构推出的8只基金可选。', 'Eight funds from 8 institutions are on offer.')).toEqual(['8'])
  })

  it.fails('a currency conversion at an impossible rate', async () => {
    expect(await flagged('该项目融资45亿美元。', 'The project raised US$4.5 billion (£45 billion).')).toEqual([
      '£45 billion'
    ])
  })
})

describe('source-mismatch: the first expected form put in place of the range', () => {
  // The range takes the currency word the expected form names again, or the fix doubles it.
  it.each([
    ['该项目融资45亿美元。', 'The project raised 45 billion US dollars.', 'The project raised US$4.5 billion.'],
    ['该项目融资45亿美元。', 'The project raised 4.5 billion yuan.', 'The project raised US$4.5 billion.'],
    [
      '这家公司计划投资百亿元建设新园区。',
      'The company plans to invest 1 billion yuan in a new park.',
      'The company plans to invest 10 billion yuan in a new park.'
    ],
    ['总投资为100亿元。', 'The total investment is 10 billion euros.', 'The total investment is 10 billion yuan.'],
    [
      '总投资为100亿元。',
      'The total investment is 10 billion USD, the ministry said.',
      'The total investment is 10 billion yuan, the ministry said.'
    ],
    ['总投资为100亿元。', 'The total investment is $10 billion.', 'The total investment is 10 billion yuan.'],
    [
      '月租金在1.2万至1.5万元之间。',
      'The monthly rent is between 12,000 and 5,000 yuan.',
      'The monthly rent is between 12,000 and 15,000 yuan.'
    ],
    ['大桥全长12公里。', 'The bridge is 12 miles long.', 'The bridge is 12 km long.'],
    [
      '这款手机售价6000元。',
      'The phone sells for 600 yuan, the maker said.',
      'The phone sells for 6,000 yuan, the maker said.'
    ]
  ])('%s / %s: gives copy the check passes', async (zh, en, corrected) => {
    const found = (await lintText(en, {source: zh})).messages.filter((m) => m.ruleId === 'source-mismatch')
    expect(found).toHaveLength(1)
    const place = found[0].place && 'start' in found[0].place ? found[0].place : undefined
    const fixed = en.slice(0, place!.start.offset) + found[0].expected![0] + en.slice(place!.end.offset)
    expect(fixed).toBe(corrected)
    expect(await flagged(zh, fixed)).toEqual([])
  })
})

describe('source-mismatch: a whole story (fixtures/source/harbour)', () => {
  const zh = read('fixtures/source/harbour.zh.txt')
  const en = read('fixtures/source/harbour.en.txt')

  it('is silent on the faithful translation', async () => {
    expect(await check(zh, en)).toEqual([])
  })

  it.each([
    ['a magnitude', '186 million tonnes', '18.6 million tonnes', ['18.6 million tonnes']],
    ['a percentage', 'nearly 40 percent', 'nearly 4 percent', ['4 percent']],
    ['percentage points', '1.3 percentage points', '13 percentage points', ['13 percentage points']],
    ['percentage points as a percentage', '1.3 percentage points', '1.3 percent', ['1.3 percent']],
    ['a clock time', 'At 9:30 a.m.', 'At 10:30 a.m.', ['10:30 a.m.']],
    ['an ordinal', 'the third Cross-Strait', 'the fourth Cross-Strait', ['fourth']],
    ['an amount', '8.65 billion yuan', '86.5 billion yuan', ['86.5 billion yuan']],
    ['a year', 'By the end of 2025', 'By the end of 2052', ['2052']],
    ['a multiple', 'about 1.3 times', 'about 3.1 times', ['3.1 times']],
    ['a five-year plan', '14th Five-Year Plan', '13th Five-Year Plan', ['13th']]
  ])('catches a wrong %s', async (_name, right, wrong, ranges) => {
    expect(en.includes(right)).toBe(true)
    expect(await flagged(zh, en.replace(right, wrong))).toEqual(ranges)
  })

  it('catches a dropped count and the reader of the paragraph finds where', async () => {
    const dropped = en.replace('built 28 berths', 'built berths')
    expect(await check(zh, dropped)).toMatchObject([
      {text: 'Since', reason: "Missing figure: the source's `28个` (28) is not in the translation"}
    ])
  })
})
