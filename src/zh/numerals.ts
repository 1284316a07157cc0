/**
 * Chinese numerals, read by hand: Arabic digits (ASCII or full-width, with
 * comma grouping and a decimal point), Chinese digits and units, financial
 * (大写) forms, and the mixed forms news copy uses (14.1亿, 2万5千, 1.8万亿).
 *
 * Arithmetic is exact: a value is an integer mantissa and a count of decimal
 * places (bigint), and becomes a number only at the end, through its decimal
 * string, so 14.1亿 is exactly 1410000000.
 */

/** Exact decimal: m / 10^s. */
interface Dec {
  m: bigint
  s: number
}

const ZERO: Dec = {m: 0n, s: 0}

function pow10(n: number): bigint {
  return 10n ** BigInt(n)
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.s === b.s) return [a.m, b.m, a.s]
  if (a.s > b.s) return [a.m, b.m * pow10(a.s - b.s), a.s]
  return [a.m * pow10(b.s - a.s), b.m, b.s]
}

function add(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b)
  return {m: x + y, s}
}

function times(a: Dec, k: bigint): Dec {
  return {m: a.m * k, s: a.s}
}

function less(a: Dec, b: Dec): boolean {
  const [x, y] = align(a, b)
  return x < y
}

function int(n: bigint): Dec {
  return {m: n, s: 0}
}

function toNumber(d: Dec): number {
  if (d.s === 0) return Number(d.m)
  const digits = d.m.toString().padStart(d.s + 1, '0')
  return Number(`${digits.slice(0, -d.s)}.${digits.slice(-d.s)}`)
}

/** Up to fifteen ASCII digits, optionally with decimals: read directly. */
const PLAIN_DIGITS = /^\d{1,15}(?:\.\d{1,6})?$/

/** Longer numerals than this are not figures (and would cost quadratic bigint work). */
const MAX_LENGTH = 64

/** Variant and financial (大写) characters, full-width digits, folded to the plain forms. */
const FOLD: Record<string, string> = {
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
  '．': '.',
  '○': '〇',
  壹: '一',
  弌: '一',
  贰: '二',
  貳: '二',
  弍: '二',
  叁: '三',
  參: '三',
  叄: '三',
  弎: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
  億: '亿',
  兩: '两',
  廿: '二十',
  卅: '三十'
}

/** The Chinese digits (两, a 2 only before a measure or a power, is read apart). */
export const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
}

const SMALL: Record<string, number> = {十: 10, 百: 100, 千: 1000}
const BIG: Record<string, bigint> = {万: 10000n, 亿: 100000000n}

/** Fold one character of a numeral to its plain form (unchanged when it has no variant). */
export function foldNumeralChar(ch: string): string {
  return FOLD[ch] ?? ch
}

