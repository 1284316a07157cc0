/**
 * Reports that mean the same on any machine: no report names a folder of the
 * machine that linted (file paths relative, SARIF's `%SRCROOT%` without a
 * `uri`), and documentation links under a configurable base (`docs` in
 * `.copydeskrc`, `--docs`), by default the published package's rules page; the
 * language server turns the default into the installed copy, and leaves a
 * configured base alone.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lint, ruleIds} from '../src/index.js'
import {DEFAULT_DOCS, docsBaseProblem, docsUrl} from '../src/core/rule.js'
import {toDiagnostic} from '../src/language-server/diagnostics.js'
import {read, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let dir: string

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? dir,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const seed = read('fixtures/seed/china-asean-expo.txt')
const names = 'Cong Liang, deputy director of the commission, spoke. Cong Lian said more.\n'

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-paths-'))
  fs.mkdirSync(path.join(dir, 'desk', 'wire'), {recursive: true})
  fs.writeFileSync(path.join(dir, 'desk', 'story.txt'), seed)
  fs.writeFileSync(path.join(dir, 'desk', 'names.md'), names)
  fs.writeFileSync(path.join(dir, 'desk', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]))
  // Enough stories for the worker threads.
  for (let n = 0; n < 16; n++) fs.writeFileSync(path.join(dir, 'desk', 'wire', `story-${n}.txt`), names)
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

/** Every way this machine's folders could be written into a report. */
function machinePaths(): string[] {
  const real = fs.realpathSync(dir)
  return [dir, real, encodeURI(real), 'file://', root, encodeURI(root)]
}

describe('no report names a folder of the machine that linted', () => {
  const reports = ['pretty', 'json', 'jsonl', 'sarif', 'github']

  it.each(reports)(
    'in the %s report, on the main thread and on workers, a file missing and one unreadable',
    (report) => {
      for (const target of [
        ['--jobs', '0', 'desk/story.txt', 'desk/names.md', 'desk/photo.txt', 'desk/missing.txt'],
        ['--jobs', '2', 'desk', 'desk/missing.txt']
      ]) {
        const result = run(['--report', report, ...target])
        expect(result.code, `${report} ${target.join(' ')}`).toBe(2)
        expect(result.stdout.length).toBeGreaterThan(0)
        for (const machinePath of machinePaths()) {
          expect(result.stdout, `${report} ${target.join(' ')}`).not.toContain(machinePath)
          expect(result.stderr, `${report} ${target.join(' ')}`).not.toContain(machinePath)
        }
      }
    }
  )

  it('SARIF: relative paths under %SRCROOT%, which is described, not located', () => {
    const log = JSON.parse(run(['--report', 'sarif', 'desk/story.txt']).stdout)
    expect(log.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': {description: {text: 'The folder copydesk ran in (in CI, the root of the checkout).'}}
    })
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'desk/story.txt',
      uriBaseId: '%SRCROOT%',
      index: 0
    })
    expect(log.runs[0].tool.driver.informationUri).toBe('https://www.npmjs.com/package/copydesk')
  })

  it('the merged SARIF of shards, and standard input, as well', () => {
    const shard = run(['--shard', '1/1', '--report', 'jsonl', 'desk', 'desk/missing.txt'])
    const merged = run(['merge'], {input: shard.stdout})
    expect(merged.code).toBe(2)
    const stdin = run(['--report', 'json', '--stdin-filename', 'desk/new.txt'], {input: names})
    for (const machinePath of machinePaths()) {
      expect(merged.stdout).not.toContain(machinePath)
      expect(stdin.stdout).not.toContain(machinePath)
    }
  })

  it('unless the documentation base is set to a folder of this machine', () => {
    const base = `file://${fs.realpathSync(dir)}/rules.md`
    const log = JSON.parse(run(['--docs', base, '--report', 'sarif', 'desk/names.md']).stdout)
    expect(log.runs[0].tool.driver.rules[0].helpUri).toBe(`${base}#${ruleIds[0]}`)
  })
})

