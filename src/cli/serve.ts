/** `copydesk serve [--port N] [--host H]`: the page for editors, on this machine. */
import process from 'node:process'
import {parseArgs} from 'node:util'
import {EXIT_OK, EXIT_USAGE} from './exit-codes.js'

const HELP = `Usage: copydesk serve [--port 8080] [--host 127.0.0.1]

Serves the copydesk page on this machine; stories are linted in the browser and never uploaded.
`

export interface ServeIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export async function serve(argv: string[], io: ServeIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`copydesk: ${message}\n`)
    return EXIT_USAGE
  }
  let values: {port?: string; host?: string; help?: boolean}
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {port: {type: 'string', short: 'p'}, host: {type: 'string'}, help: {type: 'boolean', short: 'h'}}
    }).values
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see copydesk serve --help)`)
  }
  if (values.help) {
    io.stdout.write(HELP)
    return EXIT_OK
  }
  const port = values.port === undefined ? 8080 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be a port number, not \`${values.port}\``)
  const host = values.host ?? '127.0.0.1'
  const {startServer, pageUrl} = await import('../page-server/server.js')
  let server
  try {
    server = await startServer({port, host})
  } catch (error) {
    return fail((error as Error).message)
  }
  io.stdout.write(`copydesk page: ${pageUrl(server)} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = () => void server.stop().then(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT_OK
}
