#!/usr/bin/env node
// Measures copydesk on real copy (a measurement, not a test: always exits 0
// once the corpora are found).
//
//   npm run measure            # text report
//   npm run measure -- --json  # the same numbers as JSON
//   npm run measure -- --raw   # lint target_en exactly as stored, offsets as given
//
// 1. mt-dev (WMT23 zh-en MQM): lints every segment's target_en once and checks
//    each warning against the raters' target-side spans for the same doc_id,
//    seg_id and system: on a Major span, on Minor spans only, or unmarked.
//    Then recall on two targeted subsets of Major target spans (see
//    `inDigitSubset`, `inNameCategorySubset`, `isCapitalisedSequence`).
// 2. clean-wikinews: warnings per 10,000 words (whitespace-separated tokens).
//
// Corpus: <repo>/../shared/corpus/mt-dev, or the folder in COPYDESK_CORPUS
// (the one holding segments.tsv and errors.tsv). Clean copy: the folder
// clean-wikinews beside it, else <repo>/fixtures/clean-wikinews.
// Needs a build first (`npx tsc -p .`).
//
// Reading the TSVs: split on tabs only; quotes are never a field delimiter.
// The files have two known defects, handled and counted in the report:
// - Some segment rows carry extra tab-separated fields (text from other rows
//   swallowed upstream). The columns are positional: doc_id, seg_id, system,
//   source_zh, target_en; anything after target_en up to the last three
//   numeric columns is ignored. Error rows: the first 10 fields are used.
// - 301 target_en values (and some span_text values) are stored CSV-quoted
//   ("...""shelf""..."), while the raters' offsets index the unquoted text.
//   For each such segment we keep whichever of the stored or unquoted text
//   agrees with more of its spans (ties: unquoted), and each span is then
//   checked against the text; spans off by a few characters (upstream lost a
//   leading quote) are moved to where their text is (at most 3 characters).
//   `--raw` turns all of this off.

import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {byText, bySegment, keyOf, MAX_SHIFT, readMtDev} from './lib/mt-dev.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..')
const args = new Set(process.argv.slice(2))
const asJson = args.has('--json')
const rawMode = args.has('--raw')
for (const arg of args) {
  if (arg !== '--json' && arg !== '--raw') {
    console.error(`measure: unknown argument \`${arg}\` (expected --json, --raw)`)
    process.exit(2)
  }
}

/** A fixed "today" (the tests' value), so the output does not change with the clock. */
const TODAY = '2026-11-29'
const CONTEXT = 60

const mtDir = process.env.COPYDESK_CORPUS
  ? path.resolve(process.env.COPYDESK_CORPUS)
  : path.join(repoRoot, '..', 'shared', 'corpus', 'mt-dev')
const segmentsPath = path.join(mtDir, 'segments.tsv')
const errorsPath = path.join(mtDir, 'errors.tsv')
if (!fs.existsSync(segmentsPath) || !fs.existsSync(errorsPath)) {
  console.error(
    `measure: corpus not found: ${mtDir} must hold segments.tsv and errors.tsv (set COPYDESK_CORPUS to that folder)`
  )
  process.exit(2)
}
const sharedClean = path.join(mtDir, '..', 'clean-wikinews')
const cleanDir = fs.existsSync(sharedClean) ? sharedClean : path.join(repoRoot, 'fixtures', 'clean-wikinews')

const entry = path.join(repoRoot, 'dist', 'src', 'index.js')
if (!fs.existsSync(entry)) {
  console.error(
    `measure: ${path.relative(process.cwd(), entry) || entry} is missing; build first with \`npx tsc -p .\``
  )
  process.exit(2)
}
const {lint, loadKnowledge, ruleIds} = await import(pathToFileURL(entry).href)

// ---------------------------------------------------------------- reading

const {segments, notes} = readMtDev(mtDir, {
  raw: rawMode,
  fail: (message) => {
    console.error(`measure: ${message}`)
    process.exit(2)
  }
})

// ---------------------------------------------------------------- subsets

/** Digit subset: the span's text has a digit (figures, ordinals like 20th, dates). */
const inDigitSubset = (sp) => /\d/.test(sp.texts.at(-1))

