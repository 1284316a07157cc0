/**
 * An index of full names by the keys two spellings of one name share, so that a
 * story's names are compared with the few earlier names they could be, never
 * with every earlier name (issue 12: 20,000 names compared pairwise took 24 s).
 *
 * Keys, for a name of n folded words, at each word position p:
 * - the other words with each one-letter deletion of word p (and word p itself):
 *   two words one letter apart ("Chinh"/"Chin", "Yi"/"Yin", "Lian"/"Liao") or with
 *   two neighbouring letters swapped share one of these (symmetric deletion);
 * - the other words with the letters of word p sorted: swaps and syllables moved
 *   inside the word ("Hongliang"/"Lianghong");
 * and once per name: its letters without spaces (spacing and hyphens) and its
 * words sorted (word order changed). A name has about as many keys as letters.
 */
import {fold, squash} from '../../src/knowledge/normalize.js'

export function nameKeys(words: string[]): string[] {
  const folded = words.map((word) => fold(word))
  const keys = new Set<string>()
  keys.add(`s|${squash(words.join(' '))}`)
  keys.add(`o|${[...folded].sort().join(' ')}`)
  for (let p = 0; p < folded.length; p++) {
    const others = `${folded.length}|${p}|${folded.filter((_, k) => k !== p).join(' ')}`
    const word = folded[p]
    keys.add(`${others}|d|${word}`)
    for (let k = 0; k < word.length; k++) keys.add(`${others}|d|${word.slice(0, k)}${word.slice(k + 1)}`)
    keys.add(`${others}|a|${[...word].sort().join('')}`)
  }
  return [...keys]
}

/** Earlier entries by key; candidates come back in the order they were added. */
export class NameIndex<Entry> {
  private readonly byKey = new Map<string, number[]>()
  private readonly entries: Entry[] = []

  add(keys: string[], entry: Entry): void {
    const index = this.entries.length
    this.entries.push(entry)
    for (const key of keys) {
      const list = this.byKey.get(key)
      if (list) list.push(index)
      else this.byKey.set(key, [index])
    }
  }

  /** Entries sharing a key with `keys`, first added first, at most `limit`. */
  candidates(keys: string[], limit = 64): Entry[] {
    const found = new Set<number>()
    for (const key of keys) {
      const list = this.byKey.get(key)
      if (!list) continue
      for (const index of list) {
        found.add(index)
        if (found.size >= limit) break
      }
      if (found.size >= limit) break
    }
    return [...found].sort((a, b) => a - b).map((index) => this.entries[index])
  }
}

/** Keys of one word for the surname-only check: the word and its one-letter deletions. */
export function wordKeys(word: string): string[] {
  const folded = fold(word)
  const keys = new Set<string>([folded])
  for (let k = 0; k < folded.length; k++) keys.add(folded.slice(0, k) + folded.slice(k + 1))
  return [...keys]
}
