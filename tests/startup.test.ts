/**
 * What makes the command start fast must not change what it says: the bundled
 * command (dist/bundle/, made by `npm run build`) prints exactly what the
 * compiled modules print, in every report and for every format, finds its data,
 * its page and its archive workers; the knowledge base is shared and read once;
 * and the fast path of name folding agrees with the full one.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInKnowledge, loadKnowledge} from '../src/knowledge/base.js'
import {fold, foldAny} from '../src/knowledge/normalize.js'
import {read, root} from './helpers.js'

const bundle = path.join(root, 'dist', 'bundle', 'copydesk.cjs')
let tmp: string

/** The command, from its bundle (bin/copydesk.js) or from its compiled modules. */
function run(from: 'bundle' | 'modules', args: string[], input = '') {
  const argv = [path.join(from === 'bundle' ? path.join(root, 'bin') : tmp, 'copydesk.js'), ...args]
  const result = spawnSync(process.execPath, argv, {
    cwd: tmp,
    input,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-startup-'))
  // The command as bin/copydesk.js ran it before it had a bundle: its compiled modules.
  fs.writeFileSync(
    path.join(tmp, 'copydesk.js'),
    `import {main} from ${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'main.js')).href)}\n` +
      'process.exitCode = await main(process.argv.slice(2))\n'
  )
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"type": "module"}\n')
  fs.writeFileSync(path.join(tmp, 'story.txt'), read('fixtures/seed/china-asean-expo.txt'))
  fs.writeFileSync(
    path.join(tmp, 'story.md'),
    '# The *21th* forum\n\nMore than **3800,6500** firms and <>.<> billion yuan.\n'
  )
  fs.writeFileSync(
    path.join(tmp, 'story.html'),
    '<p>Trade&nbsp;&amp;&nbsp;investment: more than <b>3800,6500</b> firms, the 21th time.</p>\n'
  )
  fs.writeFileSync(
    path.join(tmp, 'notes-北京.txt'),
    'Der Bürgermeister sagte: 3800,6500 Euro — 北京 2000,18 😀 wide and narrow.\n'
  )
})

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true})
})

describe('the bundled command', () => {
  it('is built', () => {
    expect(fs.existsSync(bundle)).toBe(true)
    expect(fs.existsSync(bundle + '.cache')).toBe(true)
  })

  it.each([
    [['story.txt']],
    [['--report', 'json', 'story.txt', 'story.md', 'story.html']],
    [['--report', 'sarif', 'story.txt', 'story.html']],
    [['--report', 'github', 'story.md']],
    [['--color', 'story.txt', 'notes-北京.txt', 'story.html']],
    [['notes-北京.txt', 'missing.txt']],
    [['--rule', 'garbled-numeral=error', '--date', '2023-09-09', 'story.txt']],
    [['--version']],
    [['--help']]
  ])('prints what the modules print: %j', (args) => {
    const bundled = run('bundle', args)
    const modules = run('modules', args)
    expect(bundled.stdout.length).toBeGreaterThan(0)
    expect(bundled).toEqual(modules)
  })

  it('reads standard input the same way', () => {
    const input = 'Nearly 2000,18 enterprises took part in the 21th Expo.'
    const bundled = run('bundle', ['--report', 'json', '--stdin-filename', 'wire.md'], input)
    expect(JSON.parse(bundled.stdout)[0].messages).toHaveLength(2)
    expect(bundled).toEqual(run('modules', ['--report', 'json', '--stdin-filename', 'wire.md'], input))
  })

  it('lints an archive on worker threads the same way', () => {
    const dir = path.join(tmp, 'archive')
    fs.mkdirSync(dir, {recursive: true})
    for (let i = 0; i < 17; i++) fs.writeFileSync(path.join(dir, `s${i}.txt`), `Story ${i}: nearly 2000,18 firms.\n`)
    const bundled = run('bundle', ['--jobs', '2', '--report', 'json', 'archive'])
    expect(JSON.parse(bundled.stdout)).toHaveLength(17)
    expect(bundled).toEqual(run('modules', ['--jobs', '2', '--report', 'json', 'archive']))
  }, 60_000)
})

describe('the knowledge base', () => {
  it('is built once per process and shared when there is no house file', () => {
    expect(loadKnowledge()).toBe(builtInKnowledge())
    expect(loadKnowledge([])).toBe(loadKnowledge())
  })
})

describe('name folding', () => {
  it('folds plain names on its fast path exactly as the full folding does', () => {
    const word = fc.stringMatching(/^[\w']{1,8}$/)
    const name = fc
      .tuple(word, fc.array(fc.tuple(fc.constantFrom(' ', '-', '  ', ' - ', '\u2010', ''), word), {maxLength: 4}))
      .map(([first, rest]) => first + rest.map(([separator, next]) => separator + next).join(''))
    fc.assert(fc.property(name, (value) => fold(value) === foldAny(value)))
    expect(fold('China-ASEAN Expo')).toBe('china asean expo')
    expect(fold('Phạm Minh Chính')).toBe('pham minh chinh')
  })
})
