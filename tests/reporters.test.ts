/**
 * The SARIF and GitHub Actions reporters, on real lint results: the seed
 * story, a story with a garbled number set to `error`, a file that could not
 * be read (as unified-engine records it) and a clean file.
 */
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint, loadKnowledge, ruleIds, rules, type LintOptions} from '../src/index.js'
import {formatGithub} from '../src/cli/reporters/github.js'
import {formatSarif, INPUT_ERROR_ID} from '../src/cli/reporters/sarif.js'
import {docsUrl} from '../src/core/rule.js'
import {read, root} from './helpers.js'

// The official OASIS schema is JSON Schema draft-04, hence ajv-draft-04 rather than ajv's own class.
// Both packages are CommonJS: typed (under NodeNext) with the export on `.default`, which they also set at run time.
const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default

const knowledge = loadKnowledge()
const SEED = 'fixtures/seed/china-asean-expo.txt'
const GARBLED = 'stories/garbled.txt'
const seedText = read(SEED)
const garbledText =
  'Officials counted 3800,6500 visitors. Cong Liang, deputy director of the commission, said so. Cong Lian said more.\n'

function lintStory(text: string, options: LintOptions) {
  return lint(text, {knowledge, today: '2026-11-29', ...options})
}

/** A file that could not be read, with the message unified-engine records for it. */
async function unreadable(): Promise<VFile> {
  const cause = await lintStory('PNG\u0000\u0001binary', {path: 'photo.txt'}).then(
    () => undefined,
    (error: Error) => error
  )
  expect(cause).toBeInstanceOf(Error)
  const file = new VFile({path: 'photo.txt', value: 'PNG\u0000\u0001binary'})
  file.message('Cannot process file', {cause: cause!}).fatal = true
  return file
}

async function allFiles() {
  const seed = await lintStory(seedText, {path: SEED})
  const garbled = await lintStory(garbledText, {path: GARBLED, rules: {'garbled-numeral': 'error'}})
  const clean = await lintStory('The 20th China-ASEAN Expo opened with more than 2,000 exhibitors.\n', {
    path: 'stories/clean.txt'
  })
  return {seed, garbled, clean, photo: await unreadable()}
}

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: Array<{
    physicalLocation: {artifactLocation: {uri: string; uriBaseId: string; index: number}; region: Region}
  }>
  relatedLocations?: Array<{id: number; physicalLocation: {region: Region}; message: {text: string}}>
  fixes?: Array<{
    description: {text: string}
    artifactChanges: Array<{
      artifactLocation: {uri: string}
      replacements: Array<{deletedRegion: Region; insertedContent: {text: string}}>
    }>
  }>
  partialFingerprints: Record<string, string>
}

interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: {
      driver: {
        name: string
        version: string
        informationUri: string
        rules: Array<{
          id: string
          name: string
          shortDescription: {text: string}
          helpUri?: string
          defaultConfiguration: {level: string}
        }>
      }
    }
    columnKind: string
    artifacts: Array<{location: {uri: string}}>
    results: SarifResult[]
  }>
}

function sarif(files: VFile[], cwd = root): SarifLog {
  return JSON.parse(formatSarif(files, {cwd})) as SarifLog
}

function placeOf(message: VFile['messages'][number]) {
  const place = message.place && 'start' in message.place ? message.place : undefined
  if (!place) throw new Error('message without a range')
  return {
    startLine: place.start.line,
    startColumn: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column
  }
}

