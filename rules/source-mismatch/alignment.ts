/**
 * Which part of the English renders which part of the Chinese.
 *
 * When both texts have the same number of paragraphs, paragraph i renders
 * paragraph i (a translation desk keeps the paragraphing). Otherwise the
 * sentences are aligned: a dynamic program over the two lists of sentences
 * that may pair one with one, one with two, two with one, two with two, or
 * leave a sentence alone, scoring each pairing by the figures the two sides
 * share and by how well their lengths fit the story's ratio of English to
 * Chinese characters (after Gale and Church's length-based aligner, with
 * figures as anchors). A paragraph the translator split or merged then lines
 * up with its source instead of turning into "missing" and "unexpected"
 * pairs. The program runs in a band around the diagonal, so its cost grows
 * linearly with the story.
 */
export interface Span {
  start: number
  end: number
}

/** A stretch of the source and the stretch of the English that renders it. */
export interface Unit {
  zh: Span
  en: Span
}

export interface Alignment {
  mode: 'paragraphs' | 'sentences'
  units: Unit[]
}

/** Paragraphs split at blank lines (or at line breaks when there are no blank lines): the extraction's reader. */
export {paragraphsOf as paragraphs} from '../../src/extract/paragraphs.js'

const ZH_END = new Set('。！？!?；;')
const ZH_CLOSE = new Set('”」』）)"\'’')

/** Chinese sentences within paragraphs: ended by 。！？； (with closing quotes) or a line break. */
export function chineseSentences(text: string, paras: Span[]): Span[] {
  const out: Span[] = []
  for (const para of paras) {
    let start = para.start
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i]
      if (ch === '\n' || ZH_END.has(ch)) {
        let end = i + 1
        while (end < para.end && ZH_CLOSE.has(text[end])) end++
        if (text.slice(start, end).trim()) out.push({start, end})
        start = end
        i = end - 1
      }
    }
    if (text.slice(start, para.end).trim()) out.push({start, end: para.end})
  }
  return out
}

export interface SentenceScore {
  /** Figures the two groups share (each side counted). */
  shared: number
  /** Figures of either group that the other does not render. */
  unshared: number
}

/** Moves of the program: how many sentences of each side one pairing takes. */
const MOVES: Array<[number, number, number]> = [
  [1, 1, 0],
  [1, 2, 0.4],
  [2, 1, 0.4],
  [2, 2, 0.8],
  [1, 0, 1.2],
  [0, 1, 1.2],
  [1, 3, 0.9],
  [3, 1, 0.9]
]
const BAND = 15

/**
 * Align sentences `zh` with sentences `en`; `score` compares the figures of a
 * group of Chinese sentences [z0, z1) with a group of English ones [e0, e1).
 */
export function alignSentences(
  zhText: string,
  enText: string,
  zh: Span[],
  en: Span[],
  score: (z0: number, z1: number, e0: number, e1: number, out: SentenceScore) => void
): Unit[] {
  const s: SentenceScore = {shared: 0, unshared: 0}
  const n = zh.length
  const m = en.length
  if (n === 0 || m === 0) return n + m === 0 ? [] : [{zh: cover(zh), en: cover(en)}]
  // Prefix sums of the visible lengths: the length of a group is a difference.
  const zhLength = prefixSums(zh.map((s) => visible(zhText, s)))
  const enLength = prefixSums(en.map((s) => visible(enText, s)))
  const ratio = Math.max(0.5, enLength[m] / Math.max(1, zhLength[n]))
  const diagonal = (i: number) => Math.round((i * m) / n)
  const width = 2 * BAND + 1
  /** Cell (i, j) of the band, or -1 outside it. */
  const cell = (i: number, j: number) => {
    const d = j - diagonal(i) + BAND
    return d < 0 || d >= width ? -1 : i * width + d
  }
  const cost = new Float64Array((n + 1) * width).fill(Infinity)
  const fromZ = new Int32Array((n + 1) * width).fill(-1)
  const fromE = new Int32Array((n + 1) * width).fill(-1)
  cost[cell(0, 0)] = 0
  for (let i = 0; i <= n; i++) {
    const from = Math.max(0, diagonal(i) - BAND)
    const to = Math.min(m, diagonal(i) + BAND)
    for (let j = from; j <= to; j++) {
      if (i === 0 && j === 0) continue
      const here = cell(i, j)
      for (let move = 0; move < MOVES.length; move++) {
        const [dz, de, penalty] = MOVES[move]
        const pi = i - dz
        const pj = j - de
        if (pi < 0 || pj < 0) continue
        const previousCell = cell(pi, pj)
        if (previousCell < 0 || cost[previousCell] === Infinity) continue
        let c = cost[previousCell] + penalty
        if (dz > 0 && de > 0) {
          const zl = zhLength[i] - zhLength[pi]
          const el = enLength[j] - enLength[pj]
          c += Math.abs(Math.log((el + 20) / (ratio * zl + 20)))
          score(pi, i, pj, j, s)
          c += 0.3 * s.unshared - 1.0 * s.shared
        } else {
          // A sentence left alone: its figures go unrendered.
          if (dz > 0) score(pi, i, pj, pj, s)
          else score(pi, pi, pj, j, s)
          c += 0.3 * s.unshared
        }
        if (c < cost[here]) {
          cost[here] = c
          fromZ[here] = pi
          fromE[here] = pj
        }
      }
    }
  }
  const end = cell(n, m)
  if (end < 0 || fromZ[end] < 0) return [{zh: cover(zh), en: cover(en)}]
  const units: Unit[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const here = cell(i, j)
    const pi = fromZ[here]
    const pj = fromE[here]
    units.push({
      zh:
        pi < i
          ? {start: zh[pi].start, end: zh[i - 1].end}
          : {start: zh[Math.min(pi, n - 1)].start, end: zh[Math.min(pi, n - 1)].start},
      en:
        pj < j
          ? {start: en[pj].start, end: en[j - 1].end}
          : {start: en[Math.min(pj, m - 1)].start, end: en[Math.min(pj, m - 1)].start}
    })
    i = pi
    j = pj
  }
  return units.reverse()
}

function cover(spans: Span[]): Span {
  return spans.length === 0 ? {start: 0, end: 0} : {start: spans[0].start, end: spans[spans.length - 1].end}
}

function visible(text: string, span: Span): number {
  let n = 0
  for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) > 32) n++
  return n
}

function prefixSums(values: number[]): Float64Array {
  const out = new Float64Array(values.length + 1)
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k] + values[k]
  return out
}
