/**
 * Where the copy states a population, and of whom: the phrases around a figure
 * and the countries or blocs of the knowledge base they name ("China and ASEAN",
 * "Vietnam's"). Read by the population check.
 */
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import {isCapitalized} from '../../src/extract/tokens.js'
import type {Entity} from '../../src/knowledge/base.js'

/**
 * Whether `figure` is stated as a population, and of whom: "a population of
 * 10 million", "the population of Vietnam is 100 million", "China's population
 * stands at", "home to 10 million people", "has 5 million inhabitants", "a
 * country of 5 million people", "Vietnam's 100 million people". The subject is
 * the countries or blocs the knowledge base knows, or undefined.
 */
export function populationClaim(extraction: Extraction, figure: Figure): {subject?: Entity[]} | undefined {
  const {tokens, lexicon} = extraction
  const lower = (i: number) => tokens[i]?.lower
  // Where the phrase before the figure starts, skipping "more than" etc.
  const before = figure.exprFirst - 1 - (figure.approx ? figure.approx.split(' ').length : 0)
  // "population of X", "a total population of X"
  if (lower(before) === 'of' && (lower(before - 1) === 'population' || lower(before - 1) === 'populations'))
    return {subject: subjectBeforePopulationPhrase(extraction, before - 1)}
  if (lower(before) && lexicon.populationVerbs.has(lower(before)!)) {
    // "the population of Vietnam is X", "China's population stands at X"
    let k = before
    if (lower(k) === 'at' && (lower(k - 1) === 'stands' || lower(k - 1) === 'stood')) k--
    const chain = extraction.chainEndingAt.get(k - 1)
    if (chain && lower(chain.first - 1) === 'of' && lower(chain.first - 2) === 'population')
      return {subject: resolveGroup(extraction, chain.words)}
    if (lower(k - 1) === 'population') {
      const owner = possessiveAt(extraction, k - 2)
      return {subject: owner ? resolveGroup(extraction, owner.words) : undefined}
    }
  }
  // "X people", "X inhabitants"
  if (
    figure.next === undefined ||
    !lexicon.populationNouns.has(tokens[figure.next].lower) ||
    isCapitalized(tokens[figure.next])
  )
    return undefined
  const after = lower(figure.next + 1)
  if (after === 'times' || after === 'trips' || after === 'visits') return undefined
  // "3 million people out of work", "10 billion people to serve": a part of a population.
  if (after && lexicon.populationRestrictors.has(after)) return undefined
  // "X is home to N people", "X, home to N people", "X has N inhabitants",
  // "X, a country of N people", "X's N people"
  if (lower(before) === 'to' && lower(before - 1) === 'home')
    return {
      subject: subjectBefore(
        extraction,
        lower(before - 2) === 'is' || lower(before - 2) === 'are' ? before - 3 : before - 2
      )
    }
  if (lower(before) === 'has' || lower(before) === 'have' || lower(before) === 'had') {
    // "when you have 10 billion people", "if we had 9 billion people": a supposition.
    const pronoun = lower(before - 1) ?? ''
    // "Indonesia, which has 270 million people": the relative clause's antecedent.
    if ((pronoun === 'which' || pronoun === 'that') && tokens[before - 2]?.text === ',')
      return {subject: subjectBefore(extraction, before - 3)}
    if (lexicon.pronouns.has(pronoun)) return undefined
    return {subject: subjectBefore(extraction, before - 1)}
  }
  if (
    lower(before) === 'of' &&
    lexicon.polityNouns.has(lower(before - 1) ?? '') &&
    (lower(before - 2) === 'a' || lower(before - 2) === 'an')
  )
    return {subject: subjectBefore(extraction, before - 3)}
  const owner = possessiveAt(extraction, before)
  return {subject: owner ? resolveGroup(extraction, owner.words) : undefined}
}

/** The subject of "... with/has a (total) population of": an entity list, directly or through "are ... markets". */
function subjectBeforePopulationPhrase(extraction: Extraction, populationIndex: number): Entity[] | undefined {
  const {tokens, lexicon} = extraction
  let k = populationIndex - 1
  if (lexicon.populationTotals.has(tokens[k]?.lower ?? '')) k--
  if (tokens[k]?.lower === 'a' || tokens[k]?.lower === 'an') k--
  const verb = tokens[k]?.lower
  if (verb === 'has' || verb === 'have' || verb === 'had') {
    // "Indonesia, which has a population of": the relative clause's antecedent.
    const relative = tokens[k - 1]?.lower
    if ((relative === 'which' || relative === 'that') && tokens[k - 2]?.text === ',')
      return subjectBefore(extraction, k - 3)
    return subjectBefore(extraction, k - 1)
  }
  if (verb !== 'with') {
    // "China's population of X"
    const owner = possessiveAt(extraction, populationIndex - 1)
    return owner ? resolveGroup(extraction, owner.words) : undefined
  }
  k--
  if (tokens[k]?.text === ',') k--
  // "China, with a population of": the entity itself.
  const direct = extraction.chainEndingAt.get(k)
  if (direct) return resolveGroup(extraction, direct.words)
  // "China and ASEAN are ultra-large-scale markets with a population of"
  if (!tokens[k] || !extraction.lexicon.polityNouns.has(tokens[k].lower)) return undefined
  // "the ASEAN bloc, with a population of": the name before the polity noun.
  const named = extraction.chainEndingAt.get(k - 1)
  if (named && tokens[k - 1]?.end === tokens[k].start - 1) {
    const entities = resolveGroup(
      extraction,
      named.words.filter((w) => !lexicon.notNames.has(w.toLowerCase()))
    )
    if (entities) return entities
  }
  for (let steps = 0; steps < 8 && k > 0; steps++) {
    k--
    const t = tokens[k]
    if (!t) return undefined
    if (t.kind === 'word' && extraction.lexicon.linkVerbs.has(t.lower)) return subjectBefore(extraction, k - 1)
    if (t.kind === 'word' && !isCapitalized(t) && !extraction.lexicon.orgWords.has(t.lower)) continue
    if (t.text === '-') continue
    return undefined
  }
  return undefined
}

/** An entity list ending at token `k` ("China and ASEAN", "Vietnam"), starting a clause. */
function subjectBefore(extraction: Extraction, k: number): Entity[] | undefined {
  // "Indonesia, a country of ...": an appositive after a comma.
  if (extraction.tokens[k]?.text === ',') k--
  const chain = extraction.chainEndingAt.get(k)
  if (!chain) return undefined
  const prev = extraction.tokens[chain.first - 1]
  // The list must start the clause (after a quote, a bracket, a comma or nothing).
  if (prev && prev.kind === 'word') return undefined
  return resolveGroup(extraction, chain.words)
}

/** Resolve "China and ASEAN" to [China, ASEAN]; any unknown part makes it unknown. */
export function resolveGroup(extraction: Extraction, words: string[]): Entity[] | undefined {
  const whole = extraction.knowledge.entityByName(words.join(' '))
  if (whole) return [whole]
  const parts: string[][] = [[]]
  for (const w of words) {
    if (w.toLowerCase() === 'and' || w === '&') parts.push([])
    else parts[parts.length - 1].push(w)
  }
  if (parts.length < 2) return undefined
  const entities: Entity[] = []
  for (const part of parts) {
    const entity = part.length ? extraction.knowledge.entityByName(part.join(' ')) : undefined
    if (!entity) return undefined
    entities.push(entity)
  }
  return entities
}

function possessiveAt(extraction: Extraction, k: number) {
  const chain = extraction.chainEndingAt.get(k)
  return chain?.possessive ? chain : undefined
}
