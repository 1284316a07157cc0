/**
 * A short name introduced with "hereinafter referred to as" that neither
 * abbreviates nor shortens the full name: "China-ASEAN Expo (hereinafter referred
 * to as the "East Expo")". Accepted short names come from data/names.yaml.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {fold} from '../../src/knowledge/normalize.js'

export function checkShortNames(extraction: Extraction, report: Report): void {
  for (const bracket of extraction.parentheticals) {
    // Only an explicit introduction ("hereinafter referred to as"): a bare quoted
    // bracket is as often a gloss or a former name ("Ho Chi Minh City ("Saigon")").
    if (!bracket.before || !bracket.introducer) continue
    const full = bracket.before.text
    const short = bracket.inner
    if (/\d/.test(short) || short.length > 60) continue
    // A generic short form ("the Company", "the Bank", "the Agreement") names the role, not the name.
    const shortWords = short.replace(/^the\s+/i, '').split(/\s+/)
    if (shortWords.length === 1 && extraction.lexicon.orgWords.has(shortWords[0].toLowerCase())) continue
    // The full name was cut by punctuation ("... Co., Ltd."): too little to judge.
    if (
      bracket.before.words.length === 1 &&
      extraction.lexicon.orgWords.has(bracket.before.words[0].toLowerCase().replace(/\.$/, ''))
    )
      continue
    const accepted = extraction.knowledge.shortNamesOf(full)
    if (accepted.some((s) => fold(s).replace(/^the /, '') === fold(short).replace(/^the /, ''))) continue
    if (derives(full, short, extraction.lexicon.nameConnectors)) continue
    const uses = countLaterUses(extraction, short, bracket.end)
    const expected = accepted.length > 0 ? accepted : suggestions(full)
    report(
      bracket.innerStart,
      bracket.innerEnd,
      `Unexpected short name ${code(short)} for ${code(full)}: it neither abbreviates nor shortens the full name`,
      {
        actual: short,
        expected,
        note:
          `A short name should be an abbreviation of ${full} or a part of it` +
          (expected.length ? ` (such as ${expected.map((e) => `\`${e}\``).join(' or ')})` : '') +
          `. This looks like a literal rendering of an abbreviation in another language` +
          (uses > 0 ? `; it is used ${uses} more time${uses === 1 ? '' : 's'} in the story.` : '.')
      }
    )
  }
}

function splitWords(name: string): string[] {
  return fold(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
}

/** Whether `short` abbreviates or shortens `full`. */
export function derives(full: string, short: string, connectors: Set<string>): boolean {
  const fullWords = splitWords(full)
  const shortWords = splitWords(short).filter((w) => w !== 'the')
  if (shortWords.length === 0) return true
  const fullSet = new Set(fullWords)
  return shortWords.every(
    (w) =>
      fullSet.has(w) ||
      isAcronym(w, fullWords, connectors) ||
      fullWords.some((f) => f.length > 4 && f.startsWith(w) && w.length >= 3)
  )
}

/** Can `letters` be formed from non-empty prefixes of `words` in order (connectors may be skipped)? */
function isAcronym(letters: string, words: string[], connectors: Set<string>): boolean {
  if (letters.length < 2) return false
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    if (i === letters.length) return words.slice(j).every((w) => connectors.has(w))
    if (j === words.length) return false
    const key = `${i},${j}`
    const cached = memo.get(key)
    if (cached !== undefined) return cached
    let ok = false
    const w = words[j]
    for (let k = 1; k <= w.length && i + k <= letters.length && !ok; k++) {
      if (letters.slice(i, i + k) !== w.slice(0, k)) break
      ok = go(i + k, j + 1)
    }
    if (!ok && connectors.has(w)) ok = go(i, j + 1)
    memo.set(key, ok)
    return ok
  }
  return go(0, 0)
}

function suggestions(full: string): string[] {
  const words = full.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w))
  const out: string[] = []
  if (words.length >= 2)
    out.push(
      words
        .map((w) => w[0])
        .join('')
        .toUpperCase()
    )
  if (words.length >= 2) out.push(`the ${words[words.length - 1]}`)
  return out
}

function countLaterUses(extraction: Extraction, short: string, from: number): number {
  let n = 0
  let at = extraction.text.indexOf(short, from)
  while (at >= 0) {
    n++
    at = extraction.text.indexOf(short, at + short.length)
  }
  return n
}
