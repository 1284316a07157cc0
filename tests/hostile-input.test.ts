/**
 * Input built to break a run, as issue 12 lists it: tens of thousands of
 * messages in one story, quotations of 400 KB, binary files, a reader that
 * closes the pipe, and reads that never end or go where they should not
 * (devices, named pipes, oversized configs, house files and sources, a source
 * template that climbs out of the repository). Each gives a report or one line
 * naming the problem, with the exit code the README documents, and never a
 * stack trace. Times are not asserted (the bounds are only "not minutes"):
 * `npm run bench:report` measures them.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {formatReport, REPORTERS} from '../src/cli/reporters/index.js'
import {EXAMPLES_PER_RULE, SUMMARY_THRESHOLD, TABLE_ROWS, formatPretty} from '../src/cli/reporters/pretty.js'
import {reporter} from 'vfile-reporter'
import {code, quote, QUOTE_LIMIT, readable, REASON_LIMIT} from '../src/core/rule.js'
import {readTextFile, UnreadableFileError} from '../src/knowledge/read-text-file.js'
import {lintDocument} from '../src/language-server/lint-document.js'
import {Workspaces} from '../src/language-server/workspaces.js'
import {lintText, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
/** Not minutes: the runs below take seconds each on a loaded 2-core machine. */
const SLOW = 180_000
let tmp: string

/** A line of a JavaScript stack trace. */
const STACK_LINE = /^ +at \S/m

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-hostile-'))
})

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true})
})

function folder(name: string, files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(tmp, name)
  fs.mkdirSync(dir, {recursive: true})
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
    fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

function run(args: string[], cwd: string, options: {input?: string | Buffer; stdin?: number; env?: object} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: options.stdin === undefined ? (options.input ?? '') : undefined,
    stdio: options.stdin === undefined ? 'pipe' : [options.stdin, 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: SLOW,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COPYDESK_DEBUG: '', ...options.env}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal}
}

/** One line on standard error, `copydesk: ` and the reason; nothing that looks like a stack. */
function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.split('\n').filter(Boolean), stderr).toHaveLength(1)
  expect(stderr).toMatch(pattern)
  expect(stderr).not.toMatch(STACK_LINE)
}

describe('many messages in one story', () => {
  const placeholders = 'Investment of ' + '<>'.repeat(50_000) + '\n'

  it(
    '50,000 placeholders: every reporter gives a report; pretty summarises, the others list every message',
    async () => {
      const file = await lintText(placeholders, {path: 'placeholders.txt'})
      expect(file.messages).toHaveLength(50_000)
      const pretty = formatReport('pretty', [file])
      expect(pretty.split('\n').length).toBeLessThan(30)
      expect(pretty).toContain('50,000 warnings in this file, too many to list: the first 3 follow')
      expect(pretty.trimEnd().split('\n').at(-1)).toBe('⚠ 50000 warnings')
      const json = JSON.parse(formatReport('json', [file])) as Array<{messages: unknown[]}>
      expect(json[0].messages).toHaveLength(50_000)
      const sarif = JSON.parse(formatReport('sarif', [file])) as {runs: Array<{results: unknown[]}>}
      expect(sarif.runs[0].results).toHaveLength(50_000)
      expect(formatReport('github', [file]).split('\n')).toHaveLength(50_000)
    },
    SLOW
  )

  it(
    '50,000 placeholders on the command line: exit 0, a summary, no overflow',
    () => {
      const dir = folder('placeholders', {'story.txt': placeholders})
      const result = run(['story.txt'], dir)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/info +50,000 warnings in this file, too many to list/)
      expect(result.stdout.split('\n').length).toBeLessThan(30)
    },
    SLOW
  )

  it(
    '"The 21th Expo." 60,000 times: exit 0, a summary',
    () => {
      // figure-consistency compares every pair of ordinals (being made linear
      // elsewhere); off here, so that this run measures the report.
      const dir = folder('ordinals', {'story.txt': 'The 21th Expo.\n\n'.repeat(60_000)})
      const result = run(['--rule', 'figure-consistency=off', 'story.txt'], dir)
      expect(result.stderr).toBe('')
      expect([0, 1]).toContain(result.code)
      expect(result.stdout).toMatch(/60,000 warnings in this file, too many to list/)
      expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('⚠ 60000 warnings')
    },
    SLOW
  )
})

