/**
 * One lint path: the same folder (nested ignore files, nested configs with
 * different rule settings, overrides, a binary file, a story over the size
 * limit, enough files for worker threads) through the command line in the main
 * thread (`--jobs 0`), with one worker and with three, through the language
 * server, and through the page's lint function, gives the same messages for
 * every file, and leaves out the same ignored files.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol'
import {main} from '../src/cli/main.js'
import {findFiles, IgnoreFiles} from '../src/config/discover.js'
import {SettingsResolver} from '../src/config/settings.js'
import {lintText} from '../web/src/lint.js'
import {read, root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
const seed = read('fixtures/seed/china-asean-expo.txt')
/** --max-size, in megabytes: the seed story (7 KB) fits, `big.txt` does not. */
const MAX_SIZE_MB = 0.02
const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

let tmp: string
let desk: string

/** One message as every path can give it: rule, range (1-based), severity, reason and note. */
type Summary = string

function summarise(
  ruleId: string | null | undefined,
  range: {line: number; column: number; endLine: number; endColumn: number} | undefined,
  fatal: boolean | null | undefined,
  text: string
): Summary {
  // A message without a place (a file that could not be read) is at 1:1 in an editor.
  const where = range ? `${range.line}:${range.column}-${range.endLine}:${range.endColumn}` : '1:1-1:1'
  const severity = fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
  return `${ruleId ?? '-'} ${where} ${severity} ${text}`
}

const files: Record<string, string | Buffer> = {
  '.copydeskrc': [
    'date: 2023-09-09',
    'rules:',
    '  garbled-numeral: error',
    'overrides:',
    "  - files: 'wire/**'",
    '    rules:',
    '      malformed-ordinal: off',
    ''
  ].join('\n'),
  '.copydeskignore': 'drafts/\n*.tmp.txt\n',
  'wire/a.txt': 'It was the 21th time. Nearly 2000,18 firms came.\n',
  'wire/b.txt': 'The 3rd fair drew more than 3800,6500 visitors.\n',
  'wire/c.txt': 'Cong Liang, deputy director of the commission, said so.\n\nCong Lian said more.\n',
  'wire/notes.tmp.txt': 'It was the 21th time.\n',
  'story.md':
    '# Expo\n\nNearly 2000,18 firms came to the 20 China-ASEAN Expo.\n\n<!--copydesk ignore garbled-numeral-->\nMore than 3800,6500 visitors.\n',
  'page.html': '<p>It was the 22th time.</p><p>Nearly 2000,18 firms came.</p>\n',
  'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]),
  'big.txt': (seed + '\n\n').repeat(4),
  'drafts/draft.txt': 'It was the 21th time.\n',
  'node_modules/package/readme.txt': 'It was the 21th time.\n',
  'sub/.copydeskrc': 'date: 2023-09-09\nrules:\n  garbled-numeral: warn\n  name-mismatch: off\n',
  'sub/.copydeskignore': 'bad.txt\n',
  'sub/seed.txt': seed,
  'sub/bad.txt': 'It was the 21th time.\n',
  'sub/deep/bad.txt': 'It was the 21th time.\n',
  'sub/deep/good.txt': 'It was the 23th time. Nearly 2000,18 firms came.\n',
  // The nearest ignore file alone applies (as in unified-engine): `bad.txt` is linted here.
  'sub/own/.copydeskignore': 'other.txt\n',
  'sub/own/bad.txt': 'It was the 21th time.\n',
  'sub/own/other.txt': 'It was the 21th time.\n'
}
for (let i = 1; i <= 8; i++) files[`seed-${i}.txt`] = seed

const IGNORED = [
  'drafts/draft.txt',
  'node_modules/package/readme.txt',
  'sub/bad.txt',
  'sub/deep/bad.txt',
  'sub/own/other.txt',
  'wire/notes.tmp.txt'
]

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-one-path-'))
  desk = path.join(tmp, 'desk')
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(desk, name)), {recursive: true})
    fs.writeFileSync(path.join(desk, name), content)
  }
})

afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}))

