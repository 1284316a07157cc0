/**
 * ## figure-consistency
 *
 * Catches one thing given two values in one story: a numbered event whose
 * number changes (`the 20th China-ASEAN Expo`, later `the 21st China-ASEAN
 * Expo`); a person whose age changes (`Li Wei, 43,` and later `the
 * 45-year-old Li Wei`, or `Li Wei turned 60 on Monday`: a birthday allows a
 * year's difference); one count stated twice in ways that cannot both hold
 * (`more than 2,000 exhibitors took part` and `nearly 1,800 exhibitors took
 * part`); a founding year and an anniversary that do not agree (`founded in
 * 2004` and `marks its 25th anniversary` in a story dated 2023). The message
 * points back to the first statement.
 *
 * Why: a reader who meets two values for one fact believes neither; copy
 * assembled from several sources or rewritten in stages keeps both.
 *
 * Counts are compared only when they name the same thing the same way (the
 * same noun and verb, no narrower group such as `from Vietnam`) in sentences
 * about the same time, the same named subjects and no two different sources;
 * round figures may be rounded (`2,000` and `2,100` agree) and `more than`,
 * `nearly`, `about` are read as bounds. Two numbers for one event are
 * compared only when both mentions place it now (`this year's`, `being held
 * here`). An anniversary may be counted either way (a year either side).
 *
 * Silent on: figures for different years or editions (`last year`, `the
 * previous session`, `in 2022`, `at the 18th Asian Games in Jakarta`), fiscal
 * and calendar years, different subjects with the same noun (`China sent 2,000
 * exhibitors ... Vietnam sent 1,800 exhibitors`), narrower groups (`1,800
 * exhibitors from ASEAN`), claims of different sources (`police said ...
 * organisers said ...`), two values in one sentence (a comparison), two people
 * who share a surname, anniversaries of other things (`the 30th anniversary of
 * diplomatic relations`).
 *
 * ### Examples
 *
 * ```text valid
 * More than 2,000 exhibitors took part in the China-ASEAN Expo. About 2,100 exhibitors took part in the Expo.
 * China sent 2,400 exhibitors. Vietnam sent 1,800 exhibitors. Last year 1,500 exhibitors took part.
 * Li Wei, 43, said the 20th Expo was bigger than the 19th Expo, which drew 1,800 exhibitors from ASEAN.
 * In fiscal 2023, 5,200 buyers attended. In calendar 2023, 3,100 buyers attended.
 * Omar Haddad, 69, chairs the board. Omar Haddad turned 70 on Tuesday.
 * ```
 *
 * ```text invalid
 * Marta Silva, 38, chairs the board. Marta Silva turned 47 on Tuesday.
 * ```
 *
 * ```text output
 * 1:55-1:57: Unexpected age `47` for Marta Silva, expected `38` as earlier in the story
 * ```
 *
 * ```text invalid
 * The 20th China-ASEAN Expo is being held in Nanning. Li Wei, 43, said this year's 21st China-ASEAN Expo had drawn crowds.
 * More than 2,000 exhibitors took part in the Expo, which closed on Sunday. The 45-year-old Li Wei said nearly 1,800 exhibitors took part.
 * ```
 *
 * ```text output
 * 1:82-1:86: Unexpected `21st` China-ASEAN Expo, expected `20th` as earlier in the story
 * 2:79-2:81: Unexpected age `45` for Li Wei, expected `43` as earlier in the story
 * 2:103-2:126: Unexpected `nearly 1,800 exhibitors`: the story gives `More than 2,000 exhibitors` earlier
 * ```
 *
 * ```text invalid
 * Nanning, September 9, 2023 (ZXS) -- The council was founded in 2004. This year it marks its 25th anniversary.
 * ```
 *
 * ```text output
 * 1:93-1:97: Unexpected `25th` anniversary for a founding in 2004, expected `19th` in 2023
 * ```
 */
import {defineRule, type RuleMeta} from '../../src/core/rule.js'
import {quantities} from '../../src/extract/quantities.js'
import {checkAges} from './ages.js'
import {checkAnniversaries} from './anniversaries.js'
import {checkCounts} from './counts.js'
import {checkEvents} from './events.js'
import {sentenceTimes} from './sentence-time.js'

export const meta: RuleMeta = {
  id: 'figure-consistency',
  description: 'One event, age, count or founding year given two values in one story',
  suggestions: true,
  options: {}
}

/**
 * One check per file: events.ts, ages.ts, counts.ts, anniversaries.ts; the readers
 * they share beside them (sentence-time.ts, sentence-scope.ts, first-statement.ts).
 */
const figureConsistency = defineRule<Record<string, never>>(meta, (extraction, _options, report) => {
  const figures = quantities(extraction)
  const time = sentenceTimes(extraction, figures)
  checkEvents(extraction, figures, time, report)
  checkAges(extraction, figures, time, report)
  checkCounts(extraction, figures, time, report)
  checkAnniversaries(extraction, figures, report)
})

export default figureConsistency