/** Name subset (category): the MQM category mentions names, e.g. "Locale convention/Name format". */
const inNameCategorySubset = (sp) => /name/i.test(sp.category)

/** Strip punctuation, symbols and spaces from both ends (a loop: no backtracking regex). */
function trimPunctuation(s) {
  const edge = /[\p{P}\p{S}\s]/u
  let from = 0
  let to = s.length
  while (from < to && edge.test(s[from])) from++
  while (to > from && edge.test(s[to - 1])) to--
  return s.slice(from, to)
}

const CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'de',
  'da',
  'del',
  'der',
  'van',
  'von',
  'bin',
  'al',
  'la',
  'le',
  'du',
  'for',
  '&'
])
/**
 * Name subset (form): the span's text, outer punctuation and quotes removed, is
 * a run of capitalised words ("Julio Rios", "China Policy Observation
 * Network", "U.S.") where lowercase connectors (of, the, and, de, van, ...)
 * may stand between capitalised words; a single capitalised word at offset 0
 * (a sentence-initial capital) does not count.
 */
function isCapitalisedSequence(sp) {
  const text = trimPunctuation(sp.texts.at(-1))
  if (!text || !/\p{L}/u.test(text)) return false
  const words = text.split(/\s+/)
  if (!/^\p{Lu}/u.test(words[0]) || !/^\p{Lu}/u.test(words.at(-1))) return false
  if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || CONNECTORS.has(w))) return false
  if (words.length === 1 && sp.at.start === 0) return false
  return true
}

// ---------------------------------------------------------------- linting

const knowledge = loadKnowledge()
const started = Date.now()
const rules = [...ruleIds].sort(byText)
const overlaps = (a, b) => a.start < b.end && b.start < a.end
/** Ranges are [start, end); an empty range counts as its one following character. */
const range = (start, end) => ({start, end: Math.max(end, start + 1)})

function messageRange(m) {
  const p = m.place && 'start' in m.place ? m.place : {start: m.place, end: m.place}
  const start = p?.start?.offset
  const end = p?.end?.offset ?? start
  return typeof start === 'number' ? {start, end} : undefined
}

const perRule = Object.fromEntries(rules.map((r) => [r, {total: 0, major: 0, minorOnly: 0, unmarked: 0}]))
const warnings = []
let lintFailures = 0
const ordered = [...segments.values()].sort(bySegment)
for (const s of ordered) {
  let file
  try {
    file = await lint(s.text, {path: 'segment.txt', knowledge, today: TODAY})
  } catch (error) {
    lintFailures++
    warnings.push({
      doc: s.doc,
      seg: s.seg,
      system: s.system,
      ruleId: 'lint-failure',
      reason: String(error?.message ?? error),
      start: 0,
      end: 0,
      klass: 'unmarked',
      text: s.text
    })
    continue
  }
  for (const m of file.messages) {
    const r = messageRange(m)
    const ruleId = String(m.ruleId ?? m.source ?? 'unknown')
    const w = {
      doc: s.doc,
      seg: s.seg,
      system: s.system,
      ruleId,
      reason: m.reason,
      start: r?.start ?? 0,
      end: r?.end ?? 0,
      klass: 'unmarked',
      text: s.text
    }
    const wr = range(w.start, w.end)
    const hit = s.spans.filter((sp) => overlaps(wr, range(sp.at.start, sp.at.end)))
    for (const sp of hit) (sp.flaggedBy ??= new Set()).add(ruleId)
    w.klass = hit.some((sp) => sp.severity === 'Major')
      ? 'major'
      : hit.some((sp) => sp.severity === 'Minor')
        ? 'minorOnly'
        : 'unmarked'
    perRule[ruleId] ??= {total: 0, major: 0, minorOnly: 0, unmarked: 0}
    perRule[ruleId].total++
    perRule[ruleId][w.klass]++
    warnings.push(w)
  }
}
const mtSeconds = (Date.now() - started) / 1000

