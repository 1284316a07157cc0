/**
 * source-mismatch, numbered names: a named, numbered series in the Chinese source (火星-17,
 * 东风41, 神舟十五号) whose English name is a transliteration or a fixed name (the Hwasong-17,
 * the DF-41, Shenzhou 15). A translation that renders the name word for word ("Mars 17", "East
 * Wind 41", "Divine Vessel 15") keeps the number and loses the name: reported, with the name.
 * Sentences written for these tests; each wrong rendering has faithful counterparts that stay
 * silent, and the planet Mars, counts next to 火星 and numbers next to ordinary words stay
 * numbers.
 */
import {describe, expect, it} from 'vitest'
import {compileZhData} from '../src/zh/data.js'
import {readChinese} from '../src/zh/figures.js'
import {DataError} from '../src/knowledge/files.js'
import {lintText, read} from './helpers.js'
import {parse} from 'yaml'

interface Found {
  text: string
  reason: string
  expected?: string[]
  note?: string
  source?: string
}

async function check(zh: string, en: string): Promise<Found[]> {
  const file = await lintText(en, {source: zh})
  return file.messages
    .filter((m) => m.ruleId === 'source-mismatch')
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      const source = (m.data as {source?: {start: number; end: number}} | undefined)?.source
      return {
        text: en.slice(place?.start.offset ?? 0, place?.end.offset ?? 0),
        reason: m.reason,
        expected: m.expected,
        note: m.note,
        source: source ? zh.slice(source.start, source.end) : undefined
      }
    })
}

async function flagged(zh: string, en: string): Promise<string[]> {
  return (await check(zh, en)).map((m) => m.text)
}

/** The numbered names the reader finds: [raw, value, English name]. */
function names(zh: string): Array<[string, number, string]> {
  return readChinese(zh)
    .figures.filter((figure) => figure.form === 'series')
    .map((figure) => [figure.raw, figure.value, figure.series!.english])
}

describe('the reader: numbered names', () => {
  it.each<[string, Array<[string, number, string]>]>([
    ['朝鲜宣布成功发射火星-18型导弹。', [['火星-18型', 18, 'Hwasong-18']]],
    ['报道称火星12可打到关岛。', [['火星12', 12, 'Hwasong-12']]],
    ['阅兵式上出现了火星－19。', [['火星－19', 19, 'Hwasong-19']]],
    ['北极星-4型潜射导弹首次亮相。', [['北极星-4型', 4, 'Pukguksong-4']]],
    ['东风-5B可携带多弹头。', [['东风-5B', 5, 'DF-5B']]],
    ['东风26被称为关岛快递。', [['东风26', 26, 'DF-26']]],
    ['巨浪-3装备新型核潜艇。', [['巨浪-3', 3, 'JL-3']]],
    ['神舟十八号飞船与空间站对接。', [['神舟十八号', 18, 'Shenzhou 18']]],
    ['神舟18号航天员出舱。', [['神舟18号', 18, 'Shenzhou 18']]],
    ['长征二号F火箭点火升空。', [['长征二号F', 2, 'Long March 2F']]],
    ['长征7号运载火箭发射成功。', [['长征7号', 7, 'Long March 7']]],
    ['嫦娥六号从月球背面取样。', [['嫦娥六号', 6, "Chang'e 6"]]],
    ['天舟七号货运飞船进入轨道。', [['天舟七号', 7, 'Tianzhou 7']]],
    ['银河-2号火箭由朝鲜研制。', [['银河-2号', 2, 'Unha-2']]],
    ['东风-41洲际导弹参加阅兵。', [['东风-41', 41, 'DF-41']]],
    ['歼-20战机编队飞行。', [['歼-20', 20, 'J-20']]],
    ['轰-6K携带巡航导弹。', [['轰-6K', 6, 'H-6K']]],
    ['空警-500预警机升空。', [['空警-500', 500, 'KJ-500']]],
    // Traditional characters fold to simplified ones.
    ['神舟十八號飛船升空。', [['神舟十八號', 18, 'Shenzhou 18']]],
    ['東風-26導彈。', [['東風-26', 26, 'DF-26']]],
    ['長征五號火箭。', [['長征五號', 5, 'Long March 5']]],
    ['天問一號抵達。', [['天問一號', 1, 'Tianwen-1']]]
  ])('%s', (zh, expected) => {
    expect(names(zh)).toEqual(expected)
  })

  it.each<[string, string]>([
    ['the planet, with a distance', '探测器距离火星3亿公里。'],
    ['the planet, with a count', '火星2颗卫星都很小。'],
    ['the planet, with a year', '火星2030年或迎来载人登陆。'],
    ['the planet, with a percentage', '火星38%的重力。'],
    ['the planet, with a decimal', '火星1.5个天文单位外。'],
    ['the planet, with a range', '火星2至3次冲日。'],
    ['the Soviet probe Mars 3 (号 is not a Hwasong suffix)', '苏联的火星3号曾在火星着陆。'],
    ["NASA's Mars 2020 (above the series' numbers)", '美国火星2020任务发射。'],
    ['the east wind of a forecast, force 3 to 4', '明天东风3到4级。'],
    ['the east wind of a forecast, force 3', '明天偏东风3级。'],
    ['a car maker and a year', '东风2023年销量增长。'],
    ['a Chinese numeral with no suffix', '北斗七星清晰可见。'],
    ['a code after the name', '东风ABC3系列。'],
    ['an amount after the name', '红旗30多万辆。'],
    ['a one-character name with no hyphen (a verb)', '共歼20人。'],
    ['a one-character name with no hyphen (a game)', '命运2上线。'],
    ['a one-character name with no hyphen, then a count', '空运20吨物资。']
  ])('not a numbered name: %s', (_, zh) => {
    expect(names(zh)).toEqual([])
  })

  it('reads the planet alone as no figure at all', () => {
    expect(readChinese('天问一号飞向火星，火星探测任务顺利。').figures.map((figure) => figure.raw)).toEqual([
      '天问一号'
    ])
  })
})

