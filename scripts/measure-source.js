#!/usr/bin/env node
// source-mismatch on the MT corpus: every segment's target_en checked against its
// source_zh. Prints, for MQM Major target-side errors whose span holds a figure (a
// digit), how many a source-mismatch warning overlaps; how many warnings fall on
// segments the raters found free of such errors (and lists them, to read); and the
// warnings on human reference translations where the corpus has them.
// `--json` prints the numbers. Corpus: ../shared/corpus/mt-dev or $COPYDESK_CORPUS.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const mtDir = process.env.COPYDESK_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus', 'mt-dev')
if (!fs.existsSync(path.join(mtDir, 'segments.tsv'))) {
  console.error(`copydesk measure-source: no corpus at ${mtDir} (set COPYDESK_CORPUS)`)
  process.exit(2)
}
const {lint, loadKnowledge, ruleIds} = await import(pathToFileURL(path.join(repoRoot, 'dist', 'src', 'index.js')).href)
const knowledge = loadKnowledge()

function tsv(file) {
  const [header, ...rows] = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'))
  const col = Object.fromEntries(header.map((h, i) => [h, i]))
  return rows.map((r) => Object.fromEntries(Object.entries(col).map(([k, i]) => [k, r[i] ?? ''])))
}
const unquote = (s) =>
  s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s
const key = (r) => `${r.doc_id}\t${r.seg_id}\t${r.system}`

const segments = tsv(path.join(mtDir, 'segments.tsv'))
const errors = tsv(path.join(mtDir, 'errors.tsv')).filter(
  (e) => e.span_side === 'target' && e.severity === 'Major' && /\d/.test(e.span_text)
)
const spansBy = new Map()
for (const e of errors) {
  const list = spansBy.get(key(e)) ?? []
  if (!list.some((s) => s.start === Number(e.span_start) && s.end === Number(e.span_end)))
    list.push({start: Number(e.span_start), end: Number(e.span_end), text: e.span_text, flagged: false})
  spansBy.set(key(e), list)
}
const references = segments.filter((s) => /^ref/i.test(s.system) || /human/i.test(s.system))

let warningsOnFree = 0
let warningsOnMarked = 0
let total = 0
const free = []
const started = Date.now()
for (const s of segments) {
  const target = unquote(s.target_en)
  const source = unquote(s.source_zh)
  const file = await lint(target, {
    path: 'segment.txt',
    knowledge,
    today: '2026-11-29',
    source,
    rules: Object.fromEntries(ruleIds.filter((id) => id !== 'source-mismatch').map((id) => [id, 'off']))
  })
  const spans = spansBy.get(key(s)) ?? []
  for (const m of file.messages.filter((x) => x.ruleId === 'source-mismatch')) {
    total++
    const start = m.place?.start?.offset ?? 0
    const end = Math.max(m.place?.end?.offset ?? 0, start + 1)
    let hit = false
    for (const sp of spans) {
      if (sp.start < end && start < sp.end) {
        sp.flagged = true
        hit = true
      }
    }
    if (spans.length === 0) {
      warningsOnFree++
      free.push({
        system: s.system,
        doc: s.doc_id,
        seg: s.seg_id,
        reason: m.reason,
        text: target.slice(Math.max(0, start - 50), end + 50).replace(/\s/g, ' ')
      })
    } else if (hit) warningsOnMarked++
  }
}
const allSpans = [...spansBy.values()].flat()
const flagged = allSpans.filter((s) => s.flagged).length
const result = {
  segments: segments.length,
  seconds: (Date.now() - started) / 1000,
  majorDigitSpans: allSpans.length,
  flagged,
  warnings: total,
  warningsOnMarkedSpans: warningsOnMarked,
  warningsOnSegmentsFreeOfSuchErrors: warningsOnFree,
  referenceTranslations: references.length
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
else {
  console.log(
    `source-mismatch on mt-dev: ${segments.length} segments, target_en against source_zh (${result.seconds.toFixed(1)} s)`
  )
  console.log(
    `  Major target-side spans holding a digit: ${allSpans.length}; overlapped by a source-mismatch warning: ${flagged} (${((100 * flagged) / Math.max(1, allSpans.length)).toFixed(1)}%)`
  )
  console.log(
    `  warnings: ${total}; on such a marked span: ${warningsOnMarked}; on segments the raters found free of such errors: ${warningsOnFree}`
  )
  console.log(
    `  human reference translations in this corpus: ${references.length}${references.length ? '' : ' (none to check)'}`
  )
  console.log('Warnings on segments free of such errors (to read):')
  for (const w of free.sort((a, b) => (a.doc + a.seg + a.system).localeCompare(b.doc + b.seg + b.system)))
    console.log(`- ${w.system} | ${w.doc} | seg ${w.seg} | ${w.reason}\n      …${w.text}…`)
}