/** Files with `count` warnings of `rule` each. */
function filesWith(counts: number[], rule = 'garbled-numeral'): VFile[] {
  return counts.map((count, index) => {
    const file = new VFile({path: `story-${String(index).padStart(3, '0')}.txt`, value: 'x'})
    for (let n = 0; n < count; n++) {
      const message = file.message(`Unexpected placeholder \`<>\` number ${n}`, {
        place: {start: {line: n + 1, column: 1, offset: 0}, end: {line: n + 1, column: 3, offset: 2}},
        ruleId: rule,
        source: 'copydesk'
      })
      message.fatal = n % 7 === 0 ? true : false
    }
    return file
  })
}

describe('the pretty report', () => {
  it('is vfile-reporter’s, unchanged, up to the summary threshold', () => {
    const files = filesWith([SUMMARY_THRESHOLD, 3, 0])
    expect(formatPretty(files)).toBe(reporter(files, {verbose: true}))
    expect(formatPretty(files, {quiet: true})).toBe(reporter(files, {verbose: true, quiet: true}))
    expect(formatPretty(files, {silent: true})).toBe(reporter(files, {verbose: true, silent: true}))
  })

  it('past the threshold, a file shows a count per rule and its first messages; the last line counts them all', () => {
    const [big] = filesWith([SUMMARY_THRESHOLD + 1])
    // Two messages of another rule: shown in full.
    for (const line of [5, 9]) {
      big.message('Unexpected ordinal `21th`', {
        place: {start: {line, column: 5, offset: 0}, end: {line, column: 9, offset: 4}},
        ruleId: 'malformed-ordinal',
        source: 'copydesk'
      }).fatal = false
    }
    const output = formatPretty([big])
    const lines = output.split('\n')
    const errors = Math.ceil((SUMMARY_THRESHOLD + 1) / 7)
    const warnings = SUMMARY_THRESHOLD + 1 - errors
    expect(lines[1]).toMatch(
      new RegExp(
        `info +${errors} errors and ${warnings} warnings in this file, too many to list: the first ${EXAMPLES_PER_RULE} follow .* garbled-numeral +copydesk$`
      )
    )
    expect(lines.filter((line) => /garbled-numeral +copydesk$/.test(line))).toHaveLength(1 + EXAMPLES_PER_RULE)
    expect(lines.filter((line) => /malformed-ordinal +copydesk$/.test(line))).toHaveLength(2)
    expect(lines.at(-1)).toBe(`${SUMMARY_THRESHOLD + 3} messages (✖ ${errors} errors, ⚠ ${warnings + 2} warnings)`)
    // The messages themselves are left as they were.
    expect(big.messages).toHaveLength(SUMMARY_THRESHOLD + 3)
  })

  it('past a table of rows, files are laid out in batches; every file is there, and one closing line', () => {
    const per = SUMMARY_THRESHOLD
    const files = filesWith(Array.from({length: Math.ceil((TABLE_ROWS * 2.1) / per)}, () => per))
    const output = formatPretty(files)
    for (const file of files) expect(output).toContain(`\n${file.path}\n`.slice(file === files[0] ? 1 : 0))
    const all = files.flatMap((file) => file.messages)
    const errors = all.filter((message) => message.fatal).length
    expect(output.split('\n').at(-1)).toBe(
      `${all.length} messages (✖ ${errors} errors, ⚠ ${all.length - errors} warnings)`
    )
    expect(output.match(/✖/g)).toHaveLength(1)
    // Files are separated by one blank line, as in vfile-reporter.
    expect(output).not.toContain('\n\n\n')
    expect(output.split('\n').filter((line) => line === '')).toHaveLength(files.length)
  })
})

