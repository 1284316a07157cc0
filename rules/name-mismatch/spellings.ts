/**
 * One person spelled two ways in a story ("Cong Liang", later "Cong Lian"),
 * full names and surnames alone, without taking two people for one: two known,
 * different people ("Li Qiang", "Li Keqiang"), a second name introduced with a
 * role of its own ("Wang Yin, a trade official"), or transliteration variants
 * of one name ("Schröder", "Schroeder").
 *
 * How close two spellings must be depends on the evidence that they are one
 * person: a letter dropped or added in a long word is enough; a letter changed,
 * a short word, two letters or syllables swapped, or the words in another order
 * count only when the later form has no introduction of its own and is written
 * no more often than the form introduced first.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {PersonMention} from '../../src/extract/names.js'
import {editDistance, fold, squash} from '../../src/knowledge/normalize.js'
import {NameIndex, nameKeys, wordKeys} from './name-index.js'
import {variantKey} from './variants.js'

/** How two spellings differ; `strong` kinds need no further evidence. */
type Difference =
  | {kind: 'spacing'; strong: true}
  | {kind: 'letter'; strong: true}
  | {kind: 'short-letter' | 'substitution' | 'swap' | 'syllables' | 'order'; strong: false}

const DESCRIPTIONS: Record<Difference['kind'], string> = {
  spacing: 'the same letters, spaced or hyphenated differently',
  letter: 'one letter dropped or added',
  'short-letter': 'one letter dropped or added',
  substitution: 'one letter changed',
  swap: 'two letters swapped',
  syllables: 'the syllables of a word swapped',
  order: 'the same words in another order'
}

/** What the story says about each distinct name: how often, and how it is introduced. */
interface NameFacts {
  mentions: number
  /** Titles the name stands after ("Foreign Minister"), folded. */
  titles: Set<string>
  /** Introduced by an apposition ("Cong Liang, deputy director of ..."). */
  apposition: boolean
  /** Written after a title or an honorific, or with an apposition. */
  introduced: boolean
}

export function checkSpellings(extraction: Extraction, report: Report): void {
  const facts = nameFacts(extraction)
  const index = new NameIndex<PersonMention>()
  const fullNames: PersonMention[] = []
  const words = new WordIndex(fullNames)
  const seenNames = new Set<string>()
  for (const person of extraction.persons) {
    // Each surname alone is checked where it stands ("said Water" twice is two slips).
    if (person.words.length < 2) {
      checkSurnameOnly(person, words, report)
      continue
    }
    if (seenNames.has(person.name)) continue
    seenNames.add(person.name)
    const keys = nameKeys(person.words)
    for (const earlier of index.candidates(keys)) {
      const difference = compare(earlier, person)
      if (!difference) continue
      if (!difference.strong && !oneOfEvidence(facts, earlier, person)) continue
      if (introducedApart(facts, earlier, person)) continue
      if (knownApart(extraction, earlier, person)) continue
      report(
        person.start,
        person.end,
        `Unexpected ${code(person.name)}: the same person is written ${code(earlier.name)} earlier in the story`,
        {
          actual: person.name,
          expected: [earlier.name],
          note: `One person should be spelled one way throughout a story (${DESCRIPTIONS[difference.kind]}).`,
          related: [{start: earlier.start, end: earlier.end, message: `First written ${code(earlier.name)} here`}]
        }
      )
      break
    }
    index.add(keys, person)
    fullNames.push(person)
  }
}

/**
 * The words of full names, indexed for the surname-only check on first need
 * (many stories have no surname written alone after a speech verb).
 */
class WordIndex {
  /** Each distinct folded word of a full name, with the names that hold it as written. */
  readonly holders = new Map<string, Array<{person: PersonMention; word: string}>>()
  /** Keys of one-letter deletions -> the distinct words that have them. */
  readonly byKey = new Map<number, string[]>()
  private indexed = 0

  constructor(private readonly fullNames: PersonMention[]) {}

