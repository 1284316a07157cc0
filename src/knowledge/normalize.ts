/**
 * Folding names for comparison: case, diacritics ("Phạm Minh Chính" = "Pham Minh Chinh"),
 * hyphens and spacing ("Xu Ning-ning" = "Xu Ning ning"), curly apostrophes.
 */
const MARKS = /\p{M}+/gu
const SEPARATORS = /[\s\-‐‑–—_]+/gu
// Made once (a literal in a function body is a new RegExp object each call); `replace`
// starts a global pattern from the beginning each time.
const CURLY_APOSTROPHES = /[’‘]/g
const SMALL_D_STROKE = /đ/g
const CAPITAL_D_STROKE = /Đ/g
const SQUASHED = /[\s.']/g

const PLAIN_WORD = /^[a-z0-9']*$/i
/** Plain ASCII words, each separated from the next by one space or one hyphen. */
const PLAIN_WORDS = /^[a-z0-9']+(?:[ -][a-z0-9']+)+$/i

export function fold(name: string): string {
  // Most tokens are one plain ASCII word: no marks, no separators to fold.
  if (PLAIN_WORD.test(name)) return name.toLowerCase()
  // Most names in the knowledge base are plain words: only their hyphens fold (to spaces).
  if (PLAIN_WORDS.test(name)) return name.toLowerCase().replaceAll('-', ' ')
  return foldAny(name)
}

/** The full folding, for any name (`fold` gives the same, faster, for plain ones). */
export function foldAny(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(CURLY_APOSTROPHES, "'")
    .replace(SMALL_D_STROKE, 'd')
    .replace(CAPITAL_D_STROKE, 'D')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .trim()
}

/** Fold and drop spaces: "Xu Ning Ning" and "Xu Ningning" compare equal. */
export function squash(name: string): string {
  return fold(name).replace(SQUASHED, '')
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1)
    current[0] = i
    let rowMin = current[0]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (current[j] < rowMin) rowMin = current[j]
    }
    if (rowMin > max) return max + 1
    previous = current
  }
  return previous[b.length]
}
