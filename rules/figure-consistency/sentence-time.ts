/**
 * Which sentences speak of another time than the story's own ("last year",
 * "will", "in 2022", "on September 9, 2021"): their figures are not compared
 * with the story's. Shared by the checks of events, ages and counts.
 */
import type {Extraction} from '../../src/extract/index.js'
import {isYear, type Quantities} from '../../src/extract/quantities.js'

export interface SentenceTime {
  /** The sentence speaks of another time or a plan ("last year", "will", "in 2022"). */
  shifted: boolean
}

/** The time of each sentence, by sentence index. */
export function sentenceTimes(extraction: Extraction, quantities: Quantities): Map<number, SentenceTime> {
  const out = new Map<number, SentenceTime>()
  const {tokens, lexicon, tokenSentence} = extraction
  for (let i = 0; i < tokens.length; i++) {
    const sentence = tokenSentence[i]
    const entry = out.get(sentence) ?? {shifted: false}
    const token = tokens[i]
    if (token.kind === 'word' && lexicon.timeShiftWords.has(token.lower)) entry.shifted = true
    out.set(sentence, entry)
  }
  for (const figure of quantities.figures) if (isYear(figure)) out.get(tokenSentence[figure.first])!.shifted = true
  for (const date of extraction.dates)
    if (date.year !== undefined) out.get(tokenSentence[date.monthToken])!.shifted = true
  return out
}
