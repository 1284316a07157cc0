/**
 * The copydesk language server (LSP over stdio).
 *
 * Modelled on unified-language-server (the same document sync, diagnostic
 * mapping and quick fixes from each message's `expected`), on the same
 * libraries (vscode-languageserver, unist-util-lsp), with what
 * it lacks for copy desks: copydesk's own config discovery (shared with the
 * command line), related information pointing back to a first mention, at most
 * one lint running and one waiting per document (typing never queues work),
 * results never published over newer ones, and no formatting provider (a
 * linter must not rewrite a story).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fromPosition} from 'unist-util-lsp'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {
  CodeAction,
  CodeActionKind,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  Range,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit,
  type Connection,
  type InitializeParams
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {createEngineProcessor, SettingsResolver} from '../config/settings.js'
import {DataError} from '../knowledge/files.js'
import {sortMessages} from '../index.js'
import {ignoreFilter} from '../cli/archive/pool.js'

/** Pause before re-linting a document that changed while it was being linted. */
const BURST_PAUSE_MS = 15

export interface ServerOptions {
  /** Today (YYYY-MM-DD), for tests. */
  today?: string
}

interface DocumentState {
  running: boolean
  /** A newer version is waiting to be linted. */
  pending: boolean
}

export function startServer(
  connection: Connection = createConnection(ProposedFeatures.all),
  options: ServerOptions = {}
): Connection {
  const documents = new TextDocuments(TextDocument)
  const workspaces: string[] = []
  const resolvers = new Map<string, SettingsResolver>()
  const states = new Map<string, DocumentState>()
  let hasConfigurationCapability = false

  function workspaceOf(uri: string): string {
    const filePath = uri.startsWith('file:') ? fileURLToPath(uri) : uri
    const folder = workspaces
      .filter((w) => filePath === w || filePath.startsWith(w + path.sep))
      .sort((a, b) => b.length - a.length)[0]
    return folder ?? path.dirname(filePath)
  }

  function resolverFor(cwd: string): SettingsResolver {
    let resolver = resolvers.get(cwd)
    if (!resolver) {
      resolver = new SettingsResolver(cwd, {today: options.today})
      resolvers.set(cwd, resolver)
    }
    return resolver
  }

  const processors = new Map<SettingsResolver, ReturnType<ReturnType<typeof createEngineProcessor>>>()
  const ignores = new Map<string, (file: string) => boolean>()

  /**
   * Lint one document version with the command line's processor and settings.
   * The processor (parser and per-file rules) is built once per workspace and the
   * ignore file read once, not on every keystroke, as a run through
   * unified-engine would.
   */
  async function lintDocument(document: TextDocument): Promise<VFile | undefined> {
    const cwd = workspaceOf(document.uri)
    const resolver = resolverFor(cwd)
    const filePath = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : path.join(cwd, 'untitled.txt')
    let ignored = ignores.get(cwd)
    if (!ignored) {
      ignored = ignoreFilter(cwd, {ignoreName: '.copydeskignore'})
      ignores.set(cwd, ignored)
    }
    if (ignored(filePath)) return undefined
    let processor = processors.get(resolver)
    if (!processor) {
      processor = createEngineProcessor(resolver)().freeze()
      processors.set(resolver, processor)
    }
    const file = new VFile({cwd, path: filePath, value: document.getText()})
    try {
      const tree = processor.parse(file)
      await processor.run(tree, file)
    } catch (error) {
      // As unified-engine records a failure: a fatal message with the cause.
      if (!file.messages.includes(error as never))
        file.message('Cannot process file', {cause: error as Error}).fatal = true
    }
    return file
  }

  function toDiagnostic(message: VFileMessage, uri: string): Diagnostic {
    const place = message.place
    const range =
      place && 'start' in place
        ? fromPosition(place)
        : place
          ? Range.create(place.line - 1, place.column - 1, place.line - 1, place.column - 1)
          : Range.create(0, 0, 0, 0)
    const input = message.cause instanceof DataError || message.cause instanceof Error
    const reason = input && message.cause instanceof Error ? message.cause.message : message.reason
    const diagnostic = Diagnostic.create(
      range,
      message.note ? `${reason}\n${message.note}` : reason,
      message.fatal === true
        ? DiagnosticSeverity.Error
        : message.fatal === false
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
      message.ruleId ?? undefined,
      'copydesk'
    )
    if (message.url) diagnostic.codeDescription = {href: message.url}
    if (message.expected) diagnostic.data = {expected: message.expected}
    if (message.related?.length) {
      diagnostic.relatedInformation = message.related.map((r) => ({
        location: {uri, range: fromPosition({start: r.start, end: r.end})},
        message: r.message
      }))
    }
    return diagnostic
  }

  /** Lint a document now, or once the lint under way ends: never more than one waiting. */
  function schedule(uri: string): void {
    let state = states.get(uri)
    if (!state) {
      state = {running: false, pending: false}
      states.set(uri, state)
    }
    if (state.running) {
      state.pending = true
      return
    }
    void run(uri, state)
  }

  async function run(uri: string, state: DocumentState): Promise<void> {
    state.running = true
    try {
      for (let round = 0; ; round++) {
        // Let notifications already received land first; in a burst of edits (a
        // newer version arrived while linting), wait a moment more, so the burst
        // is linted at its last version rather than once per keystroke.
        await new Promise((resolve) => (round === 0 ? setImmediate(resolve) : setTimeout(resolve, BURST_PAUSE_MS)))
        state.pending = false
        const document = documents.get(uri)
        if (!document) return
        const version = document.version
        let diagnostics: Diagnostic[] = []
        try {
          const file = await lintDocument(document)
          if (file) {
            sortMessages(file)
            diagnostics = file.messages.map((m) => toDiagnostic(m, uri))
          }
        } catch (error) {
          connection.console.error(`copydesk: ${(error as Error).stack ?? error}`)
          diagnostics = [
            Diagnostic.create(
              Range.create(0, 0, 0, 0),
              `copydesk could not lint this document: ${(error as Error).message}`,
              DiagnosticSeverity.Error,
              undefined,
              'copydesk'
            )
          ]
        }
        const current = documents.get(uri)
        // A result for an older version is never published over a newer one.
        if (current && current.version === version) {
          await connection.sendDiagnostics({uri, version, diagnostics})
        }
        if (!state.pending) return
      }
    } finally {
      state.running = false
    }
  }

  connection.onInitialize((params: InitializeParams) => {
    for (const folder of params.workspaceFolders ?? []) {
      if (folder.uri.startsWith('file:')) workspaces.push(fileURLToPath(folder.uri))
    }
    if (workspaces.length === 0 && params.rootUri?.startsWith('file:')) workspaces.push(fileURLToPath(params.rootUri))
    hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration)
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

  documents.onDidChangeContent((event) => schedule(event.document.uri))

  documents.onDidClose((event) => {
    states.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  // A changed .copydeskrc, house list or ignore file: read them again and re-lint.
  const relintAll = () => {
    for (const resolver of resolvers.values()) resolver.clear()
    ignores.clear()
    for (const document of documents.all()) schedule(document.uri)
  }
  connection.onDidChangeWatchedFiles(relintAll)
  connection.onDidChangeConfiguration(relintAll)

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = []
    for (const diagnostic of params.context.diagnostics) {
      const expected = (diagnostic.data as {expected?: unknown} | undefined)?.expected
      if (!Array.isArray(expected)) continue
      const actual = document.getText(diagnostic.range)
      for (const replacement of expected) {
        if (typeof replacement !== 'string') continue
        const title = replacement ? `Replace \`${actual}\` with \`${replacement}\`` : `Remove \`${actual}\``
        const action = CodeAction.create(
          title,
          {changes: {[document.uri]: [TextEdit.replace(diagnostic.range, replacement)]}},
          CodeActionKind.QuickFix
        )
        action.diagnostics = [diagnostic]
        if (expected.length === 1) action.isPreferred = true
        actions.push(action)
      }
    }
    return actions
  })

  documents.listen(connection)
  connection.listen()
  return connection
}
