/**
 * A human age beyond the oldest verified ("a 130-year-old woman", "aged 130"),
 * read from the age marks of the extraction.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {oldestHumanAge} from '../../src/extract/ages.js'

export function checkAges(extraction: Extraction, maxAgeOption: number, report: Report): void {
  const {tokens, lexicon} = extraction
  const oldest = oldestHumanAge(extraction.knowledge)
  const bound = oldest?.bound
  const maxAge = maxAgeOption > 0 ? maxAgeOption : oldest?.years
  // Without the option or the bound in the knowledge base there is nothing to check against.
  if (maxAge === undefined) return
  const lower = (i: number) => tokens[i]?.lower
  const personEndingAt = new Set(extraction.persons.map((p) => p.last))
  for (const {figure, yearOld, before} of extraction.ages) {
    const n = figure.value!
    if (figure.percent || figure.currency || figure.magnitude || figure.spelled || !Number.isInteger(n)) continue
    if (n <= maxAge || n > lexicon.tolerances.largestAgeFigure) continue
    const after = figure.exprLast + 1
    const age =
      // "130-year-old woman"
      (yearOld && lexicon.humanNouns.has(lower(after + 2) ?? '')) ||
      // "aged 130", "at the age of 130"
      before === 'aged' ||
      before === 'age-of' ||
      // "Pham Van An, 130, said"
      (before === 'apposition' && tokens[after]?.text === ',' && personEndingAt.has(figure.first - 2)) ||
      // "Li Wei turned 130": a person's birthday (a firm may turn 150).
      (before === 'turned' && personEndingAt.has(figure.first - 2))
    if (!age) continue
    report(
      figure.start,
      figure.end,
      `Unexpected age ${code(figure.raw)}: the oldest verified human lived to ${maxAge}`,
      {
        actual: figure.raw,
        note: bound ? `The oldest verified human lived ${bound.value} years (${bound.source}).` : undefined
      }
    )
  }
}
