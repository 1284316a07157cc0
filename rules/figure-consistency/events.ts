/**
 * A numbered event whose number changes: "the 20th China-ASEAN Expo", later
 * "this year's 21st China-ASEAN Expo".
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {ordinalSuffix} from '../../src/extract/figures.js'
import {eventNounIndex, type NameChain} from '../../src/extract/names.js'
import type {Quantities} from '../../src/extract/quantities.js'
import {firstStatedHere} from './first-statement.js'
import type {SentenceTime} from './sentence-time.js'

/** An ordinal before an event's name: "the 20th China-ASEAN Expo". */
interface EventMention {
  value: number
  /** The ordinal's token and prose range. */
  token: number
  start: number
  end: number
  /** The name's words up to its event noun, lowercased. */
  name: string[]
  sentence: number
}

export function checkEvents(
  extraction: Extraction,
  quantities: Quantities,
  time: Map<number, SentenceTime>,
  report: Report
): void {
  const {tokens} = extraction
  const mentions = eventMentions(extraction, quantities)
  if (mentions.length < 2) return
  const events = byEvent(mentions)
  const otherEditions = otherEditionNouns(extraction, new Set([...events.keys()].map((key) => key.split(' ').pop()!)))
  for (const [key, list] of events) {
    // Several editions in one sentence, or any edition named with "last", "next", "previous":
    // the story is about more than one edition.
    const sentences = new Set(list.map((mention) => mention.sentence))
    if (sentences.size < list.length && new Set(list.map((mention) => mention.value)).size > 1) continue
    if (otherEditions.has(key.split(' ').pop()!)) continue
    // Only mentions that place the event now ("this year's", "being held here") are compared:
    // a story may name another edition without a word of time ("at the 18th Asian Games").
    const current = list.filter(
      (mention) => !time.get(mention.sentence)!.shifted && placedNow(extraction, quantities, mention.token)
    )
    const first = current[0]
    if (!first) continue
    for (const mention of current) {
      if (mention === first || mention.value === first.value || mention.sentence === first.sentence) continue
      const actual = tokens[mention.token].text
      const expected = `${first.value}${matchCase(ordinalSuffix(first.value), tokens[mention.token].suffix ?? '')}`
      const name = displayName(extraction, quantities, list, key)
      report(
        mention.start,
        mention.end,
        `Unexpected ${code(actual)} ${name}, expected ${code(expected)} as earlier in the story`,
        {
          actual,
          expected: [expected],
          note: `The story calls this event the ${tokens[first.token].text} ${name} first, and both mentions place it now; one edition of an event has one number.`,
          related: firstStatedHere(extraction, first.start, first.end, name)
        }
      )
      break
    }
  }
}

/** Ordinals right before an event's name, after "the" or a possessive ("the 20th", "this year's 20th"). */
function eventMentions(extraction: Extraction, quantities: Quantities): EventMention[] {
  const {tokens, lexicon} = extraction
  const mentions: EventMention[] = []
  for (const ordinal of extraction.ordinals) {
    const chain = quantities.chainAt.get(ordinal.token + 1)
    if (!chain || extraction.text.slice(ordinal.end, chain.start) !== ' ') continue
    // "the 20th", "this year's 20th", "the ongoing 20th"
    let before = tokens[ordinal.token - 1]
    if (before && lexicon.currentEditionCues.has(before.lower) && tokens[ordinal.token - 2]?.lower === 'the')
      before = tokens[ordinal.token - 2]
    if (!before || (before.lower !== 'the' && !/['’]s$/u.test(before.text))) continue
    const name = eventName(extraction, chain)
    if (!name) continue
    mentions.push({
      value: ordinal.value,
      token: ordinal.token,
      start: ordinal.start,
      end: ordinal.end,
      name,
      sentence: extraction.tokenSentence[ordinal.token]
    })
  }
  return mentions
}

/** Mentions by event: a short name ("the 21st Expo") stands for the one longer name it ends ("China-ASEAN Expo"). */
function byEvent(mentions: EventMention[]): Map<string, EventMention[]> {
  // Each distinct name once, indexed by every ending it has ("expo", "asean expo"): a short
  // name looks up the longer names that end with it instead of searching them all (issue 12).
  const longerByEnding = new Map<string, Set<string>>()
  for (const name of new Set(mentions.map((mention) => mention.name.join(' ')))) {
    const words = name.split(' ')
    for (let k = 1; k < words.length; k++) {
      const ending = words.slice(k).join(' ')
      const longer = longerByEnding.get(ending) ?? new Set<string>()
      longer.add(name)
      longerByEnding.set(ending, longer)
    }
  }
  const canonical = (name: string): string => {
    const longer = longerByEnding.get(name)
    return longer?.size === 1 ? [...longer][0] : name
  }
  const out = new Map<string, EventMention[]>()
  for (const mention of mentions) {
    const key = canonical(mention.name.join(' '))
    const list = out.get(key)
    if (list) list.push(mention)
    else out.set(key, [mention])
  }
  return out
}

/** Whether the sentence of token `i` places its event now ("this year's", "being held here"). */
function placedNow(extraction: Extraction, quantities: Quantities, i: number): boolean {
  for (let k = quantities.sentenceFirst[i]; k <= quantities.sentenceLast[i]; k++)
    if (extraction.lexicon.currentEditionCues.has(extraction.tokens[k].lower)) return true
  return false
}

function matchCase(suffix: string, like: string): string {
  return like && like === like.toUpperCase() ? suffix.toUpperCase() : suffix
}

/** The event name as written in the longest mention. */
function displayName(extraction: Extraction, quantities: Quantities, list: EventMention[], key: string): string {
  for (const mention of list) {
    if (mention.name.join(' ') === key) {
      const chain = quantities.chainAt.get(mention.token + 1)
      if (chain) return chain.words.slice(0, mention.name.length).join(' ')
    }
  }
  return key
}

/** The words of a chain up to its event noun, lowercased ("china-asean expo"), if it names an event. */
function eventName(extraction: Extraction, chain: NameChain): string[] | undefined {
  const {lexicon} = extraction
  const lower = chain.words.map((w) => w.toLowerCase())
  const at = eventNounIndex(lower, lexicon.eventNouns, lexicon.nameConnectors)
  if (at < 0 || lower[at] === 'anniversary') return undefined
  return lower.slice(0, at + 1)
}

/**
 * Which of `nouns` (event nouns, lowercased) the story names another edition of, in one
 * pass over the tokens: "last year's Expo", "the previous Expo", "next Expo" (a word of time
 * up to four words before), and any plural ("the 19th and 20th Expos", "both Expos").
 */
function otherEditionNouns(extraction: Extraction, nouns: Set<string>): Set<string> {
  const {tokens, lexicon} = extraction
  const out = new Set<string>()
  // Only a noun asked about, or its plural, is looked at: no string is made per word.
  const plurals = new Map([...nouns].map((noun) => [noun + 's', noun]))
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word') continue
    const word = tokens[i].lower
    const singular = plurals.get(word)
    if (singular !== undefined) out.add(singular)
    if (!nouns.has(word)) continue
    for (let k = Math.max(0, i - 4); k < i; k++) {
      const token = tokens[k]
      if (
        token.kind === 'word' &&
        (lexicon.timeShiftWords.has(token.lower) ||
          (/['’]s$/u.test(token.text) && lexicon.timeShiftWords.has(tokens[k - 1]?.lower ?? '')))
      ) {
        out.add(word)
        break
      }
    }
  }
  return out
}
