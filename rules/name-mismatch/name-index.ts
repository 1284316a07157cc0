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

/**
 * Keys are 32-bit FNV-1a hashes, not strings: a long story holds tens of
 * thousands of names with a key per letter, and string keys cost more in
 * memory and garbage collection than the comparisons they save. Two names that
 * share a hash by chance are compared and found apart, so a collision costs time,
 * never a wrong message.
 */
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function hashText(hash: number, text: string, skip = -1): number {
  for (let k = 0; k < text.length; k++) {
    if (k === skip) continue
    hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME)
  }
  return hash >>> 0
}

function hashTag(tag: string, ...parts: Array<string | number>): number {
  let hash = hashText(FNV_OFFSET, tag)
  for (const part of parts) hash = hashText(Math.imul(hash ^ 0x1f, FNV_PRIME), String(part))
  return hash
}

export function nameKeys(words: string[]): number[] {
  const folded = words.map((word) => fold(word))
  const keys = new Set<number>()
  keys.add(hashTag('s', squash(words.join(' '))))
  keys.add(hashTag('o', [...folded].sort().join(' ')))
  for (let p = 0; p < folded.length; p++) {
    const others = hashTag('w', folded.length, p, folded.filter((_, k) => k !== p).join(' '))
    const word = folded[p]
    const deletions = Math.imul(others ^ 0x64, FNV_PRIME)
    keys.add(hashText(deletions, word))
    for (let k = 0; k < word.length; k++) keys.add(hashText(deletions, word, k))
    keys.add(hashText(Math.imul(others ^ 0x61, FNV_PRIME), [...word].sort().join('')))
  }
  return [...keys]
}

/** Earlier entries by key; candidates come back in the order they were added. */
export class NameIndex<Entry> {
  /** Most keys belong to one name: a bare index until a second name shares the key. */
  private readonly byKey = new Map<number, number | number[]>()
  private readonly entries: Entry[] = []

  add(keys: number[], entry: Entry): void {
    const index = this.entries.length
    this.entries.push(entry)
    for (const key of keys) {
      const held = this.byKey.get(key)
      if (held === undefined) this.byKey.set(key, index)
      else if (typeof held === 'number') this.byKey.set(key, [held, index])
      else held.push(index)
    }
  }

  /** Entries sharing a key with `keys`, first added first, at most `limit`. */
  candidates(keys: number[], limit = 64): Entry[] {
    let found: Set<number> | undefined
    for (const key of keys) {
      const held = this.byKey.get(key)
      if (held === undefined) continue
      found ??= new Set()
      for (const index of typeof held === 'number' ? [held] : held) {
        found.add(index)
        if (found.size >= limit) break
      }
      if (found.size >= limit) break
    }
    return found ? [...found].sort((a, b) => a - b).map((index) => this.entries[index]) : []
  }
}

/** Keys of one folded word for the surname-only check: the word and its one-letter deletions. */
export function wordKeys(folded: string): number[] {
  const keys = new Set<number>([hashText(FNV_OFFSET, folded)])
  for (let k = 0; k < folded.length; k++) keys.add(hashText(FNV_OFFSET, folded, k))
  return [...keys]
}
