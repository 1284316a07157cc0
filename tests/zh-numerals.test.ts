/**
 * Chinese numerals (src/zh/numerals.ts) and Chinese figures (src/zh/figures.ts),
 * for checking an English translation against its Chinese source.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {extractChineseFigures, type ZhFigure} from '../src/zh/figures.js'
import {formatEnglish, parseChineseNumber} from '../src/zh/numerals.js'

/** Units repeated into hostile text (shared with scripts/bench-source.js). */
const HOSTILE_CHINESE: string[] = JSON.parse(
  fs.readFileSync(new URL('data/hostile-chinese.json', import.meta.url), 'utf8')
)

/** [numeral, value] — undefined where the string is not one number. */
const numerals: [string, number | undefined][] = [
  // Arabic digits, grouping, decimals, full-width digits
  ['0', 0],
  ['7', 7],
  ['3800', 3800],
  ['3,800', 3800],
  ['1,234,567', 1234567],
  ['3.5', 3.5],
  ['0.25', 0.25],
  ['12,000.5', 12000.5],
  [' 3800 ', 3800],
  ['３８００', 3800],
  ['１４.１亿', 1410000000],
  ['14．1亿', 1410000000],
  // Chinese digits and units
  ['一', 1],
  ['零', 0],
  ['〇', 0],
  ['两', 2],
  ['十', 10],
  ['十五', 15],
  ['二十', 20],
  ['二十五', 25],
  ['一十五', 15],
  ['一百', 100],
  ['一百零五', 105],
  ['一百一十', 110],
  ['一千零十', 1010],
  ['一千零五十', 1050],
  ['两百', 200],
  ['两千', 2000],
  ['两万', 20000],
  ['三千五百', 3500],
  ['十万', 100000],
  ['十亿', 1000000000],
  ['一万零五', 10005],
  ['一亿零五万', 100050000],
  ['一千零五万', 10050000],
  // A last bare digit counts in the next lower place
  ['一千五', 1500],
  ['一万五', 15000],
  ['一亿五', 150000000],
  // Big units and their combinations
  ['十四亿一千万', 1410000000],
  ['一万亿', 1000000000000],
  ['十万亿', 10000000000000],
  ['两万亿', 2000000000000],
  ['一万二千亿', 1200000000000],
  ['三千五百万亿', 3500000000000000],
  ['一亿亿', 1e16],
  ['一千亿亿', 1e19],
  // Digit by digit (years)
  ['二〇二三', 2023],
  ['二零二三', 2023],
  ['一九八〇', 1980],
  ['〇七', 7],
  // Mixed digits and characters
  ['14.1亿', 1410000000],
  ['3800亿', 380000000000],
  ['3,800亿', 380000000000],
  ['1.2万', 12000],
  ['5千', 5000],
  ['2万5千', 25000],
  ['2.47万', 24700],
  ['1.8万亿', 1800000000000],
  ['5千万亿', 5000000000000000],
  ['1206万', 12060000],
  ['1.5千万', 15000000],
  // Chinese decimal point
  ['三点五', 3.5],
  ['零点五', 0.5],
  ['三十五点五', 35.5],
  ['一点五亿', 150000000],
  // Financial (大写) and variant forms
  ['壹仟贰佰叁拾肆', 1234],
  ['贰万伍仟', 25000],
  ['陆佰', 600],
  ['拾', 10],
  ['玖亿', 900000000],
  ['兩萬', 20000],
  ['廿五', 25],
  ['卅', 30],
  // Not numbers
  ['', undefined],
  ['  ', undefined],
  ['abc', undefined],
  ['3800元', undefined],
  ['一些', undefined],
  ['万亿', undefined],
  ['萬', undefined],
  ['百', undefined],
  ['千万', undefined],
  ['万一', undefined],
  ['亿万', undefined],
  ['一千零五百', undefined],
  ['一百零', undefined],
  ['十零五', undefined],
  ['两十', undefined],
  ['十两', undefined],
  ['一百两', undefined],
  ['五五万', undefined],
  ['一亿二亿', undefined],
  ['一亿三千万亿', undefined],
  ['一万12000', undefined],
  ['十四五', undefined],
  ['2万5', undefined],
  ['3,80', undefined],
  ['1234,567', undefined],
  ['1.2.3', undefined],
  ['.5', undefined],
  ['5.', undefined],
  ['-3', undefined],
  ['负三', undefined],
  ['三分之一', undefined],
  ['百分之三十五', undefined],
  ['一二三四五六七八九〇'.repeat(7), undefined]
]