// Recall: unique Major target spans (same segment, same place), counted once
// however many raters marked them.
function recall(filter) {
  const unique = new Map()
  let rows = 0
  for (const s of ordered) {
    for (const sp of s.spans) {
      if (sp.severity !== 'Major' || !filter(sp)) continue
      rows++
      const key = `${keyOf(s.doc, s.seg, s.system)}\t${sp.at.start}\t${sp.at.end}`
      const u = unique.get(key) ?? {s, sp, by: new Set()}
      for (const id of sp.flaggedBy ?? []) u.by.add(id)
      unique.set(key, u)
    }
  }
  const spans = [...unique.values()]
  const flagged = spans.filter((u) => u.by.size > 0)
  const byRule = Object.fromEntries(rules.map((r) => [r, flagged.filter((u) => u.by.has(r)).length]))
  return {
    annotationRows: rows,
    uniqueSpans: spans.length,
    flagged: flagged.length,
    recall: spans.length ? flagged.length / spans.length : 0,
    byRule,
    missedSpans: spans
      .filter((u) => u.by.size === 0)
      .map((u) => ({
        doc: u.s.doc,
        seg: u.s.seg,
        system: u.s.system,
        span: u.s.text.slice(u.sp.at.start, u.sp.at.end),
        start: u.sp.at.start,
        category: u.sp.category
      }))
      .sort((a, b) => bySegment(a, b) || a.start - b.start || byText(a.span, b.span)),
    flaggedSpans: flagged
      .map((u) => ({
        doc: u.s.doc,
        seg: u.s.seg,
        system: u.s.system,
        span: u.s.text.slice(u.sp.at.start, u.sp.at.end),
        start: u.sp.at.start,
        category: u.sp.category,
        rules: [...u.by].sort(byText)
      }))
      .sort((a, b) => bySegment(a, b) || a.start - b.start || byText(a.span, b.span))
  }
}
const recalls = {
  digit: recall(inDigitSubset),
  nameCategory: recall(inNameCategorySubset),
  capitalisedSequence: recall(isCapitalisedSequence)
}

// ---------------------------------------------------------------- clean copy

const cleanFiles = fs.existsSync(cleanDir)
  ? fs
      .readdirSync(cleanDir)
      .filter((f) => f.endsWith('.txt'))
      .sort(byText)
  : []
const clean = {
  words: 0,
  files: cleanFiles.length,
  perRule: Object.fromEntries(rules.map((r) => [r, 0])),
  total: 0,
  warnings: []
}
for (const name of cleanFiles) {
  const text = fs.readFileSync(path.join(cleanDir, name), 'utf8')
  clean.words += text.split(/\s+/).filter(Boolean).length
  const file = await lint(text, {path: name, knowledge, today: TODAY})
  for (const m of file.messages) {
    const r = messageRange(m) ?? {start: 0, end: 0}
    const ruleId = String(m.ruleId ?? 'unknown')
    clean.perRule[ruleId] = (clean.perRule[ruleId] ?? 0) + 1
    clean.total++
    clean.warnings.push({file: name, ruleId, reason: m.reason, start: r.start, end: r.end, text})
  }
}
const per10k = (n) => (clean.words ? (n * 10000) / clean.words : 0)

// ---------------------------------------------------------------- output

const allRules = [...new Set([...rules, ...Object.keys(perRule), ...Object.keys(clean.perRule)])].sort(byText)
const totals = {total: 0, major: 0, minorOnly: 0, unmarked: 0}
for (const r of allRules) for (const k of Object.keys(totals)) totals[k] += perRule[r]?.[k] ?? 0

const oneLine = (s) => s.replace(/\s/g, ' ')
function around(text, start, end) {
  const from = Math.max(0, start - CONTEXT)
  const to = Math.min(text.length, end + CONTEXT)
  return `${from > 0 ? '…' : ''}${oneLine(text.slice(from, start))}[[${oneLine(text.slice(start, end))}]]${oneLine(text.slice(end, to))}${to < text.length ? '…' : ''}`
}
const byWarning = (a, b) =>
  byText(a.ruleId, b.ruleId) || bySegment(a, b) || a.start - b.start || a.end - b.end || byText(a.reason, b.reason)