describe('SARIF reporter', async () => {
  const files = await allFiles()
  const log = sarif([files.seed, files.garbled, files.clean, files.photo])
  const run = log.runs[0]
  const seedResults = run.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === SEED)

  it('validates against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(read('tests/data/sarif-schema-2.1.0.json')) as object
    const ajv = new Ajv({allErrors: true})
    addFormats(ajv)
    const validate = ajv.compile(schema)
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    // The schema itself rejects what it should: a result without a message.
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{ruleId: 'x'}]}]})).toBe(false)
  })

  it('describes the tool: one run, name, package version, information URI', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/)
    expect(log.runs).toHaveLength(1)
    const pkg = JSON.parse(read('package.json')) as {version: string}
    expect(run.tool.driver).toMatchObject({name: 'copydesk', version: pkg.version})
    expect(run.tool.driver.informationUri).toMatch(/^(https?|file):\/\//)
    expect(run.columnKind).toBe('utf16CodeUnits')
  })

  it('has one rule entry per rule id, with its description and help URI, and one for input errors', () => {
    const entries = run.tool.driver.rules
    expect(entries.map((r) => r.id)).toEqual([...ruleIds, INPUT_ERROR_ID])
    for (const id of ruleIds) {
      const entry = entries.find((r) => r.id === id)!
      expect(entry.shortDescription.text).toBe(rules[id].meta.description)
      expect(entry.helpUri).toBe(docsUrl(id))
      expect(entry.name).toMatch(/^[A-Z][A-Za-z]+$/)
      expect(entry.defaultConfiguration.level).toBe('warning')
    }
    // The help link is the one on the messages.
    for (const message of files.seed.messages)
      expect(entries.find((r) => r.id === message.ruleId)!.helpUri).toBe(message.url)
  })

  it('reports the 10 seed-story errors at their lines and columns (1-based, end exclusive)', () => {
    expect(seedResults).toHaveLength(10)
    expect(files.seed.messages).toHaveLength(10)
    const lines = seedText.split('\n')
    for (const [index, message] of files.seed.messages.entries()) {
      const result = seedResults[index]
      const region = result.locations[0].physicalLocation.region
      expect(result.ruleId).toBe(message.ruleId)
      expect(region).toEqual(placeOf(message))
      // The region is exactly the flagged text.
      expect(lines[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1)).toBe(message.actual)
    }
    const at = (ruleId: string, line: number) =>
      seedResults.find((r) => r.ruleId === ruleId && r.locations[0].physicalLocation.region.startLine === line)
    expect(at('impossible-figure', 1)!.locations[0].physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 109,
      endLine: 1,
      endColumn: 119
    })
    expect(at('garbled-numeral', 21)!.locations[0].physicalLocation.region).toEqual({
      startLine: 21,
      startColumn: 8,
      endLine: 21,
      endColumn: 15
    })
    expect(at('name-mismatch', 29)!.locations[0].physicalLocation.region).toEqual({
      startLine: 29,
      startColumn: 27,
      endLine: 29,
      endColumn: 42
    })
  })

  it('points each result at its rule and its file (relative to cwd, under %SRCROOT%)', () => {
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
      const location = result.locations[0].physicalLocation.artifactLocation
      expect(location.uriBaseId).toBe('%SRCROOT%')
      expect(run.artifacts[location.index].location.uri).toBe(location.uri)
    }
    expect(run.artifacts.map((a) => a.location.uri)).toEqual([SEED, GARBLED, 'stories/clean.txt', 'photo.txt'])
    const fromFixtures = sarif([files.seed], path.join(root, 'fixtures'))
    expect(fromFixtures.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'seed/china-asean-expo.txt'
    )
  })

  it('puts the reason and the note in the message text', () => {
    const message = files.seed.messages[0]
    expect(seedResults[0].message.text).toBe(`${message.reason}\n${message.note}`)
  })

  it('sets levels: warning for warn, error for error and input errors, note for info', async () => {
    expect(seedResults.every((r) => r.level === 'warning')).toBe(true)
    const garbled = run.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === GARBLED)
    expect(garbled.map((r) => [r.ruleId, r.level])).toEqual([
      ['garbled-numeral', 'error'],
      ['name-mismatch', 'warning']
    ])
    const info = new VFile({path: 'note.txt', value: 'x'})
    info.info('A remark', {
      ruleId: 'name-mismatch',
      source: 'copydesk',
      place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}}
    })
    expect(sarif([info]).runs[0].results[0].level).toBe('note')
  })

  it('makes a file that could not be read an error result of rule copydesk/input-error', () => {
    const result = run.results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'photo.txt')!
    expect(result).toMatchObject({
      ruleId: INPUT_ERROR_ID,
      level: 'error',
      message: {text: 'Cannot lint a binary file (it contains NUL bytes)'}
    })
    expect(result.locations[0].physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 1,
      endLine: 1,
      endColumn: 1
    })
  })

  it('carries related places as related locations', () => {
    const result = run.results.find(
      (r) => r.ruleId === 'name-mismatch' && r.locations[0].physicalLocation.artifactLocation.uri === GARBLED
    )!
    expect(result.relatedLocations).toEqual([
      expect.objectContaining({
        id: 1,
        message: {text: 'First written `Cong Liang` here'},
        physicalLocation: expect.objectContaining({region: {startLine: 1, startColumn: 39, endLine: 1, endColumn: 49}})
      })
    ])
  })

  it('offers a fix per suggestion, replacing the flagged region', () => {
    const withExpected = files.seed.messages.filter((m) => m.expected?.length)
    expect(withExpected.length).toBeGreaterThan(0)
    for (const [index, message] of files.seed.messages.entries()) {
      const result = seedResults[index]
      if (!message.expected?.length) {
        expect(result.fixes).toBeUndefined()
        continue
      }
      expect(result.fixes).toHaveLength(message.expected.length)
      const change = result.fixes![0].artifactChanges[0]
      expect(change.artifactLocation.uri).toBe(SEED)
      expect(change.replacements).toEqual([
        {deletedRegion: placeOf(message), insertedContent: {text: message.expected[0]}}
      ])
    }
    const figure = seedResults.find((r) => r.ruleId === 'impossible-figure')!
    expect(figure.fixes![0].description.text).toBe('Replace `18 billion` with `2.1 billion`')
  })

  it('fingerprints results by rule, file and flagged text: stable across runs and line shifts, unique in a run', async () => {
    const fingerprints = (log: SarifLog) =>
      log.runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash)
    const first = fingerprints(log)
    const again = await allFiles()
    expect(fingerprints(sarif([again.seed, again.garbled, again.clean, again.photo]))).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
    for (const value of first) expect(value).toMatch(/^[0-9a-f]{32}:\d+$/)

    // Two paragraphs added after the dateline: every line below moves, no fingerprint changes.
    const lines = seedText.split('\n')
    lines.splice(2, 0, 'An added paragraph.', '', 'Another one.', '')
    const shifted = await lintStory(lines.join('\n'), {path: SEED})
    const shiftedLog = sarif([shifted])
    expect(shiftedLog.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine)).not.toEqual(
      seedResults.map((r) => r.locations[0].physicalLocation.region.startLine)
    )
    expect(fingerprints(shiftedLog)).toEqual(seedResults.map((r) => r.partialFingerprints.primaryLocationLineHash))
  })

  it('numbers repeated findings of the same text', async () => {
    const twice = await lintStory('They counted 3800,6500 visitors.\n\nThey counted 3800,6500 visitors.\n', {
      path: 'twice.txt'
    })
    const values = sarif([twice]).runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash)
    expect(values).toHaveLength(2)
    expect(values[0].split(':')[0]).toBe(values[1].split(':')[0])
    expect(values.map((v) => v.split(':')[1])).toEqual(['1', '2'])
  })

  it('percent-encodes paths into URIs', () => {
    const file = new VFile({path: path.join(root, 'stories', 'day 2, final%.txt'), value: 'x'})
    file.message('Odd', {
      ruleId: 'garbled-numeral',
      source: 'copydesk',
      place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}}
    }).fatal = false
    expect(sarif([file]).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'stories/day%202%2C%20final%25.txt'
    )
  })
})