describe('parseChineseNumber', () => {
  it('has a table of at least 60 conversions', () => {
    expect(numerals.length).toBeGreaterThanOrEqual(60)
  })

  it.each(numerals)('%s -> %s', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value)
  })

  it('is exact where floating point is not', () => {
    expect(4.35 * 1e8).not.toBe(435000000)
    expect(2.47 * 1e4).not.toBe(24700)
    expect(parseChineseNumber('4.35亿')).toBe(435000000)
    expect(parseChineseNumber('2.47万')).toBe(24700)
    expect(parseChineseNumber('1.15亿')).toBe(115000000)
    expect(parseChineseNumber('14.1亿')).toBe(1410000000)
    expect(parseChineseNumber('6.41万亿')).toBe(6410000000000)
  })
})

describe('formatEnglish', () => {
  const forms: [number, string[]][] = [
    [3.8e11, ['380 billion', '380,000,000,000', '0.38 trillion']],
    [1.8e9, ['1.8 billion', '1,800,000,000']],
    [1.41e9, ['1.41 billion', '1,410,000,000']],
    [1.8e12, ['1.8 trillion', '1,800,000,000,000']],
    [1.206e7, ['12.06 million', '12,060,000']],
    [500000, ['500,000', '500 thousand', '0.5 million']],
    [24700, ['24,700']],
    [12000, ['12,000', '12 thousand']],
    [6500, ['6,500', '6500']],
    [2000, ['2,000', '2000', '2 thousand']],
    [1234.5, ['1,234.5', '1234.5']],
    [18, ['18']],
    [3.5, ['3.5']],
    [1e16, ['10,000 trillion', '10,000,000,000,000,000']]
  ]

  it.each(forms)('%s', (value, expected) => {
    expect(formatEnglish(value)).toEqual(expected)
  })

  it('formats parsed values', () => {
    expect(formatEnglish(parseChineseNumber('3800亿')!)).toContain('380 billion')
    expect(formatEnglish(parseChineseNumber('14.1亿')!)).toContain('1.41 billion')
  })
})

