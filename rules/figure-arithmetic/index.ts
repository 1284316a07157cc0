/**
 * ## figure-arithmetic
 *
 * Catches figures in one sentence whose arithmetic does not work: a stated
 * change that does not match its endpoints (`rose from 200 million yuan to 300
 * million yuan, an increase of 40 percent`: that is 50 percent; also when the
 * second endpoint leaves out the unit or each carries its year: `from 2.5 million
 * units in 2022 to 3.0 million in 2024`); `doubled`, `tripled`, `halved`,
 * `fivefold`, `4-fold` or `grew 3 times` with endpoints that disagree; parts
 * (`came from`, `were from`, `300 of whom`, `Of them,` after the whole) that add up to more
 * than their whole (`Of the 470 projects signed, 320 were in manufacturing and
 * 210 in services`); shares of one whole that add up to more than 100%
 * (`accounted for 60%, 30% and 20%, respectively`); a total stated right after
 * its parts that is not their sum (`120,000 in China and 80,000 in Japan, a
 * total of 210,000`). The note shows the arithmetic.
 *
 * Why: a reader can redo this arithmetic, and a story whose own figures
 * disagree loses the reader's trust in all of them. Machine translation and
 * hurried rewrites drop or swap one figure of a set and leave the others.
 *
 * Tolerances follow the figures as written: `200 million` is read to the
 * million, `1.5 billion` to the tenth of a billion, a stated `40 percent` may be
 * rounded or cut either way by one unit; `about`, `nearly`, `more than` widen
 * the range (`more than 2,000` has no upper end). Only a change stated with a
 * change word (`rose`, `an increase of`, `down`) is checked. When in doubt,
 * the rule is silent.
 *
 * Silent on: rounded figures (`from 1.2 billion to 1.5 billion, up 24%`),
 * percentage points and percent of a share (`from 40% to 44%, up 4 percentage
 * points` or `up 10%`), restatements with one endpoint (`up 3% to 103`), figures
 * of a fiscal and a calendar year (`to $108 million in fiscal 2024 from $95
 * million in calendar 2023`), years
 * and ranges (`from 2019 to 2023`, `cost from 200 to 300 yuan, up 10%`), parts
 * that need not be disjoint (`320 were in manufacturing and 210 were funded by
 * foreign investors`), places that may lie inside one another (`300 in
 * Shanghai and 250 in the Yangtze River Delta`), lists after `including` that
 * stop short of the whole, running totals (`bringing its total to`), shares
 * of different wholes (`52 percent of voters, and 98% of ballots`, `of their
 * respective markets`), changes in another unit (`from $2 to $3, a rise of 50
 * cents`), figures of another clause or measure (`attended by 2,000 fans,
 * including ..., and broadcasters expect two billion viewers`), number words in
 * names (`Radio Five`).

 * ### Examples
 *
 * ```text valid
 * Sales rose from 1.2 billion yuan to 1.5 billion yuan, up 24%, and exports rose 3% to 103 million.
 * The jobless rate fell from 5.2% to 4.8%, down 0.4 percentage points; its share rose from 40% to 44%, up 10%.
 * Of the 470 projects signed, 320 were in manufacturing and 210 were funded by foreign investors.
 * Output grew from 2019 to 2023, and visitors doubled from about 400 to 810.
 * Women accounted for 52 percent of voters, and 98% of ballots were counted; seats cost from 200 to 300 yuan, up 10%.
 * Revenue rose 8% to $108 million in fiscal 2024 from $95 million in calendar 2023.
 * The final drew 2,000 fans, including many children, and broadcasters expect two billion viewers.
 * ```
 *
 * ```text invalid
 * Sales tripled from 300 cars to 450 cars. Deliveries rose from 2.5 million units in 2022 to 3.0 million in 2024, an increase of 35 percent.
 * ```
 *
 * ```text output
 * 1:7-1:14: Unexpected `tripled` from `300` to `450`: that is 1.5 times
 * 1:128-1:138: Unexpected increase of `35 percent` from `2.5 million` to `3.0 million`, expected `20 percent`
 * ```

 * ```text invalid
 * Trade rose from 200 million yuan to 300 million yuan, an increase of 40 percent.
 * ```
 *
 * ```text output
 * 1:70-1:80: Unexpected increase of `40 percent` from `200 million yuan` to `300 million yuan`, expected `50 percent`
 * ```
 *
 * ```text invalid
 * Investment doubled from 1.2 million to 3.6 million dollars. Of the 470 projects signed, 320 were in manufacturing and 210 in services.
 * ```
 *
 * ```text output
 * 1:12-1:19: Unexpected `doubled` from `1.2 million` to `3.6 million dollars`: that is 3 times
 * 1:89-1:122: Unexpected parts `320` and `210` of `470`: they add up to 530
 * ```
 *
 * ```text invalid
 * Manufacturing, services and farming accounted for 60%, 30% and 20% of output, respectively. The company sold 120,000 cars in China and 80,000 in Japan, a total of 210,000.
 * ```
 *
 * ```text output
 * 1:51-1:67: Unexpected shares `60%`, `30%` and `20%` of one whole: they add up to 110%
 * 1:164-1:171: Unexpected total `210,000`, expected `200,000`
 * ```
 */
import {defineRule, type RuleMeta} from '../../src/core/rule.js'
import {quantities} from '../../src/extract/quantities.js'
import {checkChanges} from './changes.js'
import {checkMultiples} from './multiples.js'
import {checkParts} from './parts.js'
import {checkShares} from './shares.js'
import {checkTotals} from './totals.js'

export const meta: RuleMeta = {
  id: 'figure-arithmetic',
  description: 'Stated changes, multiples, parts, shares and totals that do not match the figures beside them',
  suggestions: true,
  options: {}
}

/**
 * One check per file: changes.ts (with stated-change.ts), multiples.ts, parts.ts,
 * shares.ts, totals.ts; the readers they share beside them (endpoints.ts,
 * change-words.ts, parts-list.ts).
 */
const figureArithmetic = defineRule<Record<string, never>>(meta, (extraction, _options, report) => {
  const figures = quantities(extraction)
  checkChanges(extraction, figures, report)
  checkMultiples(extraction, figures, report)
  checkParts(extraction, figures, report)
  checkShares(extraction, figures, report)
  checkTotals(extraction, figures, report)
})

export default figureArithmetic
