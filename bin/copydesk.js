#!/usr/bin/env node
// The `copydesk` command: its bundle when built (see bundle-loader.js), else its modules.
import {loadMain} from './bundle-loader.js'

loadMain()
  .then((main) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      // One line; the stack only when asked for (COPYDESK_DEBUG=1), as src/cli/output.ts reads it.
      const debug = !['', '0', undefined].includes(process.env.COPYDESK_DEBUG)
      const text = error instanceof Error ? (debug ? error.stack : `${error.name}: ${error.message}`) : String(error)
      const line = debug
        ? text
        : text.split('\n')[0] + ' (a bug in copydesk: please report it; COPYDESK_DEBUG=1 prints the stack)'
      process.stderr.write(`copydesk: internal error: ${line}\n`)
      process.exitCode = 3 // EXIT_INTERNAL (src/cli/exit-codes.ts)
    }
  )
