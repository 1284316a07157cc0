#!/usr/bin/env node
// source-mismatch, measured on real translations against their Chinese sources (a
// measurement, not a test: exits 0 once the corpora are found; 2 when one is missing).
//
//   npm run measure                          # both measurements, as text
//   node scripts/measure-source.js --json    # the numbers as JSON
//
// 1. bilingual-dev: two professional translations (ref-a, ref-b) of the same Chinese,
//    dNNNN.en.txt beside dNNNN.zh.txt. Warnings per 10,000 words (whitespace-separated
//    tokens) by reference and by kind, each warning listed for reading; a source figure
//    flagged in both references is marked (both translators rarely make one error, so
//    such a warning is a misreading unless the reading shows otherwise). The same stories
//    are measured again with the English paragraphs merged in pairs, so the paragraph
//    counts differ and the sentences must be aligned.
// 2. mt-dev (WMT23 zh-en with MQM marks): every target_en against its source_zh (text and
//    offsets repaired as in scripts/lib/mt-dev.js). Recall on the Major target-side spans
//    that hold a digit, split by scripts/mt-dev-figure-spans.tsv (each span read against
//    the source): spans whose figure differs from the source (a source check can see
//    them) and spans whose figure is right while the meaning around it is wrong. Then
//    precision: warnings on no rater's target span, listed for reading; for a missing-
//    figure warning, whether a rater marked that source figure on the source side.
//
// Corpora: <repo>/../shared/corpus/{bilingual-dev,mt-dev}, or COPYDESK_BILINGUAL and
// COPYDESK_CORPUS (the folder holding segments.tsv and errors.tsv). Build first.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {bySegment, keyOf, readMtDev} from './lib/mt-dev.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = new Set(process.argv.slice(2))
for (const arg of args) {
  if (arg !== '--json') {
    console.error(`measure-source: unknown argument \`${arg}\` (expected --json)`)
    process.exit(2)
  }
}
const asJson = args.has('--json')
const TODAY = '2026-11-29'
const sharedCorpus = path.join(repoRoot, '..', 'shared', 'corpus')
const mtDir = process.env.COPYDESK_CORPUS
  ? path.resolve(process.env.COPYDESK_CORPUS)
  : path.join(sharedCorpus, 'mt-dev')
const bilingualDir = process.env.COPYDESK_BILINGUAL
  ? path.resolve(process.env.COPYDESK_BILINGUAL)
  : path.join(path.dirname(mtDir), 'bilingual-dev')
const labelsPath = path.join(repoRoot, 'scripts', 'mt-dev-figure-spans.tsv')

for (const [what, file] of [
  ['mt-dev corpus', path.join(mtDir, 'segments.tsv')],
  ['bilingual-dev corpus', path.join(bilingualDir, 'ref-a')]
]) {
  if (!fs.existsSync(file)) {
    console.error(`measure-source: ${what} not found: ${file} (set COPYDESK_CORPUS or COPYDESK_BILINGUAL)`)
    process.exit(2)
  }
}
const entry = path.join(repoRoot, 'dist', 'src', 'index.js')
if (!fs.existsSync(entry)) {
  console.error('measure-source: dist/src/index.js is missing; build first with `npm run build`')
  process.exit(2)
}
const {lint, loadKnowledge, ruleIds} = await import(pathToFileURL(entry).href)
const internal = (file) => import(pathToFileURL(path.join(repoRoot, 'dist', file)).href)
const {checkTranslation} = await internal('rules/source-mismatch/check.js')
const {required} = await internal('rules/source-mismatch/messages.js')
const {readChinese} = await internal('src/zh/figures.js')
const {zhData} = await internal('src/zh/data.js')
const knowledge = loadKnowledge()
const onlySourceMismatch = Object.fromEntries(ruleIds.filter((id) => id !== 'source-mismatch').map((id) => [id, 'off']))

/**
 * The class of a source figure, for deciding which lost figures are worth a warning:
 * each class is measured alone (a missing-figure warning for every figure of it lost).
 */
