/**
 * ## malformed-ordinal
 *
 * Catches ordinals written wrong: a wrong suffix (`21th`, `11st`, `2th`,
 * `12nd`, `101th`, `23th`); a cardinal where the name of a numbered event takes
 * an ordinal (`the 20 China-ASEAN ... Forum`, `the 3 Plenary Session`, `the 14
 * National People's Congress`); and decades in Chinese order, in figures or words
 * (`the twenties of the eightieth century`) (`the 20s of the 80th century`, `the 90s of the last
 * century`, `the 50s of the 19th century`), with the English form as the fix.
 *
 * Why: Chinese writes 第20届 ("the 20th session") and 20世纪80年代 ("the 80s of
 * the 20th century"); rendered literally, or with the numbers swapped, the
 * English is wrong or nonsense (the 80th century is six thousand years away).
 *
 * Silent on: real counts (`the 10 ASEAN member states`, `the 20 member
 * economies`, `the 2 Sessions`, `the 18 Pacific Islands Forum members`), years (`the 2023 Summit`), correct ordinals.
 *
 * ### Options
 *
 * - `eventNouns` (list of strings, default `[]`): more nouns that end the name of
 *   a numbered event, beside those in data/lexicon.yaml.
 *
 * ### Examples
 *
 * ```text valid
 * The 20th China-ASEAN Expo and the 10 ASEAN member states met the 20 member economies.
 * It was the 21st, 22nd, 23rd, 11th, 12th and 101st time since the 1980s.
 * In the twenties of the century, cities grew; the 10 ASEAN members’ leaders met.
 * ```
 *
 * ```text invalid
 * Deputies met for the 13 National People’s Congress, as in the twenties of the ninetieth century.
 * ```
 *
 * ```text output
 * 1:22-1:24: Unexpected cardinal `13` before the name of a numbered event, expected the ordinal `13th`
 * 1:59-1:96: Unexpected decade in Chinese order `the twenties of the ninetieth century`, expected `the 1990s`
 * ```
 *
 * ```text invalid
 * He spoke at the 20 China-ASEAN Production Capacity and Investment Cooperation Forum.
 * ```
 *
 * ```text output
 * 1:17-1:19: Unexpected cardinal `20` before the name of a numbered event, expected the ordinal `20th`
 * ```
 *
 * ```text invalid
 * The company has entered the ASEAN market since the 20s of the 80th century.
 * ```
 *
 * ```text output
 * 1:48-1:75: Unexpected decade in Chinese order `the 20s of the 80th century`, expected `the 1980s`
 * ```
 *
 * ```text invalid
 * It was the 21th meeting, the 11st round and the 3 Plenary Session.
 * ```
 *
 * ```text output
 * 1:12-1:16: Unexpected ordinal `21th`, expected `21st`
 * 1:30-1:34: Unexpected ordinal `11st`, expected `11th`
 * 1:49-1:50: Unexpected cardinal `3` before the name of a numbered event, expected the ordinal `3rd`
 * ```
 */
import {code, defineRule, type RuleMeta} from '../src/core/rule.js'
import {isCapitalized} from '../src/extract/tokens.js'
import {ordinalSuffix} from '../src/extract/figures.js'
import {eventNounIndex} from '../src/extract/names.js'
import type {Lexicon} from '../src/knowledge/lexicon.js'

export const meta: RuleMeta = {
  id: 'malformed-ordinal',
  description:
    'Wrong ordinal suffixes, cardinals where a numbered event takes an ordinal, and decades in Chinese order',
  suggestions: true,
  options: {
    eventNouns: {type: 'string[]', default: [], description: 'More nouns that end the name of a numbered event.'}
  }
}

