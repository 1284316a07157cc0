/**
 * SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
 *
 * Built with node-sarif-builder. Everything here goes through its builders:
 * properties it has no setter for (`fixes`, `partialFingerprints`,
 * `relatedLocations`, a rule's `name`, `help` and `defaultConfiguration`,
 * the run's `columnKind`, `originalUriBaseIds` and `artifacts`) are passed as
 * constructor options, which the builders copy onto the SARIF objects as they
 * are. We serialise `buildSarifOutput()` ourselves rather than calling
 * `buildSarifJsonString()`, which throws when the text `SARIF_BUILDER_INVALID`
 * (its placeholder for missing required fields) appears anywhere in the log,
 * story text included.
 *
 * Decisions, for GitHub code scanning (see "SARIF support for code scanning"):
 * - Paths are relative to `cwd`, with forward slashes, percent-encoded, under
 *   `uriBaseId` `%SRCROOT%`. `originalUriBaseIds` describes `%SRCROOT%` (the
 *   folder copydesk ran in) without its `uri`: the SARIF spec lets a producer
 *   leave the root to the consumer, and code scanning resolves relative paths
 *   against the repository's root, so a report names no folder of the machine
 *   that linted (run copydesk from the checkout's root in CI).
 * - Help links (`helpUri`) are under the configured documentation base
 *   (`docs`, `--docs`; default DEFAULT_DOCS in core/rule.ts).
 * - `partialFingerprints.primaryLocationLineHash`, the only key code scanning
 *   reads, is a hash of the rule id, the file path and the flagged text (with
 *   an occurrence number for repeats), not of the line: editing elsewhere in a
 *   paragraph (a "line" in prose) keeps an alert's identity. The upload-sarif
 *   action keeps a fingerprint it finds (it only fills in missing ones) but
 *   logs a warning that its own line hash differs.
 * - A message without a known rule id (a file that could not be read, e.g. a
 *   binary file) becomes a *result* with rule id `copydesk/input-error`, level
 *   from the message (error), at line 1 of the file. Code scanning shows
 *   results only; it ignores `invocations[].toolExecutionNotifications`, and an
 *   invocation with `executionSuccessful: false` once made it reject a whole
 *   upload (github/codeql-action#1316).
 * - Each suggestion (`expected`) is one `fix` (alternatives, best first), so
 *   `fixes[0]` inserts `expected[0]` over the flagged region.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder} from 'node-sarif-builder'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {dataDir} from '../../knowledge/files.js'
import {fatalReason} from '../../core/messages.js'
import {docsUrl} from '../../core/rule.js'
import {rules} from '../../core/rules.js'

export interface SarifOptions {
  /** Folder that file paths are made relative to (default: `process.cwd()`). */
  cwd?: string
  /** Base of the rules' help links (default: the default documentation base). */
  docs?: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /**
     * The result's fingerprint, when it was computed where the story's text was
     * (a `--report jsonl` record carries it to `copydesk merge`).
     */
    fingerprint?: string
  }
}

/** Rule id of results for files that could not be linted. */
export const INPUT_ERROR_ID = 'copydesk/input-error'

/** The schema GitHub's documentation names for `$schema`. */
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'

type Log = ReturnType<SarifBuilder['buildSarifOutput']>
type Result = SarifResultBuilder['result']
type Location = NonNullable<Result['locations']>[number]
type PhysicalLocation = NonNullable<Location['physicalLocation']>
type ArtifactLocation = NonNullable<PhysicalLocation['artifactLocation']>
type Region = NonNullable<PhysicalLocation['region']>
type Fix = NonNullable<Result['fixes']>[number]
type Level = NonNullable<Result['level']>

interface Point {
  line: number
  column: number
  offset?: number
}

export function formatSarif(files: VFile[], options: SarifOptions = {}): string {
  return JSON.stringify(buildSarif(files, options), null, 2)
}

/** The SARIF log as an object (what `formatSarif` serialises). */
export function buildSarif(files: VFile[], options: SarifOptions = {}): Log {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const pkg = packageInfo()

  const artifacts = new Map<string, ArtifactLocation>()
  for (const file of files) {
    const location = artifactLocation(file, cwd)
    if (location.uri !== undefined && !artifacts.has(location.uri)) artifacts.set(location.uri, location)
  }

  const run = new SarifRunBuilder({
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: {
      [SRCROOT]: {description: {text: 'The folder copydesk ran in (in CI, the root of the checkout).'}}
    },
    artifacts: [...artifacts.values()].map((location) => ({location, roles: ['analysisTarget']}))
  }).initSimple({toolDriverName: 'copydesk', toolDriverVersion: pkg.version, url: pkg.informationUri})

  for (const [id, plugin] of Object.entries(rules)) {
    const {description, suggestions} = plugin.meta
    const helpUri = docsUrl(id, options.docs)
    run.addRule(
      new SarifRuleBuilder({
        name: pascalCase(id),
        fullDescription: {text: description + (suggestions ? '. Results carry suggested replacements.' : '.')},
        help: {
          text: `${description}.\n\nDocumentation: ${helpUri}`,
          markdown: `${description}.\n\n[Documentation of \`${id}\`](${helpUri})`
        },
        defaultConfiguration: {level: 'warning'}
      }).initSimple({ruleId: id, shortDescriptionText: description, helpUri})
    )
  }
  const inputErrorDescription = 'A file that copydesk could not lint (binary, unreadable or not parseable)'
  run.addRule(
    new SarifRuleBuilder({
      name: 'InputError',
      fullDescription: {text: inputErrorDescription + '; nothing in it was checked.'},
      help: {text: inputErrorDescription + '. Lint text, Markdown or HTML files only.'},
      defaultConfiguration: {level: 'error'}
    }).initSimple({ruleId: INPUT_ERROR_ID, shortDescriptionText: inputErrorDescription})
  )

  for (const file of files) {
    const location = artifactLocation(file, cwd)
    const prints = fingerprints(file, cwd)
    for (const [index, message] of file.messages.entries()) {
      const known = isKnownRule(message)
      const ruleId = known ? (message.ruleId as string) : INPUT_ERROR_ID
      const region = toRegion(message) ?? (known ? undefined : {startLine: 1, startColumn: 1, endLine: 1, endColumn: 1})

      const related = (message.related ?? []).map((r, index): Location => ({
        id: index + 1,
        physicalLocation: {artifactLocation: location, region: regionBetween(r.start, r.end)},
        message: {text: r.message}
      }))

      const result = new SarifResultBuilder({
        partialFingerprints: {primaryLocationLineHash: message.fingerprint ?? prints[index]},
        ...(related.length > 0 ? {relatedLocations: related} : {}),
        ...(region && 'endLine' in region ? fixesFor(message, location, region) : {})
      })
      result.initSimple({
        level: level(message),
        messageText: [messageText(message), message.note].filter(Boolean).join('\n'),
        ruleId
      })
      // initSimple takes only a bare uri; set the full location (with uriBaseId) and region.
      result.setLocationArtifactUri({...location})
      if (region) result.setLocationRegion(region)
      run.addResult(result)
    }
  }

  const builder = new SarifBuilder({$schema: SCHEMA_URI, version: '2.1.0'})
  builder.addRun(run)
  // Fills in result.ruleIndex and each location's artifact index.
  return builder.buildSarifOutput()
}

