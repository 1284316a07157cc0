/**
 * The copydesk extension: starts the bundled copydesk language server and
 * attaches it to plain text, Markdown and HTML documents.
 */
import * as path from 'node:path'
import {workspace, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

export async function activate(context: ExtensionContext): Promise<void> {
  if (!workspace.getConfiguration('copydesk').get<boolean>('enable', true)) return
  const module = context.asAbsolutePath(path.join('server', 'server.mjs'))
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.stdio},
    debug: {module, transport: TransportKind.stdio, options: {execArgv: ['--nolazy', '--inspect=6019']}}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'plaintext'},
      {scheme: 'file', language: 'markdown'},
      {scheme: 'file', language: 'html'},
      {scheme: 'untitled', language: 'plaintext'},
      {scheme: 'untitled', language: 'markdown'}
    ],
    synchronize: {
      // Re-lint when a config, house list or ignore file changes.
      fileEvents: workspace.createFileSystemWatcher(
        '**/{.copydeskrc,.copydeskrc.json,.copydeskrc.yaml,.copydeskrc.yml,.copydeskignore,*.yaml,*.yml,*.json}'
      )
    }
  }
  client = new LanguageClient('copydesk', 'copydesk', serverOptions, clientOptions)
  await client.start()
  context.subscriptions.push({dispose: () => void client?.stop()})
}

export async function deactivate(): Promise<void> {
  await client?.stop()
}
