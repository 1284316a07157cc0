/**
 * Writing to standard output and standard error when the reader may go away:
 * `copydesk --report json archive | head -c 100` closes the pipe after a few
 * bytes, and Node reports the failed write as an 'error' event that, unheard,
 * ends the process with a stack trace. A closed pipe ends the run quietly: the
 * rest of the report goes nowhere and the exit code is the run's own, as if
 * the report had been read to the end. Any other write error (a full disk) is
 * one line and exit 2.
 */
import {EXIT_USAGE} from './exit-codes.js'

const guarded = new WeakSet<object>()

/** Handle write errors on the run's output streams (once per stream). */
export function guardOutput(
  streams: NodeJS.WritableStream[],
  exit: (code: number) => void = (code) => process.exit(code)
): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue
    guarded.add(stream)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return
      // Standard error may be the stream that failed: a line there is a best effort.
      if (stream !== process.stderr) {
        try {
          process.stderr.write(`copydesk: cannot write the report (${error.code ?? error.message})\n`)
        } catch {
          // Nowhere left to say it.
        }
      }
      exit(EXIT_USAGE)
    })
  }
}
