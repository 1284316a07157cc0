/**
 * Entry point of the language server process: LSP over standard input and
 * output unless another transport is named (--node-ipc, --socket=N, --pipe=NAME).
 */
import {startServer} from './server.js'

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe']
if (!process.argv.slice(2).some((arg) => transports.some((t) => arg === t || arg.startsWith(t + '=')))) {
  process.argv.push('--stdio')
}
// A bug in one lint must not take the editor's linter down with it.
process.on('uncaughtException', (error) => {
  process.stderr.write(`copydesk-language-server: ${error.stack ?? error}\n`)
})
startServer()