function omissionClass(z) {
  if (z.form === 'vague') return 'indefinite amounts (上万, 数十)'
  if (z.form === 'fraction') return 'fractions (三分之一)'
  if (z.form === 'generation') return 'generations (90后)'
  if (z.form === 'named') return 'days named by numbers (五四, 618)'
  if (z.form === 'name') return 'digits in names (5G)'
  if (z.form === 'term') return 'numbered political terms (二十大)'
  if (z.word) return 'numerals written as words (一家, 万名)'
  switch (z.kind) {
    case 'cardinal':
      if (z.currency) return 'amounts'
      if (z.unit === undefined) return 'bare numbers (codes, service numbers)'
      if (z.unit === '倍') return 'multiples (倍)'
      return z.value >= 10 ? 'counts of 10 or more with a unit' : 'counts under 10 with a unit'
    case 'percent':
      return 'percentages'
    case 'ordinal':
      return 'ordinals'
    case 'year':
      return 'years'
    case 'date':
      return z.month !== undefined && z.day !== undefined
        ? 'dates (month and day)'
        : z.day !== undefined
          ? 'days alone (26日)'
          : 'months'
    case 'time':
      return 'clock times'
    default:
      return 'decades'
  }
}
const omissions = new Map()
const samples = []
/** Count, for each class of source figure, the lost figures a warning would report. */
function countOmissions(result, source, where, sourceSpans = []) {
  const x = result.data.extraction
  if (!x) return
  const data = zhData()
  const reading = readChinese(source, {referenceYear: Number(x.storyDate.date.slice(0, 4)), data})
  const classes = new Set(reading.figures.map(omissionClass))
  for (const c of classes) {
    const findings = checkTranslation(x, source, reading, data, {required: (z) => omissionClass(z) === c})
    for (const f of findings) {
      if (!f.source) continue
      const row = omissions.get(c) ?? {bilingual: {}, mt: 0, mtMarked: 0, reported: false}
      row.reported ||= reading.figures.some((z) => omissionClass(z) === c && required(z))
      if (samples.length < 4000) samples.push({where, cls: c, reason: f.reason})
      if (where === 'mt-dev') {
        row.mt++
        if (sourceSpans.some((sp) => sp.start < f.source.end && f.source.start < sp.end)) row.mtMarked++
      } else row.bilingual[where] = (row.bilingual[where] ?? 0) + 1
      omissions.set(c, row)
    }
  }
}

async function check(english, source, file = 'story.txt', omissionsFor = undefined, sourceSpans = []) {
  const result = await lint(english, {path: file, knowledge, today: TODAY, source, rules: onlySourceMismatch})
  if (omissionsFor) countOmissions(result, source, omissionsFor, sourceSpans)
  return result.messages
    .filter((m) => m.ruleId === 'source-mismatch')
    .map((m) => ({
      start: m.place?.start?.offset ?? 0,
      end: m.place?.end?.offset ?? 0,
      line: m.place?.start?.line ?? 0,
      reason: m.reason
    }))
}

/** The kind of a warning, from its reason. */
function kindOf(reason) {
  if (reason.startsWith('Missing figure')) return 'missing'
  if (reason.startsWith('Unexpected month')) return 'added month'
  if (/^Unexpected `[^`]*` without `/.test(reason)) return 'term without its name'
  if (reason.endsWith('the source has no such figure')) return 'no such figure'
  return 'differs from the source figure'
}
const KINDS = ['differs from the source figure', 'term without its name', 'added month', 'no such figure', 'missing']

