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
 * Silent on: ratios that may exceed 100 (trade or debt as a share of GDP, growth
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
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import type {Entity} from '../src/knowledge/base.js'
import {isCapitalized} from '../src/extract/tokens.js'
import {oldestHumanAge} from '../src/extract/ages.js'

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

export function formatCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)} billion`
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} million`
  return Math.round(value).toLocaleString('en-US')
}

const impossibleFigure = defineRule<{populationFactor: number; maxAge: number}>(meta, (x, options, report) => {
  checkPopulations(x, options.populationFactor, report)
  checkShares(x, report)
  checkAges(x, options.maxAge, report)
  checkDates(x, report)
  checkTimes(x, report)
})

export default impossibleFigure

// ---------------------------------------------------------------------------

function checkPopulations(x: Extraction, factor: number, report: Report): void {
  const {tokens, lexicon: lex, knowledge} = x
  const {worldPopulationMargin, worldPopulationBoundMargin, historicalBeforeYear} = lex.tolerances
  const world = knowledge.data.world?.population
  const peak = knowledge.bound('world.population.peak_projection')
  if (!world) return
  const lower = (i: number) => tokens[i]?.lower
  for (const figure of x.figures) {
    if (figure.value === null || figure.percent || figure.currency || figure.placeholder || figure.suffixed) continue
    if (figure.value < 1000) continue
    // Where the phrase before the figure starts, skipping "more than" etc.
    const before = figure.exprFirst - 1 - (figure.approx ? figure.approx.split(' ').length : 0)
    let claim = false
    let subject: Entity[] | undefined
    // "population of X", "a total population of X"
    if (lower(before) === 'of' && (lower(before - 1) === 'population' || lower(before - 1) === 'populations')) {
      claim = true
      subject = subjectBeforePopulationPhrase(x, before - 1)
    } else if (lower(before) && lex.populationVerbs.has(lower(before)!)) {
      // "the population of Vietnam is X", "China's population stands at X"
      let k = before
      if (lower(k) === 'at' && (lower(k - 1) === 'stands' || lower(k - 1) === 'stood')) k--
      const chain = x.chainEndingAt.get(k - 1)
      if (chain && lower(chain.first - 1) === 'of' && lower(chain.first - 2) === 'population') {
        claim = true
        subject = resolveGroup(x, chain.words)
      } else if (lower(k - 1) === 'population') {
        claim = true
        const owner = possessiveAt(x, k - 2)
        subject = owner ? resolveGroup(x, owner.words) : undefined
      }
    }
    // "X people", "X inhabitants"
    if (
      !claim &&
      figure.next !== undefined &&
      lex.populationNouns.has(tokens[figure.next].lower) &&
      !isCapitalized(tokens[figure.next])
    ) {
      const after = lower(figure.next + 1)
      if (after === 'times' || after === 'trips' || after === 'visits') continue
      claim = true
      // "X is home to N people", "X, home to N people", "X has N inhabitants",
      // "X, a country of N people", "X's N people"
      if (lower(before) === 'to' && lower(before - 1) === 'home') {
        subject = subjectBefore(x, lower(before - 2) === 'is' || lower(before - 2) === 'are' ? before - 3 : before - 2)
      } else if (lower(before) === 'has' || lower(before) === 'have' || lower(before) === 'had') {
        subject = subjectBefore(x, before - 1)
      } else if (
        lower(before) === 'of' &&
        lex.polityNouns.has(lower(before - 1) ?? '') &&
        (lower(before - 2) === 'a' || lower(before - 2) === 'an')
      ) {
        subject = subjectBefore(x, before - 3)
      } else {
        const owner = possessiveAt(x, before)
        if (owner) subject = resolveGroup(x, owner.words)
      }
    }
    if (!claim) continue

    const sentence = sentenceTokens(x, figure.first)
    // A projection or a cumulative count before the figure ("will reach 9.7 billion"),
    // or a target year near it ("... by 2050").
    const projection =
      sentence.some((i) => i >= figure.first - 8 && i < figure.first && lex.projectionWords.has(tokens[i].lower)) ||
      sentence.some(
        (i) =>
          Math.abs(i - figure.first) <= 8 && tokens[i].lower === 'by' && /^\d{4}$/.test(tokens[i + 1]?.digits ?? '')
      )
    const historical = sentence.some(
      (i) =>
        tokens[i].kind === 'number' &&
        /^1\d{3}$/.test(tokens[i].digits ?? '') &&
        Number(tokens[i].digits) < historicalBeforeYear
    )
    const shown = x.text.slice(figure.start, figure.exprEnd)
    const known = subject ? total(subject) : undefined
    const limit = projection && peak ? Math.max(world.value, peak.value) : world.value
    if (
      figure.value > limit * worldPopulationMargin &&
      !(figure.approx && lex.approxNotOver.has(figure.approx) && figure.value <= limit * worldPopulationBoundMargin)
    ) {
      const expected = known && !projection ? formatCount(known.value) : undefined
      report(
        figure.start,
        figure.exprEnd,
        `Unexpected population ${code(shown)}: more than the world's ${formatCount(world.value)}`,
        {
          actual: shown,
          expected: expected ? [expected] : undefined,
          note:
            `The world's population was ${formatCount(world.value)} in ${world.year ?? 'the latest year'} (${world.source}).` +
            (known ? ` ${known.label} had about ${formatCount(known.value)} (${known.source}).` : '')
        }
      )
      continue
    }
    if (!known || projection || historical) continue
    const ratio = figure.value / known.value
    if (ratio > factor && !(figure.approx && lex.approxNotOver.has(figure.approx))) {
      reportPopulation()
    } else if (ratio < 1 / factor && !(figure.approx && lex.approxAtLeast.has(figure.approx))) {
      reportPopulation()
    }

    function reportPopulation(): void {
      const expected = formatCount(known!.value)
      report(
        figure.start,
        figure.exprEnd,
        `Unexpected population ${code(shown)} for ${known!.label}, expected about ${expected}`,
        {
          actual: shown,
          expected: [expected],
          note: `${known!.label} had ${expected} people in ${known!.year ?? 'the latest year'} (${known!.source}); ${shown} is off by more than a factor of ${factor}.`
        }
      )
    }
  }
}

