/**
 * The VS Code extension: `npm run vsix` packages a .vsix whose bundled
 * language server runs on its own (no node_modules) and lints a document.
 */
import {execFileSync, spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol'
import {root} from './helpers.js'

describe('VS Code extension package', () => {
  it('packages a .vsix with the extension, the server and its data', {timeout: 180000}, async () => {
    execFileSync(process.execPath, [path.join(root, 'editors', 'vscode', 'build.mjs')], {cwd: root, stdio: 'pipe'})
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'editors', 'vscode', 'package.json'), 'utf8'))
    const vsix = path.join(root, 'editors', 'vscode', `${manifest.name}-${manifest.version}.vsix`)
    expect(fs.existsSync(vsix)).toBe(true)
    expect(manifest.activationEvents).toEqual(['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:html'])

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-vsix-'))
    execFileSync('python3', ['-m', 'zipfile', '-e', vsix, out])
    for (const file of [
      'extension/package.json',
      'extension/out/extension.js',
      'extension/server/server.mjs',
      'extension/data/officeholders.yaml',
      'extension/dist/data/officeholders.json',
      'extension.vsixmanifest'
    ]) {
      expect(fs.existsSync(path.join(out, file)), file).toBe(true)
    }
    expect(fs.existsSync(path.join(out, 'extension', 'node_modules'))).toBe(false)

    // The bundled server, alone, lints a story.
    const server = spawn(process.execPath, [path.join(out, 'extension', 'server', 'server.mjs'), '--stdio'], {cwd: out})
    const connection = createMessageConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin)
    )
    let stderr = ''
    server.stderr.on('data', (d) => (stderr += d))
    const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      connection.onNotification(PublishDiagnosticsNotification.type, resolve)
      server.on('exit', (code) => reject(new Error(`the bundled server exited (${code}): ${stderr}`)))
      setTimeout(() => reject(new Error(`no diagnostics from the bundled server: ${stderr}`)), 30000)
    })
    connection.listen()
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(out).href,
      capabilities: {},
      workspaceFolders: null
    })
    await connection.sendNotification(InitializedNotification.type, {})
    const uri = pathToFileURL(path.join(out, 'story.md')).href
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'markdown',
        version: 1,
        text: '# Expo\n\nIt has entered the market since the 20s of the 80th century.\n'
      }
    })
    const params = await published
    expect(params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['malformed-ordinal', 2, 32]
    ])
    connection.dispose()
    server.kill()
    fs.rmSync(out, {recursive: true, force: true})
  })
})
