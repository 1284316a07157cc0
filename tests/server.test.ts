/**
 * The language server end to end: started over stdio and spoken to through
 * the protocol client library (vscode-jsonrpc / vscode-languageserver-protocol),
 * as an editor would.
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection
} from 'vscode-jsonrpc/node.js'
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type Diagnostic,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol'
import {read, root} from './helpers.js'

const seed = read('fixtures/seed/china-asean-expo.txt')
let tmp: string
let child: ChildProcessWithoutNullStreams
let connection: MessageConnection
const published: PublishDiagnosticsParams[] = []
let stderr = ''

function waitFor(
  predicate: (p: PublishDiagnosticsParams) => boolean,
  timeout = 20000
): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const found = published.find(predicate)
    if (found) return resolve(found)
    const timer = setTimeout(() => reject(new Error('no matching diagnostics; server stderr: ' + stderr)), timeout)
    const poll = setInterval(() => {
      const hit = published.find(predicate)
      if (hit) {
        clearTimeout(timer)
        clearInterval(poll)
        resolve(hit)
      }
    }, 10)
  })
}

function uriOf(name: string): string {
  return pathToFileURL(path.join(tmp, name)).href
}

function cliMessages(name: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), '--report', 'json', name], {
    cwd: tmp,
    encoding: 'utf8'
  })
  return (
    JSON.parse(result.stdout) as Array<{
      messages: Array<{ruleId: string; line: number; column: number; endLine: number; endColumn: number}>
    }>
  )[0].messages
}

function summary(diagnostics: Diagnostic[]) {
  return diagnostics.map(
    (d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`
  )
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-'))
  fs.writeFileSync(path.join(tmp, 'story.txt'), seed)
  child = spawn(process.execPath, [path.join(root, 'bin', 'copydesk-language-server.js'), '--stdio'], {cwd: tmp})
  child.stderr.on('data', (chunk) => (stderr += chunk))
  connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.push(params))
  connection.listen()
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(tmp).href,
    workspaceFolders: [{uri: pathToFileURL(tmp).href, name: 'desk'}],
    capabilities: {}
  })
  expect(result.capabilities.codeActionProvider).toBeTruthy()
  expect(result.capabilities.documentFormattingProvider).toBeUndefined()
  await connection.sendNotification(InitializedNotification.type, {})
})

afterAll(async () => {
  try {
    await connection.sendRequest(ShutdownRequest.type)
    await connection.sendNotification(ExitNotification.type)
  } catch {
    // The server may already be gone.
  }
  connection.dispose()
  child.kill()
  fs.rmSync(tmp, {recursive: true, force: true})
})

describe('copydesk language server', () => {
  it('publishes the same warnings as the command line, same ids and ranges', async () => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: uriOf('story.txt'), languageId: 'plaintext', version: 1, text: seed}
    })
    const params = await waitFor((p) => p.uri === uriOf('story.txt') && p.version === 1)
    const expected = cliMessages('story.txt').map(
      (m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`
    )
    expect(expected).toHaveLength(10)
    expect(summary(params.diagnostics)).toEqual(expected)
    const decade = params.diagnostics.find((d) => d.range.start.line === 10)!
    expect(decade).toMatchObject({source: 'copydesk', code: 'malformed-ordinal', severity: 2})
    expect(decade.message).toMatch(
      /^Unexpected decade in Chinese order `the 20s of the 80th century`, expected `the 1980s`\n/
    )
    expect(decade.codeDescription?.href).toMatch(/docs\/rules\.md#malformed-ordinal$/)
  })

  it('offers the suggested replacement as a quick fix', async () => {
    const params = await waitFor((p) => p.uri === uriOf('story.txt') && p.version === 1)
    const ordinal = params.diagnostics.find((d) => d.code === 'malformed-ordinal' && d.range.start.line === 0)!
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: uriOf('story.txt')},
      range: ordinal.range,
      context: {diagnostics: [ordinal]}
    })
    expect(actions).toHaveLength(1)
    const action = actions![0] as {
      title: string
      isPreferred?: boolean
      edit?: {changes?: Record<string, Array<{newText: string; range: unknown}>>}
    }
    expect(action.title).toBe('Replace `20` with `20th`')
    expect(action.isPreferred).toBe(true)
    expect(action.edit!.changes![uriOf('story.txt')]).toEqual([{range: ordinal.range, newText: '20th'}])
  })

  it('drops a diagnostic once the text is fixed', async () => {
    const fixed = seed.replace('the 20s of the 80th century', 'the 1980s')
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri: uriOf('story.txt'), version: 2},
      contentChanges: [{text: fixed}]
    })
    const params = await waitFor((p) => p.uri === uriOf('story.txt') && p.version === 2)
    expect(params.diagnostics).toHaveLength(9)
    expect(params.diagnostics.some((d) => d.range.start.line === 10)).toBe(false)
  })

  it('publishes what the command line gives for each version of a long document edited in places', async () => {
    // Seven copies of the seed story (far more than one parsed piece): the server reuses the
    // pieces an edit leaves alone, and every version must still get the command line's answer.
    let text = Array(7).fill(seed).join('\n\n')
    const edits = [
      (t: string) => t.replace('the 20s of the 80th century', 'the 1980s'),
      (t: string) => t + '\n\nThe 21th Expo drew 3800,6500 visitors.\n',
      (t: string) => {
        const middle = t.indexOf('\n\n', t.length >> 1)
        return t.slice(0, middle) + ' Sales rose 130 percent of the total.' + t.slice(middle)
      },
      (t: string) => t.slice(t.indexOf('\n\n') + 2)
    ]
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: uriOf('long.txt'), languageId: 'plaintext', version: 1, text}
    })
    await waitFor((p) => p.uri === uriOf('long.txt') && p.version === 1)
    for (const [index, edit] of edits.entries()) {
      text = edit(text)
      const version = index + 2
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri: uriOf('long.txt'), version},
        contentChanges: [{text}]
      })
      const params = await waitFor((p) => p.uri === uriOf('long.txt') && p.version === version)
      fs.writeFileSync(path.join(tmp, 'long.txt'), text)
      const expected = cliMessages('long.txt').map(
        (m) => `${m.ruleId} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`
      )
      expect(expected.length).toBeGreaterThan(10)
      expect(summary(params.diagnostics)).toEqual(expected)
    }
  })

  it('points a repeated name back to its first mention', async () => {
    const text = 'Cong Liang, deputy director of the commission, said so.\n\nCong Lian said more.\n'
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: uriOf('names.txt'), languageId: 'plaintext', version: 1, text}
    })
    const params = await waitFor((p) => p.uri === uriOf('names.txt'))
    expect(params.diagnostics).toHaveLength(1)
    expect(params.diagnostics[0].relatedInformation).toEqual([
      {
        location: {uri: uriOf('names.txt'), range: {start: {line: 0, character: 0}, end: {line: 0, character: 10}}},
        message: 'First written `Cong Liang` here'
      }
    ])
  })

  it('warms up before answering initialize without publishing or writing anything of its own', async () => {
    await waitFor((p) => p.uri === uriOf('story.txt'))
    expect(published.filter((p) => p.uri.includes('copydesk-warm-up'))).toEqual([])
    expect(fs.readdirSync(tmp).filter((name) => name.includes('warm-up'))).toEqual([])
  })

  it('survives malformed JSON-RPC and unknown methods', async () => {
    child.stdin.write('Content-Length: 9\r\n\r\n{"bad":!}')
    await expect(connection.sendRequest('copydesk/noSuchMethod', {})).rejects.toThrow(/Unhandled method|not found/i)
    // Still answering.
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri: uriOf('story.txt')},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}},
      context: {diagnostics: []}
    })
    expect(actions).toEqual([])
  })

  it('lints a 1 MB document', async () => {
    const big = (seed + '\n\n').repeat(Math.ceil(1_000_000 / seed.length))
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri: uriOf('big.txt'), languageId: 'plaintext', version: 1, text: big}
    })
    const params = await waitFor((p) => p.uri === uriOf('big.txt'), 60000)
    expect(params.diagnostics.length).toBeGreaterThanOrEqual(10)
  }, 90000)

  it('takes 100 edits in a burst and publishes the last version, not a queue of old ones', async () => {
    const uri = uriOf('burst.txt')
    let text = 'Nearly 2000,18 enterprises took part.\n'
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'plaintext', version: 1, text}
    })
    for (let version = 2; version <= 101; version++) {
      text += `Line ${version} of the 21th session.\n`
      void connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri, version},
        contentChanges: [{text}]
      })
    }
    const last = await waitFor((p) => p.uri === uri && p.version === 101, 60000)
    expect(last.diagnostics).toHaveLength(101)
    const forBurst = published.filter((p) => p.uri === uri)
    // Versions only go up, and far fewer than 100 lints ran.
    const versions = forBurst.map((p) => p.version ?? 0)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    expect(forBurst.length).toBeLessThan(50)
  }, 90000)
})