/** The subject of "... with/has a (total) population of": an entity list, directly or through "are ... markets". */
function subjectBeforePopulationPhrase(x: Extraction, populationIndex: number): Entity[] | undefined {
  const {tokens} = x
  let k = populationIndex - 1
  if (tokens[k]?.lower === 'total') k--
  if (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'an') k--
  const verb = tokens[k]?.lower
  if (verb === 'has' || verb === 'have' || verb === 'had') return subjectBefore(x, k - 1)
  if (verb !== 'with') {
    // "China's population of X"
    const owner = possessiveAt(x, populationIndex - 1)
    return owner ? resolveGroup(x, owner.words) : undefined
  }
  k--
  if (tokens[k]?.text === ',') k--
  // "China, with a population of": the entity itself.
  const direct = x.chainEndingAt.get(k)
  if (direct) return resolveGroup(x, direct.words)
  // "China and ASEAN are ultra-large-scale markets with a population of"
  if (!tokens[k] || !x.lexicon.polityNouns.has(tokens[k].lower)) return undefined
  for (let steps = 0; steps < 8 && k > 0; steps++) {
    k--
    const t = tokens[k]
    if (!t) return undefined
    if (t.kind === 'word' && x.lexicon.linkVerbs.has(t.lower)) return subjectBefore(x, k - 1)
    if (t.kind === 'word' && !isCapitalized(t) && !x.lexicon.orgWords.has(t.lower)) continue
    if (t.text === '-') continue
    return undefined
  }
  return undefined
}

/** An entity list ending at token `k` ("China and ASEAN", "Vietnam"), starting a clause. */
function subjectBefore(x: Extraction, k: number): Entity[] | undefined {
  // "Indonesia, a country of ...": an appositive after a comma.
  if (x.tokens[k]?.text === ',') k--
  const chain = x.chainEndingAt.get(k)
  if (!chain) return undefined
  const prev = x.tokens[chain.first - 1]
  // The list must start the clause (after a quote, a bracket, a comma or nothing).
  if (prev && prev.kind === 'word') return undefined
  return resolveGroup(x, chain.words)
}

/** Resolve "China and ASEAN" to [China, ASEAN]; any unknown part makes it unknown. */
function resolveGroup(x: Extraction, words: string[]): Entity[] | undefined {
  const whole = x.knowledge.entityByName(words.join(' '))
  if (whole) return [whole]
  const parts: string[][] = [[]]
  for (const w of words) {
    if (w.toLowerCase() === 'and' || w === '&') parts.push([])
    else parts[parts.length - 1].push(w)
  }
  if (parts.length < 2) return undefined
  const entities: Entity[] = []
  for (const part of parts) {
    const entity = part.length ? x.knowledge.entityByName(part.join(' ')) : undefined
    if (!entity) return undefined
    entities.push(entity)
  }
  return entities
}

function total(entities: Entity[]): {value: number; label: string; year?: number; source: string} | undefined {
  let value = 0
  const years = new Set<number>()
  const sources = new Set<string>()
  for (const entity of entities) {
    // A country listed beside its own bloc is counted once.
    if (entities.some((other) => other !== entity && other.members?.includes(entity.code))) continue
    if (!entity.population) return undefined
    value += entity.population.value
    if (entity.population.year) years.add(entity.population.year)
    sources.add(entity.population.source)
  }
  const names = entities.map((e) => (e.kind === 'bloc' ? e.code : e.name))
  const label = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]
  return {value, label, year: years.size === 1 ? [...years][0] : undefined, source: [...sources].join('; ')}
}

function possessiveAt(x: Extraction, k: number) {
  const chain = x.chainEndingAt.get(k)
  return chain?.possessive ? chain : undefined
}

