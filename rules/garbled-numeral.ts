/**
 * ## garbled-numeral
 *
 * Catches figures that are not numbers any reader can read: placeholder residue
 * left where a figure should be (`<>.<> billion`, `XX million`, `##.# billion`,
 * `??? billion`, `{0} billion`), digit grouping English does not use (`3800,6500`, `2000,18`,
 * `45,67`, `12,3456`: commas separate groups of three digits) and numbers with
 * two decimal points before a percent sign, a magnitude or a currency (`1.2.3%`);
 * template slots in brackets (`[NUM]`, `[X]`, `[amount]`), `N/A` and runs of `*` or `_`
 * before a magnitude or a percent; the percent sign before the number (`%5.6`); a
 * separator doubled (`2..5`, `6,,800`); full-width digits or separators from a
 * Chinese input method in English copy (`３，５００`, `3，500`, `1．5`).
 *
 * Why: machine translation and number-restoring steps drop, fuse or leave out
 * figures; the result reads as a number but means nothing.
 *
 * Silent on: Western grouping (`1,234,567`), Indian grouping (`12,34,567`,
 * unless `indianGrouping` is off), version and section numbers (`version 1.2.3`),
 * Roman numerals (`Super Bowl XX`), hashtags, chemical names (`2,4-D`), set scores
 * (`6-3,6-4`), reference marks and agency tags in brackets (`[1]`, `[AP]`), full-width
 * figures in Chinese text.
 *
 * ### Options
 *
 * - `indianGrouping` (boolean, default `true`): accept lakh and crore grouping.
 *
 * ### Examples
 *
 * ```text valid
 * More than 6,500 enterprises and 1,234,567 visitors took part; 4873 projects were signed.
 * The software moved from version 1.2.3 to 2.0 in Super Bowl XX week.
 * The scheme reached 12,34,567 households.
 * She won 6-3,6-4; see note [1] and the [AP] report.
 * ```
 *
 * ```text invalid
 * Inflation eased to %3.4 as [NUM] percent of firms sold 2..5 million tonnes and ４，２００ cars.
 * ```
 *
 * ```text output
 * 1:20-1:24: Unexpected `%3.4`, expected `3.4%`
 * 1:28-1:41: Unexpected placeholder `[NUM] percent` where a figure should be
 * 1:56-1:60: Unexpected `2..5`, expected `2.5`
 * 1:80-1:85: Unexpected full-width characters in `４，２００`, expected `4,200`
 * ```
 *
 * ```text invalid
 * More than 3800,6500 direct investment enterprises had been established.
 * ```
 *
 * ```text output
 * 1:11-1:20: Unexpected digit grouping in `3800,6500`: commas separate groups of three digits, so this looks like two figures run together
 * ```
 *
 * ```text invalid
 * A total investment of <>.<> billion yuan was signed.
 * ```
 *
 * ```text output
 * 1:23-1:36: Unexpected placeholder `<>.<> billion` where a figure should be
 * ```
 *
 * ```text invalid
 * Sales rose to XX million units, a share of 45,67 and 1.2.3% growth, ??? billion in all.
 * ```
 *
 * ```text output
 * 1:15-1:25: Unexpected placeholder `XX million` where a figure should be
 * 1:44-1:49: Unexpected digit grouping in `45,67`: commas separate groups of three digits
 * 1:54-1:60: Unexpected number `1.2.3%`: a number has at most one decimal point
 * 1:69-1:80: Unexpected placeholder `??? billion` where a figure should be
 * ```
 */
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import {touching, type Token} from '../src/extract/tokens.js'

export const meta: RuleMeta = {
  id: 'garbled-numeral',
  description: 'Placeholder residue, invalid digit grouping and malformed numbers where a figure should be',
  suggestions: true,
  options: {
    indianGrouping: {type: 'boolean', default: true, description: 'Accept lakh and crore digit grouping (12,34,567).'}
  }
}

const garbledNumeral = defineRule<{indianGrouping: boolean}>(meta, (x, options, report) => {
  const {text} = x
  checkGlyphs(x.text, x.tokens, report)
  for (const figure of x.figures) {
    if (figure.placeholder) {
      const start = figure.currency ? figure.exprStart : figure.start
      const shown = text.slice(start, figure.exprEnd)
      report(start, figure.exprEnd, `Unexpected placeholder ${code(shown)} where a figure should be`, {
        actual: shown,
        note: 'A placeholder stands where the figure should be: the number was lost, typically by a translation or template step. Restore it from the source.'
      })
      continue
    }
    if (figure.spelled) continue
    // Chemical names: "2,4-D", "1,3-butadiene".
    const after = x.tokens[figure.last + 1]
    const chemical =
      after?.text === '-' &&
      after.start === figure.end &&
      x.tokens[figure.last + 2]?.kind === 'word' &&
      x.tokens[figure.last + 2].start === after.end
    if (chemical) continue
    if (setScores(x.tokens, figure.first)) continue
    if (figure.grouping === 'invalid' || (figure.grouping === 'indian' && !options.indianGrouping)) {
      const raw = figure.raw
      const groups = raw.split('.')[0].split(',')
      const fused = groups.length === 2 && groups[0].length >= 4
      const decimalComma = groups.length === 2 && groups[0].length <= 3 && groups[1].length !== 3 && !raw.includes('.')
      const reason =
        `Unexpected digit grouping in ${code(raw)}: commas separate groups of three digits` +
        (fused ? ', so this looks like two figures run together' : '')
      report(figure.start, figure.end, reason, {
        actual: raw,
        expected: decimalComma ? [groups.join('.')] : undefined,
        note: fused
          ? `\`${groups[0]}\` and \`${groups[1]}\` are probably two figures fused into one; check both against the source.`
          : decimalComma
            ? 'English uses a decimal point, not a decimal comma; or two figures lost the space between them.'
            : 'In English copy a comma is followed by exactly three digits (1,234,567).'
      })
      continue
    }
    if (figure.decimalPoints > 1 && (figure.percent || figure.magnitude || figure.currency)) {
      const shown = text.slice(figure.start, figure.exprEnd)
      report(figure.start, figure.exprEnd, `Unexpected number ${code(shown)}: a number has at most one decimal point`, {
        actual: shown,
        note: 'Two figures may have been fused, or a decimal point doubled; check the source.'
      })
    }
  }
})

