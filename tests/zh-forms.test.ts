/**
 * The Chinese reader (src/zh) on the forms wire copy uses, class by class, in
 * sentences written for these tests: each form is read with its value, and the
 * words that only look like figures are not.
 */
import {describe, expect, it} from 'vitest'
import {extractChineseFigures, readChinese, type ZhFigure} from '../src/zh/figures.js'
import {parseChineseNumber} from '../src/zh/numerals.js'
import {compileZhData} from '../src/zh/data.js'
import {DataError} from '../src/knowledge/files.js'

/** The readings of a text, each with only the fields a case names. */
function read(text: string): ZhFigure[] {
  const figures = readChinese(text).figures
  for (const f of figures) expect(text.slice(f.start, f.end)).toBe(f.raw)
  return figures
}

type Case = [string, Array<Partial<ZhFigure>>]

function expectReadings(text: string, expected: Array<Partial<ZhFigure>>): void {
  const figures = read(text)
  expect(figures.length, JSON.stringify(figures)).toBe(expected.length)
  figures.forEach((figure, i) => expect(figure).toMatchObject(expected[i]))
}

describe('magnitudes written without a digit', () => {
  const cases: Case[] = [
    ['工厂新招万名工人。', [{raw: '万名', value: 10000, unit: '名', word: true}]],
    ['村里种了万亩果树。', [{raw: '万亩', value: 10000, unit: '亩', word: true}]],
    ['基金规模达百亿元。', [{raw: '百亿元', value: 1e10, currency: 'CNY', word: true}]],
    ['打造千亿产业集群。', [{raw: '千亿', value: 1e11, word: true}]],
    ['近千家商户入驻。', [{raw: '千家', value: 1000, approx: 'nearly', word: true}]],
    [
      '每万人拥有医生30名。',
      [
        {raw: '万人', value: 10000, word: true},
        {raw: '30名', value: 30}
      ]
    ],
    ['这座桥有百年历史。', [{raw: '百年', value: 100, unit: '年', word: true}]],
    ['售价在万元以上。', [{raw: '万元', value: 10000, currency: 'CNY', approx: 'more than'}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))

  it('reads an indefinite amount as a range of its order', () => {
    expectReadings('上万名观众，上千元，数十个村庄，几百名志愿者，十几个省份，几十万人', [
      {raw: '上万名', lo: 10000, hi: 99999, form: 'vague'},
      {raw: '上千元', lo: 1000, hi: 9999, currency: 'CNY', form: 'vague'},
      {raw: '数十个', lo: 20, hi: 99, form: 'vague'},
      {raw: '几百名', lo: 200, hi: 999, form: 'vague'},
      {raw: '十几个', lo: 11, hi: 19, form: 'vague'},
      {raw: '几十万人', lo: 200000, hi: 999999, form: 'vague'}
    ])
  })

  it('does not read 数 as "several" before a digit (数三下 is "count to three")', () => {
    expect(read('他数三下就走').filter((f) => f.form === 'vague')).toEqual([])
  })

  it('leaves indefinite amounts out of the plain figures', () => {
    expect(extractChineseFigures('上万名观众，数十个村庄，几百名志愿者')).toEqual([])
  })

  it('does not read a magnitude inside a word', () => {
    expect(read('百姓的日子越过越好，千万不要大意，万一下雨就改期，百货商店开门。')).toEqual([])
  })
})

describe('approximations', () => {
  const cases: Case[] = [
    ['近500人', [{raw: '500人', approx: 'nearly'}]],
    ['约300公里', [{raw: '300公里', approx: 'about'}]],
    ['超2000家', [{raw: '2000家', approx: 'more than'}]],
    ['逾40万人', [{raw: '40万人', value: 400000, approx: 'more than'}]],
    ['300多名', [{raw: '300多名', value: 300, approx: 'more than'}]],
    ['1000余家', [{raw: '1000余家', value: 1000, approx: 'more than'}]],
    ['50人左右', [{raw: '50人', approx: 'about'}]],
    ['30+人', [{raw: '30+人', value: 30, approx: 'more than'}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))

  it('does not take a word ending in 近 or 约 for an approximation', () => {
    expect(read('最近30天')[0].approx).toBeUndefined()
    expect(read('条约5项')[0].approx).toBeUndefined()
  })
})

describe('ranges', () => {
  const cases: Case[] = [
    ['七八十人', [{raw: '七八十人', value: 70, lo: 70, hi: 80}]],
    ['一万五六千元', [{raw: '一万五六千元', lo: 15000, hi: 16000, currency: 'CNY'}]],
    ['十五六岁', [{raw: '十五六岁', lo: 15, hi: 16}]],
    ['两三天', [{raw: '两三天', lo: 2, hi: 3}]],
    ['百分之六七十', [{raw: '百分之六七十', kind: 'percent', lo: 60, hi: 70}]],
    [
      '2.4万至2.6万元',
      [
        {raw: '2.4万', value: 24000, unit: '元', currency: 'CNY'},
        {raw: '2.6万元', value: 26000, currency: 'CNY'}
      ]
    ],
    [
      '5至8年',
      [
        {raw: '5', value: 5, unit: '年'},
        {raw: '8年', value: 8, unit: '年'}
      ]
    ],
    [
      '3月5日至7日',
      [
        {raw: '3月5日', kind: 'date', month: 3, day: 5},
        {raw: '7日', kind: 'date', day: 7}
      ]
    ]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))

  it('does not take a digit-by-digit year for a range', () => {
    expect(read('二〇二三年')).toMatchObject([{kind: 'year', value: 2023}])
  })
})

describe('fractions, tenths, multiples, percentage points', () => {
  const cases: Case[] = [
    ['四分之一的家庭', [{raw: '四分之一', kind: 'percent', value: 25, form: 'fraction'}]],
    ['千分之三', [{raw: '千分之三', kind: 'percent', value: 0.3, form: 'fraction'}]],
    ['占比超七成，', [{raw: '七成', kind: 'percent', value: 70, approx: 'more than'}]],
    ['约三成以上', [{raw: '三成', kind: 'percent', value: 30}]],
    ['产量翻了3倍', [{raw: '3倍', value: 3, unit: '倍'}]],
    ['增长了20余倍', [{raw: '20余倍', value: 20, unit: '倍', approx: 'more than'}]],
    ['提高0.5个百分点', [{raw: '0.5个百分点', kind: 'percent', value: 0.5, points: true}]],
    ['下降两个百分点', [{raw: '两个百分点', kind: 'percent', value: 2, points: true}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))

  it('does not read 成 in a word as tenths', () => {
    expect(read('他成为了冠军，事情一成不变，八成是真的，成年人')).toEqual([])
  })

  it('leaves fractions out of the plain figures', () => {
    expect(extractChineseFigures('四分之一的家庭')).toEqual([])
  })
})

describe('dates and clock times', () => {
  const cases: Case[] = [
    ['15日召开', [{raw: '15日', kind: 'date', day: 15}]],
    ['二十六日上午', [{raw: '二十六日', kind: 'date', day: 26}]],
    ['6月1号开学', [{raw: '6月1号', kind: 'date', month: 6, day: 1}]],
    ['十二月', [{raw: '十二月', kind: 'date', month: 12}]],
    ['2019-07-04', [{raw: '2019-07-04', kind: 'date', year: 2019, month: 7, day: 4}]],
    ['2018/3/9', [{raw: '2018/3/9', kind: 'date', year: 2018, month: 3, day: 9}]],
    ['2020.5.20', [{raw: '2020.5.20', kind: 'date', year: 2020, month: 5, day: 20}]],
    ['8时15分', [{raw: '8时15分', kind: 'time', hour: 8, minute: 15}]],
    ['晚上7点半', [{raw: '7点半', kind: 'time', hour: 19, minute: 30, half: 'pm'}]],
    ['凌晨2点', [{raw: '2点', kind: 'time', hour: 2, half: 'am'}]],
    ['十点二十分', [{raw: '十点二十分', kind: 'time', hour: 10, minute: 20}]],
    ['20:45到达', [{raw: '20:45', kind: 'time', hour: 20, minute: 45}]],
    ['上午 6 点 5 分', [{raw: '6 点 5 分', kind: 'time', hour: 6, minute: 5, half: 'am'}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))

  it('reads days counted, not dated, as a count', () => {
    expect(read('已经 4 日没有消息')).toMatchObject([{kind: 'cardinal', value: 4, unit: '日'}])
    expect(read('请在7日内答复')).toMatchObject([{kind: 'cardinal', value: 7, unit: '日'}])
  })

  it('does not take a lone 一日 or 三点 for a date or a time', () => {
    expect(read('一日三次')).toMatchObject([
      {raw: '一日', kind: 'cardinal', word: true},
      {raw: '三次', kind: 'cardinal', word: true}
    ])
    expect(read('注意以下三点')).toEqual([])
    expect(read('他用了两小时')).toMatchObject([{raw: '两小时', kind: 'cardinal', unit: '小时'}])
  })

  it('does not take 一时 ("for a moment") for one o\'clock, unless the half of the day is given', () => {
    expect(read('他一时没想起来')).toEqual([])
    expect(read('下午一时开会')).toMatchObject([{raw: '一时', kind: 'time', hour: 13}])
  })

  it('reads N号 alone as a number, not a day', () => {
    expect(read('展台设在3号馆')).toMatchObject([{raw: '3号', kind: 'cardinal', unit: '号'}])
  })
})

describe('ordinals and measure words', () => {
  const cases: Case[] = [
    ['第7次会谈', [{raw: '第7次', kind: 'ordinal', value: 7, unit: '次'}]],
    ['连续第3个季度', [{raw: '第3个', kind: 'ordinal', value: 3}]],
    ['第十一届运动会', [{raw: '第十一届', kind: 'ordinal', value: 11}]],
    ['已举办12届', [{raw: '12届', kind: 'cardinal', value: 12, unit: '届'}]],
    ['共有38个国家', [{raw: '38个', value: 38, unit: '个'}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))
})

describe('traditional characters', () => {
  const cases: Case[] = [
    ['共有3萬個家庭', [{raw: '3萬個', value: 30000, unit: '个'}]],
    ['投資12億美元', [{raw: '12億美元', value: 1.2e9, currency: 'USD'}]],
    ['兩國領導人', [{raw: '兩國', value: 2, unit: '国', word: true}]],
    ['第5屆論壇', [{raw: '第5屆', kind: 'ordinal', value: 5, unit: '届'}]],
    ['下午3點半', [{raw: '3點半', kind: 'time', hour: 15, minute: 30}]],
    ['約200餘人', [{raw: '200餘人', value: 200, approx: 'more than'}]]
  ]
  it.each(cases)('%s', (text, expected) => expectReadings(text, expected))
})

describe('words holding a numeral that are not figures', () => {
  it.each([
    '共建一带一路，一些人一起努力，统一认识，十分必要，万一失败也不怕。',
    '这件事他做得三心二意，一五一十地交代，千方百计想办法。',
    '伤敌一千自损八百的做法不可取。',
    '坚持一国两制，落实两个维护。',
    '我们第一时间赶到现场，他是一把手。',
    '他的态度来了个180度大转弯。'
  ])('%s', (text) => {
    expect(read(text).filter((f) => !f.word)).toEqual([])
  })

  it('reads a number glued to Latin letters as a name, not a figure', () => {
    const figures = read('新款5G手机装有Android13系统，支持Wi-Fi6')
    expect(figures.every((f) => f.form === 'name')).toBe(true)
    expect(extractChineseFigures('新款5G手机装有Android13系统')).toEqual([])
  })

  it('reads an amount or a measure glued to Latin letters', () => {
    expectReadings('油费约RM30，跑了15km，装500ml', [
      {raw: 'RM30', value: 30, currency: 'MYR', approx: 'about'},
      {raw: '15km', value: 15, unit: 'km'},
      {raw: '500ml', value: 500, unit: 'ml'}
    ])
  })

  it('skips links, and reads dotted codes as names', () => {
    expect(read('详见 https://example.org/p/20240317 页面')).toEqual([])
    const code = read('型号 88.02.16.33.001')
    expect(code.map((f) => [f.raw, f.form])).toEqual([
      ['88', 'name'],
      ['02', 'name'],
      ['16', 'name'],
      ['33', 'name'],
      ['001', 'name']
    ])
    expect(extractChineseFigures('型号 88.02.16.33.001，2022/23赛季')).toEqual([])
  })

  it('reads a service number as a bare number', () => {
    expectReadings('拨打12345热线', [{raw: '12345', value: 12345, kind: 'cardinal'}])
  })
})

describe('numbered political terms, generations, named days', () => {
  it('reads the Party Congress only next to its context', () => {
    expectReadings('学习党的二十大精神', [
      {
        raw: '二十大',
        kind: 'ordinal',
        value: 20,
        form: 'term',
        term: {english: '20th Party Congress', keyword: 'congress'}
      }
    ])
    expectReadings('十八大以来', [{raw: '十八大', value: 18, form: 'term'}])
    expect(read('全省十二大产业').filter((f) => f.form === 'term')).toEqual([])
  })

  it('reads plenary sessions, five-year plans and named consensuses', () => {
    expectReadings('十八届三中全会', [
      {raw: '十八届', kind: 'cardinal', value: 18, unit: '届'},
      {raw: '三中全会', kind: 'ordinal', value: 3, form: 'term'}
    ])
    expectReadings('“十三五”期间', [{raw: '十三五', kind: 'ordinal', value: 13, form: 'term'}])
    expectReadings('坚持九二共识', [{raw: '九二共识', kind: 'year', value: 1992, form: 'term'}])
    expect(extractChineseFigures('“十三五”期间，坚持九二共识')).toEqual([])
  })

  it('reads generations by birth years', () => {
    expectReadings('80后家长和00后学生', [
      {raw: '80后', kind: 'decade', value: 1980, form: 'generation'},
      {raw: '00后', kind: 'decade', value: 2000, form: 'generation'}
    ])
    expect(read('3天后再说')).toMatchObject([{raw: '3天', unit: '天'}])
  })

  it('reads days named by their numbers', () => {
    expectReadings('五一假期，双十二当天', [
      {raw: '五一', kind: 'date', month: 5, day: 1, form: 'named'},
      {raw: '双十二', kind: 'date', month: 12, day: 12, form: 'named'}
    ])
  })
})

describe('the numeral parser', () => {
  it.each([
    ['3万2500', 32500],
    ['1亿2000万', 120000000],
    ['6万08', undefined]
  ] as const)('%s -> %s', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value)
  })
})

describe('the word lists (data/zh.yaml)', () => {
  it('rejects a bad entry with its file and key', () => {
    expect(() => compileZhData({}, 'zh.yaml')).toThrow(DataError)
    expect(() => compileZhData({measure_words: 'x'}, 'zh.yaml')).toThrow(/zh\.yaml: `measure_words` must be a list/)
  })
})
