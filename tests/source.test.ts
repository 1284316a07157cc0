/**
 * source-mismatch: a translation checked against its Chinese source.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, read, root} from './helpers.js'

/** The Chinese source of the seed story's line 17, as fixtures/seed/ERRORS.md gives it. */
function seedSource(): string {
  const errors = read('fixtures/seed/ERRORS.md')
  const match = /^> (截至.*)$/m.exec(errors)
  if (!match) throw new Error('no source sentence in ERRORS.md')
  return match[1]
}

async function messages(en: string, zh: string, path = 'story.txt') {
  const file = await lintText(en, {source: zh, path})
  return file.messages
    .filter((m) => m.ruleId === 'source-mismatch')
    .map((m) => ({
      text: en.slice(
        m.place && 'start' in m.place ? m.place.start.offset! : 0,
        m.place && 'start' in m.place ? m.place.end.offset! : 0
      ),
      reason: m.reason,
      expected: m.expected
    }))
}

describe('source-mismatch', () => {
  it('the seed story, line 17, against its Chinese source', async () => {
    const line17 = read('fixtures/seed/china-asean-expo.txt').split('\n')[16]
    expect(await messages(line17, seedSource())).toEqual([
      {
        text: 'US$7 billion',
        reason: 'Unexpected `US$7 billion`: the source has `3800亿美元` (US$380 billion)',
        expected: ['US$380 billion', 'US$380,000,000,000', 'US$0.38 trillion']
      }
    ])
  })

  it('a faithful translation of line 17 is silent', async () => {
    const good =
      'As of July this year, two-way investment between China and ASEAN had exceeded US$380 billion, and more than 6,500 direct investment enterprises had been set up in ASEAN.'
    expect(await messages(good, seedSource())).toEqual([])
  })

  it.each([
    ['percent', '今年出口增长18%。', 'Exports rose 18 percent this year.', []],
    ['percent wrong', '今年出口增长18%。', 'Exports rose 81 percent this year.', ['81 percent']],
    ['ordinal', '第20届中国—东盟博览会开幕。', 'The 20th China-ASEAN Expo opened.', []],
    ['ordinal wrong', '第20届中国—东盟博览会开幕。', 'The 21st China-ASEAN Expo opened.', ['21st']],
    ['hundreds of millions', '中国人口约14.1亿。', 'China has about 1.41 billion people.', []],
    ['ten thousands', '观众达1.2万人次。', 'Visitors reached 12,000.', []],
    ['nearly', '近2000家企业参展。', 'Nearly 2,000 enterprises took part.', []],
    ['date', '9月9日，论坛在南宁举行。', 'On September 9, the forum was held in Nanning.', []],
    ['decade', '公司20世纪80年代进入东盟市场。', 'The company entered the ASEAN market in the 1980s.', []],
    ['a word numeral is not required', '两国签署了协议。', 'The two countries signed an agreement.', []],
    [
      'a figure repeated in English only',
      '投资超过3800亿美元。',
      'Investment exceeded US$380 billion. That US$380 billion was a record.',
      []
    ],
    ['an English figure with no source', '双方签署了协议。', 'The two sides signed 45 agreements.', ['45']]
  ] as const)('%s', async (_name, zh, en, flagged) => {
    expect((await messages(en, zh)).map((m) => m.text)).toEqual(flagged)
  })

  it('reports a source figure the translation lost', async () => {
    const result = await messages('Investment grew strongly this year.', '投资增长了18%。')
    expect(result.map((m) => m.reason)).toEqual([
      'Missing figure: the source\u2019s `18%` (18%) is not in the translation'.replace('\u2019', "'")
    ])
  })

  it('aligns paragraph by paragraph when the counts agree', async () => {
    const zh = '第一段有6500家企业。\n\n第二段有4873个项目。'
    const swapped = 'The first paragraph has 4,873 projects.\n\nThe second has 6,500 enterprises.'
    expect((await messages(swapped, zh)).map((m) => m.text)).toEqual(['4,873', '6,500'])
    // With different paragraph counts, the whole story is one unit: the same figures match.
    expect(await messages('The story has 4,873 projects and 6,500 enterprises.', zh)).toEqual([])
  })

  it('is silent without a source', async () => {
    const file = await lintText('Investment exceeded US$7 billion.')
    expect(file.messages.filter((m) => m.ruleId === 'source-mismatch')).toEqual([])
  })

  it('runs from the command line with --source, and from config with `source`', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-source-'))
    fs.writeFileSync(path.join(dir, 'story.zh.txt'), seedSource())
    fs.writeFileSync(path.join(dir, 'story.en.txt'), read('fixtures/seed/china-asean-expo.txt').split('\n')[16])
    const bin = path.join(root, 'bin', 'copydesk.js')
    let result = spawnSync(process.execPath, [bin, '--report', 'json', '--source', 'story.zh.txt', 'story.en.txt'], {
      cwd: dir,
      encoding: 'utf8'
    })
    const ids = (stdout: string) => JSON.parse(stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)
    expect(ids(result.stdout)).toEqual(['source-mismatch', 'garbled-numeral'])
    fs.writeFileSync(path.join(dir, '.copydeskrc'), 'source: "{name}.zh{ext}"\n')
    result = spawnSync(process.execPath, [bin, '--report', 'json', 'story.en.txt'], {cwd: dir, encoding: 'utf8'})
    expect(ids(result.stdout)).toEqual(['source-mismatch', 'garbled-numeral'])
    result = spawnSync(process.execPath, [bin, '--source', 'missing.zh.txt', 'story.en.txt'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('copydesk: source file not found: missing.zh.txt\n')
  })
})