interface JsonFile {
  path: string
  messages: Array<{
    ruleId?: string
    line?: number
    column?: number
    endLine: number | null
    endColumn: number | null
    fatal?: boolean
    reason: string
    note?: string
  }>
}

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: desk, encoding: 'utf8', maxBuffer: 1 << 26})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function cliSummaries(stdout: string): Map<string, Summary[]> {
  const report = JSON.parse(stdout) as JsonFile[]
  return new Map(
    report.map((file) => [
      file.path,
      file.messages.map((m) =>
        summarise(
          m.ruleId,
          m.line === undefined || m.endLine === null
            ? undefined
            : {line: m.line, column: m.column!, endLine: m.endLine, endColumn: m.endColumn!},
          m.fatal,
          m.note ? `${m.reason}\n${m.note}` : m.reason
        )
      )
    ])
  )
}

/** Open every story in the language server (ignored ones too) and collect what it publishes. */
async function languageServerSummaries(names: string[]): Promise<Map<string, Summary[]>> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(root, 'bin', 'copydesk-language-server.js'), '--stdio'],
    {cwd: desk}
  )
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin)
  )
  const published = new Map<string, PublishDiagnosticsParams>()
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.set(params.uri, params))
  connection.listen()
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(desk).href,
      workspaceFolders: [{uri: pathToFileURL(desk).href, name: 'desk'}],
      capabilities: {},
      initializationOptions: {maxSize: MAX_SIZE_MB}
    })
    await connection.sendNotification(InitializedNotification.type, {})
    const uriOf = (name: string) => pathToFileURL(path.join(desk, name)).href
    for (const name of names) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: {
          uri: uriOf(name),
          languageId: 'plaintext',
          version: 1,
          text: fs.readFileSync(path.join(desk, name), 'utf8')
        }
      })
    }
    const deadline = Date.now() + 60000
    while (names.some((name) => !published.has(uriOf(name)))) {
      if (Date.now() > deadline) throw new Error('no diagnostics for every document; server stderr: ' + stderr)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return new Map(
      names.map((name) => [
        name,
        published.get(uriOf(name))!.diagnostics.map((d) =>
          summarise(
            d.code === undefined ? undefined : String(d.code),
            {
              line: d.range.start.line + 1,
              column: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1
            },
            d.severity === 1 ? true : d.severity === 2 ? false : undefined,
            d.message
          )
        )
      ])
    )
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined)
    await connection.sendNotification(ExitNotification.type).catch(() => undefined)
    connection.dispose()
    child.kill()
  }
}

/** The page's lint function, in this process, with each file's resolved settings. */
async function pageSummaries(names: string[]): Promise<Map<string, Summary[]>> {
  const resolver = new SettingsResolver(desk, {maxSize: Math.round(MAX_SIZE_MB * 1024 * 1024)})
  const result = new Map<string, Summary[]>()
  for (const name of names) {
    const messages = await lintText(
      fs.readFileSync(path.join(desk, name), 'utf8'),
      name,
      resolver.forFile(name).settings
    )
    result.set(
      name,
      messages.map((m) => {
        const place = m.place && 'start' in m.place ? m.place : undefined
        return summarise(
          m.ruleId,
          place && {
            line: place.start.line,
            column: place.start.column,
            endLine: place.end.line,
            endColumn: place.end.column
          },
          m.fatal,
          m.note ? `${m.reason}\n${m.note}` : m.reason
        )
      })
    )
  }
  return result
}