  /** Index the full names seen since the last call. */
  update(): this {
    for (; this.indexed < this.fullNames.length; this.indexed++) {
      const person = this.fullNames[this.indexed]
      for (const word of person.words) {
        const folded = fold(word)
        const holders = this.holders.get(folded)
        if (holders) {
          holders.push({person, word})
          continue
        }
        this.holders.set(folded, [{person, word}])
        for (const key of wordKeys(folded)) {
          const list = this.byKey.get(key)
          if (list) list.push(folded)
          else this.byKey.set(key, [folded])
        }
      }
    }
    return this
  }
}

function nameFacts(extraction: Extraction): Map<string, NameFacts> {
  const facts = new Map<string, NameFacts>()
  const factsOf = (name: string): NameFacts => {
    let entry = facts.get(name)
    if (!entry) facts.set(name, (entry = {mentions: 0, titles: new Set(), apposition: false, introduced: false}))
    return entry
  }
  for (const person of extraction.persons) {
    const entry = factsOf(squash(person.name))
    entry.mentions++
    if (person.title && person.cue === 'title') entry.titles.add(fold(person.title))
    if (person.cue === 'apposition') entry.apposition = true
    if (person.cue !== 'speech') entry.introduced = true
  }
  // A name written again with no cue ("Wang Yi arrived"): a chain of the same words.
  const personChains = new Set(extraction.persons.map((person) => person.last))
  for (const chain of extraction.chains) {
    if (personChains.has(chain.last)) continue
    const entry = facts.get(squash(chain.text))
    if (entry) entry.mentions++
  }
  return facts
}

/** How `later` differs from `earlier`, or nothing when it is not one name misspelt. */
function compare(earlier: PersonMention, later: PersonMention): Difference | undefined {
  if (squash(earlier.name) === squash(later.name)) {
    return earlier.name.normalize('NFC') === later.name.normalize('NFC') ? undefined : {kind: 'spacing', strong: true}
  }
  const a = earlier.words.map((w) => fold(w))
  const b = later.words.map((w) => fold(w))
  if (a.length !== b.length) return undefined
  const differing: number[] = []
  for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) differing.push(p)
  if (differing.length > 1) {
    const sorted = (words: string[]) => [...words].sort().join(' ')
    return sorted(a) === sorted(b) ? {kind: 'order', strong: false} : undefined
  }
  if (differing.length !== 1) return undefined
  const x = a[differing[0]]
  const y = b[differing[0]]
  // Transliteration variants ("Schroeder"/"Schroder", "Sergei"/"Sergey") are not misspellings.
  if (variantKey(x) === variantKey(y)) return undefined
  const difference = compareWords(x, y)
  // Weaker kinds only in the last word: "Mark Jones" and "Mary Jones", "Dan" and "Dana
  // Brown" are more often two members of one family than one person misspelt.
  if (difference && !difference.strong && differing[0] !== a.length - 1) return undefined
  return difference
}

function compareWords(x: string, y: string): Difference | undefined {
  const shorter = Math.min(x.length, y.length)
  if (Math.abs(x.length - y.length) === 1 && editDistance(x, y, 1) === 1) {
    // "Chinh"/"Chin": a letter more or less in a word of four letters or more.
    if (shorter >= 4) return {kind: 'letter', strong: true}
    // "Yi"/"Yin": short words are often different names; "Lab"/"Labs", "Dem"/"Dems" are plurals.
    const longer = x.length > y.length ? x : y
    if (longer.endsWith('s') && longer.slice(0, -1) === (x.length > y.length ? y : x)) return undefined
    return shorter >= 2 ? {kind: 'short-letter', strong: false} : undefined
  }
  if (x.length !== y.length) return undefined
  // "Shanmugaratnam"/"Shanmugaratman": the same letters, two swapped, in a long word.
  if (x.length >= 8 && sameLetters(x, y) && editDistance(x, y, 2) <= 2) return {kind: 'letter', strong: true}
  if (isRotation(x, y)) return {kind: 'syllables', strong: false}
  if (x.length >= 4 && isAdjacentSwap(x, y)) return {kind: 'swap', strong: false}
  // "Liang"/"Liong": one letter changed; too many real names are one letter apart below four.
  if (x.length >= 4 && editDistance(x, y, 1) === 1) return {kind: 'substitution', strong: false}
  return undefined
}

