/**
 * Populations the world does not allow: more than the world's, for any subject;
 * off by more than a factor (`populationFactor`) from a country or bloc the
 * knowledge base knows. Projections and historical figures are left alone.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {Entity} from '../../src/knowledge/base.js'
import {populationClaim} from './population-claims.js'

export function checkPopulations(extraction: Extraction, factor: number, report: Report): void {
  const {tokens, lexicon, knowledge} = extraction
  const {worldPopulationMargin, worldPopulationBoundMargin, historicalBeforeYear} = lexicon.tolerances
  const world = knowledge.data.world?.population
  const peak = knowledge.bound('world.population.peak_projection')
  if (!world) return
  for (const figure of extraction.figures) {
    if (figure.value === null || figure.percent || figure.currency || figure.placeholder || figure.suffixed) continue
    if (figure.value < 1000) continue
    const claim = populationClaim(extraction, figure)
    if (!claim) continue
    const {subject} = claim

    const sentence = sentenceTokens(extraction, figure.first)
    // A projection or a cumulative count before the figure ("will reach 9.7 billion"),
    // or a target year near it ("... by 2050").
    const projection =
      sentence.some((i) => i >= figure.first - 8 && i < figure.first && lexicon.projectionWords.has(tokens[i].lower)) ||
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
    const shown = extraction.text.slice(figure.start, figure.exprEnd)
    const known = subject ? total(subject) : undefined
    const limit = projection && peak ? Math.max(world.value, peak.value) : world.value
    if (
      figure.value > limit * worldPopulationMargin &&
      !(figure.approx && lexicon.approxNotOver.has(figure.approx) && figure.value <= limit * worldPopulationBoundMargin)
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
    if (ratio > factor && !(figure.approx && lexicon.approxNotOver.has(figure.approx))) {
      reportPopulation()
    } else if (ratio < 1 / factor && !(figure.approx && lexicon.approxAtLeast.has(figure.approx))) {
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

/** The summed population of the subject's entities, with a label and its sources. */
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

/** The token indices of the sentence of token `index`, near it first. */
function sentenceTokens(extraction: Extraction, index: number): number[] {
  const s = extraction.tokenSentence[index]
  const out: number[] = []
  for (let i = index; i >= 0 && extraction.tokenSentence[i] === s && index - i < 80; i--) out.push(i)
  for (let i = index + 1; i < extraction.tokens.length && extraction.tokenSentence[i] === s && i - index < 80; i++)
    out.push(i)
  return out
}

/** A population as a message writes it: "8.1 billion", "101.0 million". */
function formatCount(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)} billion`
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} million`
  return Math.round(value).toLocaleString('en-US')
}