describe('documentation links', () => {
  it('default to the published package’s rules page, an anchor per rule that docs/rules.md has', () => {
    expect(DEFAULT_DOCS).toBe('https://cdn.jsdelivr.net/npm/copydesk/docs/rules.md')
    expect(docsUrl('name-mismatch')).toBe(`${DEFAULT_DOCS}#name-mismatch`)
    const headings = read('docs/rules.md')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3))
    for (const id of ruleIds) expect(headings).toContain(id)
  })

  it('take a base: `{id}` for a page per rule, else the id as the fragment', () => {
    expect(docsUrl('garbled-numeral', 'https://desk.example/rules/{id}.html')).toBe(
      'https://desk.example/rules/garbled-numeral.html'
    )
    expect(docsUrl('garbled-numeral', 'https://desk.example/rules.md#top')).toBe(
      'https://desk.example/rules.md#garbled-numeral'
    )
    for (const good of ['https://desk.example/rules.md', 'http://intranet/copydesk', 'file:///srv/docs/rules.md'])
      expect(docsBaseProblem(good), good).toBeUndefined()
    for (const bad of ['docs/rules.md', '/srv/docs/rules.md', 'C:\\docs\\rules.md', 'mailto:desk@example.org', '', 3])
      expect(docsBaseProblem(bad), String(bad)).toMatch(/^must be an/)
  })

  it('`docs` in .copydeskrc sets every message’s url and SARIF’s help links, on workers too; --docs wins', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-docs-'))
    try {
      fs.writeFileSync(path.join(folder, '.copydeskrc'), 'docs: https://desk.example/rules/{id}.html\n')
      for (let n = 0; n < 16; n++) fs.writeFileSync(path.join(folder, `story-${n}.txt`), names)
      for (const jobs of ['0', '2']) {
        const json = JSON.parse(run(['--jobs', jobs, '--report', 'json', '.'], {cwd: folder}).stdout)
        const urls = new Set(
          json.flatMap((entry: {messages: Array<{url: string}>}) => entry.messages.map((m) => m.url))
        )
        expect([...urls]).toEqual(['https://desk.example/rules/name-mismatch.html'])
      }
      const log = JSON.parse(run(['--report', 'sarif', 'story-0.txt'], {cwd: folder}).stdout)
      expect(log.runs[0].tool.driver.rules.find((r: {id: string}) => r.id === 'name-mismatch').helpUri).toBe(
        'https://desk.example/rules/name-mismatch.html'
      )
      const flag = JSON.parse(
        run(['--docs', 'https://other.example/rules.md', '--report', 'json', 'story-0.txt'], {cwd: folder}).stdout
      )
      expect(flag[0].messages[0].url).toBe('https://other.example/rules.md#name-mismatch')
      // The merge takes the working folder's base, as the lint run did.
      const lines = run(['--report', 'jsonl', 'story-0.txt'], {cwd: folder}).stdout
      const merged = JSON.parse(run(['merge'], {cwd: folder, input: lines}).stdout)
      expect(merged.runs[0].tool.driver.rules.find((r: {id: string}) => r.id === 'name-mismatch').helpUri).toBe(
        'https://desk.example/rules/name-mismatch.html'
      )
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  })

  it('a bad base is one line naming the problem, exit 2', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-docs-'))
    try {
      fs.writeFileSync(path.join(folder, '.copydeskrc'), 'rules: {}\ndocs: docs/rules.md\n')
      fs.writeFileSync(path.join(folder, 'story.txt'), names)
      expect(run(['story.txt'], {cwd: folder})).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'copydesk: .copydeskrc:2: `docs` must be an absolute URL, such as https://example.org/copydesk/rules.md or https://example.org/rules/{id}.html, not `docs/rules.md`\n'
      })
      expect(run(['--docs', 'rules.md', 'story.txt'], {cwd: folder}).stderr).toBe(
        'copydesk: --docs must be an absolute URL, such as https://example.org/copydesk/rules.md or https://example.org/rules/{id}.html, not `rules.md`\n'
      )
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  })

  it('lint({docs}) in the programmatic interface', async () => {
    const file = await lint(names, {docs: 'https://desk.example/copydesk.html'})
    expect(file.messages.map((m) => m.url)).toEqual(['https://desk.example/copydesk.html#name-mismatch'])
    const plain = await lint(names)
    expect(plain.messages.map((m) => m.url)).toEqual([`${DEFAULT_DOCS}#name-mismatch`])
  })

  it('the editor opens the installed copy for the default link, and a configured base as it is', async () => {
    const [message] = (await lint(names)).messages
    const href = toDiagnostic(message, 'file:///story.txt').codeDescription!.href
    expect(href).toMatch(/^file:\/\/.*\/docs\/rules\.md#name-mismatch$/)
    expect(fs.existsSync(fileURLToPath(href.slice(0, href.indexOf('#'))))).toBe(true)
    const [configured] = (await lint(names, {docs: 'https://desk.example/rules/{id}'})).messages
    expect(toDiagnostic(configured, 'file:///story.txt').codeDescription!.href).toBe(
      'https://desk.example/rules/name-mismatch'
    )
  })
})
