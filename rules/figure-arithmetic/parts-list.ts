/**
 * A list of parallel parts ("320 were in manufacturing and 210 in services"):
 * figures that name the same kind of group with the same preposition, and so
 * count disjoint groups. Shared by the checks of parts and of totals.
 */
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import {isYear, type Quantities} from '../../src/extract/quantities.js'

export interface Part {
  figure: Figure
  /** The part's first token (approximator included). */
  first: number
  /** The words after the figure up to the next part or the end of the list. */
  frame: string[]
  /** Token indices of the frame's words. */
  frameTokens: number[]
}

/**
 * A list of parallel parts among figures `candidates` (in order): each after the
 * first is introduced by a comma, `and`, `while` or a semicolon, and all name
 * the same kind of group with the same preposition ("320 were in manufacturing
 * and 210 in services"). Returns undefined when the figures are not such a list.
 */
export function parallelParts(
  extraction: Extraction,
  quantities: Quantities,
  candidates: Figure[],
  end: number
): Part[] | undefined {
  const {tokens} = extraction
  const parts: Part[] = []
  for (let n = 0; n < candidates.length; n++) {
    const figure = candidates[n]
    const first = quantities.leadOf.get(figure)!
    if (n > 0) {
      const separator = tokens[first - 1]?.lower
      if (
        separator !== ',' &&
        separator !== 'and' &&
        separator !== 'while' &&
        separator !== ';' &&
        separator !== 'whereas'
      )
        return undefined
    }
    const lastPart = n + 1 === candidates.length
    const stop = n + 1 < candidates.length ? quantities.leadOf.get(candidates[n + 1])! : end + 1
    const frame: string[] = []
    const frameTokens: number[] = []
    for (let i = figure.exprLast + 1; i < stop; i++) {
      const token = tokens[i]
      if (token.kind === 'word') {
        frame.push(token.lower)
        frameTokens.push(i)
      } else if (token.text === ',' || token.text === ';') continue
      else if (lastPart) break
      else return undefined
    }
    parts.push({figure, first, frame, frameTokens})
  }
  if (parts.length < 2) return parts
  const first = frameShape(extraction, quantities, parts[0])
  if (!first) return undefined
  for (const part of parts.slice(1)) {
    const shape = frameShape(extraction, quantities, part)
    if (!shape || shape.preposition !== first.preposition) return undefined
    // The second part may leave out the verb and noun ("and 210 in services") or repeat them.
    if (shape.head.length > 0 && shape.head.join(' ') !== first.head.join(' ')) return undefined
  }
  return parts
}

/** A part's frame: the words before its first preposition, then the preposition. */
function frameShape(
  extraction: Extraction,
  quantities: Quantities,
  part: Part
): {head: string[]; preposition: string} | undefined {
  const {frame} = part
  const {lexicon} = extraction
  const at = frame.findIndex((w) => lexicon.partPrepositions.has(w))
  if (at < 0 || at > 3) return undefined
  // A named place or group may lie inside another ("300 in Shanghai and 250 in the Yangtze
  // River Delta"); only countries the knowledge base knows are surely apart.
  let k = at + 1
  if (frame[k] === 'the') k++
  const complement = part.frameTokens[k]
  if (complement !== undefined && isCapitalized(extraction.tokens[complement])) {
    const chain = quantities.chainHolding(complement)
    const entity = chain ? extraction.knowledge.entityByName(chain.words.join(' ')) : undefined
    if (!entity || entity.kind !== 'country') return undefined
  }
  // "320 were in manufacturing" and "210 in services": auxiliaries and fillers left out.
  const head = frame.slice(0, at).filter((w) => !lexicon.auxiliaryVerbs.has(w) && !lexicon.partFrameFillers.has(w))
  return {head, preposition: frame[at]}
}

/** Whether figures can be parts of `whole` (counts of counts, money of money, shares of 100). */
export function sameMeasure(whole: Figure | undefined, part: Figure): boolean {
  if (isYear(part) || part.percentagePoints) return false
  if (!whole) return part.percent
  if (part.percent) return !whole.percent
  if (whole.percent) return false
  if (part.currency && part.currency !== whole.currency) return false
  if (whole.currency && !part.currency && part.magnitude !== whole.magnitude) return false
  return true
}
