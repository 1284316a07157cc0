/**
 * What an editor can switch off: comments in Markdown and HTML, accepted
 * phrases and per-path overrides in the config.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, root} from './helpers.js'
import {ruleIds} from '../src/index.js'

async function ids(text: string, filePath: string, options = {}) {
  const file = await lintText(text, {path: filePath, ...options})
  return file.messages.map((m) => `${m.line}:${m.ruleId}`)
}

describe('suppression comments', () => {
  it('Markdown: disable and enable a rule for a span', async () => {
    const md = [
      'It was the 21th time.',
      '',
      '<!--copydesk disable malformed-ordinal-->',
      '',
      'It was the 22th time.',
      '',
      'Nearly 2000,18 firms came.',
      '',
      '<!--copydesk enable malformed-ordinal-->',
      '',
      'It was the 23th time.'
    ].join('\n')
    expect(await ids(md, 'story.md')).toEqual(['1:malformed-ordinal', '7:garbled-numeral', '11:malformed-ordinal'])
  })

  it('Markdown: ignore the next node only', async () => {
    const md = '<!--copydesk ignore garbled-numeral-->\n\nNearly 2000,18 firms came.\n\nNearly 3000,18 firms came.\n'
    expect(await ids(md, 'story.md')).toEqual(['5:garbled-numeral'])
  })

  it('Markdown: a bare disable switches every rule off', async () => {
    const md = '<!--copydesk-disable-->\n\nIt was the 21th time with 2000,18 firms.\n'
    expect(await ids(md, 'story.md')).toEqual([])
  })

  it('HTML: comments work the same way', async () => {
    const html =
      '<p>It was the 21th time.</p>\n<!--copydesk-disable malformed-ordinal-->\n<p>It was the 22th time.</p>\n<!--copydesk-enable malformed-ordinal-->\n<p>It was the 23th time.</p>\n'
    expect(await ids(html, 'story.html')).toEqual(['1:malformed-ordinal', '5:malformed-ordinal'])
  })

  it('a comment naming an unknown rule is reported', async () => {
    const file = await lintText('<!--copydesk-disable garbled-numerals-->\n\nText.\n', {path: 'story.md'})
    expect(file.messages.map((m) => [m.line, m.ruleId, m.source, m.fatal, m.reason])).toEqual([
      [
        1,
        'comment',
        'copydesk',
        false,
        `Cannot disable \`garbled-numerals\`: there is no such rule (rules: ${ruleIds.join(', ')})`
      ]
    ])
  })

  it('a comment with an unknown keyword is reported, and the rules still run', async () => {
    const file = await lintText('<!--copydesk-dsable garbled-numeral-->\n\nIt was the 21th time.\n', {path: 'story.md'})
    expect(file.messages.map((m) => `${m.line}:${m.ruleId}`)).toContain('1:comment')
  })

  it('plain text has no comments: the text is linted as written', async () => {
    expect(await ids('<!--copydesk-disable-->\nIt was the 21th time.\n', 'story.txt')).toEqual(['2:malformed-ordinal'])
  })
})

describe('config: accepted phrases and per-path overrides', () => {
  it('an accepted phrase silences messages inside it, for all or some rules', async () => {
    const text = 'Guangxi University for Nationalities and the 21th forum, with 2000,18 firms.'
    expect(await ids(text, 'a.txt')).toEqual(['1:name-mismatch', '1:malformed-ordinal', '1:garbled-numeral'])
    expect(await ids(text, 'a.txt', {allow: [{phrase: 'Guangxi University for Nationalities'}]})).toEqual([
      '1:malformed-ordinal',
      '1:garbled-numeral'
    ])
    expect(await ids(text, 'a.txt', {allow: [{phrase: 'the 21th forum', rules: ['garbled-numeral']}]})).toEqual([
      '1:name-mismatch',
      '1:malformed-ordinal',
      '1:garbled-numeral'
    ])
    expect(await ids(text, 'a.txt', {allow: [{phrase: 'the 21th forum', rules: ['malformed-ordinal']}]})).toEqual([
      '1:name-mismatch',
      '1:garbled-numeral'
    ])
  })

  it('overrides apply by path, from the command line, with allow lists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-overrides-'))
    fs.mkdirSync(path.join(dir, 'wire'))
    fs.mkdirSync(path.join(dir, 'desk'))
    const story = 'It was the 21th time, with 2000,18 firms at Guangxi University for Nationalities.\n'
    fs.writeFileSync(path.join(dir, 'wire', 'a.txt'), story)
    fs.writeFileSync(path.join(dir, 'desk', 'a.txt'), story)
    fs.writeFileSync(
      path.join(dir, '.copydeskrc.yaml'),
      [
        'rules:',
        '  garbled-numeral: error',
        'allow:',
        '  - phrase: Guangxi University for Nationalities',
        '    rules: [name-mismatch]',
        'overrides:',
        '  - files: ["wire/**"]',
        '    rules:',
        '      garbled-numeral: warn',
        '      malformed-ordinal: off',
        ''
      ].join('\n')
    )
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), '--report', 'json', '.'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(result.status).toBe(1)
    const byFile = Object.fromEntries(
      JSON.parse(result.stdout).map((f: {path: string; messages: Array<{ruleId: string; fatal: boolean}>}) => [
        f.path,
        f.messages.map((m) => `${m.ruleId}:${m.fatal ? 'error' : 'warn'}`)
      ])
    )
    expect(byFile).toEqual({
      'desk/a.txt': ['malformed-ordinal:warn', 'garbled-numeral:error'],
      'wire/a.txt': ['garbled-numeral:warn']
    })
  })

  it.each([
    [
      'override without files',
      'overrides:\n  - rules: {garbled-numeral: off}\n',
      /\.copydeskrc:2: an override needs `files`/
    ],
    [
      'unknown key in an override',
      'overrides:\n  - files: a\n    rulez: {}\n',
      /\.copydeskrc:3: unknown key `rulez` in an override/
    ],
    ['allow entry of the wrong type', 'allow:\n  - 42\n', /\.copydeskrc:2: an allowed phrase must be a string/],
    ['allow with an unknown rule', 'allow:\n  - phrase: x\n    rules: [spelling]\n', /unknown rule `spelling`/]
  ])('bad config: %s', (_name, rc, pattern) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-badrc-'))
    fs.writeFileSync(path.join(dir, '.copydeskrc'), rc)
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Text.\n')
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'a.txt'], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(pattern)
  })
})