describe('GitHub Actions reporter', async () => {
  const files = await allFiles()
  const output = formatGithub([files.seed, files.garbled, files.clean, files.photo], {cwd: root})
  const lines = output.split('\n')

  it('prints one command per message', () => {
    const count = [files.seed, files.garbled, files.clean, files.photo].reduce((n, f) => n + f.messages.length, 0)
    expect(lines).toHaveLength(count)
    expect(lines.every((line) => /^::(?:warning|error|notice) /.test(line))).toBe(true)
  })

  it('prints a warning with place, title, reason, note and suggestion', () => {
    const message = files.seed.messages[0]
    expect(lines[0]).toBe(
      '::warning file=fixtures/seed/china-asean-expo.txt,line=1,endLine=1,col=109,endColumn=119,title=copydesk impossible-figure::' +
        "Unexpected population `18 billion`: more than the world's 8.1 billion%0A" +
        message.note +
        '%0ASuggestion: `2.1 billion`'
    )
    expect(lines).toContain(
      '::warning file=fixtures/seed/china-asean-expo.txt,line=17,endLine=17,col=128,endColumn=137,title=copydesk garbled-numeral::' +
        'Unexpected digit grouping in `3800,6500`: commas separate groups of three digits, so this looks like two figures run together%0A' +
        '`3800` and `6500` are probably two figures fused into one; check both against the source.'
    )
    expect(lines).toContain(
      '::warning file=fixtures/seed/china-asean-expo.txt,line=3,endLine=3,col=246,endColumn=255,title=copydesk name-mismatch::' +
        'Unexpected short name `East Expo` for `China-ASEAN Expo`: it neither abbreviates nor shortens the full name%0A' +
        files.seed.messages[2].note +
        '%0ASuggestions: `CAEXPO`, `the Expo`'
    )
  })

  it('prints errors for rules set to error, and input errors without a place', () => {
    expect(lines).toContain(
      '::error file=stories/garbled.txt,line=1,endLine=1,col=19,endColumn=28,title=copydesk garbled-numeral::' +
        'Unexpected digit grouping in `3800,6500`: commas separate groups of three digits, so this looks like two figures run together%0A' +
        '`3800` and `6500` are probably two figures fused into one; check both against the source.'
    )
    expect(lines.at(-1)).toBe('::error file=photo.txt::Cannot lint a binary file (it contains NUL bytes)')
  })

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const file = new VFile({path: path.join(root, 'desk', 'day 2: 50%, final.txt'), value: 'x\ny\n'})
    const message = file.message('Share of 120% is impossible,\r\nsee: the table', {
      ruleId: 'impossible-figure',
      source: 'copydesk',
      place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}
    })
    message.fatal = false
    message.note = 'Line one: 100%\nline two, done'
    message.expected = ['12%']
    expect(formatGithub([file], {cwd: root})).toBe(
      '::warning file=desk/day 2%3A 50%25%2C final.txt,line=1,endLine=1,col=1,endColumn=2,title=copydesk impossible-figure::' +
        'Share of 120%25 is impossible,%0D%0Asee: the table%0ALine one: 100%25%0Aline two, done%0ASuggestion: `12%25`'
    )
  })

  it('prints notices for info, and leaves columns out of ranges over several lines', () => {
    const file = new VFile({path: path.join(root, 'a.txt'), value: 'x\ny\n'})
    file.info('Across lines', {
      ruleId: 'name-mismatch',
      source: 'copydesk',
      place: {start: {line: 1, column: 2}, end: {line: 2, column: 1}}
    })
    expect(formatGithub([file], {cwd: root})).toBe(
      '::notice file=a.txt,line=1,endLine=2,title=copydesk name-mismatch::Across lines'
    )
  })

  it('prints nothing for clean files', () => {
    expect(formatGithub([files.clean], {cwd: root})).toBe('')
  })
})