describe('quotations of the copy', () => {
  it('are shortened with an ellipsis past the limit, keeping start and end', () => {
    expect(code('21th')).toBe('`21th`')
    expect(code('a\n  b')).toBe('`a b`')
    const long = '1,'.repeat(200_000)
    const quoted = quote(long)
    expect(quoted.length).toBeLessThanOrEqual(QUOTE_LIMIT)
    expect(quoted.startsWith('1,1,1,')).toBe(true)
    expect(quoted.endsWith(',1,')).toBe(true)
    expect(quoted.split('…')).toHaveLength(2)
    expect(quote('x'.repeat(QUOTE_LIMIT))).toBe('x'.repeat(QUOTE_LIMIT))
    expect(quote('x'.repeat(QUOTE_LIMIT + 1))).toContain('…')
    // White space counts once it is collapsed.
    expect(quote('a' + ' '.repeat(200) + 'b')).toBe('a b')
  })

  it('never split a character outside the Basic Multilingual Plane', () => {
    const emoji = '😀'.repeat(300)
    const quoted = quote(emoji)
    expect(quoted).toContain('…')
    expect(quoted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })

  it('a reason or note quoting without `code` is shortened too, and capped', () => {
    expect(readable('Unexpected `' + 'x'.repeat(5000) + '`, expected `y`')).toMatch(
      /^Unexpected `x+…x+`, expected `y`$/
    )
    expect(readable('Short `kept as it is  here`')).toBe('Short `kept as it is  here`')
    expect(readable('word '.repeat(1000)).length).toBe(REASON_LIMIT)
  })

  it.each([
    ['1,', 'Unexpected digit grouping'],
    ['<>.', 'Unexpected placeholder']
  ])(
    '%j × 200,000: a readable message; `actual` keeps the whole span',
    async (unit, start) => {
      const text = unit.repeat(200_000)
      const file = await lintText(text, {path: 'long.txt'})
      const message = file.messages.find((m) => m.reason.startsWith(start))!
      expect(message.reason.length).toBeLessThan(300)
      expect(message.reason).toContain('…')
      expect(message.actual?.length).toBeGreaterThan(390_000)
      const pretty = formatReport('pretty', [file])
      expect(Math.max(...pretty.split('\n').map((line) => line.length))).toBeLessThan(400)
    },
    SLOW
  )

  it(
    '"1," × 200,000 on the command line: the pretty report in seconds, one readable line',
    () => {
      const dir = folder('commas', {'story.txt': '1,'.repeat(200_000)})
      const result = run(['story.txt'], dir)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/Unexpected digit grouping in `1,1,1,[1,]*…[1,]*`/)
      expect(result.stdout.length).toBeLessThan(2000)
    },
    SLOW
  )
})

describe('a binary file', () => {
  const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a])

  it.each(REPORTERS)('%s: the reason on one line, exit 2, no stack', (report) => {
    const dir = folder(`binary-${report}`, {'binary.txt': photo, 'story.txt': 'It was the 21th time.\n'})
    const result = run(['--report', report, 'binary.txt', 'story.txt'], dir)
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /^copydesk: binary\.txt: Cannot lint a binary file \(it contains NUL bytes\)\n$/)
    expect(result.stdout).toContain('Cannot lint a binary file (it contains NUL bytes)')
    expect(result.stdout).not.toContain('Cannot process file')
    expect(result.stdout).not.toMatch(STACK_LINE)
    expect(result.stdout).toContain('21th')
  })

  it(
    'on worker threads, the same',
    () => {
      const files: Record<string, string | Buffer> = {'binary.txt': photo}
      for (let i = 0; i < 20; i++) files[`story-${i}.txt`] = 'It was the 21th time.\n'
      const dir = folder('binary-workers', files)
      for (const report of REPORTERS) {
        const result = run(['--jobs', '2', '--report', report, '.'], dir)
        expect(result.code).toBe(2)
        expectOneLine(result.stderr, /^copydesk: binary\.txt: Cannot lint a binary file/)
        expect(result.stdout).not.toMatch(STACK_LINE)
      }
    },
    SLOW
  )

  it('on standard input: named <stdin>', () => {
    const result = run([], tmp, {input: photo})
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /^copydesk: <stdin>: Cannot lint a binary file/)
  })
})