const malformedOrdinal = defineRule<{eventNouns: string[]}>(meta, (x, options, report) => {
  const {tokens, lexicon: lex} = x
  const eventNouns = new Set([...lex.eventNouns, ...options.eventNouns.map((n) => n.toLowerCase())])

  // Wrong suffixes.
  for (const ordinal of x.ordinals) {
    if (ordinal.suffix.toLowerCase() === ordinal.expectedSuffix) continue
    const digits = tokens[ordinal.token].digits!
    const upper = ordinal.suffix === ordinal.suffix.toUpperCase()
    const expected = digits + (upper ? ordinal.expectedSuffix.toUpperCase() : ordinal.expectedSuffix)
    const actual = tokens[ordinal.token].text
    report(ordinal.start, ordinal.end, `Unexpected ordinal ${code(actual)}, expected ${code(expected)}`, {
      actual,
      expected: [expected],
      note: `English ordinals end in -st, -nd or -rd after 1, 2 and 3 (but 11th, 12th, 13th), and in -th otherwise.`
    })
  }

  // Cardinals before the name of a numbered event.
  const chainAt = new Map(x.chains.map((c) => [c.first, c]))
  for (const figure of x.figures) {
    if (
      figure.spelled ||
      figure.placeholder ||
      figure.suffixed ||
      figure.percent ||
      figure.currency ||
      figure.magnitude
    )
      continue
    if (figure.grouping !== 'none' || figure.decimalPoints > 0 || figure.base === null) continue
    const n = figure.base
    if (!Number.isInteger(n) || n < 1 || n > 999) continue
    const before = tokens[figure.first - 1]
    if (!before || before.lower !== 'the' || figure.next === undefined) continue
    const chain = chainAt.get(figure.next)
    if (!chain || !isCapitalized(tokens[figure.next])) continue
    // The event noun ends the name, or is followed by its complement
    // ("Plenary Session of the Central Committee", "Canton Fair in Guangzhou").
    // A possessive inside the name ("the 14 National People's Congress") splits it in two
    // chains: read on into the chain right after the possessive.
    let words = chain.words
    let nameChain = chain
    const rest = chain.possessive ? chainAt.get(chain.last + 1) : undefined
    if (
      rest &&
      eventNounIndex(
        words.map((w) => w.toLowerCase()),
        eventNouns,
        lex.nameConnectors
      ) < 0
    ) {
      words = [
        ...words.slice(0, -1),
        `${x.text.slice(tokens[chain.last].start, tokens[chain.last].end)}`,
        ...rest.words
      ]
      nameChain = rest
    }
    const lower = words.map((w) => w.toLowerCase())
    const at = eventNounIndex(lower, eventNouns, lex.nameConnectors)
    if (at < 0) continue
    // "the 18 Pacific Islands Forum members": a plural noun after the name makes it a count.
    const after = tokens[nameChain.last + 1]
    if (at === lower.length - 1 && after?.kind === 'word' && !isCapitalized(after) && lex.countNouns.has(after.lower))
      continue
    const expected = `${figure.raw}${ordinalSuffix(n)}`
    report(
      figure.start,
      figure.end,
      `Unexpected cardinal ${code(figure.raw)} before the name of a numbered event, expected the ordinal ${code(expected)}`,
      {
        actual: figure.raw,
        expected: [expected],
        note: `\`the ${figure.raw} ${x.text.slice(chain.start, nameChain.end)}\` names one event in a numbered series, which takes an ordinal; a count would be followed by a plural noun.`
      }
    )
  }

  // Decades in Chinese order: "the 20s of the 80th century".
  const centuryAt = new Map(x.centuries.map((c) => [c.first, c]))
  const storyYear = Number(x.storyDate.date.slice(0, 4))
  const currentCentury = Math.floor((storyYear - 1) / 100) + 1
  for (const decade of x.decades) {
    if (decade.value >= 100) continue
    const of = tokens[decade.last + 1]
    if (of?.lower !== 'of') continue
    // "of the 20th century", "of the last century", "of last century"
    const century =
      tokens[decade.last + 2]?.lower === 'the' ? centuryAt.get(decade.last + 3) : centuryAt.get(decade.last + 2)
    if (!century || (tokens[decade.last + 2]?.lower !== 'the' && !century.relative)) continue
    let centuryNumber: number | undefined = century.value
    if (century.relative) {
      centuryNumber =
        century.relative === 'this' || century.relative === 'current'
          ? currentCentury
          : century.relative === 'next'
            ? currentCentury + 1
            : currentCentury - 1
    }
    if (centuryNumber === undefined) continue
    const reading = decadeYear(decade.value, centuryNumber, currentCentury)
    if (!reading) continue
    const {year, swapped} = reading
    // Start at "the" and keep "early", "mid", "late".
    let first = decade.first
    let qualifier = ''
    if (lex.decadeQualifiers.has(tokens[first - 1]?.lower ?? '') && tokens[first - 2]?.lower === 'the') {
      qualifier = tokens[first - 1].text + ' '
      first -= 2
    } else if (tokens[first - 1]?.lower === 'the') {
      first -= 1
    }
    const start = tokens[first].start
    const end = century.end
    const actual = x.text.slice(start, end)
    const article = first < decade.first ? tokens[first].text + ' ' : ''
    const expected = `${article}${qualifier}${year}s`
    report(start, end, `Unexpected decade in Chinese order ${code(actual)}, expected ${code(expected)}`, {
      actual,
      expected: [expected],
      note: swapped
        ? `This is the Chinese 20世纪80年代 order with the numbers swapped: the ${centuryNumber}th century is thousands of years away. English writes the decade in full: ${year}s.`
        : `Chinese writes the decade of a century (世纪…年代); English writes the decade in full: ${year}s.`
    })
  }

  // The same in words: "the twenties of the eightieth century", "the nineties of the last century".
  for (let i = 0; i < tokens.length; i++) {
    const decadeValue = spelledDecade(x.lexicon, tokens[i].lower)
    if (decadeValue === undefined || tokens[i + 1]?.lower !== 'of') continue
    let k = i + 2
    if (tokens[k]?.lower === 'the') k++
    const centuryWord = tokens[k]?.lower ?? ''
    if (tokens[k + 1]?.lower !== 'century' || k === i + 2) continue
    const relative = ['last', 'previous', 'past'].includes(centuryWord) ? currentCentury - 1 : undefined
    const centuryNumber = relative ?? spelledOrdinal(x.lexicon, centuryWord)
    if (centuryNumber === undefined) continue
    const reading = decadeYear(decadeValue, centuryNumber, currentCentury)
    if (!reading) continue
    const first = tokens[i - 1]?.lower === 'the' ? i - 1 : i
    const start = tokens[first].start
    const end = tokens[k + 1].end
    const actual = x.text.slice(start, end)
    const expected = `${first < i ? tokens[first].text + ' ' : ''}${reading.year}s`
    report(start, end, `Unexpected decade in Chinese order ${code(actual)}, expected ${code(expected)}`, {
      actual,
      expected: [expected],
      note: reading.swapped
        ? `This is the Chinese 世纪…年代 order with the numbers swapped: the ${centuryWord} century is thousands of years away. English writes the decade in full: ${reading.year}s.`
        : `Chinese writes the decade of a century (世纪…年代); English writes the decade in full: ${reading.year}s.`
    })
    i = k + 1
  }
})

