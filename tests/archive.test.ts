/**
 * Whole archives and hostile files: worker threads give the same report as a
 * single-threaded run; bad files get a clear line and the run goes on; Ctrl-C
 * stops cleanly.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {read, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let dir: string

function run(args: string[], cwd = dir) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 28})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-archive-'))
  const seed = read('fixtures/seed/china-asean-expo.txt')
  const clean = fs.readdirSync(path.join(root, 'fixtures', 'clean-wikinews')).filter((f) => f.endsWith('.txt'))
  fs.mkdirSync(path.join(dir, 'desk', 'wire'), {recursive: true})
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, 'desk', `seed-${String(i).padStart(2, '0')}.txt`), seed)
  for (const name of clean)
    fs.copyFileSync(path.join(root, 'fixtures', 'clean-wikinews', name), path.join(dir, 'desk', 'wire', name))
  fs.writeFileSync(
    path.join(dir, 'desk', 'story.md'),
    '# Expo\n\nNearly 2000,18 firms came to the 20 China-ASEAN Expo.\n'
  )
  fs.writeFileSync(path.join(dir, 'desk', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))
  // Invalid UTF-8, a byte-order mark, CRLF and lone CR line endings.
  fs.writeFileSync(
    path.join(dir, 'desk', 'bytes.txt'),
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41]),
      Buffer.from(' line one.\r\nIt was the 21th time.\rNearly 2000,18 firms.\n')
    ])
  )
  fs.writeFileSync(path.join(dir, 'desk', 'empty.txt'), '')
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('archives on worker threads', () => {
  it('reports the same messages, in the same order, in the main thread, with 1 worker and with several', () => {
    const main = run(['--jobs', '0', '--report', 'json', 'desk'])
    const single = run(['--jobs', '1', '--report', 'json', 'desk'])
    const multi = run(['--jobs', '3', '--report', 'json', 'desk'])
    for (const other of [single, multi]) {
      expect(other.code).toBe(main.code)
      expect(other.stdout).toBe(main.stdout)
      expect(other.stderr).toBe(main.stderr)
    }
    const files = JSON.parse(multi.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number}>}>
    expect(files).toHaveLength(30 + 24 + 4)
    expect(files.filter((f) => f.path.startsWith('desk/seed-')).every((f) => f.messages.length === 10)).toBe(true)
    const bytes = files.find((f) => f.path === 'desk/bytes.txt')!
    // Lines counted across CRLF and lone CR alike.
    expect(bytes.messages.map((m) => `${m.line}:${m.ruleId}`)).toEqual(['2:malformed-ordinal', '3:garbled-numeral'])
  })

  it('reports for a few files through unified-engine what the archive reports for them', () => {
    // Fewer than 16 files take the engine path; the same files in an archive take the pool's.
    const few = ['desk/bytes.txt', 'desk/empty.txt', 'desk/photo.txt', 'desk/seed-00.txt', 'desk/story.md']
    const engine = JSON.parse(run(['--report', 'json', ...few]).stdout) as Array<{path: string}>
    for (const jobs of ['0', '2']) {
      const archive = JSON.parse(run(['--jobs', jobs, '--report', 'json', 'desk']).stdout) as Array<{path: string}>
      expect(archive.filter((file) => few.includes(file.path))).toEqual(engine)
    }
    expect(engine.map((file) => file.path)).toEqual(few)
  })

  it('a binary file: one clear line, exit 2, and every other file is still reported', () => {
    const result = run(['--report', 'json', 'desk'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: desk/photo.txt: Cannot lint a binary file (it contains NUL bytes)\n')
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(58)
  })

  it('stays quiet on a non-terminal: no progress line', () => {
    const result = run(['--report', 'json', 'desk/wire'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
  })

  it('a story over the size limit gets a clear error, the others are linted', () => {
    const big = path.join(dir, 'big')
    fs.mkdirSync(big)
    fs.writeFileSync(path.join(big, 'huge.txt'), 'Nearly 2000,18 firms. '.repeat(Math.ceil((20 * 1024 * 1024) / 22)))
    fs.writeFileSync(path.join(big, 'small.txt'), 'It was the 21th time.\n')
    const result = run(['--report', 'json', 'big/huge.txt', 'big/small.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'copydesk: big/huge.txt: Cannot lint a story of 20.0 MB: the limit is 16.0 MB (split it, or raise --max-size)\n'
    )
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
    expect(files.find((f) => f.path === 'big/small.txt')!.messages.map((m) => m.ruleId)).toEqual(['malformed-ordinal'])
    fs.rmSync(big, {recursive: true})
  }, 60000)

  it('Ctrl-C stops cleanly', async () => {
    const many = path.join(dir, 'many')
    fs.mkdirSync(many)
    const seed = read('fixtures/seed/china-asean-expo.txt')
    for (let i = 0; i < 3000; i++) fs.writeFileSync(path.join(many, `s${i}.txt`), seed)
    const child = spawn(process.execPath, [bin, '--jobs', '2', '--report', 'json', 'many'], {cwd: dir})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    await new Promise((resolve) => setTimeout(resolve, 2500))
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(130)
    expect(stderr).toMatch(/^copydesk: interrupted: linted \d+ of 3000 files; nothing reported\n$/)
    expect(stdout).toBe('')
    fs.rmSync(many, {recursive: true})
  }, 60000)
})
