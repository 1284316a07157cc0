#!/usr/bin/env node
// Language server latency: time from a change notification to the diagnostics for
// that version, for a 2,000-word story over 50 edits (one at a time, as typing
// pauses between words). Prints median and 95th percentile. `--json` for JSON.
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification
} from 'vscode-languageserver-protocol'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const edits = 50
const seed = fs.readFileSync(path.join(root, 'fixtures', 'seed', 'china-asean-expo.txt'), 'utf8')
const clean = fs
  .readdirSync(path.join(root, 'fixtures', 'clean-wikinews'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
let story = seed
for (const name of clean) {
  if (story.split(/\s+/).length >= 2000) break
  story += '\n\n' + fs.readFileSync(path.join(root, 'fixtures', 'clean-wikinews', name), 'utf8')
}
story = story.split(/(\s+)/).slice(0, 4000).join('')
const words = story.split(/\s+/).filter(Boolean).length

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-lsp-'))
const server = spawn(process.execPath, [path.join(root, 'bin', 'copydesk-language-server.js'), '--stdio'], {cwd: dir})
const connection = createMessageConnection(
  new StreamMessageReader(server.stdout),
  new StreamMessageWriter(server.stdin)
)
const waiting = new Map()
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  const resolve = waiting.get(params.version)
  if (resolve) resolve(performance.now())
})
connection.listen()
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(dir).href,
  capabilities: {},
  workspaceFolders: null
})
await connection.sendNotification(InitializedNotification.type, {})
const uri = pathToFileURL(path.join(dir, 'story.txt')).href
const opened = new Promise((resolve) => waiting.set(1, resolve))
await connection.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: {uri, languageId: 'plaintext', version: 1, text: story}
})
await opened

const times = []
let line = story.split('\n').length
for (let version = 2; version <= edits + 1; version++) {
  // Type a sentence at the end of the story (an incremental change).
  const insert = `\nEdit ${version}: more than ${version},000 visitors came.`
  const done = new Promise((resolve) => waiting.set(version, resolve))
  const start = performance.now()
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: {uri, version},
    contentChanges: [
      {range: {start: {line: line - 1, character: 100000}, end: {line: line - 1, character: 100000}}, text: insert}
    ]
  })
  const end = await done
  times.push(end - start)
  line++
}
connection.dispose()
server.kill()
fs.rmSync(dir, {recursive: true, force: true})

times.sort((a, b) => a - b)
const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]
const result = {
  words,
  edits,
  medianMs: Number(pct(50).toFixed(1)),
  p95Ms: Number(pct(95).toFixed(1)),
  maxMs: Number(times[times.length - 1].toFixed(1))
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result))
else {
  console.log(`copydesk language server: change -> diagnostics, ${words}-word story, ${edits} edits`)
  console.log(
    `median ${result.medianMs} ms, 95th percentile ${result.p95Ms} ms, max ${result.maxMs} ms (target: p95 under 30 ms)`
  )
}