function isAscii(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

interface NumTok {
  t: 'num'
  v: Dec
  arabic: boolean
  decimal: boolean
  liang: boolean
  /** A Chinese decimal built over a whole section (三十五点五): only big units may follow. */
  wide: boolean
  afterZero: boolean
}

type Tok = NumTok | {t: 'zero'} | {t: 'small'; u: number} | {t: 'big'; u: bigint} | {t: 'point'; frac: string}

/** Arabic number at s[i]: digits, optional western comma groups, optional decimals. */
function readArabic(s: string, i: number): {end: number; v: Dec} | undefined {
  let j = i
  while (isAscii(s[j])) j++
  let intDigits = s.slice(i, j)
  if (s[j] === ',') {
    if (intDigits.length > 3) return undefined
    while (s[j] === ',') {
      if (!(isAscii(s[j + 1]) && isAscii(s[j + 2]) && isAscii(s[j + 3])) || isAscii(s[j + 4])) return undefined
      intDigits += s.slice(j + 1, j + 4)
      j += 4
    }
  }
  let frac = ''
  if (s[j] === '.') {
    const f = j + 1
    j = f
    while (isAscii(s[j])) j++
    if (j === f) return undefined
    frac = s.slice(f, j)
  }
  return {end: j, v: {m: BigInt(intDigits + frac), s: frac.length}}
}

function tokenize(s: string): Tok[] | undefined {
  const toks: Tok[] = []
  let i = 0
  while (i < s.length) {
    const ch = s[i]
    if (isAscii(ch)) {
      const r = readArabic(s, i)
      if (!r) return undefined
      toks.push({t: 'num', v: r.v, arabic: true, decimal: r.v.s > 0, liang: false, wide: false, afterZero: false})
      i = r.end
    } else if (ch === '〇' || ch === '零') {
      toks.push({t: 'zero'})
      i++
    } else if (ch in CN_DIGIT || ch === '两') {
      const d = ch === '两' ? 2 : CN_DIGIT[ch]
      toks.push({
        t: 'num',
        v: int(BigInt(d)),
        arabic: false,
        decimal: false,
        liang: ch === '两',
        wide: false,
        afterZero: false
      })
      i++
    } else if (ch in SMALL) {
      toks.push({t: 'small', u: SMALL[ch]})
      i++
    } else if (ch in BIG) {
      toks.push({t: 'big', u: BIG[ch]})
      i++
    } else if (ch === '点') {
      let j = i + 1
      let frac = ''
      while (j < s.length && s[j] in CN_DIGIT) {
        frac += String(CN_DIGIT[s[j]])
        j++
      }
      if (frac === '') return undefined
      toks.push({t: 'point', frac})
      i = j
    } else {
      return undefined
    }
  }
  return toks
}

interface Group {
  v: Dec
  mult: bigint
}

function sum(groups: Group[]): Dec {
  let total = ZERO
  for (const g of groups) total = add(total, times(g.v, g.mult))
  return total
}

/** The unit grammar: sections of digit x 十百千, joined by 万 and 亿 (which may combine: 万亿, 亿亿). */
function parseUnits(toks: Tok[]): Dec | undefined {
  let groups: Group[] = []
  let section = ZERO
  let sectionUsed = false
  /** The next small unit must be below this one (a fresh section allows 千). */
  let lastSmall = 10000
  let num: NumTok | null = null
  let zero = false
  let lastUnit = 0n
  let prevBig = false
  /** After a decimal coefficient took its unit, only big units may follow (1.8万亿). */
  let locked = false

  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k]
    switch (tok.t) {
      case 'num': {
        if (num || locked) return undefined
        num = {...tok, afterZero: zero}
        zero = false
        prevBig = false
        break
      }
      case 'zero': {
        if (num || zero || locked) return undefined
        if (k === 0 && toks[1]?.t === 'point') {
          // 零点五 = 0.5
          num = {t: 'num', v: ZERO, arabic: false, decimal: false, liang: false, wide: false, afterZero: false}
          break
        }
        if (!sectionUsed && groups.length === 0) return undefined
        zero = true
        prevBig = false
        break
      }
      case 'small': {
        if (locked) return undefined
        let coef: Dec
        let skipped: boolean
        if (num) {
          if (num.liang && tok.u === 10) return undefined
          if (num.wide) return undefined
          coef = num.v
          skipped = num.afterZero
        } else if (tok.u === 10 && (!sectionUsed || zero)) {
          // Bare 十: 十五, 十万, 一千零十.
          coef = int(1n)
          skipped = zero
        } else {
          return undefined
        }
        if (tok.u >= lastSmall) return undefined
        // 零 stands for a skipped place: 一千零十 yes, 一千零五百 no.
        if (skipped && tok.u * 10 >= lastSmall) return undefined
        section = add(section, times(coef, BigInt(tok.u)))
        sectionUsed = true
        lastSmall = tok.u
        if (num?.decimal) locked = true
        num = null
        zero = false
        lastUnit = BigInt(tok.u)
        prevBig = false
        break
      }
      case 'big': {
        if (prevBig) {
          // 万亿, 亿亿: the big unit multiplies the group just closed.
          const last = groups[groups.length - 1]
          last.mult *= tok.u
          const before = groups[groups.length - 2]
          if (before && before.mult <= last.mult) return undefined
          lastUnit = last.mult
          break
        }
        if (zero) return undefined
        if (!num && !sectionUsed) return undefined
        if (num?.decimal) locked = true
        const acc = num ? add(section, num.v) : section
        if (groups.length === 0) {
          groups.push({v: acc, mult: tok.u})
        } else {
          const last = groups[groups.length - 1]
          if (last.mult > tok.u) {
            if (!less(times(acc, tok.u), int(last.mult))) return undefined
            groups.push({v: acc, mult: tok.u})
          } else {
            // 一万二千亿: everything so far counts in the larger unit.
            const total = add(sum(groups), acc)
            if (!less(total, int(tok.u))) return undefined
            groups = [{v: total, mult: tok.u}]
          }
        }
        section = ZERO
        sectionUsed = false
        lastSmall = 10000
        num = null
        lastUnit = tok.u
        prevBig = true
        break
      }
      case 'point': {
        // Chinese decimal point: 三点五, 十四点一亿.
        if (locked || zero || prevBig) return undefined
        const before = num as NumTok | null
        if (before && (before.arabic || before.decimal || before.liang)) return undefined
        if (!before && !sectionUsed) return undefined
        const whole: Dec = before ? add(section, before.v) : section
        const frac: Dec = {m: BigInt(tok.frac), s: tok.frac.length}
        num = {
          t: 'num',
          v: add(whole, frac),
          arabic: false,
          decimal: true,
          liang: false,
          wide: sectionUsed,
          afterZero: before ? before.afterZero : false
        }
        section = ZERO
        sectionUsed = false
        lastSmall = 10000
        prevBig = false
        break
      }
    }
  }

  if (zero) return undefined
  if (!num && !sectionUsed && groups.length === 0) return undefined

  let tail = ZERO
  if (num) {
    const alone = !sectionUsed && groups.length === 0
    if (num.liang && !alone) return undefined
    if (!alone && !num.afterZero && !num.decimal && lastUnit >= 100n) {
      // 一千五 = 1500, 一万五 = 15000: a last bare digit counts in the next lower place.
      // An Arabic group of two or more digits is literal (3万2500 = 32500); one Arabic
      // digit (2万5) is ambiguous and not read.
      if (num.arabic) {
        if (num.v.m < 10n) return undefined
        tail = num.v
      } else {
        tail = times(num.v, lastUnit / 10n)
      }
    } else {
      if (num.afterZero && lastSmall <= 10) return undefined
      tail = num.v
    }
  }
  const acc = add(section, tail)
  if (groups.length > 0 && !less(acc, int(groups[groups.length - 1].mult))) return undefined
  return add(sum(groups), acc)
}

