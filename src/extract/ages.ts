/**
 * Figures the copy marks as a person's age ("the 45-year-old", "aged 45",
 * "at the age of 45", "Li Wei, 45,", "Li Wei (45)", "Li Wei turned 45"), read once so that the
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
    const yearOld = isYearOld(stream, figure)
    const before = markBefore(stream, figure)
    if (yearOld || before) ages.push(before ? {figure, yearOld, before} : {figure, yearOld})
  }
  return ages
}

/** The age marks around one figure, marked or not. */
export function ageMarks(stream: TokenStream, figure: Figure): AgeMention {
  const before = markBefore(stream, figure)
  const yearOld = isYearOld(stream, figure)
  return before ? {figure, yearOld, before} : {figure, yearOld}
}

/** "-year-old" right after the figure: "the 45-year-old". */
function isYearOld(stream: TokenStream, figure: Figure): boolean {
  const after = figure.exprLast + 1
  return stream.tokens[after]?.text === '-' && YEAR_OLD.test(wordAt(stream, after + 1) ?? '')
}

/** What stands before the figure: "aged 45", "the age of 45", "Li Wei, 45," or ", 45.", "(45)". */
function markBefore(stream: TokenStream, figure: Figure): AgeMention['before'] {
  const {tokens} = stream
  const before = figure.first - 1
  const afterText = tokens[figure.exprLast + 1]?.text
  const word = wordAt(stream, before)
  if (word === 'aged') return 'aged'
  // A birthday: "Li Wei turned 60 on Monday" (past only: "turns 60 on Friday" may be to come).
  if (word === 'turned') return 'turned'
  if (word === 'of' && wordAt(stream, before - 1) === 'age' && wordAt(stream, before - 2) === 'the') return 'age-of'
  if (tokens[before]?.text === ',' && (afterText === ',' || afterText === '.')) return 'apposition'
  if (tokens[before]?.text === '(' && afterText === ')') return 'bracket'
  return undefined
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
