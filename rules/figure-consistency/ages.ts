/**
 * A person whose age changes: "Li Wei, 43," and later "the 45-year-old Li Wei".
 */
import {code, type Report} from '../../src/core/rule.js'
import {oldestHumanAge} from '../../src/extract/ages.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import type {NameChain} from '../../src/extract/names.js'
import type {Quantities} from '../../src/extract/quantities.js'
import {firstStatedHere} from './first-statement.js'
import type {SentenceTime} from './sentence-time.js'

/** An age given to a named person. */
interface AgeStatement {
  /** The person's name words, title left out. */
  person: string[]
  figure: Figure
  sentence: number
  /** Given as a birthday ("turned 60"): a year less may be the age before it. */
  birthday: boolean
}

export function checkAges(
  extraction: Extraction,
  quantities: Quantities,
  time: Map<number, SentenceTime>,
  report: Report
): void {
  const statements = ageStatements(extraction, quantities)
  if (statements.length < 2) return
  // A surname alone stands for the one full name in the story that has it.
  const fullNames = [
    ...statements.filter((s) => s.person.length > 1).map((s) => s.person.join(' ')),
    ...extraction.persons.filter((p) => p.words.length > 1).map((p) => p.words.join(' '))
  ]
  // The full names that hold each word, indexed once (not searched per statement: issue 12).
  const ownersOf = new Map<string, Set<string>>()
  for (const name of new Set(fullNames))
    for (const word of name.split(' ')) {
      const owners = ownersOf.get(word) ?? new Set<string>()
      owners.add(name)
      ownersOf.set(word, owners)
    }
  const keyOf = (person: string[]): string | undefined => {
    if (person.length > 1) return person.join(' ')
    const owners = ownersOf.get(person[0])
    return owners?.size === 1 ? [...owners][0] : undefined
  }
  const firstOf = new Map<string, AgeStatement>()
  for (const statement of statements) {
    const key = keyOf(statement.person)
    if (!key || time.get(statement.sentence)!.shifted) continue
    const first = firstOf.get(key)
    if (!first) {
      firstOf.set(key, statement)
      continue
    }
    if (first.figure.value === statement.figure.value || first.sentence === statement.sentence) continue
    // "Li Wei, 59, ..." and "Li Wei turned 60 on Monday": the birthday may fall between.
    if ((first.birthday || statement.birthday) && Math.abs(first.figure.value! - statement.figure.value!) <= 1) continue
    const actual = statement.figure.raw
    const expected = first.figure.raw
    report(
      statement.figure.start,
      statement.figure.end,
      `Unexpected age ${code(actual)} for ${key}, expected ${code(expected)} as earlier in the story`,
      {
        actual,
        expected: [expected],
        note: `The story gives ${key}'s age as ${expected} first; one story, one age (say "then" or give the year for an age at another time).`,
        related: firstStatedHere(extraction, first.figure.start, first.figure.end, `${key}'s age`)
      }
    )
  }
}

/**
 * Ages written beside a name: "the 45-year-old Li Wei", "Li Wei, a 45-year-old
 * engineer", "Li Wei, 43, said", "Li Wei, aged 43", "Li Wei (43)".
 */
function ageStatements(extraction: Extraction, quantities: Quantities): AgeStatement[] {
  const {tokens, chainEndingAt} = extraction
  const oldest = oldestHumanAge(extraction.knowledge)?.years ?? Infinity
  const statements: AgeStatement[] = []
  for (const {figure, yearOld, before} of extraction.ages) {
    // Usable figures written as a plain whole number (not "about 45", not in a date).
    if (
      !quantities.leadOf.has(figure) ||
      figure.percent ||
      figure.currency ||
      figure.magnitude ||
      figure.approx ||
      figure.spelled ||
      figure.grouping !== 'none' ||
      figure.decimalPoints > 0
    )
      continue
    const n = figure.value!
    if (n < 1 || n > oldest) continue
    const first = figure.first
    let chain: NameChain | undefined
    if (yearOld) {
      // "the 45-year-old Li Wei"; "Li Wei, a 45-year-old engineer"
      chain = quantities.chainAt.get(figure.exprLast + 3)
      if (!chain && /^(?:a|an|the)$/u.test(tokens[first - 1]?.lower ?? '') && tokens[first - 2]?.text === ',')
        chain = chainEndingAt.get(first - 3)
    } else if (before === 'apposition') {
      // "Li Wei, 43, said"
      chain = chainEndingAt.get(first - 2)
    } else if (before === 'aged' && tokens[first - 2]?.text === ',') {
      chain = chainEndingAt.get(first - 3)
    } else if (before === 'turned') {
      // "Li Wei turned 60 on Monday"
      chain = chainEndingAt.get(first - 2)
    } else if (before === 'bracket') {
      // "Li Wei (43)" only for a name the extraction already reads as a person: a team's
      // points are written the same way ("Manchester United (43)").
      chain = chainEndingAt.get(first - 2)
      if (chain && !quantities.inPerson(chain.last)) chain = undefined
    }
    if (!chain) continue
    const person = personWords(extraction, chain)
    if (!person) continue
    statements.push({person, figure, sentence: extraction.tokenSentence[figure.first], birthday: before === 'turned'})
  }
  return statements
}

/** The words of a chain that reads as a person's name ("Li Wei"), else undefined. */
function personWords(extraction: Extraction, chain: NameChain): string[] | undefined {
  const {lexicon} = extraction
  let words = chain.words
  while (words.length && lexicon.notNames.has(words[0].toLowerCase())) words = words.slice(1)
  // A title before the name: "Chairman Li Wei".
  let k = 0
  for (let i = 0; i < words.length; i++) if (lexicon.personTitles.has(words[i].toLowerCase())) k = i + 1
  words = words.slice(k)
  if (words.length === 0 || words.length > 4) return undefined
  for (const word of words) {
    const lower = word.toLowerCase()
    if (lexicon.orgWords.has(lower) || lexicon.months.has(lower) || lexicon.weekdays.has(lower)) return undefined
    // "Nguyen Van An", "Anwar bin Ibrahim" keep their particles; "Bank of China" is no person.
    if (
      lexicon.nameConnectors.has(lower) &&
      !/^\p{Lu}/u.test(word) &&
      !lexicon.nameParticles.has(lower) &&
      !lexicon.ageNameParticles.has(lower)
    )
      return undefined
    if (word.length > 1 && word === word.toUpperCase()) return undefined
  }
  if (extraction.knowledge.entityByName(words.join(' '))) return undefined
  return words
}
