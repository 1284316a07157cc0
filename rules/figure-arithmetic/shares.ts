/**
 * Shares of one whole that add up to more than 100%: "accounted for 60%, 30%
 * and 20% of output, respectively", "accounted for 60% of output, services 30%
 * and farming 20%".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {figureWords, formatNumber, rangeOf, type Quantities} from '../../src/extract/quantities.js'
import {directionOf} from './change-words.js'

/** The whole a share names after it ("60% of output"). */
interface ShareWhole {
  /** Up to three words, without fillers ("the", "its", "all"). */
  words: string
  /** The token after the whole. */
  end: number
  /** "of their respective markets": each part has its own whole. */
  perPart: boolean
}

export function checkShares(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens, lexicon} = extraction
  const used = new Set<Figure>()
  for (const first of quantities.figures) {
    if (used.has(first) || !first.percent || first.percentagePoints || first.approx) continue
    const lead = quantities.leadOf.get(first)!
    const sentenceFirst = quantities.sentenceFirst[lead]
    const sentenceLast = quantities.sentenceLast[lead]
    let verb = lead - 1
    if (tokens[verb]?.lower === 'for' || tokens[verb]?.lower === 'up') verb--
    if (!tokens[verb] || !lexicon.shareVerbs.has(tokens[verb].lower)) continue
    const list = shareList(extraction, quantities, first, sentenceLast)
    if (!list) continue
    const {parts, adjacent} = list
    const last = parts[parts.length - 1]
    // "A, B and C accounted for 60%, 30% and 20% ..., respectively": a list of shares with
    // nothing between them reads as one whole only when the subjects are the list of parts
    // ("Women accounted for 40%, 35% and 44% of seats in France, Germany and Spain,
    // respectively" names three wholes).
    if (adjacent) {
      let after = wholeOf(extraction, last, sentenceLast)?.end ?? last.exprLast + 1
      if (tokens[after]?.text === ',') after++
      if (tokens[after]?.lower !== 'respectively') continue
      let listed = false
      for (let i = sentenceFirst; i < verb; i++) if (tokens[i].text === ',' || tokens[i].lower === 'and') listed = true
      if (!listed) continue
    }
    for (const part of parts) used.add(part)
    let lo = 0
    for (const part of parts) lo += rangeOf(extraction, part).lo
    if (lo <= 100) continue
    reportShares(extraction, quantities, parts, report)
  }
}

/**
 * The shares listed from `first` on, and whether they stand side by side with
 * nothing naming the parts between them; undefined when there are not two.
 */
function shareList(
  extraction: Extraction,
  quantities: Quantities,
  first: Figure,
  sentenceLast: number
): {parts: Figure[]; adjacent: boolean} | undefined {
  const {tokens, lexicon} = extraction
  let whole = wholeOf(extraction, first, sentenceLast)?.words
  if (endsPart(extraction, first, sentenceLast) === undefined || wholeOf(extraction, first, sentenceLast)?.perPart)
    return undefined
  const parts = [first]
  let adjacent = true
  let previous = first
  for (const next of quantities.figuresIn(quantities.leadOf.get(first)!)) {
    const nextLead = quantities.leadOf.get(next)!
    if (nextLead <= previous.exprLast) continue
    if (next.exprLast > sentenceLast || !next.percent || next.percentagePoints || next.approx) break
    // What stands between two shares: a comma or "and", then up to four words naming the part.
    let i = endsPart(extraction, previous, sentenceLast)!
    const separator = tokens[i]?.lower
    if (separator !== ',' && separator !== 'and') break
    i++
    if (tokens[i]?.lower === 'and') i++
    let words = 0
    let ok = true
    for (; i < nextLead; i++) {
      const token = tokens[i]
      if (
        token.kind !== 'word' ||
        lexicon.shareListStops.has(token.lower) ||
        directionOf(extraction, i) !== undefined ||
        lexicon.shareVerbs.has(token.lower)
      ) {
        ok = false
        break
      }
      words++
    }
    if (!ok || words > 4) break
    if (
      directionOf(extraction, next.exprLast + 1) !== undefined ||
      endsPart(extraction, next, sentenceLast) === undefined
    )
      break
    const nextWhole = wholeOf(extraction, next, sentenceLast)
    if (nextWhole?.perPart) break
    if (nextWhole !== undefined && whole !== undefined && nextWhole.words !== whole) break
    if (nextWhole !== undefined) whole = nextWhole.words
    if (words > 0) adjacent = false
    parts.push(next)
    previous = next
  }
  return parts.length < 2 ? undefined : {parts, adjacent}
}

/** "of output" after a share: the whole it is a share of (up to three words). */
function wholeOf(extraction: Extraction, share: Figure, sentenceLast: number): ShareWhole | undefined {
  const {tokens, lexicon} = extraction
  if (tokens[share.exprLast + 1]?.lower !== 'of') return undefined
  const words: string[] = []
  let i = share.exprLast + 2
  for (; i <= sentenceLast && tokens[i].kind === 'word' && words.length < 3; i++) {
    const word = tokens[i].lower
    if (word === 'and' || word === 'respectively' || lexicon.shareListStops.has(word)) break
    words.push(word)
  }
  const perPart = words.some((w) => lexicon.perPartWords.has(w))
  return {words: words.filter((w) => !lexicon.shareWholeFillers.has(w)).join(' '), end: i, perPart}
}

/** Where a share ends its part of the list: a comma, "and", "respectively" or the end of the sentence follows. */
function endsPart(extraction: Extraction, share: Figure, sentenceLast: number): number | undefined {
  const i = wholeOf(extraction, share, sentenceLast)?.end ?? share.exprLast + 1
  const token = extraction.tokens[i]
  if (i > sentenceLast || !token || token.kind === 'punct' || token.lower === 'and' || token.lower === 'respectively')
    return i
  return undefined
}

function reportShares(extraction: Extraction, quantities: Quantities, parts: Figure[], report: Report): void {
  const {text, tokens} = extraction
  const sum = parts.reduce((total, part) => total + part.value!, 0)
  const shown = parts.map((part) => code(text.slice(part.start, part.exprEnd)))
  const list = `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
  const start = tokens[quantities.leadOf.get(parts[0])!].start
  const end = parts[parts.length - 1].exprEnd
  const sumShown = `${formatNumber(sum, 2)}%`
  report(start, end, `Unexpected shares ${list} of one whole: they add up to ${sumShown}`, {
    actual: text.slice(start, end),
    note: `${parts.map((part) => figureWords(part)).join(' + ')} = ${sumShown}; shares of one whole add up to at most 100%.`
  })
}
