/**
 * What a sentence is about, for comparing two counts: the names it mentions
 * (its subjects and places) and the sources it quotes ("organisers said").
 */
import type {Extraction} from '../../src/extract/index.js'
import type {Quantities} from '../../src/extract/quantities.js'

/** The sources the sentence of token `i` quotes: "X said", "said X", "according to X" (pronouns are no source). */
export function sourcesOf(extraction: Extraction, quantities: Quantities, i: number): Set<string> {
  const {tokens, lexicon} = extraction
  const first = quantities.sentenceFirst[i]
  const last = quantities.sentenceLast[i]
  const out = new Set<string>()
  const add = (k: number, forward: boolean) => {
    const chain = forward ? quantities.chainAt.get(k) : extraction.chainEndingAt.get(k)
    if (chain) out.add(chain.words.join(' ').toLowerCase())
    else if (tokens[k]?.kind === 'word' && !lexicon.pronouns.has(tokens[k].lower)) out.add(tokens[k].lower)
  }
  for (let k = first; k <= last; k++) {
    const token = tokens[k]
    if (token.kind !== 'word') continue
    if (lexicon.speechVerbs.has(token.lower)) {
      if (k - 1 >= first && tokens[k - 1].kind === 'word') add(k - 1, false)
      else if (k + 1 <= last) add(k + 1, true)
    } else if (token.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      add(tokens[k + 2]?.lower === 'the' ? k + 3 : k + 2, true)
    }
  }
  return out
}

/** The capitalised words the sentence of token `i` names (its subjects and places), beyond its first word. */
export function scopeOf(extraction: Extraction, quantities: Quantities, i: number): Set<string> {
  const {lexicon} = extraction
  const first = quantities.sentenceFirst[i]
  const last = quantities.sentenceLast[i]
  const out = new Set<string>()
  // "Fewer than", "About" opening the sentence belong to a figure, not to a name.
  const approximator = new Set<number>()
  for (const figure of quantities.figuresIn(i))
    for (let k = quantities.leadOf.get(figure)!; k < figure.exprFirst; k++) approximator.add(k)
  for (const chain of quantities.chainsIn(i)) {
    if (chain.first < first || chain.last > last) continue
    // People quoted or named in passing are not what is counted.
    if (quantities.inPerson(chain.last)) continue
    for (let k = 0; k < chain.words.length; k++) {
      const lower = chain.words[k].toLowerCase()
      if (approximator.has(chain.first + k)) continue
      if (chain.first + k === first && lexicon.notNames.has(lower)) continue
      if (
        lexicon.notNames.has(lower) ||
        lexicon.nameConnectors.has(lower) ||
        lexicon.months.has(lower) ||
        lexicon.weekdays.has(lower)
      )
        continue
      out.add(lower)
    }
  }
  return out
}