describe('a reader that closes the pipe', () => {
  it(
    '`copydesk --report json story.txt | head -c 100` ends quietly',
    async () => {
      const dir = folder('pipe', {'story.txt': 'Investment of ' + '<>'.repeat(20_000) + '\n'})
      const child = spawn(process.execPath, [bin, '--report', 'json', 'story.txt'], {cwd: dir})
      let stderr = ''
      let received = 0
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.stdout.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received >= 100) child.stdout.destroy()
      })
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).toBe('')
      // The run's own exit code: warnings only.
      expect(code).toBe(0)
    },
    SLOW
  )

  it('`| head` on standard error too', async () => {
    const dir = folder('pipe-stderr', {'binary.txt': Buffer.from([0, 1, 2])})
    const child = spawn(process.execPath, [bin, 'binary.txt'], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
    child.stderr.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    // The run's own exit code: a binary file.
    expect(code).toBe(2)
  })
})

describe('reads that are bounded and stay where they should', () => {
  const story = 'It was the 21th time.\n'
  const hasDevZero = fs.existsSync('/dev/zero')
  const big = (megabytes: number) => '# padding\n' + `#${'x'.repeat(1023)}\n`.repeat(megabytes * 1024)

  it.runIf(hasDevZero)('knowledge: [/dev/zero] in a discovered .copydeskrc: exit 2, one line', () => {
    const dir = folder('zero-knowledge', {'.copydeskrc': 'knowledge: [/dev/zero]\n', 'stories/story.txt': story})
    const result = run(['stories/story.txt'], dir)
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /^copydesk: \/dev\/zero: a device, not a regular file\n$/)
  })

  it('a config or house file over the size limit: exit 2, one line', () => {
    const config = folder('big-config', {'.copydeskrc': 'rules: {}\n' + big(5), 'story.txt': story})
    let result = run(['story.txt'], config)
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      /^copydesk: \.copydeskrc: cannot read config: file too large \(5\.0 MB, over the limit of 4\.0 MB\)\n$/
    )
    const house = folder('big-house', {
      '.copydeskrc': 'knowledge: [house.yaml]\n',
      'house.yaml': big(5),
      'story.txt': story
    })
    result = run(['story.txt'], house)
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /^copydesk: house\.yaml: file too large \(5\.0 MB, over the limit of 4\.0 MB\)\n$/)
  })

  it('an ignore file that is a named pipe: exit 2, one line, no hang', () => {
    const dir = folder('fifo-ignore', {'story.txt': story})
    spawnSync('mkfifo', [path.join(dir, '.copydeskignore')])
    const result = run(['.'], dir)
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      /^copydesk: \.copydeskignore: cannot read ignore file: a named pipe, not a regular file\n$/
    )
  })

  it.runIf(hasDevZero)('--source /dev/zero: exit 2, one line', () => {
    const dir = folder('zero-source', {'story.txt': story})
    const result = run(['--source', '/dev/zero', 'story.txt'], dir)
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /^copydesk: Cannot read the source \/dev\/zero: a device, not a regular file\n$/)
  })

  it(
    '--source given a binary file, or one over the size limit: exit 2, one line',
    () => {
      const dir = folder('bad-source', {
        'story.txt': story,
        'photo.zh.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]),
        'huge.zh.txt': '第21届中国—东盟博览会。\n'.repeat(600_000)
      })
      let result = run(['--source', 'photo.zh.txt', 'story.txt'], dir)
      expect(result.code).toBe(2)
      expectOneLine(
        result.stderr,
        /^copydesk: Cannot read the source photo\.zh\.txt: a binary file \(it contains NUL bytes\)\n$/
      )
      expect(fs.statSync(path.join(dir, 'huge.zh.txt')).size).toBeGreaterThan(20 * 1024 * 1024)
      result = run(['--source', 'huge.zh.txt', 'story.txt'], dir)
      expect(result.code).toBe(2)
      expectOneLine(
        result.stderr,
        /^copydesk: Cannot read the source huge\.zh\.txt: [\d.]+ MB, over the limit of 16\.0 MB \(raise --max-size\)\n$/
      )
    },
    SLOW
  )

  it.runIf(hasDevZero)(
    'a story that is a link to /dev/zero, and a named pipe in a linted folder: reported, no hang',
    () => {
      const dir = folder('devices', {'story.txt': story})
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'))
      spawnSync('mkfifo', [path.join(dir, 'pipe.txt')])
      for (const jobs of ['0', '1']) {
        // Twenty more stories, so that --jobs 1 takes the worker path.
        for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `more-${i}.txt`), story)
        const result = run(['--jobs', jobs, '--report', 'json', '.'], dir)
        expect(result.code).toBe(2)
        expectOneLine(result.stderr, /^copydesk: pipe\.txt: Cannot lint a named pipe: only regular files are read\n$/)
        const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{reason: string}>}>
        expect(report.find((f) => f.path === 'zero.txt')?.messages.map((m) => m.reason)).toEqual([
          'Cannot lint a device: only regular files are read'
        ])
        expect(report.find((f) => f.path === 'story.txt')?.messages).toHaveLength(1)
      }
    },
    SLOW
  )

  it.runIf(hasDevZero)('`copydesk < /dev/zero`: standard input is capped at the size limit, one line', () => {
    const zero = fs.openSync('/dev/zero', 'r')
    try {
      const result = run(['--max-size', '1'], tmp, {stdin: zero})
      expect(result.code).toBe(2)
      expectOneLine(
        result.stderr,
        /^copydesk: standard input: Cannot lint a story of more than 1\.0 MB \(split it, or raise --max-size\)\n$/
      )
    } finally {
      fs.closeSync(zero)
    }
  })

  it.runIf(hasDevZero)(
    'the language server, on a story under knowledge: [/dev/zero]: one diagnostic, no read',
    async () => {
      const dir = folder('zero-editor', {'.copydeskrc': 'knowledge: [/dev/zero]\n', 'story.txt': story})
      const uri = pathToFileURL(path.join(dir, 'story.txt')).href
      const workspaces = new Workspaces()
      workspaces.add([pathToFileURL(dir).href])
      const file = await lintDocument(TextDocument.create(uri, 'plaintext', 1, story), workspaces)
      expect(file?.messages.map((m) => [m.fatal, m.reason])).toEqual([
        [true, '/dev/zero: a device, not a regular file']
      ])
    }
  )

  it('the language server, on a source that climbs out, links to a device or is a named pipe: one diagnostic', async () => {
    const lintIn = async (dir: string) => {
      const workspaces = new Workspaces()
      workspaces.add([pathToFileURL(dir).href])
      const uri = pathToFileURL(path.join(dir, 'story.txt')).href
      const file = await lintDocument(TextDocument.create(uri, 'plaintext', 1, story), workspaces)
      return file?.messages.map((m) => [m.fatal, m.reason]) ?? []
    }
    const climbing = folder('editor-climb/repo', {'.copydeskrc': 'source: "{name}/../../../secret.txt"\n'})
    fs.writeFileSync(path.join(tmp, 'editor-climb', 'secret.txt'), '3,800 secret figures\n')
    expect(await lintIn(climbing)).toEqual([
      [
        true,
        expect.stringMatching(/^\.copydeskrc: `source` must stay inside the story's folder or the config's folder/)
      ]
    ])
    const piped = folder('editor-pipe', {'.copydeskrc': 'source: "{name}.zh{ext}"\n'})
    spawnSync('mkfifo', [path.join(piped, 'story.zh.txt')])
    expect(await lintIn(piped)).toEqual([
      [true, 'Cannot read the source story.zh.txt: a named pipe, not a regular file']
    ])
    if (hasDevZero) {
      const linked = folder('editor-zero', {'.copydeskrc': 'source: "{name}.zh{ext}"\n'})
      fs.symlinkSync('/dev/zero', path.join(linked, 'story.zh.txt'))
      expect(await lintIn(linked)).toEqual([
        [true, expect.stringMatching(/`source` must stay inside the story's folder or the config's folder/)]
      ])
    }
  })

  it.runIf(hasDevZero)('--config /dev/zero: exit 2, one line', () => {
    const dir = folder('zero-config', {'story.txt': story})
    const result = run(['--config', '/dev/zero', 'story.txt'], dir)
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      /^copydesk: (\.\.\/)*\/?dev\/zero: cannot read config: a device, not a regular file\n$/
    )
  })

  it('a source template that leads out of the story’s folder and the config’s: a config error', () => {
    const dir = folder('climb/repo', {'stories/story.txt': story})
    fs.writeFileSync(path.join(tmp, 'climb', 'secret.txt'), '3,800 secret figures\n')
    for (const template of ['{name}/../../../secret.txt', '../../../{name}.txt']) {
      fs.writeFileSync(path.join(dir, '.copydeskrc'), `source: "${template}"\n`)
      const result = run(['stories/story.txt'], dir)
      expect(result.code).toBe(2)
      expectOneLine(
        result.stderr,
        /^copydesk: \.copydeskrc: `source` must stay inside the story's folder or the config's folder: .* leads outside them for stories\/story\.txt\n$/
      )
      expect(result.stdout).not.toContain('3,800')
    }
    fs.writeFileSync(path.join(dir, '.copydeskrc'), 'source: "/etc/{name}"\n')
    expect(run(['stories/story.txt'], dir).stderr).toMatch(/`source` must be relative to the story's folder/)
  })

  it('a source that is a link out of the repository: a config error', () => {
    const dir = folder('linked/repo', {'.copydeskrc': 'source: "{name}.zh{ext}"\n', 'story.txt': story})
    fs.writeFileSync(path.join(tmp, 'linked', 'secret.txt'), '3,800 secret figures\n')
    fs.symlinkSync(path.join(tmp, 'linked', 'secret.txt'), path.join(dir, 'story.zh.txt'))
    const result = run(['--report', 'json', 'story.txt'], dir)
    expect(result.code).toBe(2)
    expectOneLine(result.stderr, /`source` must stay inside the story's folder or the config's folder/)
  })

  it('a source elsewhere in the config’s folder is read', () => {
    const dir = folder('sibling', {
      '.copydeskrc': 'source: "../zh/{name}.zh{ext}"\n',
      'en/story.txt': 'The 21th Expo drew 2,000 firms.\n',
      'zh/story.zh.txt': '第21届博览会吸引了1800家企业。\n'
    })
    const result = run(['--report', 'json', 'en/story.txt'], dir)
    expect(result.stderr).toBe('')
    const [entry] = JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string}>}>
    expect(entry.messages.map((m) => m.ruleId)).toContain('source-mismatch')
  })
})

