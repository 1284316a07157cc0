/**
 * One count stated twice in ways that cannot both hold: "more than 2,000
 * exhibitors took part" and later "nearly 1,800 exhibitors took part".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import {isYear, overlaps, rangeOf, type Quantities, type Range} from '../../src/extract/quantities.js'
import {firstStatedHere} from './first-statement.js'
import type {SentenceTime} from './sentence-time.js'
import {scopeOf, sourcesOf} from './sentence-scope.js'

/** A count of things with what is said of them ("2,000 exhibitors took part"). */
interface CountMention {
  figure: Figure
  start: number
  end: number
  /** The noun counted and what is said of it: "exhibitors|took part". */
  key: string
  sentence: number
  /** The names the sentence mentions. */
  scope: Set<string>
  /** Who the sentence attributes its claim to ("organisers said"). */
  sources: Set<string>
  /** The words of the subject before the verb, for a count in object position. */
  subject: Set<string>
  /** The values the count allows, rounded as written (computed once: every later count compares with it). */
  range: Range
}

export function checkCounts(
  extraction: Extraction,
  quantities: Quantities,
  time: Map<number, SentenceTime>,
  report: Report
): void {
  const {text, tokens} = extraction
  const mentions = countMentions(extraction, quantities, time)
  // Near-linear (issue 12): a later count is compared only with earlier counts of the same key,
  // and of those only with the first (unreported) ones of each distinct reading: two earlier
  // counts with the same scope, subject, sources and range agree or disagree with a later one
  // alike. Two per reading, from different sentences, since a count is never compared with one
  // in its own sentence; at most `MAX_READINGS` readings per key are kept (more is no story).
  // Per key: the kept counts by reading, and all of them in the order of the story (counts
  // come in that order, so appending keeps it).
  const earlierByKey = new Map<string, {readings: Map<string, CountMention[]>; kept: CountMention[]}>()
  for (const later of mentions) {
    let earlierOfKey = earlierByKey.get(later.key)
    if (!earlierOfKey) earlierByKey.set(later.key, (earlierOfKey = {readings: new Map(), kept: []}))
    const {readings, kept: candidates} = earlierOfKey
    const laterRange = later.range
    let conflict: CountMention | undefined
    for (const earlier of candidates) {
      if (earlier.sentence === later.sentence) continue
      // The later statement may name less than the earlier one ("took part" after "took part
      // in the Expo"), not more: "In Vietnam, 1,800 exhibitors took part" is a narrower group.
      if (!subset(later.scope, earlier.scope) || !subset(later.subject, earlier.subject)) continue
      // Claims of different sources may differ ("police said 10,000 ...; organisers said 50,000 ...").
      if (earlier.sources.size > 0 && later.sources.size > 0 && !intersects(earlier.sources, later.sources)) continue
      if (overlaps(earlier.range, laterRange)) continue
      conflict = earlier
      break
    }
    if (conflict) {
      const earlier = conflict
      const earlierRange = earlier.range
      const actual = text.slice(later.start, later.end)
      const first = text.slice(earlier.start, earlier.end)
      report(later.start, later.end, `Unexpected ${code(actual)}: the story gives ${code(first)} earlier`, {
        actual,
        expected: [first],
        note: `Both statements count the same ${tokens[later.figure.next!].lower} in the same way, and no value fits both: ${describe(earlierRange)} against ${describe(laterRange)}.`,
        related: firstStatedHere(extraction, earlier.start, earlier.end, '')
      })
      // A reported count is no earlier statement for the counts after it.
      continue
    }
    const reading = [
      [...later.scope].sort().join(' '),
      [...later.subject].sort().join(' '),
      [...later.sources].sort().join('\u0000'),
      laterRange.lo,
      laterRange.hi
    ].join('|')
    const kept = readings.get(reading)
    if (kept) {
      if (kept.length < 2 && kept[0].sentence !== later.sentence) {
        kept.push(later)
        candidates.push(later)
      }
    } else if (readings.size < MAX_READINGS) {
      readings.set(reading, [later])
      candidates.push(later)
    }
  }
}