export default garbledNumeral

/**
 * Sports scores in sets, written without spaces: "1-6,4-6", "6-3,6-4,7-5". The tokens read
 * `6,4` as one number; a hyphen joining digits on either side of it (`1-6,4` or `6,4-6`)
 * marks games of two sets, not digit grouping.
 */
function setScores(tokens: Token[], at: number): boolean {
  const token = tokens[at]
  const groups = (token.digits ?? token.text).split(',')
  if (groups.length !== 2 || groups.some((group) => group.length > 2)) return false
  const hyphenBefore =
    tokens[at - 1]?.text === '-' &&
    touching(tokens[at - 2], tokens[at - 1]) &&
    touching(tokens[at - 1], token) &&
    tokens[at - 2]?.kind === 'number'
  const hyphenAfter =
    tokens[at + 1]?.text === '-' &&
    touching(token, tokens[at + 1]) &&
    touching(tokens[at + 1], tokens[at + 2]) &&
    tokens[at + 2]?.kind === 'number'
  return hyphenBefore || hyphenAfter
}

const FULL_WIDTH_DIGIT = /^[\uFF10-\uFF19]$/u
const FULL_WIDTH_SEPARATOR = /^[\uFF0C\uFF0E]$/u
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/**
 * Figures garbled in their characters rather than their digits: the percent sign before
 * the number (`%5.6`), a separator doubled (`1..5`, `3,,500`), and full-width digits or
 * separators from a Chinese input method (`３，５００`, `3，500`, `1．5`) in English copy.
 */
function checkGlyphs(text: string, tokens: Token[], report: Report): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    // "%5.6": a percent sign written before its number, not after another figure.
    if (token.text === '%' && tokens[i + 1]?.kind === 'number' && touching(token, tokens[i + 1])) {
      const before = tokens[i - 1]
      if (!(before && touching(before, token) && (before.kind === 'number' || before.kind === 'word'))) {
        const number = tokens[i + 1]
        const actual = text.slice(token.start, number.end)
        const expected = `${number.text}%`
        report(token.start, number.end, `Unexpected ${code(actual)}, expected ${code(expected)}`, {
          actual,
          expected: [expected],
          note: 'English writes the percent sign after the number.'
        })
        i++
        continue
      }
    }
    // "1..5", "3,,500": a separator doubled between two groups of digits.
    if (
      token.kind === 'number' &&
      (tokens[i + 1]?.text === '.' || tokens[i + 1]?.text === ',') &&
      tokens[i + 2]?.text === tokens[i + 1].text &&
      tokens[i + 3]?.kind === 'number' &&
      touching(token, tokens[i + 1]) &&
      touching(tokens[i + 1], tokens[i + 2]) &&
      touching(tokens[i + 2], tokens[i + 3]) &&
      !touching(tokens[i + 3], tokens[i + 4])
    ) {
      const actual = text.slice(token.start, tokens[i + 3].end)
      const expected = `${token.text}${tokens[i + 1].text}${tokens[i + 3].text}`
      report(token.start, tokens[i + 3].end, `Unexpected ${code(actual)}, expected ${code(expected)}`, {
        actual,
        expected: [expected],
        note: 'A separator is doubled inside the number; check the figure against the source.'
      })
      i += 3
      continue
    }
    // "３，５００", "3，500", "1．5": full-width digits or separators touching digits.
    if (
      FULL_WIDTH_DIGIT.test(token.text) ||
      (token.kind === 'number' && FULL_WIDTH_SEPARATOR.test(tokens[i + 1]?.text ?? ''))
    ) {
      let last = i
      let fullWidth = FULL_WIDTH_DIGIT.test(token.text)
      while (last + 1 < tokens.length && touching(tokens[last], tokens[last + 1]) && isFigurePiece(tokens[last + 1])) {
        last++
        if (FULL_WIDTH_DIGIT.test(tokens[last].text) || FULL_WIDTH_SEPARATOR.test(tokens[last].text)) fullWidth = true
      }
      // A separator must stand between digits; Chinese text around the figure is Chinese copy.
      while (last > i && FULL_WIDTH_SEPARATOR.test(tokens[last].text)) last--
      const actual = text.slice(token.start, tokens[last].end)
      const around = text.slice(Math.max(0, token.start - 2), Math.min(text.length, tokens[last].end + 2))
      if (fullWidth && /[\d\uFF10-\uFF19]/u.test(actual) && actual.length > 1 && !CJK.test(around)) {
        const expected = actual.normalize('NFKC')
        report(
          token.start,
          tokens[last].end,
          `Unexpected full-width characters in ${code(actual)}, expected ${code(expected)}`,
          {
            actual,
            expected: [expected],
            note: 'Full-width digits and separators come from a Chinese input method; English copy uses ASCII digits, commas and points.'
          }
        )
      }
      i = last
    }
  }
}

/** A digit group or separator that may continue a figure: ASCII or full-width. */
function isFigurePiece(token: Token): boolean {
  return (
    token.kind === 'number' ||
    token.text === ',' ||
    token.text === '.' ||
    FULL_WIDTH_DIGIT.test(token.text) ||
    FULL_WIDTH_SEPARATOR.test(token.text)
  )
}