describe('readTextFile', () => {
  it('reads a regular file whole, a byte-order mark kept', () => {
    const file = path.join(tmp, 'bom.txt')
    fs.writeFileSync(file, '\uFEFFIt was the 21th time.')
    expect(readTextFile(file, 100)).toBe('\uFEFFIt was the 21th time.')
  })

  it('refuses a file over the limit before reading it', () => {
    const file = path.join(tmp, 'over.txt')
    fs.writeFileSync(file, 'x'.repeat(101))
    expect(() => readTextFile(file, 100)).toThrow(UnreadableFileError)
    expect(readTextFile(file, 101)).toHaveLength(101)
  })

  it.runIf(fs.existsSync('/proc/self/maps'))('stops at the limit when a file has more than its size said', () => {
    // /proc files say they are empty and are not.
    expect(fs.statSync('/proc/self/maps').size).toBe(0)
    expect(() => readTextFile('/proc/self/maps', 10)).toThrow(/over the limit/)
    expect(readTextFile('/proc/self/maps', 1 << 24).length).toBeGreaterThan(10)
  })

  it('refuses a folder as fs does, and a named pipe at once', () => {
    expect(() => readTextFile(tmp, 100)).toThrow(expect.objectContaining({code: 'EISDIR'}))
    const pipe = path.join(tmp, 'refused.fifo')
    spawnSync('mkfifo', [pipe])
    expect(() => readTextFile(pipe, 100)).toThrow('a named pipe, not a regular file')
  })
})
