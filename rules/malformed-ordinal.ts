/**
 * ## malformed-ordinal
 *
 * Catches ordinals written wrong: a wrong suffix (`21th`, `11st`, `2th`,
 * `12nd`, `101th`, `23th`); an ordinal garbled inside its word, with a stray
 * letter before or after the suffix or a letter for a digit (`2ith`, `21sth`,
 * `3thd`, `2oth` for 20th); a cardinal where the name of a numbered event takes
 * an ordinal (`the 20 China-ASEAN ... Forum`, `the 3 Plenary Session`, `the 14
 * National People's Congress`); and decades in Chinese order, in figures or words
 * (`the twenties of the eightieth century`) (`the 20s of the 80th century`, `the 90s of the last
 * century`, `the 50s of the 19th century`), with the English form as the fix.
 *
 * Why: Chinese writes 第20届 ("the 20th session") and 20世纪80年代 ("the 80s of
 * the 20th century"); rendered literally, or with the numbers swapped, the
 * English is wrong or nonsense (the 80th century is six thousand years away).
 *
 * Silent on: letters after a number that make another word (`4x4`, `3D`,
 * `10am`, `5km`, `12mth`, `A320neo`, `4ths`, `2nds`); real counts (`the 10 ASEAN member states`, `the 20 member
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
 * ```text valid
 * The 4x4 left at 10am with a 3D printer, 5km before the 2nd stop; three 4ths voted yes.
 * ```
 *
 * ```text invalid
 * Delegates met for the 21sth time; she finished 3thd.
 * ```
 *
 * ```text output
 * 1:23-1:28: Unexpected garbled ordinal `21sth`, expected `21st`
 * 1:48-1:52: Unexpected garbled ordinal `3thd`, expected `3rd`
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

/** The lexicon's event nouns with the configured ones: made once per configured list, not once per story. */
const eventNounSets = new WeakMap<string[], {base: Set<string>; all: Set<string>}>()

function eventNounsWith(base: Set<string>, extra: string[]): Set<string> {
  if (extra.length === 0) return base
  const known = eventNounSets.get(extra)
  if (known && known.base === base) return known.all
  const all = new Set([...base, ...extra.map((noun) => noun.toLowerCase())])
  eventNounSets.set(extra, {base, all})
  return all
}

const malformedOrdinal = defineRule<{eventNouns: string[]}>(meta, (x, options, report) => {
  const {tokens, lexicon: lex} = x
  const eventNouns = eventNounsWith(lex.eventNouns, options.eventNouns)

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

  // Ordinals garbled inside the word: "2ith", "21sth", "3thd", "2oth".
  for (const token of tokens) {
    if (token.kind !== 'number' || !token.suffix || !token.digits || !/^\d+$/.test(token.digits)) continue
    const garble = garbledOrdinal(token.digits, token.suffix)
    if (!garble) continue
    const actual = token.text
    const fix = garble.expected === undefined ? '' : `, expected ${code(garble.expected)}`
    report(token.start, token.end, `Unexpected garbled ordinal ${code(actual)}${fix}`, {
      actual,
      expected: garble.expected === undefined ? undefined : [garble.expected],
      note: `The letters after ${token.digits} mix an ordinal suffix (-st, -nd, -rd, -th) with ${garble.stray}: an ordinal garbled in typing, OCR or translation. Check the number against the source.`
    })
  }

  // Cardinals before the name of a numbered event.
  const {chainAt} = x
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

const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th']
/** Letters of the ordinal suffixes: one too many of them is a slip of the keys ("21sth", "2ndd"). */
const SUFFIX_LETTERS = new Set('stndrh')
/** Letters read for digits (OCR, typing): o for 0, l and i for 1 ("2oth" is 20th, "2lst" 21st). */
const DIGIT_LOOKALIKES = new Map([
  ['o', '0'],
  ['l', '1'],
  ['i', '1']
])

/**
 * An ordinal garbled inside its word: one or two stray letters before the suffix ("2ith",
 * "21sth", "2oth"), or one after it ("3thd", "2ndd"; not "s": "4ths" and "2nds" are plurals).
 * Only letters of the suffixes or letters read for digits count as stray: "12mth" (months),
 * "4cast", "2and" are other words. The fix when it is certain: digits read back ("2oth":
 * 20th), the number with its suffix ("1lth": 1 is no 1th, so 11th; "21sth": 21st), none
 * when two readings fit ("4oth": 40th or 4th).
 */
export function garbledOrdinal(digits: string, suffix: string): {expected?: string; stray: string} | undefined {
  if (suffix !== suffix.toLowerCase() && suffix !== suffix.toUpperCase()) return undefined
  const upper = suffix !== suffix.toLowerCase()
  const letters = suffix.toLowerCase()
  if (letters.length < 3 || letters.length > 4 || ORDINAL_SUFFIXES.includes(letters)) return undefined
  const cased = (text: string) => (upper ? text.toUpperCase() : text)
  const value = Number(digits)
  const tail = letters.slice(-2)
  if (ORDINAL_SUFFIXES.includes(tail)) {
    const stray = letters.slice(0, -2)
    if ([...stray].every((letter) => DIGIT_LOOKALIKES.has(letter))) {
      // "2oth": 20th (2th is no ordinal); "4oth" may be 40th or 4th, "11ith" 111th or 11th: no fix.
      const read = digits + [...stray].map((letter) => DIGIT_LOOKALIKES.get(letter)).join('')
      const asDigits = ordinalSuffix(Number(read)) === tail
      const asSlip = ordinalSuffix(value) === tail
      const expected = asDigits && !asSlip ? read + cased(tail) : asSlip && !asDigits ? digits + cased(tail) : undefined
      return {expected, stray: `letters read for digits (${cased(stray)})`}
    }
    if ([...stray].every((letter) => SUFFIX_LETTERS.has(letter))) {
      return {expected: digits + cased(ordinalSuffix(value)), stray: `stray letters (${cased(stray)})`}
    }
    return undefined
  }
  const head = letters.slice(0, 2)
  const extra = letters.slice(2)
  if (ORDINAL_SUFFIXES.includes(head) && extra.length === 1 && extra !== 's' && SUFFIX_LETTERS.has(extra)) {
    return {expected: digits + cased(ordinalSuffix(value)), stray: `a stray letter (${cased(extra)})`}
  }
  return undefined
}

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
