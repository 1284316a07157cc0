/**
 * Spellings of one name that English copy accepts side by side: German
 * umlauts written out or dropped (Schröder, Schroeder, Schroder), Russian
 * -ei/-ey and -iy/-y endings (Sergei, Sergey; Dmitriy, Dmitry), and an
 * aspirate h that Indian names carry or drop (Mukherjee, Mukerjee). Two names
 * with the same key are one name written two ways, not a misspelling.
 */
import {fold} from '../../src/knowledge/normalize.js'

/** Replacements in order; each runs on one folded word (diacritics already gone). */
const WORD_VARIANTS: Array<[RegExp, string]> = [
  // Umlauts written out: oe, ue, ae (after a consonant, so "Joel" and "Rafael" keep theirs).
  [/(?<=[b-df-hj-np-tv-z])oe/gu, 'o'],
  [/(?<=[b-df-hj-np-tv-z])ue/gu, 'u'],
  [/(?<=[b-df-hj-np-tv-z])ae/gu, 'a'],
  // Russian endings: -ey and -ei, -iy and -y.
  [/ey$/u, 'ei'],
  [/iy$/u, 'y'],
  // An aspirate after a stop: kh/k, gh/g, bh/b, dh/d.
  [/(?<=[kgbd])h/gu, '']
]

/** The key under which transliteration variants of a word meet. */
export function variantKey(word: string): string {
  let key = fold(word).replace(/[\s.'-]/gu, '')
  for (const [pattern, replacement] of WORD_VARIANTS) key = key.replace(pattern, replacement)
  return key
}

/** The key of a whole name, word by word ("Gerhard Schroeder" = "Gerhard Schröder"). */
export function nameVariantKey(name: string): string {
  return fold(name)
    .split(' ')
    .filter((word) => word.length > 0)
    .map(variantKey)
    .join(' ')
}
