/**
 * The exit code of a run counted file by file, for the reports that never hold
 * every file at once (`--report jsonl`, `copydesk merge`): the same decision
 * as report.ts makes over a whole run (exit-codes.ts).
 */
import type {VFileMessage} from 'vfile-message'
import {EXIT_LINT, EXIT_OK, EXIT_USAGE} from './exit-codes.js'
import {isLintMessage} from './report.js'

export interface CountedMessage {
  ruleId?: VFileMessage['ruleId']
  source?: VFileMessage['source']
  reason: string
  fatal?: boolean | null
}

export class Verdict {
  errors = 0
  warnings = 0
  /** The first file that could not be linted, as `path: reason`. */
  unreadable?: string

  add(filePath: string | undefined, messages: readonly CountedMessage[]): void {
    for (const message of messages) {
      if (isLintMessage({ruleId: message.ruleId, source: message.source})) {
        if (message.fatal) this.errors++
        else this.warnings++
      } else if (message.fatal) this.unreadable ??= `${filePath}: ${message.reason}`
    }
  }

  /** The exit code; names the unreadable file on `stderr`, as a whole run does. */
  exitCode(frail: boolean, stderr: NodeJS.WritableStream): number {
    if (this.unreadable) {
      stderr.write(`copydesk: ${this.unreadable}\n`)
      return EXIT_USAGE
    }
    return this.errors > 0 || (frail && this.warnings > 0) ? EXIT_LINT : EXIT_OK
  }
}