function sameLetters(x: string, y: string): boolean {
  return [...x].sort().join('') === [...y].sort().join('')
}

/** "Hongliang"/"Lianghong": the word's two parts written in the other order, each two letters or more. */
function isRotation(x: string, y: string): boolean {
  if (x.length < 5 || x === y) return false
  for (let k = 2; k <= x.length - 2; k++) if (y === x.slice(k) + x.slice(0, k)) return true
  return false
}

function isAdjacentSwap(x: string, y: string): boolean {
  let k = 0
  while (k < x.length && x[k] === y[k]) k++
  return k + 1 < x.length && x[k] === y[k + 1] && x[k + 1] === y[k] && x.slice(k + 2) === y.slice(k + 2)
}

/**
 * Evidence that a near spelling is the same person: the earlier form was
 * introduced (a title, an apposition) or written more than once, and the later
 * form is written no more often than the earlier.
 */
function oneOfEvidence(facts: Map<string, NameFacts>, earlier: PersonMention, later: PersonMention): boolean {
  const first = facts.get(squash(earlier.name))
  const second = facts.get(squash(later.name))
  if (!first || !second) return false
  const introduced = first.introduced || first.mentions > 1
  return introduced && second.mentions <= Math.max(1, first.mentions)
}

/** The later form has an introduction of its own: a different title, or an apposition. */
function introducedApart(facts: Map<string, NameFacts>, earlier: PersonMention, later: PersonMention): boolean {
  const first = facts.get(squash(earlier.name))
  const second = facts.get(squash(later.name))
  if (!first || !second) return false
  if (second.apposition) return true
  for (const title of second.titles) if (!first.titles.has(title)) return true
  return false
}

/** Two known, different people (Li Qiang, Li Keqiang) are not one person. */
function knownApart(extraction: Extraction, earlier: PersonMention, later: PersonMention): boolean {
  const a = extraction.knowledge.people(earlier.name)
  const b = extraction.knowledge.people(later.name)
  return a.length > 0 && b.length > 0 && !a.some((p) => b.some((q) => q.holder === p.holder))
}

/**
 * "Waters" after "Kathryn Waters", written "Water": a surname alone, after a
 * speech verb or an honorific, one letter from a word of exactly one full name
 * seen earlier and from no word of any other.
 */
function checkSurnameOnly(person: PersonMention, words: WordIndex, report: Report): void {
  if (person.cue !== 'speech' && person.cue !== 'honorific') return
  const {holders: fullWords, byKey: surnameIndex} = words.update()
  const word = fold(person.words[0])
  if (word.length < 4 || fullWords.has(word)) return
  const close = new Map<PersonMention, string>()
  const checked = new Set<string>()
  for (const key of wordKeys(word)) {
    for (const folded of surnameIndex.get(key) ?? []) {
      if (checked.has(folded)) continue
      checked.add(folded)
      if (variantKey(folded) === variantKey(word) || !isSurnameSlip(folded, word)) continue
      for (const entry of fullWords.get(folded) ?? []) if (!close.has(entry.person)) close.set(entry.person, entry.word)
      // Two earlier people it could be: no telling which.
      if (close.size > 1) return
    }
  }
  if (close.size !== 1) return
  const [[earlier, target]] = [...close]
  report(
    person.start,
    person.end,
    `Unexpected ${code(person.name)}: the same person is written ${code(earlier.name)} earlier in the story`,
    {
      actual: person.name,
      expected: [target],
      note: 'One person should be spelled one way throughout a story (one letter dropped or added).',
      related: [{start: earlier.start, end: earlier.end, message: `First written ${code(earlier.name)} here`}]
    }
  )
}

/** A letter more or less ("Waters"/"Water"), both four letters or more. */
function isSurnameSlip(full: string, alone: string): boolean {
  return full.length >= 4 && Math.abs(full.length - alone.length) === 1 && editDistance(full, alone, 1) === 1
}