/**
 * The value of a numeral string, or undefined when it is not one number.
 *
 * Accepts 3800, 3,800, 3.5, ３８００, 十五, 一百零五, 两千, 十四亿一千万, 1.8万亿,
 * 14.1亿, 2万5千, 一万五 (= 15000), 三点五, 壹仟贰佰, and digit-by-digit strings
 * of Chinese digits (二〇二三 = 2023, as years are written). Percent forms
 * (百分之三十五) are the extractor's business, not this function's.
 */
export function parseChineseNumber(s: string): number | undefined {
  const trimmed = s.trim()
  if (trimmed === '' || trimmed.length > MAX_LENGTH) return undefined
  // Plain ASCII digits (the common case): exact as a JavaScript number below 2^53.
  if (PLAIN_DIGITS.test(trimmed)) return Number(trimmed)
  let folded = ''
  for (const ch of trimmed) folded += foldNumeralChar(ch)

  // Digit by digit: 二〇二三, 一九八〇 (a lone Chinese digit is its own value).
  let digitString = true
  for (const ch of folded) {
    if (!(ch in CN_DIGIT)) {
      digitString = false
      break
    }
  }
  if (digitString) {
    let digits = ''
    for (const ch of folded) digits += String(CN_DIGIT[ch])
    return Number(digits)
  }

  const toks = tokenize(folded)
  if (!toks || toks.length === 0) return undefined
  const value = parseUnits(toks)
  if (!value) return undefined
  const n = toNumber(value)
  return Number.isFinite(n) ? n : undefined
}

