/**
 * Outdated, non-official, mistranslated or misspelt names from the names list
 * (data/names.yaml): "Guangxi University for Nationalities" for "Guangxi Minzu
 * University", unless the story introduces it as the former name or is dated
 * before the renaming.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {stripPossessive} from '../../src/extract/names.js'
import type {Knowledge} from '../../src/knowledge/base.js'
import {fold} from '../../src/knowledge/normalize.js'

/** Whether `text` is ASCII letters only (a loop: this runs for every word of the story). */
function isPlain(text: string): boolean {
  if (text.length === 0) return false
  for (let index = 0; index < text.length; index++) {
    const folded = text.charCodeAt(index) | 32
    if (folded < 97 || folded > 122) return false
  }
  return true
}
const variantIndexes = new WeakMap<Knowledge, Map<string, Array<{words: string[]; variant: string}>>>()

/** Variants by their first folded word, built once per knowledge base. */
function variantIndex(knowledge: Knowledge): Map<string, Array<{words: string[]; variant: string}>> {
  let byFirst = variantIndexes.get(knowledge)
  if (!byFirst) {
    byFirst = new Map()
    for (const [variant] of knowledge.variants) {
      const words = variant.split(' ')
      const list = byFirst.get(words[0]) ?? []
      list.push({words, variant})
      byFirst.set(words[0], list)
    }
    variantIndexes.set(knowledge, byFirst)
  }
  return byFirst
}

export function checkOfficialNames(extraction: Extraction, lowConfidence: boolean, report: Report): void {
  const {tokens, knowledge} = extraction
  if (knowledge.variants.size === 0) return
  const byFirst = variantIndex(knowledge)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind !== 'word') continue
    // Most words are plain lower-case-able ASCII: look them up as they are.
    const key = isPlain(t.text) ? t.lower : fold(stripPossessive(t.text)).split(' ')[0]
    const candidates = byFirst.get(key)
    if (!candidates) continue
    for (const candidate of candidates) {
      // Compare word by word (a hyphenated token may hold several words).
      const want = candidate.words.join(' ')
      let got = ''
      let j = i
      while (j < tokens.length && got.length < want.length) {
        if (tokens[j].kind !== 'word') break
        const word = fold(stripPossessive(tokens[j].text))
        got = got ? `${got} ${word}` : word
        j++
      }
      if (got !== want) continue
      const entry = knowledge.variants.get(candidate.variant)!
      if (entry.stretch && !lowConfidence) continue
      // "Eswatini, formerly known as Swaziland", "Eswatini (formerly Swaziland)".
      if (introducedAsFormer(extraction, i)) continue
      // A story dated before the renaming rightly uses the old name.
      const date = extraction.storyDate
      if (entry.since && date.from !== 'today' && date.yearKnown && date.date < entry.since) continue
      const start = tokens[i].start
      const end = tokens[j - 1].end - (/['’]s$/u.test(tokens[j - 1].text) ? 2 : 0)
      const actual = extraction.text.slice(start, end)
      if (entry.kind === 'spelling') {
        report(start, end, `Unexpected spelling ${code(actual)}, expected ${code(entry.official)}`, {
          actual,
          expected: [entry.official],
          note: `The house spelling is ${entry.official}; source: ${entry.source}.`
        })
      } else {
        const adjective =
          entry.kind === 'mistranslation'
            ? 'mistranslated'
            : entry.kind === 'non-official'
              ? 'non-official'
              : 'outdated'
        report(start, end, `Unexpected ${adjective} name ${code(actual)}, expected ${code(entry.official)}`, {
          actual,
          expected: [entry.official],
          note: `The official name is ${entry.official}${entry.since ? ` (since ${entry.since})` : ''}; source: ${entry.source}.`
        })
      }
      i = j - 1
      break
    }
  }
}

function introducedAsFormer(extraction: Extraction, index: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - 4; k--) {
    const t = extraction.tokens[k]
    if (t.kind === 'word' && extraction.lexicon.formerNameCues.has(t.lower)) return true
    if (t.text === '.' || t.text === ';') return false
  }
  return false
}
