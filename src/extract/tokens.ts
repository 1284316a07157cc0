/**
 * The one tokenizer of copydesk. Every rule reads these tokens (through the
 * extraction on the file); no rule runs its own pattern for "a number" or "a word".
 *
 * Words may hold inner apostrophes and hyphens ("China-ASEAN", "year-old");
 * numbers are digit groups joined by `.`, `,` or `:` and may carry a letter
 * suffix ("21th", "1980s", "7bn"); anything else is one punctuation token.
 * URLs and e-mail addresses are not prose: each becomes one `barrier` token.
 */
import type {Lexicon} from '../knowledge/lexicon.js'

export type TokenKind = 'word' | 'number' | 'punct' | 'barrier'

export interface Token {
  kind: TokenKind
  start: number
  end: number
  text: string
  /** Lower-cased text. */
  lower: string
  /** For numbers: the digits and separators, without a letter suffix. */
  digits?: string
  /** For numbers: a letter suffix written solid ("th" in "21th", "bn" in "7bn"). */
  suffix?: string
}

// Linear: each alternative is deterministic (classes do not overlap at their joins).
const TOKEN =
  /[\p{L}\p{M}][\p{L}\p{M}\p{Nd}'’]*(?:[-‐][\p{L}\p{M}\p{Nd}][\p{L}\p{M}\p{Nd}'’]*)*|\d+(?:[.,:]\d+)*[\p{L}\p{M}]*|[^\s\p{L}\p{M}\d]/gu
const NUMBER_PARTS = /^(\d+(?:[.,:]\d+)*)([\p{L}\p{M}]*)$/u
/** Currency codes written solid with their figure ("RM476.5", "Rp5,000"): split off. */
const GLUED_CURRENCY = /^(RM|Rp|Rs|RMB|USD|EUR|GBP|CNY|JPY)(?=\d)/u
const SPACE = /\s/u

/** The tokens of `text`. `fastPath` false reads every token with the pattern (for tests: the tokens are the same). */
export function tokenize(text: string, fastPath = true): Token[] {
  const tokens: Token[] = []
  let position = 0
  while (position < text.length) {
    // Fast path: an ASCII word or number that ends at ASCII white space or punctuation
    // is the token TOKEN would match (a test holds them equal); anything else goes to TOKEN.
    const code = text.charCodeAt(position)
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      position++
      continue
    }
    const simple = fastPath ? simpleTokenEnd(text, position, code) : 0
    let start: number
    let value: string
    if (simple > 0) {
      start = position
      value = text.slice(start, simple)
      position = simple
    } else {
      TOKEN.lastIndex = position
      const match = TOKEN.exec(text)
      if (!match) break
      start = match.index
      value = match[0]
      position = TOKEN.lastIndex
    }
    // A URL or address: swallow everything to the next white space.
    if (isLinkStart(text, start, value)) {
      let end = start
      while (end < text.length && !SPACE.test(text[end])) end++
      // Trailing sentence punctuation belongs to the prose.
      while (end > start && /[.,;:!?)\]"'’”]/u.test(text[end - 1])) end--
      tokens.push({kind: 'barrier', start, end, text: text.slice(start, end), lower: ''})
      position = Math.max(end, start + value.length)
      continue
    }
    const first = value.charCodeAt(0)
    if (first >= 48 && first <= 57 && simple > 0) {
      // Digits alone (the fast path ends a number at anything that would join or suffix it).
      tokens.push({kind: 'number', start, end: simple, text: value, lower: value, digits: value, suffix: undefined})
    } else if (first >= 48 && first <= 57) {
      const parts = NUMBER_PARTS.exec(value)
      tokens.push({
        kind: 'number',
        start,
        end: start + value.length,
        text: value,
        lower: value.toLowerCase(),
        digits: parts ? parts[1] : value,
        suffix: parts && parts[2] ? parts[2] : undefined
      })
    } else if (value.length === 1 && !isLetter(value, first)) {
      tokens.push({
        kind: value === '\uFFFC' ? 'barrier' : 'punct',
        start,
        end: start + 1,
        text: value,
        lower: value
      })
    } else {
      // Only a word ending in a digit can be a currency glued to its figure.
      const last = value.charCodeAt(value.length - 1)
      const glued = last >= 48 && last <= 57 ? GLUED_CURRENCY.exec(value) : null
      if (glued) {
        // The currency is a word; the rest is read again as a number from where it starts.
        const end = start + glued[1].length
        tokens.push({kind: 'word', start, end, text: glued[1], lower: glued[1].toLowerCase()})
        position = end
        continue
      }
      tokens.push({kind: 'word', start, end: start + value.length, text: value, lower: value.toLowerCase()})
    }
  }
  return markAddresses(text, tokens)
}