const unmarked = warnings
  .filter((w) => w.klass === 'unmarked')
  .sort(byWarning)
  .map((w) => ({
    ruleId: w.ruleId,
    system: w.system,
    doc: w.doc,
    seg: w.seg,
    start: w.start,
    end: w.end,
    reason: w.reason,
    context: around(w.text, w.start, w.end)
  }))
const marked = warnings
  .filter((w) => w.klass !== 'unmarked')
  .sort(byWarning)
  .map((w) => ({
    ruleId: w.ruleId,
    klass: w.klass,
    system: w.system,
    doc: w.doc,
    seg: w.seg,
    start: w.start,
    end: w.end,
    reason: w.reason,
    context: around(w.text, w.start, w.end)
  }))
const cleanList = clean.warnings
  .sort(
    (a, b) => byText(a.ruleId, b.ruleId) || byText(a.file, b.file) || a.start - b.start || byText(a.reason, b.reason)
  )
  .map((w) => ({
    ruleId: w.ruleId,
    file: w.file,
    start: w.start,
    end: w.end,
    reason: w.reason,
    context: around(w.text, w.start, w.end)
  }))

const subsetText = {
  digit: 'Major target-side spans whose span_text contains a digit 0-9 (figures, ordinals such as 20th, dates)',
  nameCategory: "Major target-side spans whose MQM category contains 'name' (Locale convention/Name format)",
  capitalisedSequence:
    'Major target-side spans whose text is a run of capitalised words (lowercase connectors of/the/and/de/van... allowed between them; a lone capitalised word at offset 0 excluded)'
}

if (asJson) {
  const round = (n) => Math.round(n * 1000) / 1000
  const out = {
    corpus: path.relative(repoRoot, mtDir) || '.',
    cleanCorpus: path.relative(repoRoot, cleanDir) || '.',
    today: TODAY,
    mode: rawMode ? 'raw' : 'repaired',
    data: notes,
    segmentsLinted: ordered.length,
    lintFailures,
    perRule: Object.fromEntries(
      allRules.map((r) => [r, perRule[r] ?? {total: 0, major: 0, minorOnly: 0, unmarked: 0}])
    ),
    total: totals,
    recall: Object.fromEntries(
      Object.entries(recalls).map(([k, v]) => [
        k,
        {
          subset: subsetText[k],
          annotationRows: v.annotationRows,
          uniqueSpans: v.uniqueSpans,
          flagged: v.flagged,
          recall: round(v.recall),
          byRule: v.byRule,
          flaggedSpans: v.flaggedSpans,
          missedSpans: v.missedSpans
        }
      ])
    ),
    clean: {
      files: clean.files,
      words: clean.words,
      perRule: Object.fromEntries(
        allRules.map((r) => [r, {warnings: clean.perRule[r] ?? 0, per10kWords: round(per10k(clean.perRule[r] ?? 0))}])
      ),
      total: {warnings: clean.total, per10kWords: round(per10k(clean.total))}
    },
    unmarked,
    marked,
    cleanWarnings: cleanList
  }
  console.log(JSON.stringify(out, null, 2))
} else {
  printText()
}