describe('one lint path', () => {
  it('gives the same messages on the command line (main thread, 1 and 3 workers), in the language server and on the page', async () => {
    const args = ['--report', 'json', '--max-size', String(MAX_SIZE_MB), '.']
    const runs = [cli(['--jobs', '0', ...args]), cli(['--jobs', '1', ...args]), cli(['--jobs', '3', ...args])]
    for (const run of runs) {
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        /^copydesk: big\.txt: Cannot lint a story of [\d.]+ MB: the limit is [\d.]+ MB \(split it, or raise --max-size\)\n$/
      )
    }
    const [main, one, three] = runs.map((run) => cliSummaries(run.stdout))
    expect(one).toEqual(main)
    expect(three).toEqual(main)

    const names = [...main.keys()]
    expect(names.length).toBeGreaterThanOrEqual(16)
    for (const ignored of IGNORED) expect(names).not.toContain(ignored)
    expect(names).toContain('sub/own/bad.txt')
    // The files the page would be given are the command line's.
    const found = await findFiles({cwd: desk, inputs: ['.'], extensions: EXTENSIONS, ignoreName: '.copydeskignore'})
    expect(found.files).toEqual(names)

    // The settings really differ from file to file.
    const rulesOf = (name: string) => main.get(name)!.map((m) => m.split(' ').slice(0, 3).join(' '))
    expect(
      rulesOf('seed-1.txt')
        .filter((m) => m.startsWith('garbled-numeral'))
        .every((m) => m.endsWith('error'))
    ).toBe(true)
    expect(rulesOf('seed-1.txt').some((m) => m.startsWith('name-mismatch'))).toBe(true)
    expect(
      rulesOf('sub/seed.txt')
        .filter((m) => m.startsWith('garbled-numeral'))
        .every((m) => m.endsWith('warning'))
    ).toBe(true)
    expect(rulesOf('sub/seed.txt').some((m) => m.startsWith('name-mismatch'))).toBe(false)
    expect(rulesOf('wire/a.txt')).toEqual(['garbled-numeral 1:30-1:37 error'])
    expect(rulesOf('sub/own/bad.txt')).toEqual(['malformed-ordinal 1:12-1:16 warning'])
    expect(main.get('photo.txt')).toEqual(['- 1:1-1:1 error Cannot lint a binary file (it contains NUL bytes)'])
    expect(main.get('big.txt')).toHaveLength(1)
    expect(main.get('story.md')!.filter((m) => m.startsWith('garbled-numeral'))).toHaveLength(1)

    const editor = await languageServerSummaries([
      ...names,
      ...IGNORED.filter((name) => !name.startsWith('node_modules'))
    ])
    const page = await pageSummaries(names)
    for (const name of names) {
      expect(editor.get(name), name).toEqual(main.get(name))
      expect(page.get(name), name).toEqual(main.get(name))
    }
    // An ignored story open in the editor gets no diagnostics, as the command line skips it.
    for (const name of IGNORED) if (editor.has(name)) expect(editor.get(name), name).toEqual([])
  }, 180000)

  it('gives the same messages when the command runs in a process whose folder is elsewhere', async () => {
    // As `npm run bench` and other programs call it: `io.cwd` is not `process.cwd()`.
    expect(process.cwd()).not.toBe(desk)
    let stdout = ''
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        stdout += chunk
        callback()
      }
    })
    const args = ['--jobs', '0', '--report', 'json', '--max-size', String(MAX_SIZE_MB), '.']
    const code = await main(args, {
      stdin: process.stdin,
      stdout: sink,
      stderr: new Writable({write: (_c, _e, cb) => cb()}),
      cwd: desk
    })
    expect(code).toBe(2)
    expect(cliSummaries(stdout)).toEqual(cliSummaries(cli(args).stdout))
  }, 120000)

  it('--no-ignore and --ignore-path give the same files in the main thread and on workers', () => {
    fs.writeFileSync(path.join(desk, 'only-wire.ignore'), 'wire/\n')
    try {
      for (const extra of [['--no-ignore'], ['--ignore-path', 'only-wire.ignore']]) {
        const args = ['--report', 'json', '--max-size', String(MAX_SIZE_MB), ...extra, '.']
        const main = cli(['--jobs', '0', ...args])
        const workers = cli(['--jobs', '2', ...args])
        expect(workers.stdout).toBe(main.stdout)
        expect(workers.code).toBe(main.code)
        const names = (JSON.parse(main.stdout) as JsonFile[]).map((file) => file.path)
        expect(names.length).toBeGreaterThanOrEqual(16)
        if (extra[0] === '--no-ignore') {
          // Every ignore file is off; node_modules is still never searched.
          expect(names).toEqual(expect.arrayContaining(IGNORED.filter((name) => !name.startsWith('node_modules'))))
          expect(names).not.toContain('node_modules/package/readme.txt')
        } else {
          // The given file replaces every .copydeskignore.
          expect(names.some((name) => name.startsWith('wire/'))).toBe(false)
          expect(names).toEqual(expect.arrayContaining(['drafts/draft.txt', 'sub/bad.txt', 'sub/own/other.txt']))
        }
      }
    } finally {
      fs.rmSync(path.join(desk, 'only-wire.ignore'))
    }
  }, 120000)

  it('a named file that is ignored, or missing, is reported as such on both paths', () => {
    const named = Object.keys(files).filter(
      (name) => /\.(?:txt|md|html)$/.test(name) && !IGNORED.includes(name) && !['photo.txt', 'big.txt'].includes(name)
    )
    expect(named.length).toBeGreaterThanOrEqual(16)
    for (const jobs of ['0', '2']) {
      const result = cli(['--jobs', jobs, '--report', 'json', 'sub/bad.txt', 'nope.txt', ...named])
      expect(result.code).toBe(2)
      const report = JSON.parse(result.stdout) as JsonFile[]
      expect(report.find((f) => f.path === 'sub/bad.txt')!.messages.map((m) => m.reason)).toEqual([
        'Cannot process specified file: it’s ignored'
      ])
      expect(report.find((f) => f.path === 'nope.txt')!.messages.map((m) => m.reason)).toEqual([
        'No such file or folder'
      ])
      expect(result.stderr).toBe('copydesk: nope.txt: No such file or folder\n')
    }
  }, 120000)
})