/** [series, source, faithful renderings (silent), wrong renderings with the ranges to flag] */
type NameCase = [string, string, string[], Array<[string, string[]]>]

const cases: NameCase[] = [
  [
    'a North Korean missile (火星-18型)',
    '朝鲜周四试射了一枚火星-18型固体燃料洲际弹道导弹。',
    [
      'North Korea test-fired a Hwasong-18 solid-fuel intercontinental ballistic missile on Thursday.',
      'On Thursday North Korea launched a solid-fuel Hwasong 18 ICBM.',
      'North Korea fired a Hwasong-18 ICBM on Thursday.'
    ],
    [
      ['North Korea test-fired a Mars-18 solid-fuel intercontinental ballistic missile on Thursday.', ['Mars-18']],
      ['On Thursday North Korea launched a solid-fuel Mars 18 ICBM.', ['Mars 18']],
      ['North Korea fired a type 18 Mars missile on Thursday.', ['18']],
      ['On Thursday North Korea’s Mars 18 solid-fuel ICBM was fired.', ['Mars 18']],
      ['Mars-18 solid-fuel ICBM fired by North Korea on Thursday.', ['Mars-18']]
    ]
  ],
  [
    'a North Korean missile with no hyphen (火星12)',
    '分析人士认为火星12射程可覆盖关岛。',
    ['Analysts say the Hwasong-12 can reach Guam.', 'Analysts believe the range of the Hwaseong-12 covers Guam.'],
    [['Analysts say the Mars 12 can reach Guam.', ['Mars 12']]]
  ],
  [
    'a submarine-launched missile (北极星-4型)',
    '北极星-4型导弹在阅兵中亮相。',
    ['The Pukguksong-4 missile was shown at the parade.', 'The Pukkuksong-4 appeared in the parade.'],
    [
      ['The Polaris-4 missile was shown at the parade.', ['Polaris-4']],
      ['The North Star 4 missile was shown at the parade.', ['North Star 4']]
    ]
  ],
  [
    'a Chinese missile (东风-26)',
    '东风-26导弹可打击移动目标。',
    [
      'The DF-26 missile can strike moving targets.',
      'The Dongfeng-26 can hit moving targets.',
      'The Dong Feng 26 missile can strike moving targets.'
    ],
    [
      ['The East Wind-26 missile can strike moving targets.', ['East Wind-26']],
      ['The East Wind 26 missile can strike moving targets.', ['East Wind 26']]
    ]
  ],
  [
    'a Chinese missile with a letter (东风-21D)',
    '东风-21D被称为航母杀手。',
    ['The DF-21D is called a carrier killer.', 'The Dongfeng-21D is known as a carrier killer.'],
    [['The East Wind-21D is called a carrier killer.', ['East Wind-21D']]]
  ],
  [
    'a submarine-launched missile (巨浪-3)',
    '新型潜艇将装备巨浪-3导弹。',
    ['The new submarines will carry the JL-3 missile.', 'The new submarines will carry Julang-3 missiles.'],
    [['The new submarines will carry the Giant Wave 3 missile.', ['Giant Wave 3']]]
  ],
  [
    'a crewed spacecraft (神舟十八号)',
    '神舟十八号航天员乘组顺利出舱。',
    [
      'The Shenzhou-18 crew completed a spacewalk.',
      'The crew of Shenzhou 18 completed a spacewalk.',
      'The crew of the 18th Shenzhou mission completed a spacewalk.',
      'The Shenzhou XVIII crew completed a spacewalk.'
    ],
    [
      ['The Divine Vessel 18 crew completed a spacewalk.', ['Divine Vessel 18']],
      ['The Magic Boat-18 crew completed a spacewalk.', ['Magic Boat-18']]
    ]
  ],
  [
    'a lunar probe (嫦娥六号)',
    '嫦娥六号着陆器在月球背面着陆。',
    [
      'The Chang’e-6 lander touched down on the far side of the Moon.',
      "The Chang'e 6 lander landed on the far side of the Moon.",
      'The Change-6 lander landed on the far side of the Moon.',
      "The Chang'e No. 6 lander landed on the far side of the Moon."
    ],
    [['The Goddess 6 lander landed on the far side of the Moon.', ['Goddess 6']]]
  ],
  [
    'a cargo spacecraft (天舟7号)',
    '天舟7号货运飞船与空间站完成对接。',
    ['The Tianzhou-7 cargo craft docked with the space station.'],
    [['The Heavenly Boat 7 cargo craft docked with the space station.', ['Heavenly Boat 7']]]
  ],
  [
    'a carrier rocket whose English name is the literal one (长征七号)',
    '长征七号运载火箭成功发射。',
    ['A Long March-7 carrier rocket was launched.', 'The Long March 7 rocket lifted off.', 'A CZ-7 rocket lifted off.'],
    []
  ],
  [
    'a North Korean carrier rocket (银河-3号)',
    '朝鲜用银河-3号火箭发射卫星。',
    ['North Korea used an Unha-3 rocket to launch a satellite.'],
    [['North Korea used a Galaxy-3 rocket to launch a satellite.', ['Galaxy-3']]]
  ],
  [
    'a fighter aircraft (歼-20)',
    '两架歼-20战机完成伴飞。',
    ['Two J-20 fighters flew as escorts.', 'Two Jian-20 stealth fighters flew alongside.'],
    [
      ['Two Annihilator-20 fighters flew as escorts.', ['Annihilator-20']],
      ['Two Fighter 20 jets flew as escorts.', ['Fighter 20']]
    ]
  ],
  [
    'a bomber with a letter (轰-6K)',
    '轰-6K轰炸机飞越海峡。',
    ['An H-6K bomber crossed the strait.', 'A Hong-6K bomber crossed the strait.'],
    [['A Bomb-6K bomber crossed the strait.', ['Bomb-6K']]]
  ],
  [
    'a planetary probe (天问一号), flying to the planet Mars',
    '天问一号探测器飞行约7个月后抵达火星。',
    [
      'The Tianwen-1 probe reached Mars after a flight of about seven months.',
      'After some seven months in flight, Tianwen-1 arrived at Mars.'
    ],
    [['The Heavenly Questions 1 probe reached Mars after a flight of about seven months.', ['Heavenly Questions 1']]]
  ]
]

