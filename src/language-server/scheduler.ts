/**
 * When to lint a document: at most one lint running and one waiting per
 * document (typing never queues work), a burst of edits linted at its last
 * version, and a result never published over a newer version.
 */

/** Pause before re-linting a document that changed while it was being linted. */
const BURST_PAUSE_MS = 15

interface DocumentState {
  running: boolean
  /** A newer version is waiting to be linted. */
  pending: boolean
}

/**
 * `lintVersion(uri)` lints the document's current version and publishes the
 * result unless a newer version has arrived meanwhile; it resolves to false
 * when the document is gone.
 */
export class LintScheduler {
  private readonly states = new Map<string, DocumentState>()
  private readonly lintVersion: (uri: string) => Promise<boolean>

  constructor(lintVersion: (uri: string) => Promise<boolean>) {
    this.lintVersion = lintVersion
  }

  /** Lint a document now, or once the lint under way ends: never more than one waiting. */
  schedule(uri: string): void {
    let state = this.states.get(uri)
    if (!state) {
      state = {running: false, pending: false}
      this.states.set(uri, state)
    }
    if (state.running) {
      state.pending = true
      return
    }
    void this.run(uri, state)
  }

  forget(uri: string): void {
    this.states.delete(uri)
  }

  private async run(uri: string, state: DocumentState): Promise<void> {
    state.running = true
    try {
      for (let round = 0; ; round++) {
        // Let notifications already received land first; in a burst of edits (a
        // newer version arrived while linting), wait a moment more, so the burst
        // is linted at its last version rather than once per keystroke.
        await new Promise((resolve) => (round === 0 ? setImmediate(resolve) : setTimeout(resolve, BURST_PAUSE_MS)))
        state.pending = false
        if (!(await this.lintVersion(uri))) return
        if (!state.pending) return
      }
    } finally {
      state.running = false
    }
  }
}
