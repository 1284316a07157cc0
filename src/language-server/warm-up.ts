/**
 * Warming the lint path up before the server answers `initialize`. The first
 * lints of a fresh process run copydesk's code before V8 has optimised it (and
 * build the processor, read the knowledge base): the first edits of a story took
 * up to twice as long as the rest, which is what a writer notices and what set
 * the 95th percentile of `npm run bench:lsp`. A dozen lints of a story written
 * for this purpose (about as long as a long news story) compile that code first;
 * their messages are thrown away. It takes a fraction of a second, never more
 * than WARM_UP_MS, and no document waits behind it: the editor sends none before
 * the answer. Measured with bench:lsp on this 2-core machine, three runs each:
 * 95th percentile 36-49 ms with it, 51-61 ms without.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {lintWithSettings} from '../config/lint-file.js'
import type {Workspace} from './workspaces.js'

/** Every rule finds something to read here: figures, shares, dates, ages, titles and names (repeated). */
const STORY = [
  'Harbourton, March 4 (Wire) -- More than 2,400 exhibitors from 31 countries took part in the 12th Northern',
  'Harbour Trade Fair, which opened on Tuesday, organisers said. Sales rose from 1.2 billion euros in 2022 to',
  '1.5 billion euros in 2023, an increase of 25 percent; of the 470 contracts signed, 320 were in shipping.',
  '',
  'Trade Minister Lena Hartwig, 52, said the fair, founded in 2012, had doubled in size. "We expect 3,000',
  'exhibitors next year," Hartwig said. About 45% of visitors came from abroad, against 38 percent a year earlier.'
]
  .join('\n')
  .concat('\n\n')
  .repeat(20)

const ROUNDS = 12
const WARM_UP_MS = 1500

/** Lint the warm-up story a few times in `workspace`, yielding to the event loop between lints. */
export async function warmUp(workspace: Workspace): Promise<void> {
  const start = Date.now()
  for (let round = 0; round < ROUNDS && Date.now() - start < WARM_UP_MS; round++) {
    await new Promise((resolve) => setImmediate(resolve))
    const file = new VFile({cwd: workspace.folder, path: path.join(workspace.folder, 'copydesk-warm-up.txt')})
    file.value = STORY
    try {
      await lintWithSettings(file, workspace.resolver)
    } catch {
      // A broken config shows on the first real document; the warm-up says nothing.
      return
    }
  }
}
