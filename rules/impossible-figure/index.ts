/**
 * ## impossible-figure
 *
 * Catches figures the world does not allow: a population larger than the
 * world's, for any subject; the population of a country or bloc the knowledge
 * base knows that is off by more than a factor of three; a share of a whole
 * above 100% (`accounted for 130 percent of`, `120 percent of voters`); a human
 * age beyond the oldest verified (122); dates that do not exist (`February 30`,
 * `31 April`, `February 29, 2023`) and clock times that do not (`25:40 local time`).
 *
 * Why: a figure a reader knows to be impossible discredits the whole story.
 *
 * Shares are read through words before the whole (`115 percent of registered
 * voters`, `of the town's households`); populations through a relative clause,
 * an apposition or a total (`Malaysia, which has a population of`, `the ASEAN
 * bloc, with a combined population of`); ages also as a birthday (`Ana Costa
 * turned 131`).
 *
 * Silent on: people who are part of a population (`2.9 million people out of
 * work`, `people aged over 65`), suppositions (`when you have 11 billion
 * people to feed`), ratios that may exceed 100 (trade or debt as a share of GDP, growth
 * rates, `150% of the target`), projections (`will reach 9.7 billion by 2050`),
 * historical figures (a year before 1990 in the sentence), bounds that are true
 * (`more than 30 million` people in a country of 100 million), scores and race
 * times (`25:40` without a clock word).
 *
 * ### Options
 *
 * - `populationFactor` (number, default `3`): how far off a known population may be.
 * - `maxAge` (number, default: the oldest verified human, 122): the largest human age.
 *
 * ### Examples
 *
 * ```text valid
 * China, with a population of 1.4 billion, and ASEAN, with some 690 million people, trade more.
 * Debt reached 250% of GDP and exports rose 130 percent; the world may reach 9.7 billion by 2050.
 * The 101-year-old man was born on February 29, 1924; the race was won in 25:40.
 * Spain had 2.9 million people out of work; "when you have 11 billion people to feed, farms fail," she said.
 * ```
 *
 * ```text invalid
 * Malaysia, which has a population of 330 million, said 115 percent of registered voters backed the plan.
 * ```
 *
 * ```text output
 * 1:37-1:48: Unexpected population `330 million` for Malaysia, expected about 35.6 million
 * 1:55-1:66: Unexpected share `115 percent` of a whole: a share cannot exceed 100%
 * ```
 *
 * ```text invalid
 * China and ASEAN are ultra-large-scale markets with a population of more than 18 billion.
 * ```
 *
 * ```text output
 * 1:78-1:88: Unexpected population `18 billion`: more than the world's 8.1 billion
 * ```
 *
 * ```text invalid
 * Vietnam has a population of 10 million, and the party won 120 percent of voters.
 * ```
 *
 * ```text output
 * 1:29-1:39: Unexpected population `10 million` for Vietnam, expected about 101.0 million
 * 1:59-1:70: Unexpected share `120 percent` of a whole: a share cannot exceed 100%
 * ```
 *
 * ```text invalid
 * A 130-year-old woman arrived on February 30 at 25:40 local time.
 * ```
 *
 * ```text output
 * 1:3-1:6: Unexpected age `130`: the oldest verified human lived to 122
 * 1:33-1:44: Unexpected date `February 30`: February has at most 29 days
 * 1:48-1:53: Unexpected time `25:40`: no such time of day
 * ```
 */
import {defineRule, type RuleMeta} from '../../src/core/rule.js'
import {checkAges} from './ages.js'
import {checkDates, checkTimes} from './calendar.js'
import {checkPopulations} from './populations.js'
import {checkShares} from './shares.js'

export const meta: RuleMeta = {
  id: 'impossible-figure',
  description:
    'Populations above the world’s or far from a known country’s, shares over 100%, impossible ages, dates and times',
  suggestions: true,
  options: {
    populationFactor: {
      type: 'number',
      default: 3,
      min: 1.1,
      description: 'How far off a known population may be before it is reported.'
    },
    maxAge: {
      type: 'number',
      default: 0,
      min: 0,
      description: 'The largest human age (default: the oldest verified human in the knowledge base).'
    }
  }
}

/**
 * One check per file: populations.ts (with the claims it reads in
 * population-claims.ts), shares.ts, ages.ts, calendar.ts (dates and times).
 */
const impossibleFigure = defineRule<{populationFactor: number; maxAge: number}>(meta, (extraction, options, report) => {
  checkPopulations(extraction, options.populationFactor, report)
  checkShares(extraction, report)
  checkAges(extraction, options.maxAge, report)
  checkDates(extraction, report)
  checkTimes(extraction, report)
})

export default impossibleFigure