/** The source figure a warning names (`3800亿美元`), if any. */
function sourceFigureOf(reason) {
  const match = /(?:the source has|the source's) `([^`]*)`/.exec(reason)
  return match ? match[1] : undefined
}

const oneLine = (s) => s.replace(/\s+/g, ' ')
function around(text, start, end, width = 70) {
  const from = Math.max(0, start - width)
  const to = Math.min(text.length, end + width)
  return `${from > 0 ? '…' : ''}${oneLine(text.slice(from, start))}[[${oneLine(text.slice(start, end))}]]${oneLine(text.slice(end, to))}${to < text.length ? '…' : ''}`
}
const words = (text) => text.split(/\s+/).filter(Boolean).length
const per10k = (n, w) => (w ? (n * 10000) / w : 0)
const round = (n) => Math.round(n * 100) / 100

// ---------------------------------------------------------------- bilingual-dev

const references = fs
  .readdirSync(bilingualDir)
  .filter((d) => fs.statSync(path.join(bilingualDir, d)).isDirectory())
  .sort()
const bilingual = {}
const started = Date.now()
for (const ref of references) {
  const dir = path.join(bilingualDir, ref)
  const stories = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.en.txt'))
    .sort()
  const result = {stories: stories.length, words: 0, warnings: [], mergedWarnings: 0}
  for (const name of stories) {
    const english = fs.readFileSync(path.join(dir, name), 'utf8')
    const sourceFile = path.join(dir, name.replace(/\.en\.txt$/, '.zh.txt'))
    if (!fs.existsSync(sourceFile)) continue
    const source = fs.readFileSync(sourceFile, 'utf8')
    result.words += words(english)
    for (const w of await check(english, source, name, ref)) {
      const lineStart = english.lastIndexOf('\n', w.start - 1) + 1
      const lineEnd = english.indexOf('\n', w.start)
      const zhLine = source.split('\n')[w.line - 1] ?? ''
      result.warnings.push({
        story: name.replace(/\.en\.txt$/, ''),
        line: w.line,
        kind: kindOf(w.reason),
        reason: w.reason,
        sourceFigure: sourceFigureOf(w.reason),
        actual: english.slice(w.start, w.end),
        english: around(
          english.slice(lineStart, lineEnd < 0 ? undefined : lineEnd),
          w.start - lineStart,
          w.end - lineStart
        ),
        source: oneLine(zhLine).slice(0, 200)
      })
    }
    // The same story with its English paragraphs merged in pairs: the counts differ.
    const paragraphs = english.split(/\n[ \t]*\n/)
    const merged = []
    for (let i = 0; i < paragraphs.length; i += 2) merged.push(paragraphs.slice(i, i + 2).join(' '))
    result.mergedWarnings += (await check(merged.join('\n\n'), source, name)).length
  }
  bilingual[ref] = result
}
// A source figure flagged in every reference.
const flaggedIn = new Map()
for (const [ref, result] of Object.entries(bilingual)) {
  for (const w of result.warnings) {
    const key = `${w.story}\t${w.line}\t${w.sourceFigure ?? w.actual}`
    flaggedIn.set(key, new Set([...(flaggedIn.get(key) ?? []), ref]))
  }
}
for (const result of Object.values(bilingual)) {
  for (const w of result.warnings) {
    w.inAllReferences = flaggedIn.get(`${w.story}\t${w.line}\t${w.sourceFigure ?? w.actual}`).size === references.length
  }
}
const bilingualSeconds = (Date.now() - started) / 1000

// ---------------------------------------------------------------- mt-dev

const {segments} = readMtDev(mtDir, {
  fail: (message) => {
    console.error(`measure-source: ${message}`)
    process.exit(2)
  }
})
/** Each span read against its source: `differs` (the figure differs from the source) or `around`. */
const labels = new Map()
if (fs.existsSync(labelsPath)) {
  const rows = fs
    .readFileSync(labelsPath, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'))
  for (const [doc, seg, system, start, end, label, why] of rows.slice(1)) {
    labels.set(`${keyOf(doc, seg, system)}\t${start}\t${end}`, {label, why})
  }
}

const mtStarted = Date.now()
const ordered = [...segments.values()].sort(bySegment)
const mtWarnings = []
for (const s of ordered) {
  for (const w of await check(s.text, s.source, 'segment.txt', 'mt-dev', s.sourceSpans)) {
    const range = {start: w.start, end: Math.max(w.end, w.start + 1)}
    const hit = s.spans.filter((sp) => sp.at.start < range.end && range.start < Math.max(sp.at.end, sp.at.start + 1))
    // A missing-figure warning points at the first word of a sentence, not at an error: it
    // does not count as flagging a span (its precision is measured on the source side).
    if (kindOf(w.reason) !== 'missing') for (const sp of hit) sp.flagged = true
    let sourceMarked = false
    const figure = sourceFigureOf(w.reason)
    if (w.reason.startsWith('Missing figure') && figure) {
      const at = s.source.indexOf(figure)
      sourceMarked = at >= 0 && s.sourceSpans.some((sp) => sp.start < at + figure.length && at < sp.end)
    }
    mtWarnings.push({
      doc: s.doc,
      seg: s.seg,
      system: s.system,
      kind: kindOf(w.reason),
      reason: w.reason,
      start: w.start,
      end: w.end,
      mark: hit.some((sp) => sp.severity === 'Major') ? 'Major' : hit.length ? 'Minor' : 'unmarked',
      sourceMarked,
      context: around(s.text, w.start, w.end)
    })
  }
}
const mtSeconds = (Date.now() - mtStarted) / 1000

// Unique Major spans holding a digit (same segment and offsets counted once).
const unique = new Map()
for (const s of ordered) {
  for (const sp of s.spans) {
    if (sp.severity !== 'Major' || !/\d/.test(sp.texts.at(-1))) continue
    const key = `${keyOf(s.doc, s.seg, s.system)}\t${sp.at.start}\t${sp.at.end}`
    const u = unique.get(key) ?? {s, sp, flagged: false, label: undefined}
    u.flagged ||= Boolean(sp.flagged)
    u.label ??= labels.get(`${keyOf(s.doc, s.seg, s.system)}\t${sp.start}\t${sp.end}`)
    unique.set(key, u)
  }
}
const spans = [...unique.values()]
const subset = (filter) => {
  const list = spans.filter(filter)
  const flagged = list.filter((u) => u.flagged).length
  return {spans: list.length, flagged, recall: list.length ? flagged / list.length : 0}
}
const recall = {
  all: subset(() => true),
  figureDiffers: subset((u) => u.label?.label === 'differs'),
  figureRight: subset((u) => u.label?.label === 'around'),
  unlabelled: subset((u) => !u.label)
}
const spanList = (filter) =>
  spans.filter(filter).map((u) => ({
    system: u.s.system,
    doc: u.s.doc,
    seg: u.s.seg,
    span: u.s.text.slice(u.sp.at.start, u.sp.at.end),
    label: u.label?.label ?? 'unlabelled',
    why: u.label?.why
  }))
const count = (filter) => mtWarnings.filter(filter).length
const mt = {
  segments: ordered.length,
  seconds: mtSeconds,
  recall,
  warnings: {
    total: mtWarnings.length,
    onMajorSpan: count((w) => w.mark === 'Major'),
    onMinorSpanOnly: count((w) => w.mark === 'Minor'),
    unmarked: count((w) => w.mark === 'unmarked'),
    missingWithSourceMark: count((w) => w.kind === 'missing' && w.sourceMarked),
    markedNowhere: count((w) => w.mark === 'unmarked' && !w.sourceMarked),
    byKind: Object.fromEntries(KINDS.map((k) => [k, count((w) => w.kind === k)]))
  },
  flaggedSpans: spanList((u) => u.flagged),
  missedSpansWhereTheFigureDiffers: spanList((u) => !u.flagged && u.label?.label === 'differs'),
  unmarkedWarnings: mtWarnings.filter((w) => w.mark === 'unmarked')
}

// ---------------------------------------------------------------- output

function byKind(list) {
  return Object.fromEntries(KINDS.map((k) => [k, list.filter((w) => w.kind === k).length]))
}
if (asJson) {
  console.log(
    JSON.stringify(
      {
        today: TODAY,
        bilingualDev: Object.fromEntries(
          Object.entries(bilingual).map(([ref, r]) => [
            ref,
            {
              stories: r.stories,
              words: r.words,
              warnings: r.warnings.length,
              per10kWords: round(per10k(r.warnings.length, r.words)),
              byKind: byKind(r.warnings),
              mergedParagraphs: {warnings: r.mergedWarnings, per10kWords: round(per10k(r.mergedWarnings, r.words))},
              list: r.warnings
            }
          ])
        ),
        mtDev: mt,
        omissionsByClass: Object.fromEntries(omissions),
        omissionSamples: samples
      },
      null,
      2
    )
  )
} else {
  const lines = []
  const out = (line = '') => lines.push(line)
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-')
  out(`source-mismatch on real translations (today fixed at ${TODAY})`)
  out(`bilingual-dev: ${bilingualDir} (${bilingualSeconds.toFixed(1)} s)`)
  for (const [ref, r] of Object.entries(bilingual)) {
    out(
      `  ${ref}: ${r.stories} stories, ${r.words} words: ${r.warnings.length} warnings = ${per10k(r.warnings.length, r.words).toFixed(2)} per 10,000 words`
    )
    out(`    by kind: ${KINDS.map((k) => `${k} ${r.warnings.filter((w) => w.kind === k).length}`).join(', ')}`)
    out(
      `    with the English paragraphs merged in pairs (sentences aligned): ${r.mergedWarnings} warnings = ${per10k(r.mergedWarnings, r.words).toFixed(2)} per 10,000 words`
    )
  }
  out('  Warnings to read ([all refs] = the same source figure flagged in every reference):')
  for (const [ref, r] of Object.entries(bilingual)) {
    for (const w of r.warnings) {
      out(`  - ${ref} ${w.story}:${w.line} ${w.inAllReferences ? '[all refs] ' : ''}${w.reason}`)
      out(`      EN: ${w.english}`)
      out(`      ZH: ${w.source}`)
    }
  }
  out()
  out('Lost source figures by class: the missing-figure warnings each class would give alone')
  out(
    `  ${'class'.padEnd(42)}${references.map((r) => r.padStart(7)).join('')}${'mt-dev'.padStart(8)}  (rater marked it)  reported`
  )
  for (const [c, row] of [...omissions].sort((a, b) => a[0].localeCompare(b[0]))) {
    out(
      `  ${c.padEnd(42)}${references.map((r) => String(row.bilingual[r] ?? 0).padStart(7)).join('')}${String(row.mt).padStart(8)}  ${String(row.mtMarked).padStart(16)}  ${row.reported ? 'yes' : 'no'}`
    )
  }
  out()
  out(`mt-dev: ${mtDir}`)
  out(`  ${mt.segments} segments, each target_en against its source_zh (${mt.seconds.toFixed(1)} s)`)
  out(
    `  Major target-side spans holding a digit (unique): ${recall.all.spans}; flagged ${recall.all.flagged} = ${pct(recall.all.flagged, recall.all.spans)}`
  )
  out(
    `    the figure differs from the source (a source check can see it): ${recall.figureDiffers.spans}; flagged ${recall.figureDiffers.flagged} = ${pct(recall.figureDiffers.flagged, recall.figureDiffers.spans)}`
  )
  out(
    `    the figure is right, the meaning around it is not: ${recall.figureRight.spans}; flagged ${recall.figureRight.flagged} = ${pct(recall.figureRight.flagged, recall.figureRight.spans)}`
  )
  if (recall.unlabelled.spans) {
    out(
      `    not labelled in ${path.relative(repoRoot, labelsPath)}: ${recall.unlabelled.spans}; flagged ${recall.unlabelled.flagged}`
    )
  }
  out(
    `  warnings: ${mt.warnings.total}; on a Major target span ${mt.warnings.onMajorSpan}, on a Minor one only ${mt.warnings.onMinorSpanOnly}, on no rater's target span ${mt.warnings.unmarked}`
  )
  out(
    `    missing figures whose source figure a rater marked (source side): ${mt.warnings.missingWithSourceMark} of ${mt.warnings.byKind.missing}; warnings no rater marked anywhere: ${mt.warnings.markedNowhere}`
  )
  out(`    by kind: ${KINDS.map((k) => `${k} ${mt.warnings.byKind[k]}`).join(', ')}`)
  out('  Flagged spans:')
  for (const f of mt.flaggedSpans)
    out(`  - [${f.label}] ${f.system} | ${f.doc} | seg ${f.seg} | ${JSON.stringify(f.span)}`)
  out('  Missed spans whose figure differs from the source:')
  for (const f of mt.missedSpansWhereTheFigureDiffers)
    out(`  - ${f.system} | ${f.doc} | seg ${f.seg} | ${JSON.stringify(f.span)} (${f.why})`)
  out(
    `  Warnings on no rater's target span (${mt.unmarkedWarnings.length}, to read; [source side marked] = the lost figure is marked in the source):`
  )
  for (const w of mt.unmarkedWarnings) {
    out(`  - ${w.system} | ${w.doc} | seg ${w.seg} | ${w.reason}${w.sourceMarked ? ' [source side marked]' : ''}`)
    out(`      ${w.context}`)
  }
  console.log(lines.join('\n'))
}