/**
 * Each message's `partialFingerprints.primaryLocationLineHash`: a hash of the
 * rule id, the file's path and the flagged text, and an occurrence number for
 * repeats of the same text (in the order of `file.messages`).
 */
export function fingerprints(file: VFile, cwd: string): string[] {
  const uri = artifactLocation(file, path.resolve(cwd)).uri ?? ''
  const seen = new Map<string, number>()
  return file.messages.map((message) => {
    const known = isKnownRule(message)
    const ruleId = known ? (message.ruleId as string) : INPUT_ERROR_ID
    const flagged = message.actual ?? flaggedText(file, message) ?? (known ? '' : messageText(message))
    // Occurrence number: the nth result of this rule on this text in this file.
    const key = JSON.stringify([ruleId, uri, flagged])
    const occurrence = (seen.get(key) ?? 0) + 1
    seen.set(key, occurrence)
    return `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`
  })
}

function isKnownRule(message: VFileMessage): boolean {
  return typeof message.ruleId === 'string' && Object.hasOwn(rules, message.ruleId)
}

function fixesFor(message: VFileMessage, location: ArtifactLocation, region: Region): {fixes?: Fix[]} {
  const expected = [...new Set(message.expected ?? [])]
  if (expected.length === 0) return {}
  const actual = message.actual
  return {
    fixes: expected.map((text) => ({
      description: {text: actual === undefined ? `Replace with \`${text}\`` : `Replace \`${actual}\` with \`${text}\``},
      artifactChanges: [{artifactLocation: location, replacements: [{deletedRegion: region, insertedContent: {text}}]}]
    }))
  }
}

function level(message: VFileMessage): Level {
  if (message.fatal === true) return 'error'
  if (message.fatal === false) return 'warning'
  return 'note'
}

/**
 * The reason; for input errors, the one-line reason of the underlying error (as
 * the CLI prints it; never a system error's message, which names the file by
 * its absolute path).
 */
function messageText(message: VFileMessage): string {
  return !message.ruleId && message.cause instanceof Error ? fatalReason(message.cause) : message.reason
}

function toRegion(message: VFileMessage): Region | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) return regionBetween(place.start, place.end)
  return place.line ? {startLine: place.line, ...(place.column ? {startColumn: place.column} : {})} : undefined
}

/** vfile points are 1-based with an exclusive end, as SARIF regions are. */
function regionBetween(start: Point, end: Point): Region {
  return {startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column}
}

function flaggedText(file: VFile, message: VFileMessage): string | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const {offset: start} = place.start
  const {offset: end} = place.end
  if (typeof file.value !== 'string' || start === undefined || end === undefined) return undefined
  return file.value.slice(start, end)
}

/** The file's location: its path relative to `cwd` as a URI under `%SRCROOT%`. */
function artifactLocation(file: VFile, cwd: string): ArtifactLocation {
  if (!file.path) return {description: {text: 'standard input'}}
  const relative = path.relative(cwd, path.resolve(file.cwd, file.path))
  const uri = relative.split(path.sep).map(encodeURIComponent).join('/')
  return {uri, uriBaseId: SRCROOT}
}

function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z])/g, (_m, c: string) => c.toUpperCase())
}

let cachedPackage: {version: string; informationUri: string} | undefined

/** Version and home of the installed package (package.json beside `data/`). */
function packageInfo(): {version: string; informationUri: string} {
  if (cachedPackage) return cachedPackage
  const root = path.dirname(dataDir())
  let pkg: {version?: string; homepage?: string; repository?: string | {url?: string}} = {}
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  } catch {
    // Unknown version below.
  }
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  const web = [pkg.homepage, repository?.replace(/^git\+/, '').replace(/\.git$/, '')].find(
    (u) => u && /^https?:\/\//.test(u)
  )
  // Without a public home in package.json, the package's page on the registry
  // (never a path on the machine that linted).
  cachedPackage = {
    version: pkg.version ?? 'unknown',
    informationUri: web ?? 'https://www.npmjs.com/package/copydesk'
  }
  return cachedPackage
}
