#!/usr/bin/env node
import {EXIT_INTERNAL, main} from '../dist/src/cli/main.js'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`copydesk: internal error: ${error && error.stack ? error.stack : error}\n`)
    process.exitCode = EXIT_INTERNAL
  }
)
