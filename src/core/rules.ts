/** The rules, by their stable ids. */
import garbledNumeral from '../../rules/garbled-numeral.js'
import impossibleFigure from '../../rules/impossible-figure/index.js'
import malformedOrdinal from '../../rules/malformed-ordinal.js'
import nameMismatch from '../../rules/name-mismatch/index.js'
import sourceMismatch from '../../rules/source-mismatch.js'
import figureArithmetic from '../../rules/figure-arithmetic/index.js'
import figureConsistency from '../../rules/figure-consistency/index.js'
import dateConsistency from '../../rules/date-consistency/index.js'

export const rules = {
  'garbled-numeral': garbledNumeral,
  'impossible-figure': impossibleFigure,
  'malformed-ordinal': malformedOrdinal,
  'name-mismatch': nameMismatch,
  'source-mismatch': sourceMismatch,
  'figure-arithmetic': figureArithmetic,
  'figure-consistency': figureConsistency,
  'date-consistency': dateConsistency
} as const

export type RuleId = keyof typeof rules

export const ruleIds = Object.keys(rules) as RuleId[]
