/**
 * Stated changes: "rose from 200 million yuan to 300 million yuan, an increase
 * of 40 percent". Finds a pair of endpoints with a change word, and the change
 * stated before or after them; `stated-change.ts` does the arithmetic.
 */
import type {Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import type {Quantities} from '../../src/extract/quantities.js'
import {directionOf} from './change-words.js'
import {endpointPair} from './endpoints.js'
import {checkStatedChange, type StatedChange} from './stated-change.js'

export function checkChanges(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens} = extraction
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]
    if (token.kind !== 'word') continue
    // "from A to B" ("from 200 tonnes to 300 tonnes"), or "to B from A" ("rose 3% to 103 from 100").
    if (token.lower !== 'from' && token.lower !== 'to') continue
    const pair = endpointPair(extraction, quantities, at, token.lower === 'from' ? 'to' : 'from')
    if (!pair) continue
    const [from, to] = token.lower === 'from' ? [pair.first, pair.second] : [pair.second, pair.first]
    let last = pair.last
    if (extraction.tokenSentence[at] !== extraction.tokenSentence[last]) continue
    // Only a change has a stated rise or fall: "rose from", "an increase of 5% from", "rose 3% to";
    // a bare "from 200 to 300" is a range.
    const before = statedBefore(extraction, quantities, at)
    if (!before && !changeWordBefore(extraction, quantities, at)) continue
    const unit = pair.unit
    if (before) checkStatedChange(extraction, quantities, from, to, unit, before, report)
    // "from 1,000 to 800 units, down 20%": a unit noun after the pair.
    const trailing = tokens[last + 1]
    if (
      trailing?.kind === 'word' &&
      !isCapitalized(trailing) &&
      (tokens[last + 2]?.text === ',' || tokens[last + 2]?.text === '(')
    )
      last++
    const after = statedAfter(extraction, quantities, last)
    if (after) checkStatedChange(extraction, quantities, from, to, unit, after, report)
  }
}

/** "rose 50% from", "an increase of 50% from", "a 50% increase from", before the pair at `at`. */
function statedBefore(extraction: Extraction, quantities: Quantities, at: number): StatedChange | undefined {
  const {tokens} = extraction
  let i = at - 1
  if (tokens[i]?.text === ',') i--
  const figure = quantities.byLast.get(i)
  if (figure) {
    let k = quantities.leadOf.get(figure)! - 1
    if (tokens[k]?.lower === 'by' || tokens[k]?.lower === 'of') k--
    const direction = directionOf(extraction, k)
    if (direction !== undefined) return {figure, direction}
    return undefined
  }
  // "a 50% increase from"
  const direction = directionOf(extraction, i)
  const before = quantities.byLast.get(i - 1)
  if (direction !== undefined && before && /^an?$/.test(tokens[quantities.leadOf.get(before)! - 1]?.lower ?? ''))
    return {figure: before, direction}
  return undefined
}

/** ", an increase of 40 percent", "(up 40%)", ", or a 40% rise", after the pair ending at `end`. */
function statedAfter(extraction: Extraction, quantities: Quantities, end: number): StatedChange | undefined {
  const {tokens, lexicon} = extraction
  let i = end + 1
  const open = tokens[i]?.text
  if (open !== ',' && open !== '(') return undefined
  i++
  let direction: StatedChange['direction'] | undefined
  for (let steps = 0; steps < 5; steps++) {
    const token = tokens[i]
    if (!token) return undefined
    const figure = quantities.byLead.get(i)
    if (figure) {
      if (direction !== undefined) return {figure, direction}
      // "a 40% increase"
      const after = directionOf(extraction, figure.exprLast + 1)
      if (after !== undefined && /^an?$/.test(tokens[i - 1]?.lower ?? '')) return {figure, direction: after}
      return undefined
    }
    if (token.kind !== 'word') return undefined
    const stated = directionOf(extraction, i)
    if (stated !== undefined) {
      direction = stated
    } else if ((token.lower === 'of' || token.lower === 'by') && direction !== undefined) {
      // "an increase of"
    } else if (!lexicon.changeLeadIns.has(token.lower) || direction !== undefined) {
      return undefined
    }
    i++
  }
  return undefined
}

/** A change word just before "from"/"to", perhaps with "by" or "sharply": "rose from", "increased sharply from". */
function changeWordBefore(extraction: Extraction, quantities: Quantities, at: number): boolean {
  for (let i = at - 1; i >= at - 3 && i >= 0; i--) {
    const token = extraction.tokens[i]
    if (token.kind !== 'word' || quantities.byLast.has(i)) return false
    if (directionOf(extraction, i) !== undefined) return true
  }
  return false
}
