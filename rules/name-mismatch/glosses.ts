/**
 * A gloss in brackets that repeats the name it glosses: "Malaysia (Malaysia)".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {fold} from '../../src/knowledge/normalize.js'

export function checkGlosses(extraction: Extraction, report: Report): void {
  for (const bracket of extraction.parentheticals) {
    if (bracket.introducer || !bracket.before) continue
    const innerWords = bracket.inner.split(/\s+/)
    const before = bracket.before.words
    if (innerWords.length > before.length) continue
    const tail = before.slice(before.length - innerWords.length)
    if (fold(tail.join(' ')) !== fold(innerWords.join(' '))) continue
    const firstToken =
      bracket.before.last - countTokens(extraction, bracket.before.first, bracket.before.last, innerWords.length) + 1
    const start = extraction.tokens[firstToken].start
    const actual = extraction.text.slice(start, bracket.end)
    const name = extraction.text.slice(start, bracket.start).trimEnd()
    report(start, bracket.end, `Unexpected gloss ${code(actual)}: the bracket repeats the name it glosses`, {
      actual,
      expected: [name],
      note: 'A gloss in brackets should give another form of the name (a translation, a former name, an abbreviation); this one repeats it.'
    })
  }
}

/** How many tokens at the end of a chain hold its last `words` words. */
function countTokens(extraction: Extraction, first: number, last: number, words: number): number {
  let n = 0
  let seen = 0
  for (let i = last; i >= first && seen < words; i--) {
    n++
    if (extraction.tokens[i].kind === 'word') seen++
  }
  return n
}
