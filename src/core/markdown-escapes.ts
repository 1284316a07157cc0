/**
 * Markdown's character escapes (`\*`) and character references (`&amp;`,
 * `&#35;`, `&#x23;`), read as micromark reads them, so that the prose can say
 * exactly which characters of the file each decoded character stands for.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'

export interface Decoded {
  /** The decoded text. */
  value: string
  /** Characters of the file it stands for. */
  length: number
}

/** ASCII punctuation: what a backslash escapes. */
function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  )
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || ((code | 32) >= 97 && (code | 32) <= 102)
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || ((code | 32) >= 97 && (code | 32) <= 122)
}

/** The escape or character reference at `at` in `text` (not past `end`), as micromark decodes it, else undefined. */
export function escapeOrReferenceAt(text: string, at: number, end = text.length): Decoded | undefined {
  const code = text.charCodeAt(at)
  if (code === 92) {
    return at + 1 < end && isAsciiPunctuation(text.charCodeAt(at + 1)) ? {value: text[at + 1], length: 2} : undefined
  }
  if (code !== 38) return undefined
  let index = at + 1
  let max = 31
  let test = isAlphanumeric
  let base = 0
  if (text.charCodeAt(index) === 35) {
    index++
    if ((text.charCodeAt(index) | 32) === 120) {
      index++
      max = 6
      test = isHexDigit
      base = 16
    } else {
      max = 7
      test = isDigit
      base = 10
    }
  }
  const valueStart = index
  while (index < end && index - valueStart < max && test(text.charCodeAt(index))) index++
  if (index === valueStart || index >= end || text.charCodeAt(index) !== 59) return undefined
  const name = text.slice(valueStart, index)
  const value = base === 0 ? decodeNamedCharacterReference(name) : decodeNumericCharacterReference(name, base)
  if (value === false || value === '') return undefined
  return {value, length: index + 1 - at}
}
