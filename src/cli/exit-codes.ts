/** The command's exit codes, as `copydesk --help` lists them. */

/** No error-level message (warnings only, or none). */
export const EXIT_OK = 0
/** An error-level message, or a warning with `--frail`. */
export const EXIT_LINT = 1
/** A usage error, an invalid config or knowledge file, or input that cannot be read as text. */
export const EXIT_USAGE = 2
/** A bug in copydesk: one line; COPYDESK_DEBUG=1 prints the stack too. */
export const EXIT_INTERNAL = 3
/** Stopped with Ctrl-C before the report. */
export const EXIT_INTERRUPTED = 130