/** [text, every figure in it] */
const texts: [string, ZhFigure[]][] = [
  [
    '截至今年7月，中国与东盟双向投资累计超3800亿美元，在东盟设立直接投资企业超6500家。',
    [
      {start: 4, end: 6, raw: '7月', value: 7, kind: 'date', month: 7},
      {
        start: 19,
        end: 26,
        raw: '3800亿美元',
        value: 380000000000,
        kind: 'cardinal',
        unit: '美元',
        currency: 'USD',
        approx: 'more than'
      },
      {start: 39, end: 44, raw: '6500家', value: 6500, kind: 'cardinal', unit: '家', approx: 'more than'}
    ]
  ],
  [
    '近2000家企业参展，比上届增长18%。',
    [
      {start: 1, end: 6, raw: '2000家', value: 2000, kind: 'cardinal', unit: '家', approx: 'nearly'},
      {start: 16, end: 19, raw: '18%', value: 18, kind: 'percent'}
    ]
  ],
  ['出口同比增长百分之十八。', [{start: 6, end: 11, raw: '百分之十八', value: 18, kind: 'percent'}]],
  ['增速比上年提高1.5个百分点。', [{start: 7, end: 14, raw: '1.5个百分点', value: 1.5, kind: 'percent', points: true}]],
  ['第20届中国—东盟博览会开幕。', [{start: 0, end: 4, raw: '第20届', value: 20, kind: 'ordinal', unit: '届'}]],
  ['第二十届中国—东盟博览会开幕。', [{start: 0, end: 4, raw: '第二十届', value: 20, kind: 'ordinal', unit: '届'}]],
  [
    '2023年是共建“一带一路”倡议提出10周年。',
    [
      {start: 0, end: 5, raw: '2023年', value: 2023, kind: 'year', year: 2023},
      {start: 18, end: 22, raw: '10周年', value: 10, kind: 'cardinal', unit: '周年'}
    ]
  ],
  [
    '2023年9月9日，论坛在南宁举行。',
    [{start: 0, end: 9, raw: '2023年9月9日', value: 9, kind: 'date', year: 2023, month: 9, day: 9}]
  ],
  [
    '9月9日，中国—东盟产能与投资合作论坛在广西南宁举行。',
    [{start: 0, end: 4, raw: '9月9日', value: 9, kind: 'date', month: 9, day: 9}]
  ],
  ['中国交建自20世纪80年代起进入东盟市场。', [{start: 5, end: 13, raw: '20世纪80年代', value: 1980, kind: 'decade'}]],
  ['中国交建自上世纪90年代起进入东盟市场。', [{start: 5, end: 12, raw: '上世纪90年代', value: 1990, kind: 'decade'}]],
  ['中国拥有14.1亿人口。', [{start: 4, end: 10, raw: '14.1亿人', value: 1410000000, kind: 'cardinal', unit: '人'}]],
  [
    '全年进出口总额达1.8万亿元。',
    [{start: 8, end: 14, raw: '1.8万亿元', value: 1800000000000, kind: 'cardinal', unit: '元', currency: 'CNY'}]
  ],
  [
    '两国贸易额增长至2.47万亿元，同比增长2.47%。',
    [
      {start: 0, end: 2, raw: '两国', value: 2, kind: 'cardinal', unit: '国', word: true},
      {start: 8, end: 15, raw: '2.47万亿元', value: 2470000000000, kind: 'cardinal', unit: '元', currency: 'CNY'},
      {start: 20, end: 25, raw: '2.47%', value: 2.47, kind: 'percent'}
    ]
  ],
  [
    '签约项目4873个，总投资额超过1000亿元。',
    [
      {start: 4, end: 9, raw: '4873个', value: 4873, kind: 'cardinal', unit: '个'},
      {
        start: 16,
        end: 22,
        raw: '1000亿元',
        value: 100000000000,
        kind: 'cardinal',
        unit: '元',
        currency: 'CNY',
        approx: 'more than'
      }
    ]
  ],
  ['两国领导人举行会谈。', [{start: 0, end: 2, raw: '两国', value: 2, kind: 'cardinal', unit: '国', word: true}]],
  ['推动共建一带一路，一些企业统一行动，一样受益。', []],
  [
    '7月，东盟继续保持中国第一大贸易伙伴地位。',
    [
      {start: 0, end: 2, raw: '7月', value: 7, kind: 'date', month: 7},
      {start: 11, end: 13, raw: '第一', value: 1, kind: 'ordinal', word: true}
    ]
  ],
  ['展会将持续到30日。', [{start: 6, end: 9, raw: '30日', value: 30, kind: 'date', day: 30}]],
  [
    '2022年，中国国内生产总值达121万亿元，比上年增长3%。',
    [
      {start: 0, end: 5, raw: '2022年', value: 2022, kind: 'year', year: 2022},
      {start: 15, end: 21, raw: '121万亿元', value: 121000000000000, kind: 'cardinal', unit: '元', currency: 'CNY'},
      {start: 27, end: 29, raw: '3%', value: 3, kind: 'percent'}
    ]
  ],
  [
    '中国—东盟博览会已连续举办20届，第20届东博会于2023年9月16日至19日在南宁举行。',
    [
      {start: 13, end: 16, raw: '20届', value: 20, kind: 'cardinal', unit: '届'},
      {start: 17, end: 21, raw: '第20届', value: 20, kind: 'ordinal', unit: '届'},
      {start: 25, end: 35, raw: '2023年9月16日', value: 16, kind: 'date', year: 2023, month: 9, day: 16},
      {start: 36, end: 39, raw: '19日', value: 19, kind: 'date', day: 19}
    ]
  ],
  [
    '截至2023年6月底，中国对东盟直接投资存量超过1500亿美元。',
    [
      {start: 2, end: 9, raw: '2023年6月', value: 6, kind: 'date', year: 2023, month: 6},
      {
        start: 24,
        end: 31,
        raw: '1500亿美元',
        value: 150000000000,
        kind: 'cardinal',
        unit: '美元',
        currency: 'USD',
        approx: 'more than'
      }
    ]
  ],
  [
    '中国连续14年保持东盟第一大贸易伙伴地位，东盟连续3年保持中国第一大贸易伙伴地位。',
    [
      {start: 4, end: 7, raw: '14年', value: 14, kind: 'cardinal', unit: '年'},
      {start: 11, end: 13, raw: '第一', value: 1, kind: 'ordinal', word: true},
      {start: 25, end: 27, raw: '3年', value: 3, kind: 'cardinal', unit: '年'},
      {start: 31, end: 33, raw: '第一', value: 1, kind: 'ordinal', word: true}
    ]
  ],
  [
    '全年城镇新增就业1206万人，城镇调查失业率平均为5.6%。',
    [
      {start: 8, end: 14, raw: '1206万人', value: 12060000, kind: 'cardinal', unit: '人'},
      {start: 25, end: 29, raw: '5.6%', value: 5.6, kind: 'percent'}
    ]
  ],
  [
    '该公司已在马来西亚完成投资50亿令吉，雇用当地员工2000余名。',
    [
      {start: 13, end: 18, raw: '50亿令吉', value: 5000000000, kind: 'cardinal', unit: '令吉', currency: 'MYR'},
      {start: 25, end: 31, raw: '2000余名', value: 2000, kind: 'cardinal', unit: '名', approx: 'more than'}
    ]
  ],
  [
    '中国和东盟人口超过20亿，经济总量约6.5万亿美元。',
    [
      {start: 9, end: 12, raw: '20亿', value: 2000000000, kind: 'cardinal', approx: 'more than'},
      {
        start: 18,
        end: 25,
        raw: '6.5万亿美元',
        value: 6500000000000,
        kind: 'cardinal',
        unit: '美元',
        currency: 'USD',
        approx: 'about'
      }
    ]
  ],
  [
    '会议为期三天，共有十多个国家的两百五十名代表参加。',
    [
      {start: 4, end: 6, raw: '三天', value: 3, kind: 'cardinal', unit: '天', word: true},
      {start: 9, end: 12, raw: '十多个', value: 10, kind: 'cardinal', unit: '个', approx: 'more than', word: true},
      {start: 15, end: 20, raw: '两百五十名', value: 250, kind: 'cardinal', unit: '名'}
    ]
  ],
  [
    '二〇二三年九月九日',
    [{start: 0, end: 9, raw: '二〇二三年九月九日', value: 9, kind: 'date', year: 2023, month: 9, day: 9}]
  ],
  [
    '八十年代和九〇年代',
    [
      {start: 0, end: 4, raw: '八十年代', value: 1980, kind: 'decade'},
      {start: 5, end: 9, raw: '九〇年代', value: 1990, kind: 'decade'}
    ]
  ],
  [
    '收入增长百分之三点五，约100人左右参加，至少3人，不到10%。',
    [
      {start: 4, end: 10, raw: '百分之三点五', value: 3.5, kind: 'percent'},
      {start: 12, end: 16, raw: '100人', value: 100, kind: 'cardinal', unit: '人', approx: 'about'},
      {start: 23, end: 25, raw: '3人', value: 3, kind: 'cardinal', unit: '人', approx: 'at least'},
      {start: 28, end: 31, raw: '10%', value: 10, kind: 'percent', approx: 'less than'}
    ]
  ],
  [
    '十分重要的是，三分之一的企业进一步扩大投资，唯一一家亏损。',
    [{start: 24, end: 26, raw: '一家', value: 1, kind: 'cardinal', unit: '家', word: true}]
  ],
  ['5G网络覆盖G20国家，COVID-19疫情期间逆势增长。', []],
  ['数十亿美元投资和几十万人就业，十四五规划', []],
  ['上世纪90年代', [{start: 0, end: 7, raw: '上世纪90年代', value: 1990, kind: 'decade'}]],
  [
    '售价¥100，合计1,234,567元，3800,6500',
    [
      {start: 2, end: 6, raw: '¥100', value: 100, kind: 'cardinal', currency: 'CNY'},
      {start: 9, end: 19, raw: '1,234,567元', value: 1234567, kind: 'cardinal', unit: '元', currency: 'CNY'},
      {start: 20, end: 24, raw: '3800', value: 3800, kind: 'cardinal'},
      {start: 25, end: 29, raw: '6500', value: 6500, kind: 'cardinal'}
    ]
  ],
  [
    '一国两制，两岸同胞，最近20年，签约20个项目',
    [
      {start: 5, end: 7, raw: '两岸', value: 2, kind: 'cardinal', unit: '岸', word: true},
      {start: 12, end: 15, raw: '20年', value: 20, kind: 'cardinal', unit: '年'},
      {start: 18, end: 21, raw: '20个', value: 20, kind: 'cardinal', unit: '个'}
    ]
  ],
  [
    '第三季度增长5.2%，第一次，两个月，一年来',
    [
      {start: 0, end: 4, raw: '第三季度', value: 3, kind: 'ordinal', unit: '季度', word: true},
      {start: 6, end: 10, raw: '5.2%', value: 5.2, kind: 'percent'},
      {start: 11, end: 14, raw: '第一次', value: 1, kind: 'ordinal', unit: '次', word: true},
      {start: 15, end: 18, raw: '两个月', value: 2, kind: 'cardinal', unit: '个月', word: true},
      {start: 19, end: 21, raw: '一年', value: 1, kind: 'cardinal', unit: '年', word: true}
    ]
  ],
  [
    '２０２３年营收４８７３万元，壹佰元',
    [
      {start: 0, end: 5, raw: '２０２３年', value: 2023, kind: 'year', year: 2023},
      {start: 7, end: 13, raw: '４８７３万元', value: 48730000, kind: 'cardinal', unit: '元', currency: 'CNY'},
      {start: 14, end: 17, raw: '壹佰元', value: 100, kind: 'cardinal', unit: '元', currency: 'CNY'}
    ]
  ],
  [
    '3000多万人，2000多年前，5千米',
    [
      {start: 0, end: 7, raw: '3000多万人', value: 30000000, kind: 'cardinal', unit: '人', approx: 'more than'},
      {start: 8, end: 14, raw: '2000多年', value: 2000, kind: 'cardinal', unit: '年', approx: 'more than'},
      {start: 16, end: 19, raw: '5千米', value: 5, kind: 'cardinal', unit: '千米'}
    ]
  ],
  [
    '会议为期三天，每周三次，周三举行，星期一，1.5个百分点。',
    [
      {start: 4, end: 6, raw: '三天', value: 3, kind: 'cardinal', unit: '天', word: true},
      {start: 9, end: 11, raw: '三次', value: 3, kind: 'cardinal', unit: '次', word: true},
      {start: 21, end: 28, raw: '1.5个百分点', value: 1.5, kind: 'percent', points: true}
    ]
  ]
]

