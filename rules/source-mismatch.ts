/**
 * ## source-mismatch
 *
 * Checks a translation against its Chinese source: every figure, ordinal, date,
 * time and decade in the English must render one in the source, with the same
 * value (3800亿美元 = US$380 billion, 18亿 = 1.8 billion, 近2000家 = nearly
 * 2,000, 第20届 = 20th, 9月9日 = September 9, 20世纪80年代 = the 1980s, 六成 =
 * 60%, 19倍 = 19 times, 9时30分 = 9:30 a.m., 二十大 = the 20th Party Congress),
 * and the amounts, percentages, counts and ordinals of the source must not be
 * lost. It runs only when a story has a source: `copydesk --source
 * story.zh.txt story.en.txt`, or `source` in `.copydeskrc`.
 *
 * Why: a translation pipeline that loses its figures writes "US$7 billion" for
 * US$380 billion; no check of the English alone can see that.
 *
 * How the Chinese is read: src/zh (magnitudes with no digit such as 上万, 万名,
 * 百亿元, 数十, 几百; approximations 近, 约, 超, 逾, 多, 余, 左右; ranges 七八十
 * and 2.4万至2.6万; fractions 三分之一; 成; 倍; 百分点; dates, clock times and
 * 第; traditional characters; words with numerals that are not figures, such
 * as 一带一路, 一些, 统一, 十分, 万一 and set phrases; political numbering such
 * as 二十大, 十四五, 九二共识; numbered names such as 火星-17, 东风-41 and
 * 神舟十五号, which are names and not counts). How the English is read: digits, words ("the
 * fourth", "a dozen", "twice", "19-fold", "half", "tens of thousands"), Roman
 * numerals after "Level" or "War", weekdays for a day of the month, month
 * names, "a.m."/"p.m." times and ranges ("May 3 to 5").
 *
 * Alignment: paragraph by paragraph when both texts have the same number of
 * paragraphs; otherwise sentence by sentence, by their figures and their
 * lengths, so a paragraph the translator split or merged still lines up.
 *
 * When it warns (each decision measured on two professional translations of
 * the same Chinese and on machine translation with MQM error marks; the
 * numbers are in MEASURE.md):
 * - an English figure the source has with another value, magnitude, currency,
 *   unit or kind; the message names the source figure and offers its English
 *   forms (`US$7 billion` for 3800亿美元; `81 percent` for 18%; `19th` for
 *   二十大; `$6,000` for 6000元; `10 pounds` for 10公斤; `15` or `15 days` for
 *   the date 15日; `80` for 80后; `20` for 二十大);
 * - a numbered political term rendered without its name (`the 20th spirit`
 *   for 二十大精神: the English needs "Congress" beside the 20th);
 * - a numbered name rendered word for word, with its number but not its name
 *   (`Mars 17` for 火星-17, the Hwasong-17; `East Wind 41` for 东风-41, the
 *   DF-41; `Divine Vessel 15` for 神舟十五号, Shenzhou 15): the names are in
 *   data/zh.yaml (`numbered_names`); 火星 alone is the planet, and a
 *   translation that drops the number is left alone;
 * - an English figure the source does not have at all (a digit figure of 10 or
 *   more, an amount, a percentage, an ordinal, a year, a date);
 * - a month the English adds to a day the source gives alone (`June 12` for
 *   12日) when neither the source nor the dateline names any month;
 * - a source figure the translation lost, for the classes where a lost figure
 *   measured as an error: amounts, percentages, counts of 10 or more with a
 *   unit or measure word, multiples (倍), ordinals, years, political terms,
 *   dates and days (5月3日, 26日). The message points at the start of the
 *   English sentence where the figure should be.
 *
 * It stays silent on: a figure the English repeats from another paragraph, or
 * one sentence off when sentences are aligned; a date moved into the dateline;
 * a day written as a weekday ("on Sunday" for 26日) or as "today"; the year
 * the English writes for 今年 or 去年, the date it writes for 当天; a currency
 * conversion the English adds beside a figure it renders ("US$7.5 billion
 * (£6.2 billion)"); unit conversions (6斤 as 3 kg, 公里 as miles); spelled-out
 * small numbers; months alone, clock times, decades, bare numbers with no unit
 * (codes, service numbers), counts under 10, numerals written as words (一家,
 * 两国, 万名), indefinite amounts (上万, 数十), fractions and generations that
 * the English leaves out. On the professional translations those lost-figure
 * classes gave some 560 warnings and no error (translators write "three", "a
 * company", "thousands"); dates and days gave none there and 23 on the machine
 * translations, 17 of them omissions the raters marked.
 *
 * ### Examples
 *
 * The examples run with this source:
 * 截至今年7月，中国与东盟双向投资累计超3800亿美元，在东盟设立直接投资企业超6500家。同月，神舟十四号乘组完成出舱任务。
 *
 * ```text valid
 * As of July, two-way investment exceeded US$380 billion, and more than 6,500 direct investment enterprises had been set up in ASEAN.
 * ```
 *
 * ```text invalid
 * As of July this year, the cumulative two-way investment between China and ASEAN countries exceeded US$7 billion, and more than 3800,6500 direct investment enterprises had been established in ASEAN.
 * ```
 *
 * ```text output
 * 1:100-1:112: Unexpected `US$7 billion`: the source has `3800亿美元` (US$380 billion)
 * ```
 *
 * ```text invalid
 * As of July, two-way investment exceeded US$380 billion, and more than 5,600 enterprises had been set up.
 * ```
 *
 * ```text output
 * 1:71-1:76: Unexpected `5,600`: the source has `6500家` (6,500)
 * ```
 *
 * ```text valid
 * By July, two-way investment had topped 380 billion US dollars, with over 6,500 companies set up in ASEAN.
 * ```
 *
 * ```text invalid
 * As of July, two-way investment exceeded 380 billion yuan, and more than 6,500 enterprises had been set up in ASEAN.
 * ```
 *
 * ```text output
 * 1:41-1:57: Unexpected `380 billion yuan`: the source has `3800亿美元` (US$380 billion)
 * ```
 *
 * ```text valid
 * As of July, two-way investment exceeded US$380 billion, and more than 6,500 enterprises had been set up. That month the Shenzhou-14 crew completed a spacewalk.
 * ```
 *
 * ```text invalid
 * As of July, two-way investment exceeded US$380 billion, and more than 6,500 enterprises had been set up. That month the Divine Vessel 14 crew completed a spacewalk.
 * ```
 *
 * ```text output
 * 1:121-1:137: Unexpected `Divine Vessel 14`: the source's `神舟十四号` is the Shenzhou 14
 * ```
 *
 * ```text invalid
 * As of July, two-way investment exceeded US$380 billion.
 * ```
 *
 * ```text output
 * 1:1-1:3: Missing figure: the source's `6500家` (6,500) is not in the translation
 * ```
 */
import {defineRule, type RuleMeta} from '../src/core/rule.js'
import {zhData} from '../src/zh/data.js'
import {readChinese} from '../src/zh/figures.js'
import {checkTranslation} from './source-mismatch/check.js'

export const meta: RuleMeta = {
  id: 'source-mismatch',
  description: 'Figures, ordinals, dates and decades that differ between a translation and its Chinese source',
  suggestions: true,
  options: {}
}

declare module 'vfile' {
  interface DataMap {
    /** The story's source text (Chinese), when linted against one. */
    source: {path: string; text: string}
  }
}

const sourceMismatch = defineRule<Record<string, never>>(meta, (x, _options, report, file) => {
  const source = file.data.source
  if (!source) return
  const data = zhData()
  const year = Number(x.storyDate.date.slice(0, 4))
  const reading = readChinese(source.text, {referenceYear: year, data})
  for (const finding of checkTranslation(x, source.text, reading, data)) {
    report(finding.start, finding.end, finding.reason, {
      actual: finding.actual,
      expected: finding.expected,
      note: finding.note,
      // Where the named source figure stands, so the page can mark it in the source box.
      data: finding.source ? {source: finding.source} : undefined
    })
  }
})

export default sourceMismatch
