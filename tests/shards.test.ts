/**
 * Archives past one machine: `--shard i/n` splits the files by a hash of each
 * path (every shard once, together the whole, stable when files are added), and
 * `--report jsonl` writes one line per file, in the order of the other reports,
 * as each file is done, on the main thread and on workers alike.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {formatShard, parseShard, relativeKey, selectShard, shardOf} from '../src/cli/shard.js'
import {read, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let dir: string

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? dir,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

interface Line {
  path: string
  shard?: string
  history?: string[]
  messages: Array<Record<string, unknown>>
}

function lines(stdout: string): Line[] {
  if (stdout === '') return []
  expect(stdout.endsWith('\n')).toBe(true)
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Line)
}

/** Paths as the command finds them: `desk/...`, 24 stories and a binary file. */
const seed = read('fixtures/seed/china-asean-expo.txt')
const storyNames = [
  ...Array.from({length: 20}, (_, n) => `desk/wire/story-${String(n).padStart(2, '0')}.txt`),
  'desk/features/long read.md',
  'desk/features/café.txt',
  'desk/garbled.txt',
  'desk/clean.txt'
]

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shards-'))
  for (const name of storyNames) {
    fs.mkdirSync(path.join(dir, path.dirname(name)), {recursive: true})
    const text =
      name === 'desk/garbled.txt'
        ? 'Officials counted 3800,6500 visitors. Cong Liang, deputy director of the commission, said so. Cong Lian said more.\n'
        : name === 'desk/clean.txt'
          ? 'The fair opened on Saturday.\n'
          : name === 'desk/wire/story-00.txt' || name === 'desk/wire/story-01.txt'
            ? seed
            : `It was the ${name.length}th fair in the city.\n\nOfficials counted 3800,6500 visitors.\n`
    fs.writeFileSync(path.join(dir, name), text)
  }
  fs.writeFileSync(path.join(dir, 'desk', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

describe('the split (--shard i/n)', () => {
  const paths = Array.from({length: 1000}, (_, n) => `archive/${2000 + (n % 25)}/${n % 12}/story-${n}.txt`)

  it('reads i/n, 1-based, and refuses anything else with the reason', () => {
    expect(parseShard('2/5')).toEqual({index: 2, count: 5})
    expect(parseShard(' 1/1 ')).toEqual({index: 1, count: 1})
    for (const bad of ['0/3', '4/3', '1/0', '-1/3', '1.5/3', '1/3/4', 'a/b', '', '2', '1/10001']) {
      expect(parseShard(bad), bad).toMatch(/^must be i\/n, the part i of n to lint/)
    }
    expect(formatShard({index: 3, count: 8})).toBe('3/8')
  })

  it('puts every path in exactly one shard, for any n', () => {
    for (const count of [1, 2, 3, 4, 7, 16]) {
      const shards = Array.from(
        {length: count},
        (_, index) => selectShard({files: paths, unlintable: []}, {index: index + 1, count}).files
      )
      const union = shards.flat()
      expect(union).toHaveLength(paths.length)
      expect(new Set(union)).toEqual(new Set(paths))
    }
  })

  it('spreads the paths about evenly (a hash, not the order of the list)', () => {
    const sizes = [1, 2, 3, 4].map(
      (index) => selectShard({files: paths, unlintable: []}, {index, count: 4}).files.length
    )
    for (const size of sizes) expect(Math.abs(size - 250)).toBeLessThan(50)
    // Consecutive files do not land in one shard.
    const firstTen = paths.slice(0, 10).map((p) => shardOf(p, 4))
    expect(new Set(firstTen).size).toBeGreaterThan(1)
  })

  it('moves no other file when a file is added or removed', () => {
    const before = new Map(paths.map((p) => [p, shardOf(p, 5)]))
    const added = [...paths, 'archive/2031/1/story-new.txt'].reverse()
    for (const p of added) if (before.has(p)) expect(shardOf(p, 5)).toBe(before.get(p))
    const removed = paths.filter((_, n) => n % 3 !== 0)
    const parts = [1, 2, 3, 4, 5].map((index) => selectShard({files: removed, unlintable: []}, {index, count: 5}))
    for (const [n, part] of parts.entries()) for (const p of part.files) expect(before.get(p)).toBe(n + 1)
  })

  it('is fixed by the path alone: these values must not change between versions or machines', () => {
    // SHA-256 of the path as written here, first 48 bits (big-endian), modulo n, plus one;
    // checked against Python's hashlib: int.from_bytes(sha256(path).digest()[:6], 'big') % n + 1.
    expect(paths.slice(0, 6).map((p) => shardOf(p, 4))).toEqual([4, 4, 2, 2, 2, 3])
    expect(shardOf('desk/wire/story-00.txt', 3)).toBe(3)
    // The same file however its path was spelled: ./, NFD, or a folder's own separator.
    expect(relativeKey('./desk/café.txt')).toBe('desk/café.txt')
    expect(relativeKey('desk/cafe\u0301.txt')).toBe('desk/café.txt')
    expect(relativeKey(['desk', 'wire', 'a.txt'].join(path.sep))).toBe('desk/wire/a.txt')
    expect(shardOf('./desk/cafe\u0301.txt', 7)).toBe(shardOf('desk/café.txt', 7))
  })

  it('splits the named paths that cannot be linted too, so each is reported once', () => {
    const unlintable = ['missing-a.txt', 'missing-b.txt', 'missing-c.txt', 'missing-d.txt'].map((p) => ({
      path: p,
      reason: 'No such file or folder'
    }))
    const parts = [1, 2].map((index) => selectShard({files: [], unlintable}, {index, count: 2}).unlintable)
    expect(
      parts
        .flat()
        .map((entry) => entry.path)
        .sort()
    ).toEqual(unlintable.map((entry) => entry.path))
    expect(parts[0].some((entry) => parts[1].includes(entry))).toBe(false)
  })
})

describe('copydesk --shard', () => {
  const whole = () => lines(run(['--report', 'jsonl', 'desk']).stdout)

  it('n runs lint every file once, on worker threads and on the main thread alike', () => {
    const all = whole()
    expect(all).toHaveLength(storyNames.length + 1)
    for (const jobs of ['2', '0']) {
      const parts = [1, 2, 3].map((index) =>
        run(['--jobs', jobs, '--shard', `${index}/3`, '--report', 'jsonl', 'desk'])
      )
      const got = parts.flatMap((part) => lines(part.stdout))
      expect(got.map((line) => line.path).sort()).toEqual(all.map((line) => line.path).sort())
      expect(new Set(got.map((line) => line.path)).size).toBe(got.length)
      // Each line says its shard, and has the messages the whole run gave its file.
      for (const line of got) {
        expect(line.shard).toBe(`${shardOf(line.path, 3)}/3`)
        expect({...line, shard: undefined}).toEqual({
          ...all.find((entry) => entry.path === line.path),
          shard: undefined
        })
      }
      // Exit codes per shard: 2 only where the binary file is.
      const photoShard = shardOf('desk/photo.txt', 3)
      expect(parts.map((part) => part.code)).toEqual([1, 2, 3].map((index) => (index === photoShard ? 2 : 0)))
    }
  })

  it('splits the one-document reports too: unified-engine (--jobs 0) and workers, together the whole report', () => {
    const entries = (stdout: string) => JSON.parse(stdout) as Array<{path: string}>
    const all = entries(run(['--report', 'json', 'desk']).stdout)
    expect(all).toHaveLength(storyNames.length + 1)
    const engine = [1, 2].map((index) => run(['--jobs', '0', '--shard', `${index}/2`, '--report', 'json', 'desk']))
    const got = engine.flatMap((part) => entries(part.stdout))
    expect(new Set(got.map((entry) => entry.path)).size).toBe(got.length)
    expect(got.sort((a, b) => a.path.localeCompare(b.path))).toEqual(all)
    // Shard 1 of 2 holds 17 of the 25 files: 16 or more, so `--jobs 2` lints it on workers, with the same report.
    expect(all.filter((entry) => shardOf(entry.path, 2) === 1).length).toBeGreaterThanOrEqual(16)
    const workers = run(['--jobs', '2', '--shard', '1/2', '--report', 'json', 'desk'])
    expect(workers.stdout).toBe(engine[0].stdout)
  }, 60_000)

  it('the worker path and the main thread give the same shard, byte for byte', () => {
    for (const index of [1, 2]) {
      const workers = run(['--jobs', '2', '--shard', `${index}/2`, '--report', 'jsonl', 'desk'])
      const main = run(['--jobs', '0', '--shard', `${index}/2`, '--report', 'jsonl', 'desk'])
      expect(workers.stdout).toBe(main.stdout)
      expect(workers.stderr).toBe(main.stderr)
    }
  })

  it('adding a story changes only the shard it lands in', () => {
    const before = [1, 2, 3, 4].map((index) => run(['--shard', `${index}/4`, '--report', 'jsonl', 'desk']).stdout)
    const added = 'desk/wire/story-late.txt'
    fs.writeFileSync(path.join(dir, added), seed)
    try {
      const after = [1, 2, 3, 4].map((index) => run(['--shard', `${index}/4`, '--report', 'jsonl', 'desk']).stdout)
      const target = shardOf(added, 4)
      for (const index of [1, 2, 3, 4]) {
        if (index === target) {
          const gained = lines(after[index - 1]).filter(
            (line) => !lines(before[index - 1]).some((old) => old.path === line.path)
          )
          expect(gained.map((line) => line.path)).toEqual([added])
        } else expect(after[index - 1]).toBe(before[index - 1])
      }
    } finally {
      fs.rmSync(path.join(dir, added))
    }
  })

  it('an empty shard is a clean run with an empty report', () => {
    const count = 40
    const taken = new Set(['desk/clean.txt', 'desk/garbled.txt'].map((p) => shardOf(p, count)))
    const empty = Array.from({length: count}, (_, n) => n + 1).find((index) => !taken.has(index))!
    const result = run(['--shard', `${empty}/${count}`, '--report', 'jsonl', 'desk/clean.txt', 'desk/garbled.txt'])
    expect(result).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('a bad --shard, or --shard on standard input, is a usage error in one line', () => {
    expect(run(['--shard', '4/3', 'desk'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'copydesk: --shard must be i/n, the part i of n to lint (1 <= i <= n <= 10000), not `4/3`\n'
    })
    expect(run(['--shard', '1/2'], {input: 'A story.\n'})).toMatchObject({
      code: 2,
      stderr: 'copydesk: --shard splits the files named, not standard input\n'
    })
  })
})

describe('copydesk --report jsonl', () => {
  it('one line per file, in the json report’s order, with every field the json report has', () => {
    const json = run(['--report', 'json', 'desk'])
    const jsonl = run(['--report', 'jsonl', 'desk'])
    expect(jsonl.code).toBe(json.code)
    expect(jsonl.stderr).toBe(json.stderr)
    const entries = JSON.parse(json.stdout) as Line[]
    const got = lines(jsonl.stdout)
    expect(got.map((line) => line.path)).toEqual(entries.map((entry) => entry.path))
    for (const [index, line] of got.entries()) {
      const entry = entries[index]
      expect(Object.keys(line)).toEqual(Object.keys(entry))
      expect(line.messages).toHaveLength(entry.messages.length)
      for (const [n, message] of line.messages.entries()) {
        const {fingerprint, ...rest} = message
        expect(rest).toEqual(entry.messages[n])
        expect(fingerprint).toMatch(/^[0-9a-f]{32}:\d+$/)
      }
    }
    // The fields a json message has, all there on a line.
    const figure = got
      .find((line) => line.path === 'desk/wire/story-00.txt')!
      .messages.find((m) => m.ruleId === 'impossible-figure')!
    for (const key of [
      'line',
      'column',
      'endLine',
      'endColumn',
      'place',
      'ruleId',
      'source',
      'reason',
      'fatal',
      'actual',
      'expected',
      'note',
      'url'
    ])
      expect(figure, key).toHaveProperty(key)
    expect(got.find((line) => line.path === 'desk/garbled.txt')!.messages.some((m) => m.related)).toBe(true)
  })

  it('the same lines on worker threads and on the main thread', () => {
    const workers = run(['--jobs', '2', '--report', 'jsonl', 'desk'])
    const main = run(['--jobs', '0', '--report', 'jsonl', 'desk'])
    expect(workers.stdout).toBe(main.stdout)
    expect(workers.code).toBe(main.code)
  })

  it('--quiet and --silent leave out what they leave out of the json report', () => {
    const quiet = lines(run(['--quiet', '--report', 'jsonl', 'desk']).stdout)
    expect(quiet.map((line) => line.path)).not.toContain('desk/clean.txt')
    expect(quiet).toHaveLength(storyNames.length)
    const silent = lines(run(['--silent', '--report', 'jsonl', 'desk']).stdout)
    expect(silent.map((line) => line.path)).toEqual(['desk/photo.txt'])
  })

  it('exit codes as every report: 1 for an error-level message, 2 with the file named for a binary file', () => {
    const error = run(['--rule', 'garbled-numeral=error', '--report', 'jsonl', 'desk/garbled.txt', 'desk/clean.txt'])
    expect(error.code).toBe(1)
    expect(lines(error.stdout)).toHaveLength(2)
    const binary = run(['--report', 'jsonl', 'desk'])
    expect(binary.code).toBe(2)
    expect(binary.stderr).toBe('copydesk: desk/photo.txt: Cannot lint a binary file (it contains NUL bytes)\n')
  })

  it('a bad config met on the way stops the run with one line, on workers and on the main thread', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shards-config-'))
    try {
      fs.mkdirSync(path.join(folder, 'desk', 'zsports'), {recursive: true})
      for (let n = 0; n < 20; n++) fs.writeFileSync(path.join(folder, 'desk', `story-${n}.txt`), 'The fair opened.\n')
      fs.writeFileSync(path.join(folder, 'desk', 'zsports', 'match.txt'), 'The match ended.\n')
      fs.writeFileSync(path.join(folder, 'desk', 'zsports', '.copydeskrc'), 'rules:\n  no-such-rule: warn\n')
      for (const jobs of ['0', '2']) {
        const result = run(['--jobs', jobs, '--report', 'jsonl', 'desk'], {cwd: folder})
        expect(result.code).toBe(2)
        expect(result.stderr).toMatch(/^copydesk: desk\/zsports\/\.copydeskrc:2: unknown rule `no-such-rule`.*\n$/)
        // The lines before it were written; none after.
        expect(lines(result.stdout).map((line) => line.path)).toHaveLength(20)
      }
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  })

  it('standard input gives one line', () => {
    const result = run(['--report', 'jsonl', '--stdin-filename', 'story.txt'], {
      input: 'Officials counted 3800,6500 visitors.\n'
    })
    expect(result.code).toBe(0)
    const [line, ...rest] = lines(result.stdout)
    expect(rest).toEqual([])
    expect(line.messages.map((m) => m.ruleId)).toEqual(['garbled-numeral'])
  })

  it('stops quietly when standard output closes (`| head`)', () => {
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(bin)} --report jsonl desk | head -n 1`], {
      cwd: dir,
      encoding: 'utf8'
    })
    expect(lines(result.stdout)).toHaveLength(1)
    expect(result.stderr).not.toMatch(/EPIPE|internal error/)
  })
})

describe('the archive pool hands files back in order, as they are done', async () => {
  // The built pool: its workers are the built worker.js.
  const pool = (await import(
    pathToFileURL(path.join(root, 'dist', 'src', 'cli', 'archive', 'pool.js')).href
  )) as typeof import('../src/cli/archive/pool.js')
  const many = Array.from({length: 60}, (_, n) => `desk/wire/story-${String(n % 20).padStart(2, '0')}.txt`)

  it('in the order of the list, the first before the last is linted', async () => {
    const order: number[] = []
    let lintedAtFirst = -1
    let linted = 0
    const count = await pool.lintArchiveInOrder(
      many,
      {cwd: dir, overrides: {}, jobs: 2, progress: (done) => (linted = done)},
      (file, index) => {
        if (index === 0) lintedAtFirst = linted
        order.push(index)
        expect(file.path).toBe(many[index])
        expect(file.messages.length).toBeGreaterThan(0)
      }
    )
    expect(count).toBe(many.length)
    expect(order).toEqual(many.map((_, n) => n))
    // Written while the rest were still to do: never more than the window ahead.
    expect(lintedAtFirst).toBeGreaterThan(0)
    expect(lintedAtFirst).toBeLessThanOrEqual(2 * 16)
  })

  it('a slow consumer holds the workers back: no more than the window ahead of it', async () => {
    let linted = 0
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const seen: number[] = []
    const finished = pool.lintArchiveInOrder(
      many,
      {cwd: dir, overrides: {}, jobs: 2, progress: (done) => (linted = done)},
      (_file, index) => {
        seen.push(index)
        if (index === 0) return held
      }
    )
    // Wait until the workers have run up to the window (file 0 handed back, 32 more given).
    for (let waited = 0; linted < 33 && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
    expect(linted).toBe(33)
    await new Promise((r) => setTimeout(r, 500))
    expect(linted).toBe(33)
    expect(seen).toEqual([0])
    release()
    expect(await finished).toBe(many.length)
    expect(seen).toEqual(many.map((_, n) => n))
  })
})
