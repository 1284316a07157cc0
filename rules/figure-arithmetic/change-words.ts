/**
 * Words that state a rise or a fall ("rose", "an increase", "down"), read from
 * the lexicon. Shared by the checks of changes and of shares (a change word
 * ends a list of shares).
 */
import type {Extraction} from '../../src/extract/index.js'

/** A rise (1), a fall (-1), or a change whose sign the endpoints give (0). */
export type Direction = 1 | -1 | 0

/** The direction the word at token `at` states, if it is a change word. */
export function directionOf(extraction: Extraction, at: number): Direction | undefined {
  const token = extraction.tokens[at]
  if (!token || token.kind !== 'word') return undefined
  const {lexicon} = extraction
  if (lexicon.changeUp.has(token.lower)) return 1
  if (lexicon.changeDown.has(token.lower)) return -1
  if (lexicon.changeNeutral.has(token.lower)) return 0
  return undefined
}