describe('source-mismatch: numbered names', () => {
  for (const [what, zh, silent, wrong] of cases) {
    describe(what, () => {
      for (const en of silent) {
        it(`silent: ${en}`, async () => {
          expect(await flagged(zh, en)).toEqual([])
        })
      }
      for (const [en, ranges] of wrong) {
        it(`flags: ${en}`, async () => {
          expect(await flagged(zh, en)).toEqual(ranges)
        })
      }
    })
  }

  it('says which name the source gives and offers it', async () => {
    expect(await check('朝鲜当天发射了火星-18型导弹。', 'North Korea launched a Mars-18 missile that day.')).toEqual([
      {
        text: 'Mars-18',
        reason: "Unexpected `Mars-18`: the source's `火星-18型` is the Hwasong-18",
        expected: ['Hwasong-18'],
        note: '火星-18型 is the Hwasong-18, a North Korean missile; the translation gives its number without the name.',
        source: '火星-18型'
      }
    ])
  })

  it('a traditional source reads the same', async () => {
    expect(await flagged('神舟十八號乘組出艙。', 'The Divine Vessel 18 crew went outside.')).toEqual([
      'Divine Vessel 18'
    ])
    expect(await flagged('神舟十八號乘組出艙。', 'The Shenzhou-18 crew went outside.')).toEqual([])
  })

  it('another number for the name is still a wrong figure, named by the series', async () => {
    expect(await check('朝鲜试射火星-17导弹。', 'North Korea test-fired a Hwasong 15 missile.')).toEqual([
      {
        text: '15',
        reason: 'Unexpected `15`: the source has `火星-17` (Hwasong-17)',
        expected: ['Hwasong-17'],
        note: 'The Chinese source gives 火星-17, which is Hwasong-17 in English; the translation has 15.',
        source: '火星-17'
      }
    ])
  })

  it('a translation that drops the number says nothing (a lost name is not a lost figure)', async () => {
    expect(await flagged('朝鲜试射火星-17导弹。', 'North Korea test-fired an intercontinental missile.')).toEqual([])
    expect(await flagged('朝鲜试射火星-17导弹。', 'North Korea test-fired a Hwasong missile.')).toEqual([])
  })

  it('the name given once is enough for a second mention of the same number', async () => {
    expect(
      await flagged('朝鲜试射火星-17导弹。', 'North Korea test-fired a Hwasong-17; the 17 flew for an hour.')
    ).toEqual([])
  })

  it('each mention of the name in the source is checked on its own', async () => {
    expect(
      await flagged(
        '朝鲜去年试射火星-17，今年又试射火星-18。',
        'North Korea test-fired the Hwasong-17 last year and a Mars 18 this year.'
      )
    ).toEqual(['Mars 18'])
  })

  it('a count next to 火星 stays a count, the planet stays the planet', async () => {
    expect(await flagged('火星有2颗卫星。', 'Mars has 2 moons.')).toEqual([])
    expect(await flagged('火星有2颗卫星。', 'Mars has two moons.')).toEqual([])
    expect(await flagged('探测器距离火星3亿公里。', 'The probe is 300 million kilometres from Mars.')).toEqual([])
    expect(await flagged('探测器距离火星3亿公里。', 'The probe is 30 million kilometres from Mars.')).toEqual([
      '30 million kilometres'
    ])
  })

  it('a number next to a word that names no series stays a number', async () => {
    expect(await flagged('木星有95颗卫星。', 'Jupiter has 95 moons.')).toEqual([])
    expect(await flagged('明天东风3到4级。', 'Tomorrow an east wind of force 3 to 4.')).toEqual([])
    expect(await flagged('东风公司2023年销量增长。', 'Dongfeng’s sales grew in 2023.')).toEqual([])
  })

  // Known gap: a number inside the name's own word is read only to match it ("Hwasong-15" is
  // digits in a word, not a figure), so the right name with another number says nothing.
  it.fails('the right name with another number in one word is a wrong figure', async () => {
    expect(await flagged('朝鲜试射火星-17导弹。', 'North Korea test-fired a Hwasong-15 missile.')).toEqual([
      'Hwasong-15'
    ])
  })

  it('reads every name of a long run of names, and no more', () => {
    const zh = '火星-17，'.repeat(20000) + '火星' + '东风'.repeat(20000)
    const found = readChinese(zh).figures
    expect(found).toHaveLength(20000)
    expect(found.every((figure) => figure.form === 'series' && figure.value === 17)).toBe(true)
  })

  it('every built-in numbered name is checked on load', () => {
    const raw = parse(read('data/zh.yaml')) as Record<string, unknown>
    const names = raw.numbered_names as Array<Record<string, unknown>>
    expect(names.length).toBeGreaterThan(10)
    const broken = {...raw, numbered_names: [{...names[0], english: 'Hwasong'}]}
    expect(() => compileZhData(broken, 'zh.yaml')).toThrow(DataError)
    expect(() => compileZhData(broken, 'zh.yaml')).toThrow(/numbered_names\.0\.english/)
    const noMax = {...raw, numbered_names: [{...names[0], max: 0}]}
    expect(() => compileZhData(noMax, 'zh.yaml')).toThrow(/numbered_names\.0\.max/)
    const badHyphen = {...raw, numbered_names: [{...names[0], hyphen: 'yes'}]}
    expect(() => compileZhData(badHyphen, 'zh.yaml')).toThrow(/numbered_names\.0\.hyphen/)
    const longSuffix = {...raw, numbered_names: [{...names[0], suffixes: ['型号']}]}
    expect(() => compileZhData(longSuffix, 'zh.yaml')).toThrow(/numbered_names\.0\.suffixes/)
  })
})
