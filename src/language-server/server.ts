/**
 * The copydesk language server (LSP over stdio).
 *
 * Modelled on unified-language-server (the same document sync, diagnostic
 * mapping and quick fixes from each message's `expected`), on the same
 * libraries (vscode-languageserver, unist-util-lsp), with what it lacks for
 * copy desks: the command line's config and ignore files (workspaces.ts), the
 * command line's lint path (lint-document.ts), related information pointing
 * back to a first mention (diagnostics.ts), at most one lint running and one
 * waiting per document (scheduler.ts), and no formatting provider (a linter
 * must not rewrite a story).
 *
 * `initializationOptions.maxSize`: the largest story in megabytes, as
 * `--max-size` on the command line (default 16).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  type InitializeParams
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {debugging} from '../config/debug.js'
import {quickFixes} from './code-actions.js'
import {failureDiagnostic, toDiagnostic} from './diagnostics.js'
import {lintDocument} from './lint-document.js'
import {PieceCache} from '../core/english.js'
import {LintScheduler} from './scheduler.js'
import {warmUp} from './warm-up.js'
import {Workspaces} from './workspaces.js'

export interface ServerOptions {
  /** Today (YYYY-MM-DD), for tests. */
  today?: string
  /** Largest story, in characters; `initializationOptions.maxSize` (megabytes) wins. */
  maxSize?: number
  /** Lint a short story a few times before answering `initialize` (default true). */
  warmUp?: boolean
}

export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all),
  options: ServerOptions = {}
): Connection {
  const documents = new TextDocuments(TextDocument)
  /** Each open document's parsed pieces, reused by its next version (typing changes one or two). */
  const pieceCaches = new Map<string, PieceCache>()
  let workspaces = new Workspaces({today: options.today, maxSize: options.maxSize})
  let hasConfigurationCapability = false

  /** Lint the document's current version and publish, unless a newer one arrived meanwhile. */
  async function lintVersion(uri: string): Promise<boolean> {
    const document = documents.get(uri)
    if (!document) return false
    const version = document.version
    let diagnostics: Diagnostic[] = []
    try {
      let pieces = pieceCaches.get(uri)
      if (!pieces) pieceCaches.set(uri, (pieces = new PieceCache()))
      const file = await lintDocument(document, workspaces, pieces)
      if (file) diagnostics = file.messages.map((message) => toDiagnostic(message, uri))
    } catch (error) {
      // The editor's log gets one line; the stack only with COPYDESK_DEBUG set for the server.
      const detail = error instanceof Error ? (debugging() ? error.stack : error.message.split('\n')[0]) : error
      connection.console.error(`copydesk: ${detail}`)
      diagnostics = [failureDiagnostic(error)]
    }
    if (documents.get(uri)?.version === version) await connection.sendDiagnostics({uri, version, diagnostics})
    return true
  }
  const scheduler = new LintScheduler(lintVersion)

  connection.onInitialize(async (params: InitializeParams) => {
    const maxSize = (params.initializationOptions as {maxSize?: unknown} | undefined)?.maxSize
    if (typeof maxSize === 'number' && maxSize > 0) {
      workspaces = new Workspaces({today: options.today, maxSize: Math.round(maxSize * 1024 * 1024)})
    }
    workspaces.add((params.workspaceFolders ?? []).map((folder) => folder.uri))
    if (workspaces.size === 0 && params.rootUri) workspaces.add([params.rootUri])
    hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration)
    const firstFolder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined
    if (options.warmUp !== false && firstFolder?.startsWith('file:')) {
      await warmUp(workspaces.of(firstFolder.replace(/\/?$/, '/copydesk-warm-up.txt')))
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]}
      },
      serverInfo: {name: 'copydesk-language-server'}
    }
  })

  connection.onInitialized(() => {
    if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, undefined)
  })

  documents.onDidChangeContent((event) => scheduler.schedule(event.document.uri))

  documents.onDidClose((event) => {
    scheduler.forget(event.document.uri)
    pieceCaches.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  // A changed .copydeskrc, house list or ignore file: read them again and re-lint.
  const relintAll = () => {
    workspaces.clear()
    for (const document of documents.all()) scheduler.schedule(document.uri)
  }
  connection.onDidChangeWatchedFiles(relintAll)
  connection.onDidChangeConfiguration(relintAll)

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    return document ? quickFixes(document, params) : []
  })

  documents.listen(connection)
  connection.listen()
  return connection
}
