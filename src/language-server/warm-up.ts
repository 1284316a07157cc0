/**
 * Warming the lint path up before the server answers `initialize`. The first
 * lints of a fresh process run copydesk's code before V8 has optimised it (and
 * build the processor, read the knowledge base): the first edits of a story took
 * up to twice as long as the rest, which is what a writer notices and what set
 * the 95th percentile of `npm run bench:lsp`. Two dozen lints of a story written
 * for this purpose (about as long as a long news story, typed a sentence more
 * each round) compile that code first; their messages are thrown away. It takes
 * one to two seconds on this 2-core machine, never more than WARM_UP_MS, and no
 * document waits behind it: the editor sends none before the answer.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {lintWithSettings} from '../config/lint-file.js'
import {PieceCache} from '../core/english.js'
import type {Workspace} from './workspaces.js'

/**
 * Every rule finds something to read here, and most something to report: the
 * paths that build messages are compiled too. Without errors in it, the first
 * dozen edits of a story that has some took 40-110 ms against 10-20 after.
 * A story written for this purpose; every name in it is made up.
 */
const STORY = [
  'Harbourton, March 4, 2025 (Wire) -- More than 2,400 exhibitors from 31 countries took part in the 12th',
  'Northern Harbour Trade Fair, which opened on Tuesday, organisers said. Sales rose from 1.2 billion euros in',
  '2022 to 1.5 billion euros in 2023, an increase of 25 percent; of the 470 contracts signed, 320 were in',
  'shipping. About 2,000 buyers attended, organisers said.',
  '',
  'Trade Minister Lena Hartwig, 52, said the fair, founded in 2012, had doubled in size. "We expect 3,000',
  'exhibitors next year," Hartwig said. About 45% of visitors came from abroad, against 38 percent a year earlier.',
  '',
  'The region, home to more than 19 billion people, has traded with the port since the 90s of the last century.',
  'The 21th edition of the forum drew 4200,7300 delegates and a total investment of <>.<> billion euros;',
  'turnover grew 1.2.3% and 130 percent of voters agreed.',
  '',
  'Trade Minister Lena Hartwik said the talks would end on February 30. Nearly 1,500 buyers attended,',
  "organisers said. Exports tripled from 200 tonnes to 300 tonnes. The fleet's captain retired on Monday, March 5, 2025."
]
  .join('\n')
  .concat('\n\n')
  .repeat(6)

const ROUNDS = 24
const WARM_UP_MS = 2500

/** Lint the warm-up story a few times in `workspace`, yielding to the event loop between lints. */
export async function warmUp(workspace: Workspace): Promise<void> {
  const start = Date.now()
  const pieces = new PieceCache()
  for (let round = 0; round < ROUNDS && Date.now() - start < WARM_UP_MS; round++) {
    await new Promise((resolve) => setImmediate(resolve))
    const file = new VFile({cwd: workspace.folder, path: path.join(workspace.folder, 'copydesk-warm-up.txt')})
    // Typed as an editor types it: a sentence more each round, the unchanged pieces reused.
    file.value = STORY + `Round ${round}: more than ${round + 2},000 visitors came.`.repeat(round)
    file.data.pieceCache = pieces
    try {
      await lintWithSettings(file, workspace.resolver)
    } catch {
      // A broken config shows on the first real document; the warm-up says nothing.
      return
    }
  }
}