function sentenceTokens(x: Extraction, index: number): number[] {
  const s = x.tokenSentence[index]
  const out: number[] = []
  for (let i = index; i >= 0 && x.tokenSentence[i] === s && index - i < 80; i--) out.push(i)
  for (let i = index + 1; i < x.tokens.length && x.tokenSentence[i] === s && i - index < 80; i++) out.push(i)
  return out
}

function checkShares(x: Extraction, report: Report): void {
  const {tokens, lexicon: lex} = x
  const lower = (i: number) => tokens[i]?.lower
  for (const figure of x.figures) {
    if (!figure.percent || figure.percentagePoints || figure.value === null || figure.value <= 100) continue
    const before = figure.exprFirst - 1 - (figure.approx ? figure.approx.split(' ').length : 0)
    const afterIndex = figure.exprLast + 1
    let share = false
    // "accounted for 130 percent of", "made up 130% of"
    if ((lower(before) === 'for' || lower(before) === 'up') && lex.shareVerbs.has(lower(before - 1) ?? '')) share = true
    else if (
      lex.shareVerbs.has(lower(before) ?? '') &&
      lower(before) !== 'made' &&
      lower(before) !== 'make' &&
      lower(before) !== 'makes'
    )
      share = true
    // "a share of 130%"
    else if (lower(before) === 'of' && (lower(before - 1) === 'share' || lower(before - 1) === 'proportion'))
      share = true
    // "130% of (the) voters", "a 130% stake"
    let k = afterIndex
    if (lower(k) === 'of') {
      k++
      if (lower(k) === 'the' || lower(k) === 'all' || lower(k) === 'its' || lower(k) === 'their') k++
      if (lex.shareWholes.has(lower(k) ?? '')) share = true
    } else if (lower(k) === 'stake' || lower(k) === 'share') {
      share = true
    }
    if (!share) continue
    const shown = x.text.slice(figure.start, figure.exprEnd)
    report(figure.start, figure.exprEnd, `Unexpected share ${code(shown)} of a whole: a share cannot exceed 100%`, {
      actual: shown,
      note: 'A part of a whole is at most 100% of it. Ratios such as debt or trade to GDP, growth rates and comparisons with a target may exceed 100; this one reads as a share.'
    })
  }
}

function checkAges(x: Extraction, maxAgeOption: number, report: Report): void {
  const {tokens, lexicon: lex} = x
  const oldest = oldestHumanAge(x.knowledge)
  const bound = oldest?.bound
  const maxAge = maxAgeOption > 0 ? maxAgeOption : oldest?.years
  // Without the option or the bound in the knowledge base there is nothing to check against.
  if (maxAge === undefined) return
  const lower = (i: number) => tokens[i]?.lower
  const personEndingAt = new Set(x.persons.map((p) => p.last))
  for (const {figure, yearOld, before} of x.ages) {
    const n = figure.value!
    if (figure.percent || figure.currency || figure.magnitude || figure.spelled || !Number.isInteger(n)) continue
    if (n <= maxAge || n > lex.tolerances.largestAgeFigure) continue
    const after = figure.exprLast + 1
    const age =
      // "130-year-old woman"
      (yearOld && lex.humanNouns.has(lower(after + 2) ?? '')) ||
      // "aged 130", "at the age of 130"
      before === 'aged' ||
      before === 'age-of' ||
      // "Pham Van An, 130, said"
      (before === 'apposition' && tokens[after]?.text === ',' && personEndingAt.has(figure.first - 2))
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

function checkDates(x: Extraction, report: Report): void {
  for (const date of x.dates) {
    const {name: monthName, days: max} = x.lexicon.calendarMonths[date.month - 1]
    if (date.day > max) {
      // The day is the error; the year plays no part in it.
      const end = Math.max(x.tokens[date.dayToken].end, x.tokens[date.monthToken].end)
      const shown = x.text.slice(date.start, end)
      report(date.start, end, `Unexpected date ${code(shown)}: ${monthName} has at most ${max} days`, {
        actual: shown,
        note: `${monthName} has ${max === 29 ? '28 days, 29 in leap years' : `${max} days`}.`
      })
    } else if (date.month === 2 && date.day === 29 && date.year !== undefined && !isLeap(date.year)) {
      const shown = x.text.slice(date.start, date.end)
      report(date.start, date.end, `Unexpected date ${code(shown)}: ${date.year} is not a leap year`, {
        actual: shown,
        note: `February has 29 days only in leap years; ${date.year} is not one.`
      })
    }
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function checkTimes(x: Extraction, report: Report): void {
  for (const time of x.times) {
    if (!time.clock) continue
    if (time.hour > 24 || time.minute > 59 || (time.hour === 24 && time.minute > 0)) {
      const shown = x.text.slice(time.start, time.end)
      report(time.start, time.end, `Unexpected time ${code(shown)}: no such time of day`, {
        actual: shown,
        note: 'A clock runs from 00:00 to 23:59 (24:00 for midnight).'
      })
    }
  }
}
