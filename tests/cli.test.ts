/**
 * The command line end to end: the built bin, run as a user runs it, in a
 * temporary folder outside the repository.
 */
import {spawnSync} from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {read, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let tmp: string

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmp,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function json(stdout: string) {
  return JSON.parse(stdout) as Array<{path: string; messages: Array<Record<string, unknown>>}>
}

const seed = read('fixtures/seed/china-asean-expo.txt')

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-'))
  fs.writeFileSync(path.join(tmp, 'story.txt'), seed)
  fs.writeFileSync(
    path.join(tmp, 'clean.txt'),
    'The 20th China-ASEAN Expo opened on September 9 with more than 2,000 exhibitors.\n'
  )
})

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true})
})

describe('copydesk command', () => {
  it('reports the seed story with line and column, exit 0 for warnings', () => {
    const result = run(['story.txt'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('story.txt')
    expect(result.stdout).toMatch(/29:27-29:42\s+warning\s+Unexpected name `Pham Minh Trung`/)
    expect(result.stdout).toContain('10 warnings')
    expect(result.stderr).toBe('')
  })

  it('--report json gives vfile-reporter-json messages with ranges', () => {
    const result = run(['--report', 'json', 'story.txt'])
    expect(result.code).toBe(0)
    const [file] = json(result.stdout)
    expect(file.path).toBe('story.txt')
    expect(file.messages).toHaveLength(10)
    const decade = file.messages.find((m) => m.ruleId === 'malformed-ordinal' && m.line === 11)!
    expect(decade).toMatchObject({
      line: 11,
      column: 110,
      endLine: 11,
      endColumn: 137,
      source: 'copydesk',
      fatal: false,
      actual: 'the 20s of the 80th century',
      expected: ['the 1980s']
    })
    expect(decade.reason).toBe('Unexpected decade in Chinese order `the 20s of the 80th century`, expected `the 1980s`')
    expect(String(decade.url)).toMatch(/docs\/rules\.md#malformed-ordinal$/)
  })

  it('never writes to the story and never echoes it', () => {
    const before = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(tmp, 'story.txt')))
      .digest('hex')
    const result = run(['story.txt'])
    const after = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(tmp, 'story.txt')))
      .digest('hex')
    expect(after).toBe(before)
    expect(result.stdout).not.toContain('ultra-large-scale markets')
  })

  it('--frail exits 1 on warnings', () => {
    expect(run(['--frail', 'story.txt']).code).toBe(1)
    expect(run(['--frail', 'clean.txt']).code).toBe(0)
  })

  it('--rule sets a severity: error exits 1, off silences', () => {
    const error = run(['--rule', 'garbled-numeral=error', '--report', 'json', 'story.txt'])
    expect(error.code).toBe(1)
    const fatal = json(error.stdout)[0].messages.filter((m) => m.fatal)
    expect(fatal.map((m) => m.ruleId)).toEqual(['garbled-numeral', 'garbled-numeral', 'garbled-numeral'])
    const off = json(run(['--rule', 'name-mismatch=off', '--report', 'json', 'story.txt']).stdout)
    expect(off[0].messages.some((m) => m.ruleId === 'name-mismatch')).toBe(false)
  })

  it('reads standard input', () => {
    const result = run(['--report', 'json'], {input: 'Nearly 2000,18 enterprises took part.'})
    expect(result.code).toBe(0)
    expect(json(result.stdout)[0].messages.map((m) => m.ruleId)).toEqual(['garbled-numeral'])
  })

  it('lints folders and globs, honouring .copydeskignore', () => {
    const dir = path.join(tmp, 'desk')
    fs.mkdirSync(path.join(dir, 'wire'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'a.md'), '# Expo\n\nMore than 3800,6500 firms came.\n')
    fs.writeFileSync(path.join(dir, 'wire', 'b.txt'), 'It was the 21th time.\n')
    fs.writeFileSync(path.join(dir, 'notes.json'), '{"x": "3800,6500"}')
    let result = run(['--report', 'json', '.'], {cwd: dir})
    expect(json(result.stdout).map((f) => f.path)).toEqual(['a.md', 'wire/b.txt'])
    fs.writeFileSync(path.join(dir, '.copydeskignore'), 'wire/\n')
    result = run(['--report', 'json', '.'], {cwd: dir})
    expect(json(result.stdout).map((f) => f.path)).toEqual(['a.md'])
    result = run(['--report', 'json', '*.md'], {cwd: dir})
    expect(json(result.stdout)[0].messages[0]).toMatchObject({line: 3, column: 11, endColumn: 20})
  })

  it('reads .copydeskrc (JSON or YAML) from the folder or above', () => {
    const dir = path.join(tmp, 'rc')
    fs.mkdirSync(path.join(dir, 'sub'), {recursive: true})
    fs.writeFileSync(path.join(dir, 'sub', 'story.txt'), seed)
    fs.writeFileSync(
      path.join(dir, '.copydeskrc'),
      'rules:\n  garbled-numeral: error\n  name-mismatch: off\ndate: 2023-09-09\n'
    )
    const result = run(['--report', 'json', 'story.txt'], {cwd: path.join(dir, 'sub')})
    expect(result.code).toBe(1)
    const ids = json(result.stdout)[0].messages.map((m) => m.ruleId)
    expect(ids).not.toContain('name-mismatch')
    expect(ids.filter((id) => id === 'garbled-numeral')).toHaveLength(3)
    fs.writeFileSync(
      path.join(dir, '.copydeskrc'),
      '{"rules": {"impossible-figure": ["warn", {"populationFactor": 4}]}}'
    )
    expect(run(['story.txt'], {cwd: path.join(dir, 'sub')}).code).toBe(0)
  })

  it('house knowledge files override the built-in office-holders', () => {
    const dir = path.join(tmp, 'house')
    fs.mkdirSync(dir, {recursive: true})
    fs.writeFileSync(path.join(dir, 'story.txt'), 'Vietnamese Prime Minister Pham Minh Trung said trade was slow.\n')
    fs.writeFileSync(
      path.join(dir, 'people.yaml'),
      [
        'offices:',
        '  - id: VNM.prime-minister',
        '    holders:',
        '      - name: Pham Minh Trung',
        '        start: 2021-04-05',
        '        source: house list (test)',
        ''
      ].join('\n')
    )
    fs.writeFileSync(path.join(dir, '.copydeskrc.json'), JSON.stringify({knowledge: ['people.yaml']}))
    const result = run(['--report', 'json', 'story.txt'], {cwd: dir})
    expect(result.stderr).toBe('')
    expect(json(result.stdout)[0].messages).toEqual([])
  })

  describe('usage, config and input errors exit 2 with one line naming the problem', () => {
    const cases: Array<[string, () => {code: number | null; stderr: string}, RegExp]> = [
      ['unknown option', () => run(['--bogus', 'story.txt']), /^copydesk: Unknown option '--bogus'/],
      ['unknown report', () => run(['--report', 'xml', 'story.txt']), /unknown report `xml`/],
      ['missing file', () => run(['nope.txt']), /nope\.txt/],
      ['bad --date', () => run(['--date', '2023-02-30', 'story.txt']), /--date must be a date/],
      ['unknown rule in --rule', () => run(['--rule', 'spelling=error', 'story.txt']), /unknown rule `spelling`/]
    ]
    it.each(cases)('%s', (_name, go, pattern) => {
      const result = go()
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(pattern)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    })

    const configCases: Array<[string, string, string, RegExp]> = [
      [
        'unknown rule id',
        '.copydeskrc',
        'rules:\n  garbled-numerals: error\n',
        /\.copydeskrc:2: unknown rule `garbled-numerals`/
      ],
      [
        'bad severity',
        '.copydeskrc',
        'rules:\n  garbled-numeral: loud\n',
        /\.copydeskrc:2: rule `garbled-numeral`: severity must be off, warn or error/
      ],
      [
        'wrong option type',
        '.copydeskrc.json',
        '{\n "rules": {\n  "impossible-figure": ["warn", {"populationFactor": "three"}]\n }\n}',
        /\.copydeskrc\.json:3: rule `impossible-figure`: option `populationFactor` must be a number/
      ],
      [
        'unknown option',
        '.copydeskrc',
        'rules:\n  malformed-ordinal: [warn, {nouns: [Fair]}]\n',
        /unknown option `nouns` \(expected one of `eventNouns`\)/
      ],
      ['unknown key', '.copydeskrc', 'rulez: {}\n', /\.copydeskrc:1: unknown key `rulez`/],
      ['invalid YAML', '.copydeskrc', 'rules:\n  garbled-numeral: [warn\n', /\.copydeskrc:\d+: invalid YAML/],
      ['missing house file', '.copydeskrc', 'knowledge: [house.yaml]\n', /house\.yaml: file not found/]
    ]
    it.each(configCases)('config: %s', (_name, rcName, rc, pattern) => {
      const dir = fs.mkdtempSync(path.join(tmp, 'cfg-'))
      fs.writeFileSync(path.join(dir, rcName), rc)
      fs.writeFileSync(path.join(dir, 'story.txt'), 'It was the 21th time.\n')
      const result = run(['story.txt'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(pattern)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stdout).toBe('')
    })

    it('malformed house file: names the file and line', () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'housebad-'))
      fs.writeFileSync(path.join(dir, '.copydeskrc'), 'knowledge: [people.yaml]\n')
      fs.writeFileSync(
        path.join(dir, 'people.yaml'),
        'offices:\n  - id: VNM.prime-minister\n    holders:\n      - name: Someone\n        start: 2021-13-45\n        source: x\n'
      )
      fs.writeFileSync(path.join(dir, 'story.txt'), 'Hello.\n')
      const result = run(['story.txt'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^copydesk: people\.yaml:5: `start` must be a date/)
    })

    it('binary input: clear error, and the other files are still linted', () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'bin-'))
      fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))
      fs.writeFileSync(path.join(dir, 'story.txt'), 'It was the 21th time.\n')
      const result = run(['--report', 'json', 'photo.txt', 'story.txt'], {cwd: dir})
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/photo\.txt: Cannot lint a binary file/)
      const files = json(result.stdout)
      expect(files.find((f) => f.path === 'story.txt')!.messages.map((m) => m.ruleId)).toEqual(['malformed-ordinal'])
    })
  })

  it('--help and --version', () => {
    expect(run(['--help']).stdout).toContain('Usage: copydesk')
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
