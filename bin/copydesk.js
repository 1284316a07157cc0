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
      process.stderr.write(`copydesk: internal error: ${error && error.stack ? error.stack : error}\n`)
      process.exitCode = 3 // EXIT_INTERNAL (src/cli/exit-codes.ts)
    }
  )
