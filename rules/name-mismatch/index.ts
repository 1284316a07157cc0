/**
 * ## name-mismatch
 *
 * Catches names that do not agree: one person spelled two ways in a story
 * (full names and surname-only references: a letter dropped, added or changed,
 * letters or syllables swapped, words reordered), without confusing different
 * people who share a surname; a title and name that match no known holder of that
 * office (`Vietnamese Prime Minister Pham Minh Trung`), suggesting the holder at the
 * story's date or the nearest known holder; a former holder named with the title
 * when the story gives its date; a short name introduced with
 * "hereinafter referred to as" or in quotes in brackets that neither
 * abbreviates nor shortens the full name (`"East Expo"` for `China-ASEAN Expo`);
 * a gloss that repeats its own name (`Malaysia (Malaysia)`); outdated or
 * non-official names from the names list (`Guangxi University for Nationalities`).
 *
 * Why: a misspelt or misattributed name is the error readers and the people
 * named notice first, and machine translation makes all of these.
 *
 * A changed letter, a short word, swapped letters or syllables and reordered
 * words are reported only on evidence that one person is meant: the later form
 * has no introduction of its own (no other title, no apposition) and is written
 * no more often than the form introduced first.
 *
 * Silent on: different people with a shared surname (`Li Qiang` and `Li
 * Keqiang`, `Kim Jong Un` and `Kim Jong Il`), a near name introduced with its
 * own role (`Wang Yin, a trade official`), transliteration variants
 * (`Schroeder`, `Schröder`; `Sergei`, `Sergey`), former holders named as such
 * (`former Prime Minister ...`), offices whose holder at the story's date is not
 * known, accepted short names (`CAEXPO`, `the Expo`), glosses that differ
 * (`Myanmar (Burma)`).
 *
 * ### Options
 *
 * - `lowConfidence` (boolean, default `false`): also report names list entries
 *   marked `stretch` (transliterated abbreviations such as `Yawan high-speed railway`).
 *
 * ### Examples
 *
 * ```text valid
 * Chinese Premier Li Qiang met former Premier Li Keqiang's aides in Myanmar (Burma).
 * The China-ASEAN Expo (hereinafter referred to as "CAEXPO") opened. Xu Ningning said it would grow, Xu said.
 * ```
 *
 * ```text valid
 * German Chancellor Gerhard Schroeder met union leaders. Gerhard Schröder said reform would go on.
 * ```
 *
 * ```text invalid
 * Daniel Oyelaran, the mayor, opened the bridge. Daniel Oyelaren said traffic would ease.
 * ```
 *
 * ```text output
 * 1:48-1:63: Unexpected `Daniel Oyelaren`: the same person is written `Daniel Oyelaran` earlier in the story
 * ```
 *
 * ```text invalid
 * Vietnamese Prime Minister Pham Minh Trung said trade was slow.
 * ```
 *
 * ```text output
 * 1:27-1:42: Unexpected name `Pham Minh Trung` for the Prime Minister of Vietnam, expected a known holder such as `Pham Minh Chinh`
 * ```
 *
 * ```text invalid
 * At the 20th China-ASEAN Expo (hereinafter referred to as the "East Expo"), China, Malaysia (Malaysia) signed.
 * ```
 *
 * ```text output
 * 1:63-1:72: Unexpected short name `East Expo` for `China-ASEAN Expo`: it neither abbreviates nor shortens the full name
 * 1:83-1:102: Unexpected gloss `Malaysia (Malaysia)`: the bracket repeats the name it glosses
 * ```
 *
 * ```text invalid
 * Ge Hongliang of Guangxi University for Nationalities spoke. Cong Liang, deputy director of the commission, said so. Cong Lian said more.
 * ```
 *
 * ```text output
 * 1:17-1:53: Unexpected outdated name `Guangxi University for Nationalities`, expected `Guangxi Minzu University`
 * 1:117-1:126: Unexpected `Cong Lian`: the same person is written `Cong Liang` earlier in the story
 * ```
 */
import {defineRule, type RuleMeta} from '../../src/core/rule.js'
import {checkGlosses} from './glosses.js'
import {checkOfficeHolders} from './office-holders.js'
import {checkOfficialNames} from './official-names.js'
import {checkShortNames} from './short-names.js'
import {checkSpellings} from './spellings.js'

export const meta: RuleMeta = {
  id: 'name-mismatch',
  description:
    'Names spelled two ways, titles held by someone else, short names that do not derive, repeated glosses, outdated names',
  suggestions: true,
  options: {
    lowConfidence: {type: 'boolean', default: false, description: 'Also report names-list entries marked `stretch`.'}
  }
}

/**
 * One check per file: official-names.ts, glosses.ts, short-names.ts,
 * office-holders.ts, spellings.ts.
 */
const nameMismatch = defineRule<{lowConfidence: boolean}>(meta, (extraction, options, report) => {
  checkOfficialNames(extraction, options.lowConfidence, report)
  checkGlosses(extraction, report)
  checkShortNames(extraction, report)
  checkOfficeHolders(extraction, report)
  checkSpellings(extraction, report)
})

export default nameMismatch