/**
 * The first year of decade `decade` of century `century`: "the 80s of the 20th century" is
 * 1980; with the numbers swapped ("the 20s of the 80th century"), read back.
 */
function decadeYear(
  decade: number,
  century: number,
  currentCentury: number
): {year: number; swapped: boolean} | undefined {
  if (century >= 1 && century <= currentCentury + 1) return {year: (century - 1) * 100 + decade, swapped: false}
  if (decade >= 1 && decade <= currentCentury + 1 && century % 10 === 0 && century <= 90)
    return {year: (decade - 1) * 100 + century, swapped: true}
  return undefined
}

/** The decade a word names: "twenties" 20, "eighties" 80. */
function spelledDecade(lexicon: Lexicon, word: string): number | undefined {
  return word.endsWith('ies') ? lexicon.tens.get(word.slice(0, -3) + 'y') : undefined
}

/** Irregular ordinal words; the rest add "th" to the cardinal ("fourth") or "ieth" for "-y" ("eightieth"). */
const IRREGULAR_ORDINALS = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fifth', 5],
  ['eighth', 8],
  ['ninth', 9],
  ['twelfth', 12]
])

/** The value of an ordinal word: "twentieth" 20, "twenty-first" 21, "nineteenth" 19. */
function spelledOrdinal(lexicon: Lexicon, word: string): number | undefined {
  const dash = word.lastIndexOf('-')
  if (dash > 0) {
    const tens = lexicon.tens.get(word.slice(0, dash))
    const unit = spelledOrdinal(lexicon, word.slice(dash + 1))
    return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : undefined
  }
  const irregular = IRREGULAR_ORDINALS.get(word)
  if (irregular !== undefined) return irregular
  if (word.endsWith('ieth')) return lexicon.tens.get(word.slice(0, -4) + 'y')
  if (word.endsWith('th')) return lexicon.units.get(word.slice(0, -2))
  return undefined
}

export default malformedOrdinal
