/**
 * The `related` entry of a message: where the story first stated the value a
 * later statement contradicts (Vale's `cause`, with a place).
 */
import {code} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'

export function firstStatedHere(
  extraction: Extraction,
  start: number,
  end: number,
  what: string
): Array<{start: number; end: number; message: string}> {
  const shown = code(extraction.text.slice(start, end))
  return [{start, end, message: `First stated as ${shown} here${what ? ` (${what})` : ''}`}]
}
