// Reading the mt-dev corpus (WMT23 zh-en MQM): segments.tsv and errors.tsv, with the
// repairs both measurement scripts apply (see MEASURE.md). Split on tabs only; quotes
// are never a field delimiter.
// - Segment rows with extra tab fields: columns are positional (doc_id, seg_id, system,
//   source_zh, target_en); anything after target_en is ignored. Error rows: the first 10
//   fields are used.
// - CSV-quoted target_en ("...""shelf""..."): the raters' offsets index the unquoted text.
//   For each such segment the form that agrees with more of its spans is kept (ties:
//   unquoted), and a span whose text is a few characters off is moved to it (at most
//   MAX_SHIFT). `raw: true` turns the repairs off.
import fs from 'node:fs'
import path from 'node:path'

export const MAX_SHIFT = 3

/** Rows of a TSV file as arrays of fields (tabs only; no quote handling). */
export function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  const header = lines.shift().replace(/\r$/, '').split('\t')
  return {header, rows: lines.map((line) => line.replace(/\r$/, '').split('\t'))}
}

function columns(header, names, file, fail) {
  const at = {}
  for (const name of names) {
    at[name] = header.indexOf(name)
    if (at[name] < 0) fail(`${file} has no column \`${name}\``)
  }
  return at
}

const QUOTED = /^"(?:[^"]|"")*"$/
export const isQuoted = (s) => s.length >= 2 && QUOTED.test(s)
export const unquote = (s) => s.slice(1, -1).replaceAll('""', '"')
export const keyOf = (doc, seg, system) => `${doc}\t${seg}\t${system}`
export const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
export const bySegment = (a, b) =>
  byText(a.doc, b.doc) || Number(a.seg) - Number(b.seg) || byText(a.seg, b.seg) || byText(a.system, b.system)

/**
 * The corpus as segments, each with its target text (repaired unless `raw`), its
 * source, and the raters' target-side spans placed in that text; source-side spans
 * are kept as given (the source is not repaired).
 */
export function readMtDev(
  mtDir,
  {
    raw = false,
    fail = (message) => {
      throw new Error(message)
    }
  } = {}
) {
  const notes = {
    segmentRows: 0,
    segmentRowsWithExtraFields: 0,
    duplicateSegments: 0,
    errorRows: 0,
    errorRowsWithExtraFields: 0,
    errorRowsNoSegment: 0,
    targetSpans: 0,
    quotedTargets: 0,
    quotedTargetsUnquoted: 0,
    spansExact: 0,
    spansShifted: 0,
    spansUnverified: 0
  }
  const seg = readTsv(path.join(mtDir, 'segments.tsv'))
  const sc = columns(seg.header, ['doc_id', 'seg_id', 'system', 'source_zh', 'target_en'], 'segments.tsv', fail)
  const segments = new Map()
  for (const f of seg.rows) {
    notes.segmentRows++
    if (f.length !== seg.header.length) notes.segmentRowsWithExtraFields++
    const storedSource = f[sc.source_zh] ?? ''
    const s = {
      doc: f[sc.doc_id],
      seg: f[sc.seg_id],
      system: f[sc.system],
      stored: f[sc.target_en] ?? '',
      source: !raw && isQuoted(storedSource) ? unquote(storedSource) : storedSource,
      text: '',
      spans: [],
      sourceSpans: []
    }
    const key = keyOf(s.doc, s.seg, s.system)
    if (segments.has(key)) {
      notes.duplicateSegments++
      continue
    }
    segments.set(key, s)
  }

  const err = readTsv(path.join(mtDir, 'errors.tsv'))
  const ec = columns(
    err.header,
    ['doc_id', 'seg_id', 'system', 'category', 'severity', 'span_side', 'span_text', 'span_start', 'span_end'],
    'errors.tsv',
    fail
  )
  for (const f of err.rows) {
    notes.errorRows++
    if (f.length !== err.header.length) notes.errorRowsWithExtraFields++
    const side = f[ec.span_side]
    if (side !== 'target' && side !== 'source') continue
    const s = segments.get(keyOf(f[ec.doc_id], f[ec.seg_id], f[ec.system]))
    if (!s) {
      if (side === 'target') notes.errorRowsNoSegment++
      continue
    }
    const spanText = f[ec.span_text]
    const span = {
      category: f[ec.category],
      severity: f[ec.severity],
      storedText: spanText,
      texts: !raw && isQuoted(spanText) ? [spanText, unquote(spanText)] : [spanText],
      start: Number(f[ec.span_start]),
      end: Number(f[ec.span_end])
    }
    if (side === 'source') {
      s.sourceSpans.push(span)
      continue
    }
    s.spans.push(span)
    notes.targetSpans++
  }

  /** How many of the spans' texts sit exactly at their offsets in `text`. */
  const agreement = (text, spans) => spans.filter((sp) => sp.texts.includes(text.slice(sp.start, sp.end))).length

  /** Where a span really is in `text`: as given, moved by up to MAX_SHIFT, or as given (unverified). */
  function place(text, sp) {
    const clamp = (n) => Math.max(0, Math.min(n, text.length))
    if (raw) return {start: clamp(sp.start), end: clamp(sp.end), how: 'as-given'}
    if (sp.texts.includes(text.slice(sp.start, sp.end))) return {start: sp.start, end: sp.end, how: 'exact'}
    for (let d = 1; d <= MAX_SHIFT; d++) {
      for (const shift of [-d, d]) {
        for (const t of sp.texts) {
          const start = sp.start + shift
          if (t.length > 0 && start >= 0 && text.slice(start, start + t.length) === t)
            return {start, end: start + t.length, how: 'shifted'}
        }
      }
    }
    return {start: clamp(sp.start), end: clamp(sp.end), how: 'unverified'}
  }

  for (const s of segments.values()) {
    s.text = s.stored
    if (!raw && isQuoted(s.stored)) {
      notes.quotedTargets++
      const unquoted = unquote(s.stored)
      if (agreement(unquoted, s.spans) >= agreement(s.stored, s.spans)) {
        s.text = unquoted
        notes.quotedTargetsUnquoted++
      }
    }
    for (const sp of s.spans) {
      Object.assign(sp, {at: place(s.text, sp)})
      if (sp.at.how === 'exact') notes.spansExact++
      else if (sp.at.how === 'shifted') notes.spansShifted++
      else if (sp.at.how === 'unverified') notes.spansUnverified++
    }
  }
  return {segments, notes}
}