describe('extractChineseFigures', () => {
  it('has at least 30 cases', () => {
    expect(texts.length).toBeGreaterThanOrEqual(30)
  })

  it.each(texts)('%s', (text, expected) => {
    const figures = extractChineseFigures(text)
    for (const figure of figures) expect(text.slice(figure.start, figure.end)).toBe(figure.raw)
    expect(figures).toEqual(expected)
  })

  it('reads 上世纪 against the reference year', () => {
    expect(extractChineseFigures('上世纪90年代', {referenceYear: 2126})[0].value).toBe(2090)
    expect(extractChineseFigures('本世纪20年代', {referenceYear: 2026})[0].value).toBe(2020)
    expect(extractChineseFigures('80年代')[0].value).toBe(1980)
    expect(extractChineseFigures('20年代', {referenceYear: 2015})[0].value).toBe(1920)
  })

  it('takes a single 一 only before a measure word', () => {
    const text = '一带一路、一些、统一、一样、之一、进一步、一度、一部分、一次性、十分、星期一、一国两制'
    expect(extractChineseFigures(text)).toEqual([])
  })

  // Hostile repetitions of every construct the reader knows; the time it takes on them,
  // at growing sizes, is measured by `node scripts/bench-source.js` (a benchmark, not a test).
  it('reads hostile text through, every figure its own text', {timeout: 120_000}, () => {
    for (const unit of HOSTILE_CHINESE) {
      const text = unit.repeat(Math.ceil(100000 / unit.length))
      const figures = extractChineseFigures(text)
      for (const figure of figures.slice(0, 50)) expect(text.slice(figure.start, figure.end)).toBe(figure.raw)
      for (const figure of figures.slice(-50)) expect(text.slice(figure.start, figure.end)).toBe(figure.raw)
    }
  })
})
