/**
 * A founding year and an anniversary that do not agree: "founded in 2004" and
 * "marks its 25th anniversary" in a story dated 2023.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {ordinalSuffix, type Figure, type Ordinal} from '../../src/extract/figures.js'
import type {NameChain} from '../../src/extract/names.js'
import {hasPhrase, isYear, phraseAt, type Quantities} from '../../src/extract/quantities.js'
import {firstStatedHere} from './first-statement.js'

/** "The council was founded in 2004". */
interface Founding {
  /** The name before the founding verb, lowercased. */
  subject?: string[]
  year: Figure
  start: number
  end: number
}

export function checkAnniversaries(extraction: Extraction, quantities: Quantities, report: Report): void {
  const {tokens} = extraction
  const foundings = foundingsOf(extraction, quantities)
  if (foundings.length === 0) return
  // Foundings by the last word of their subject: an owner looks up the few that may share its
  // name, not every founding in the story (issue 12).
  const byLastWord = new Map<string, Founding[]>()
  for (const founding of foundings) {
    if (!founding.subject) continue
    const last = founding.subject[founding.subject.length - 1]
    const list = byLastWord.get(last)
    if (list) list.push(founding)
    else byLastWord.set(last, [founding])
  }
  for (const ordinal of extraction.ordinals) {
    if (tokens[ordinal.token + 1]?.lower !== 'anniversary') continue
    const owner = anniversaryOwner(extraction, quantities, ordinal)
    if (!owner) continue
    if (owner === 'its' && foundings.length !== 1) continue
    const founding = owner === 'its' ? foundings[0] : onlyFounding(byLastWord, owner)
    if (!founding) continue
    const year = anniversaryYear(extraction, quantities, ordinal, founding)
    if (year === undefined) continue
    const expected = year - founding.year.value!
    if (expected <= 0 || Math.abs(expected - ordinal.value) <= 1) continue
    const actual = tokens[ordinal.token].text
    const expectedText = `${expected}${ordinalSuffix(expected)}`
    report(
      ordinal.start,
      ordinal.end,
      `Unexpected ${code(actual)} anniversary for a founding in ${founding.year.raw}, expected ${code(expectedText)} in ${year}`,
      {
        actual,
        expected: [expectedText],
        note: `${year} − ${founding.year.raw} = ${expected}; counted either way, the anniversary is the ${expected}${ordinalSuffix(expected)} or ${expected + 1}${ordinalSuffix(expected + 1)}, not the ${actual}.`,
        related: firstStatedHere(extraction, founding.start, founding.end, 'the founding')
      }
    )
  }
}

/** "founded in 2004", "set up in May 1998", with the name before the verb. */
function foundingsOf(extraction: Extraction, quantities: Quantities): Founding[] {
  const {tokens, lexicon} = extraction
  const foundings: Founding[] = []
  for (let v = 0; v < tokens.length; v++) {
    const verb = phraseAt(extraction, v, lexicon.foundingVerbs)
    if (!verb) continue
    let k = v + verb.length
    if (tokens[k]?.lower !== 'in') continue
    k++
    if (lexicon.months.has(tokens[k]?.lower ?? '')) k++
    const year = quantities.byLead.get(k)
    if (!year || !isYear(year)) continue
    // The subject: the name before the verb ("The council was founded", "The Expo, founded").
    let s = v - 1
    while (s >= 0 && (tokens[s].lower === ',' || lexicon.foundingFillers.has(tokens[s].lower))) s--
    const chain = extraction.chainEndingAt.get(s)
    const subject = chain ? nameWords(extraction, chain) : undefined
    foundings.push({subject, year, start: tokens[v].start, end: year.end})
  }
  return foundings
}

/**
 * Whose anniversary: "its 25th anniversary", "the council's 25th anniversary",
 * "the 25th anniversary of the council", "... of the founding of the council".
 */
function anniversaryOwner(
  extraction: Extraction,
  quantities: Quantities,
  ordinal: Ordinal
): string[] | 'its' | undefined {
  const {tokens, lexicon} = extraction
  let owner: string[] | 'its' | undefined
  const before = tokens[ordinal.token - 1]
  if (before?.lower === 'its') owner = 'its'
  else {
    const chain = extraction.chainEndingAt.get(ordinal.token - 1)
    if (chain?.possessive) owner = nameWords(extraction, chain)
  }
  if (owner || tokens[ordinal.token + 2]?.lower !== 'of') return owner
  let k = ordinal.token + 3
  if (
    tokens[k]?.lower === 'the' &&
    lexicon.foundingNouns.has(tokens[k + 1]?.lower ?? '') &&
    tokens[k + 2]?.lower === 'of'
  )
    k += 3
  else if (
    (tokens[k]?.lower === 'its' || tokens[k]?.lower === 'the') &&
    lexicon.foundingNouns.has(tokens[k + 1]?.lower ?? '')
  ) {
    owner = tokens[k].lower === 'its' ? 'its' : undefined
  }
  if (owner) return owner
  if (tokens[k]?.lower === 'its') return 'its'
  if (tokens[k]?.lower === 'the') k++
  const chain = quantities.chainAt.get(k) ?? quantities.chainAt.get(k - 1)
  return chain ? nameWords(extraction, chain) : undefined
}

/** The anniversary's year: one year in its sentence, else the story's year for "this year" or "marks". */
function anniversaryYear(
  extraction: Extraction,
  quantities: Quantities,
  ordinal: Ordinal,
  founding: Founding
): number | undefined {
  const {tokens, lexicon, storyDate} = extraction
  const first = quantities.sentenceFirst[ordinal.token]
  const last = quantities.sentenceLast[ordinal.token]
  const years = quantities.figuresIn(ordinal.token).filter((figure) => isYear(figure) && figure !== founding.year)
  if (years.length === 1) return years[0].value!
  const storyYearKnown = storyDate.from !== 'today' && storyDate.yearKnown
  if (years.length !== 0 || !storyYearKnown || hasPhrase(extraction, first, last, lexicon.futureCues)) return undefined
  const storyYear = Number(storyDate.date.slice(0, 4))
  // "this year marks", "next year marks", "marks its 25th anniversary"
  const shifts = new Set<number>()
  let present = false
  for (let i = first; i <= last; i++) {
    if (lexicon.anniversaryVerbs.has(tokens[i].lower)) present = true
    const offset = tokens[i + 1]?.lower === 'year' ? lexicon.relativePeriods.get(tokens[i].lower) : undefined
    if (offset !== undefined) shifts.add(offset)
  }
  if (shifts.size === 1) return storyYear + [...shifts][0]
  if (shifts.size === 0 && present) return storyYear
  return undefined
}

function nameWords(extraction: Extraction, chain: NameChain): string[] | undefined {
  const words = chain.words.map((w) => w.toLowerCase()).filter((w) => !extraction.lexicon.notNames.has(w))
  return words.length ? words : undefined
}

/** The one founding whose subject names `owner` (either name may be the shorter), else undefined. */
function onlyFounding(byLastWord: Map<string, Founding[]>, owner: string[]): Founding | undefined {
  let found: Founding | undefined
  for (const founding of byLastWord.get(owner[owner.length - 1]) ?? []) {
    if (!sameName(founding.subject!, owner)) continue
    if (found) return undefined
    found = founding
  }
  return found
}

function sameName(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.every((w, k) => long[long.length - short.length + k] === w)
}