function printText() {
  const lines = []
  const out = (s = '') => lines.push(s)
  const pad = (s, n) => String(s).padEnd(n)
  const lpad = (s, n) => String(s).padStart(n)
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-')
  const width = Math.max(18, ...allRules.map((r) => r.length)) + 2

  out(
    `copydesk measurement (${rawMode ? 'raw: target_en as stored, offsets as given' : 'repaired text and offsets'}; today fixed at ${TODAY})`
  )
  out(`mt-dev corpus: ${mtDir}`)
  out(
    `  ${ordered.length} segments linted in ${mtSeconds.toFixed(1)} s; ${notes.segmentRowsWithExtraFields} rows had extra tab fields (ignored after target_en)` +
      (notes.duplicateSegments ? `; ${notes.duplicateSegments} duplicate rows skipped` : '') +
      (lintFailures ? `; ${lintFailures} lint failures` : '')
  )
  out(
    `  errors.tsv: ${notes.errorRows} rows (${notes.errorRowsWithExtraFields} with extra fields), ${notes.targetSpans} target-side spans used, ${notes.errorRowsNoSegment} target-side rows whose segment is not in segments.tsv`
  )
  if (!rawMode) {
    out(
      `  ${notes.quotedTargets} target_en stored CSV-quoted; ${notes.quotedTargetsUnquoted} linted unquoted (their spans fit the unquoted text), ${notes.quotedTargets - notes.quotedTargetsUnquoted} as stored`
    )
    out(
      `  spans: ${notes.spansExact} exactly at their offsets, ${notes.spansShifted} moved by <= ${MAX_SHIFT} chars to their text, ${notes.spansUnverified} kept as given (text not found there)`
    )
  }
  out()
  out(
    'Warnings on mt-dev target_en, by what raters marked at the same place (same doc_id, seg_id, system; target side)'
  )
  out(`${pad('rule', width)}${lpad('total', 7)}${lpad('Major', 8)}${lpad('Minor-only', 12)}${lpad('unmarked', 10)}`)
  for (const r of allRules) {
    const p = perRule[r] ?? {total: 0, major: 0, minorOnly: 0, unmarked: 0}
    out(`${pad(r, width)}${lpad(p.total, 7)}${lpad(p.major, 8)}${lpad(p.minorOnly, 12)}${lpad(p.unmarked, 10)}`)
  }
  out(
    `${pad('all rules', width)}${lpad(totals.total, 7)}${lpad(totals.major, 8)}${lpad(totals.minorOnly, 12)}${lpad(totals.unmarked, 10)}`
  )
  out(
    `  on a marked span (Major or Minor): ${pct(totals.major + totals.minorOnly, totals.total)}; on a Major span: ${pct(totals.major, totals.total)}`
  )
  out()
  out(
    'Recall on the targeted subsets (unique spans: same segment and offsets counted once across raters; flagged = some warning overlaps it)'
  )
  for (const [k, v] of Object.entries(recalls)) {
    out(`- ${subsetText[k]}`)
    out(
      `    ${v.uniqueSpans} unique spans (${v.annotationRows} annotation rows); flagged ${v.flagged} = ${pct(v.flagged, v.uniqueSpans)}` +
        `  [${rules.map((r) => `${r} ${v.byRule[r]}`).join(', ')}]`
    )
    for (const f of v.flaggedSpans)
      out(
        `      flagged: ${f.system} | ${f.doc} | seg ${f.seg} | ${JSON.stringify(f.span)} (${f.category}) by ${f.rules.join(', ')}`
      )
  }
  out()
  out(`Clean copy: ${cleanDir}`)
  out(`  ${clean.files} files, ${clean.words} words (whitespace-separated tokens)`)
  out(`${pad('rule', width)}${lpad('warnings', 9)}${lpad('per 10k words', 15)}`)
  for (const r of allRules)
    out(`${pad(r, width)}${lpad(clean.perRule[r] ?? 0, 9)}${lpad(per10k(clean.perRule[r] ?? 0).toFixed(2), 15)}`)
  out(`${pad('all rules', width)}${lpad(clean.total, 9)}${lpad(per10k(clean.total).toFixed(2), 15)}`)
  for (const w of cleanList) out(`  ${w.ruleId} | ${w.file} @${w.start}-${w.end} | ${w.reason}\n      ${w.context}`)
  out()
  out(
    `Unmarked warnings on mt-dev (${unmarked.length}; on no rater's target span), by rule, doc, seg, system; [[ ]] marks the warning`
  )
  for (const w of unmarked)
    out(`- ${w.ruleId} | ${w.system} | ${w.doc} | seg ${w.seg} @${w.start}-${w.end} | ${w.reason}\n      ${w.context}`)
  out()
  out(`Warnings on marked spans (${marked.length}), for comparison`)
  for (const w of marked)
    out(
      `- ${w.ruleId} [${w.klass === 'major' ? 'Major' : 'Minor-only'}] | ${w.system} | ${w.doc} | seg ${w.seg} @${w.start}-${w.end} | ${w.reason}\n      ${w.context}`
    )
  console.log(lines.join('\n'))
}