/** The most distinct readings of one count kept for comparison (a bound, not a tuning). */
const MAX_READINGS = 64

/** Counts of things in sentences about the story's own time, with what each says of them. */
function countMentions(
  extraction: Extraction,
  quantities: Quantities,
  time: Map<number, SentenceTime>
): CountMention[] {
  const {tokens, lexicon} = extraction
  const smallest = lexicon.tolerances.smallestComparedCount
  const mentions: CountMention[] = []
  for (const figure of quantities.figures) {
    if (figure.percent || figure.currency || isYear(figure) || figure.value! < smallest || figure.next === undefined)
      continue
    const sentence = extraction.tokenSentence[figure.first]
    if (time.get(sentence)!.shifted) continue
    const lead = quantities.leadOf.get(figure)!
    // A change ("up 200 exhibitors", "by 200") is not a count of the whole.
    const before = tokens[lead - 1]
    if (
      before?.lower === 'by' ||
      (before && (lexicon.changeUp.has(before.lower) || lexicon.changeDown.has(before.lower)))
    )
      continue
    const noun = tokens[figure.next]
    if (
      noun.kind !== 'word' ||
      isCapitalized(noun) ||
      !(noun.lower.endsWith('s') || lexicon.populationNouns.has(noun.lower))
    )
      continue
    if (
      lexicon.measureNouns.has(noun.lower) ||
      lexicon.magnitudes.has(noun.lower) ||
      lexicon.currencyWords.has(noun.lower)
    )
      continue
    const said = whatIsSaid(extraction, quantities, figure)
    if (!said) continue
    mentions.push({
      figure,
      start: tokens[lead].start,
      end: noun.end,
      key: `${noun.lower}|${said.signature}`,
      sentence,
      scope: scopeOf(extraction, quantities, lead),
      sources: sourcesOf(extraction, quantities, lead),
      subject: said.subject,
      range: rangeOf(extraction, figure, 'rounded')
    })
  }
  return mentions
}

/**
 * What is said of the things counted: the verb after ("took part", "were signed"),
 * or the verb before an object ("attracted 2,000 exhibitors.") with its subject.
 */
function whatIsSaid(
  extraction: Extraction,
  quantities: Quantities,
  figure: Figure
): {signature: string; subject: Set<string>} | undefined {
  const {tokens, lexicon} = extraction
  const lead = quantities.leadOf.get(figure)!
  const after = tokens[figure.next! + 1]
  const subject = new Set<string>()
  if (after?.kind === 'word') {
    if (lexicon.restrictingWords.has(after.lower) || isCapitalized(after)) return undefined
    let signature = after.lower
    if (lexicon.auxiliaryVerbs.has(after.lower)) {
      const next = tokens[figure.next! + 2]
      if (next?.kind !== 'word' || lexicon.restrictingWords.has(next.lower)) return undefined
      signature += ' ' + next.lower
    }
    return {signature, subject}
  }
  if (after && after.text !== '.' && after.text !== ',' && after.text !== ';') return undefined
  const verb = tokens[lead - 1]
  if (verb?.kind !== 'word' || lexicon.notVerbs.has(verb.lower) || isCapitalized(verb)) return undefined
  // Who did it: "The firm hired 200 workers" and "The rival hired 150 workers" differ.
  for (let k = lead - 2; k >= quantities.sentenceFirst[lead] && k >= lead - 7 && tokens[k].kind === 'word'; k--) {
    const word = tokens[k].lower
    if (!lexicon.notVerbs.has(word) && !lexicon.pronouns.has(word) && !lexicon.notNames.has(word)) subject.add(word)
  }
  return {signature: 'object of ' + verb.lower, subject}
}

function describe(range: Range): string {
  const lo = Math.ceil(range.lo).toLocaleString('en-US')
  const hi = Math.floor(range.hi).toLocaleString('en-US')
  if (range.hi === Infinity) return `at least ${lo}`
  if (range.lo <= 0) return `at most ${hi}`
  return `${lo} to ${hi}`
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (b.has(word)) return true
  return false
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (!b.has(word)) return false
  return true
}