/** Leading zeros off an integer's digits (one digit always stays). */
function trimLeading(digits: string): string {
  let i = 0
  while (i < digits.length - 1 && digits[i] === '0') i++
  return digits.slice(i)
}

/** Trailing zeros off a fraction's digits. */
function trimTrailing(digits: string): string {
  let j = digits.length
  while (j > 0 && digits[j - 1] === '0') j--
  return digits.slice(0, j)
}

/** The plain decimal digits of a non-negative finite number: [integer part, fraction]. */
function decimalParts(value: number): [string, string] {
  const text = String(value)
  const e = text.indexOf('e')
  let mantissa = e < 0 ? text : text.slice(0, e)
  const exp = e < 0 ? 0 : Number(text.slice(e + 1))
  const dot = mantissa.indexOf('.')
  let point = dot < 0 ? mantissa.length : dot
  mantissa = mantissa.replace('.', '')
  point += exp
  let intPart: string
  let frac: string
  if (point <= 0) {
    intPart = '0'
    frac = '0'.repeat(-point) + mantissa
  } else if (point >= mantissa.length) {
    intPart = mantissa + '0'.repeat(point - mantissa.length)
    frac = ''
  } else {
    intPart = mantissa.slice(0, point)
    frac = mantissa.slice(point)
  }
  return [trimLeading(intPart), trimTrailing(frac)]
}

/** value / 10^k as an exact decimal string. */
function shifted(intPart: string, frac: string, k: number): string {
  const digits = intPart + frac
  const point = intPart.length - k
  let head: string
  let tail: string
  if (point <= 0) {
    head = '0'
    tail = '0'.repeat(-point) + digits
  } else {
    head = digits.slice(0, point)
    tail = digits.slice(point)
  }
  head = trimLeading(head)
  tail = trimTrailing(tail)
  return tail === '' ? head : `${head}.${tail}`
}

function group(intPart: string): string {
  let out = ''
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ','
    out += intPart[i]
  }
  return out
}

const SCALES: [number, string][] = [
  [3, 'thousand'],
  [6, 'million'],
  [9, 'billion'],
  [12, 'trillion']
]

/**
 * The ways an English translation may write a value, most usual first:
 * 3.8e11 -> 380 billion, 380,000,000,000, 0.38 trillion; 2000 -> 2,000, 2000,
 * 2 thousand. Numbers of a million and more lead with the scale word; a
 * smaller number leads with its digits (unseparated only below 10,000), and
 * takes "thousand" only as a whole count ("12 thousand", not "6.5 thousand").
 * The next larger scale is offered from a tenth of it (0.38 trillion).
 */
export function formatEnglish(value: number): string[] {
  if (!Number.isFinite(value)) return []
  if (value < 0) return formatEnglish(-value).map((form) => `-${form}`)
  const [intPart, frac] = decimalParts(value)
  const plain = frac === '' ? intPart : `${intPart}.${frac}`
  const grouped = frac === '' ? group(intPart) : `${group(intPart)}.${frac}`
  if (value < 1000) return [plain]

  let natural = 0
  for (let s = 0; s < SCALES.length; s++) if (value >= 10 ** SCALES[s][0]) natural = s
  const [k, name] = SCALES[natural]
  const out: string[] = []
  if (k === 3) {
    out.push(grouped)
    if (intPart.length <= 4) out.push(plain)
    const x = shifted(intPart, frac, k)
    if (!x.includes('.')) out.push(`${x} ${name}`)
  } else {
    const x = shifted(intPart, frac, k)
    const [xi, xf] = x.split('.')
    out.push(`${xf === undefined ? group(xi) : `${group(xi)}.${xf}`} ${name}`)
    out.push(grouped)
  }
  const next = SCALES[natural + 1]
  if (next && value >= 10 ** (next[0] - 1)) out.push(`${shifted(intPart, frac, next[0])} ${next[1]}`)
  return out
}
