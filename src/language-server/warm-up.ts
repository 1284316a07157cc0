/**
 * Warming the lint path up while the editor is still opening files. The first
 * lints of a fresh process run copydesk's code before V8 has compiled it (and
 * build the processor, read the knowledge base): the first few edits of a story
 * took two to three times as long as the rest, which is what a writer notices.
 * A few lints of a short story written for this purpose, one per turn of the
 * event loop, compile that code before the first document needs it; their
 * messages are thrown away. A real document never waits for more than one of
 * them (each is a few milliseconds).
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {lintWithSettings} from '../config/lint-file.js'
import type {Workspace} from './workspaces.js'

/** Every rule finds something to read here: figures, shares, dates, ages, titles and names. */
const STORY = [
  'Harbourton, March 4 (Wire) -- More than 2,400 exhibitors from 31 countries took part in the 12th Northern',
  'Harbour Trade Fair, which opened on Tuesday, organisers said. Sales rose from 1.2 billion euros in 2022 to',
  '1.5 billion euros in 2023, an increase of 25 percent; of the 470 contracts signed, 320 were in shipping.',
  '',
  'Trade Minister Lena Hartwig, 52, said the fair, founded in 2012, had doubled in size. "We expect 3,000',
  'exhibitors next year," Hartwig said. About 45% of visitors came from abroad, against 38 percent a year earlier.'
].join('\n')

const ROUNDS = 8

/** Lint the warm-up story a few times in `workspace`, yielding to the event loop between lints. */
export async function warmUp(workspace: Workspace): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
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
