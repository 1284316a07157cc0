/**
 * Figures the copy marks as a person's age ("the 45-year-old", "aged 45",
 * "at the age of 45", "Li Wei, 45,", "Li Wei (45)"), read once so that the
 * rules that check ages (impossible-figure: beyond the oldest human;
 * figure-consistency: one person, two ages) read the same marks.
 */
import type {Bound, Knowledge} from '../knowledge/base.js'
import type {AgeMention, Figure} from './figures.js'
import {wordAt, type TokenStream} from './tokens.js'

const YEAR_OLD = /^years?-old$/u

/**
 * The figures with an age mark, in order. A figure may carry a mark after it
 * ("-year-old") and one before it ("aged", "the age of", a comma, a bracket).
 */
export function readAges(stream: TokenStream, figures: Figure[]): AgeMention[] {
  const ages: AgeMention[] = []
  for (const figure of figures) {
    if (figure.value === null) continue
    const age = ageMarks(stream, figure)
    if (age.yearOld || age.before) ages.push(age)
  }
  return ages
}

/** The age marks around one figure. */
export function ageMarks(stream: TokenStream, figure: Figure): AgeMention {
  const {tokens} = stream
  const after = figure.exprLast + 1
  const before = figure.first - 1
  const yearOld = tokens[after]?.text === '-' && YEAR_OLD.test(wordAt(stream, after + 1) ?? '')
  const age: AgeMention = {figure, yearOld}
  const afterText = tokens[after]?.text
  if (wordAt(stream, before) === 'aged') age.before = 'aged'
  else if (
    wordAt(stream, before) === 'of' &&
    wordAt(stream, before - 1) === 'age' &&
    wordAt(stream, before - 2) === 'the'
  )
    age.before = 'age-of'
  else if (tokens[before]?.text === ',' && (afterText === ',' || afterText === '.')) age.before = 'apposition'
  else if (tokens[before]?.text === '(' && afterText === ')') age.before = 'bracket'
  return age
}

/**
 * The oldest verified human age, in whole years, from the knowledge base
 * (`human.max_verified_age_years` in data/bounds.yaml, or a house file): the one
 * bound both age checks read. Undefined when the knowledge base has no such bound.
 */
export function oldestHumanAge(knowledge: Knowledge): {years: number; bound: Bound} | undefined {
  const bound = knowledge.bound('human.max_verified_age_years')
  return bound ? {years: Math.floor(bound.value), bound} : undefined
}