const LETTER = /[\p{L}\p{M}]/u

function isAsciiLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * The end of the token at `start` when it is plain ASCII: letters and digits
 * from a letter, or digits alone, followed by the end of the text or by ASCII
 * that neither continues the token nor joins it to more (a hyphen, an apostrophe,
 * a digit separator before a digit, a letter after digits); or one printable
 * ASCII character that is neither a letter nor a digit (a token of its own). Otherwise 0.
 */
function simpleTokenEnd(text: string, start: number, code: number): number {
  let end = start + 1
  if (code > 32 && code < 127 && !isAsciiLetter(code) && !isAsciiDigit(code)) return end
  if (isAsciiLetter(code)) {
    while (end < text.length) {
      const next = text.charCodeAt(end)
      if (!isAsciiLetter(next) && !isAsciiDigit(next)) break
      end++
    }
    if (end === text.length) return end
    const next = text.charCodeAt(end)
    return next < 128 && next !== 45 && next !== 39 ? end : 0
  }
  if (isAsciiDigit(code)) {
    while (end < text.length && isAsciiDigit(text.charCodeAt(end))) end++
    if (end === text.length) return end
    const next = text.charCodeAt(end)
    if (next >= 128 || isAsciiLetter(next)) return 0
    if ((next === 46 || next === 44 || next === 58) && isAsciiDigit(text.charCodeAt(end + 1))) return 0
    return end
  }
  return 0
}

/** Whether the one-character token `value` (code `code`) is a letter: ASCII without a pattern. */
function isLetter(value: string, code: number): boolean {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122
  return LETTER.test(value)
}

function isLinkStart(text: string, start: number, value: string): boolean {
  // Cheap first: only "http", "https", "ftp" and "www" start a link.
  if (value.length < 3 || value.length > 5) return false
  const c = value.charCodeAt(0) | 32
  if (c !== 104 && c !== 102 && c !== 119) return false
  const lower = value.toLowerCase()
  if ((lower === 'http' || lower === 'https' || lower === 'ftp') && text.startsWith('://', start + value.length)) {
    return true
  }
  return lower === 'www' && text[start + 3] === '.' && /[\p{L}\d]/u.test(text[start + 4] ?? '')
}

/** E-mail addresses become barriers (one pass; the array is rebuilt, not spliced). */
function markAddresses(text: string, tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.text === '@')) return tokens
  const out: Token[] = []
  let i = 0
  while (i < tokens.length) {
    // Find the run of touching tokens starting at i.
    let j = i
    while (j + 1 < tokens.length && tokens[j + 1].start === tokens[j].end) j++
    let at = -1
    for (let k = i + 1; k < j; k++) if (tokens[k].text === '@') at = k
    if (at > 0) {
      let to = j
      while (to > at + 1 && /[.,;:!?)"]/u.test(tokens[to].text)) to--
      out.push({
        kind: 'barrier',
        start: tokens[i].start,
        end: tokens[to].end,
        text: text.slice(tokens[i].start, tokens[to].end),
        lower: ''
      })
      for (let k = to + 1; k <= j; k++) out.push(tokens[k])
    } else {
      for (let k = i; k <= j; k++) out.push(tokens[k])
    }
    i = j + 1
  }
  return out
}

/** Whether tokens `a` and `b` touch (no space between). */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return Boolean(a && b && a.end === b.start)
}

/** Whether the gap between two tokens is plain inline space (no line break). */
export function inlineGap(text: string, a: Token, b: Token): boolean {
  if (a.end === b.start) return true
  if (b.start - a.end > 3) return false
  for (let i = a.end; i < b.start; i++) {
    const c = text[i]
    if (c !== ' ' && c !== '\u00A0' && c !== '\t') return false
  }
  return true
}

export function isCapitalized(token: Token): boolean {
  if (token.kind !== 'word') return false
  const code = token.text.charCodeAt(0)
  // ASCII first (most words): no string is made for the common case.
  if (code < 128) return code >= 65 && code <= 90
  const c = token.text[0]
  return c !== c.toLowerCase() && c === c.toUpperCase()
}

/** What the readers of the extraction read: the prose text, its tokens, and the word lists. */
export interface TokenStream {
  text: string
  tokens: Token[]
  lexicon: Lexicon
}

/** The lower-cased word at token `i`, if that token is a word. */
export function wordAt(stream: TokenStream, i: number): string | undefined {
  const token = stream.tokens[i]
  return token?.kind === 'word' ? token.lower : undefined
}

/** Whether tokens `a` and `b` both exist and stand on one line, apart by plain space at most. */
export function onOneLine(stream: TokenStream, a: number, b: number): boolean {
  return a >= 0 && b < stream.tokens.length && inlineGap(stream.text, stream.tokens[a], stream.tokens[b])
}