describe('ignore files, as unified-engine reads them', () => {
  let folder: string
  beforeAll(() => {
    folder = path.join(tmp, 'ignore-files')
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
      fs.writeFileSync(path.join(folder, name), text)
    }
    write('.copydeskignore', 'drafts/\n*.tmp.txt\n/top.txt\n')
    write('sub/.copydeskignore', 'bad.txt\n/anchored.txt\n')
    write('sub/own/.copydeskignore', 'other.txt\n')
  })

  it('uses the nearest ignore file above each path, its patterns relative to its folder', () => {
    const ignoreFiles = new IgnoreFiles({cwd: folder, ignoreName: '.copydeskignore'})
    expect(ignoreFiles.ignores('sub/bad.txt')).toBe(true)
    expect(ignoreFiles.ignores('sub/deep/bad.txt')).toBe(true)
    // Anchored patterns are relative to the ignore file's folder, not the working folder.
    expect(ignoreFiles.ignores('sub/anchored.txt')).toBe(true)
    expect(ignoreFiles.ignores('sub/deep/anchored.txt')).toBe(false)
    expect(ignoreFiles.ignores('top.txt')).toBe(true)
    // Only the nearest file applies: sub/ has its own, so the top one's patterns do not.
    expect(ignoreFiles.ignores('sub/top.txt')).toBe(false)
    expect(ignoreFiles.ignores('sub/notes.tmp.txt')).toBe(false)
    expect(ignoreFiles.ignores('wire/notes.tmp.txt')).toBe(true)
    expect(ignoreFiles.ignores('sub/own/bad.txt')).toBe(false)
    expect(ignoreFiles.ignores('sub/own/other.txt')).toBe(true)
    // The same answers from a working folder deeper down.
    expect(
      new IgnoreFiles({cwd: path.join(folder, 'sub'), ignoreName: '.copydeskignore'}).ignores('anchored.txt')
    ).toBe(true)
  })

  it('skips a file when a folder on the way down is ignored or never searched', () => {
    const ignoreFiles = new IgnoreFiles({cwd: folder, ignoreName: '.copydeskignore'})
    expect(ignoreFiles.excludes(folder, 'drafts/draft.txt')).toBe(true)
    expect(ignoreFiles.excludes(folder, 'node_modules/package/readme.txt')).toBe(true)
    expect(ignoreFiles.excludes(folder, 'sub/seed.txt')).toBe(false)
    expect(ignoreFiles.excludes(folder, 'sub/deep/bad.txt')).toBe(true)
  })

  it('an ignore file given with --ignore-path replaces them, its patterns relative to the working folder', () => {
    fs.writeFileSync(path.join(tmp, 'given.ignore'), 'sub/seed.txt\n')
    const ignoreFiles = new IgnoreFiles({cwd: folder, ignorePath: '../given.ignore'})
    expect(ignoreFiles.ignores('sub/seed.txt')).toBe(true)
    expect(ignoreFiles.ignores('sub/bad.txt')).toBe(false)
    expect(() => new IgnoreFiles({cwd: folder, ignorePath: 'missing.ignore'}).ignores('a.txt')).toThrow(
      /missing\.ignore: cannot read ignore file \(ENOENT\)/
    )
  })

  it('--no-ignore: no ignore file is read', () => {
    expect(new IgnoreFiles({cwd: folder}).ignores('sub/bad.txt')).toBe(false)
  })
})
