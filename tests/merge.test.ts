/**
 * `copydesk merge`: shards' jsonl lines into one SARIF log that code scanning
 * accepts (the official schema), one run per shard category, the same results
 * as `--report sarif` over the whole archive, and the exit code of the whole;
 * and the example workflow (docs/examples/copydesk-shards.yml), its steps run
 * as a matrix of shards and the job that judges them.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import YAML from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {shardOf} from '../src/cli/shard.js'
import {read, root} from './helpers.js'

const Ajv = ajvDraft04.default
const addFormats = ajvFormats.default
const validate = (() => {
  const ajv = new Ajv({allErrors: true})
  addFormats(ajv)
  return ajv.compile(JSON.parse(read('tests/data/sarif-schema-2.1.0.json')) as object)
})()

const bin = path.join(root, 'bin', 'copydesk.js')
let dir: string

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? dir,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

interface Result {
  ruleId: string
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: object}}>
  partialFingerprints: Record<string, string>
  fixes?: unknown[]
  relatedLocations?: unknown[]
}

interface Log {
  runs: Array<{
    automationDetails?: {id: string}
    tool: {driver: {rules: Array<{id: string; helpUri?: string}>}}
    results: Result[]
  }>
}

/** A result without the indexes that depend on the other results of its run. */
function comparable(result: Result) {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === 'index' || key === 'ruleIndex' ? undefined : v)))
  return strip(result)
}

const byPlace = (a: Result, b: Result) =>
  JSON.stringify([a.locations[0].physicalLocation, a.ruleId, a.message.text]).localeCompare(
    JSON.stringify([b.locations[0].physicalLocation, b.ruleId, b.message.text])
  )

const seed = read('fixtures/seed/china-asean-expo.txt')

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-merge-'))
  fs.mkdirSync(path.join(dir, 'archive', 'wire'), {recursive: true})
  for (let n = 0; n < 17; n++) fs.writeFileSync(path.join(dir, 'archive', 'wire', `story-${n}.txt`), seed)
  fs.writeFileSync(
    path.join(dir, 'archive', 'names.md'),
    '# Talks\n\nCong Liang, deputy director of the commission, spoke. Cong Lian said more.\n'
  )
  fs.writeFileSync(path.join(dir, 'archive', 'clean.txt'), 'The fair opened on Saturday.\n')
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

let batch = 0

/** Lint `inputs` as `count` shards (or only the shards listed in `only`); the paths of their jsonl outputs. */
function shardFiles(
  count: number,
  options: {extra?: string[]; inputs?: string[]; only?: number[]; codes?: number[]} = {}
): string[] {
  batch++
  const indexes = options.only ?? Array.from({length: count}, (_, n) => n + 1)
  return indexes.map((index) => {
    const out = path.join(dir, `batch-${batch}-shard-${index}.jsonl`)
    const result = run([
      ...(options.extra ?? []),
      '--shard',
      `${index}/${count}`,
      '--report',
      'jsonl',
      ...(options.inputs ?? ['archive'])
    ])
    expect(options.codes ?? [0, 1], result.stderr).toContain(result.code)
    fs.writeFileSync(out, result.stdout)
    return out
  })
}

describe('copydesk merge', () => {
  it('gives a valid SARIF log, one run per shard with its category, and the results of the whole archive', () => {
    const inputs = shardFiles(3)
    const merged = run(['merge', ...inputs.map((file) => path.basename(file))])
    expect(merged.stderr).toBe('')
    expect(merged.code).toBe(0)
    const log = JSON.parse(merged.stdout) as Log
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
    expect(log.runs.map((r) => r.automationDetails?.id)).toEqual([
      'copydesk/shard-1-of-3/',
      'copydesk/shard-2-of-3/',
      'copydesk/shard-3-of-3/'
    ])
    // Each run holds the results of its shard's files only.
    for (const [index, sarifRun] of log.runs.entries()) {
      for (const result of sarifRun.results) {
        const uri = result.locations[0].physicalLocation.artifactLocation.uri
        expect(shardOf(uri, 3)).toBe(index + 1)
      }
    }
    // Together: the results of --report sarif over the whole archive, fingerprints included.
    const whole = JSON.parse(run(['--report', 'sarif', 'archive']).stdout) as Log
    const union = log.runs
      .flatMap((r) => r.results)
      .sort(byPlace)
      .map(comparable)
    expect(union).toEqual(whole.runs[0].results.sort(byPlace).map(comparable))
    expect(union).toHaveLength(17 * 10 + 1)
    expect(log.runs[0].tool.driver.rules).toEqual(whole.runs[0].tool.driver.rules)
  })

  it('reads the shards concatenated on standard input (`cat shard-*.jsonl | copydesk merge`) the same way', () => {
    const inputs = shardFiles(2)
    const fromFiles = run(['merge', ...inputs])
    const concatenated = inputs.map((file) => fs.readFileSync(file, 'utf8')).join('')
    expect(run(['merge'], {input: concatenated})).toEqual(fromFiles)
    expect(run(['merge', '-'], {input: concatenated})).toEqual(fromFiles)
  })

  it('--shards n gives every shard its run, an empty one too; --shard i/n one run', () => {
    const small = ['archive/clean.txt', 'archive/names.md']
    const count = 8
    const taken = small.map((file) => shardOf(file, count))
    const empty = Array.from({length: count}, (_, n) => n + 1).find((index) => !taken.includes(index))!
    const inputs = shardFiles(count, {inputs: small, only: [...new Set(taken)]})
    const all = JSON.parse(run(['merge', '--shards', String(count), ...inputs]).stdout) as Log
    expect(validate(all)).toBe(true)
    expect(all.runs.map((r) => r.automationDetails!.id)).toEqual(
      Array.from({length: count}, (_, n) => `copydesk/shard-${n + 1}-of-${count}/`)
    )
    expect(all.runs[empty - 1].results).toEqual([])
    expect(all.runs[shardOf('archive/names.md', count) - 1].results.map((r) => r.ruleId)).toEqual(['name-mismatch'])
    const [emptyOutput] = shardFiles(count, {inputs: small, only: [empty]})
    expect(fs.readFileSync(emptyOutput, 'utf8')).toBe('')
    const one = run(['merge', '--shard', `${empty}/${count}`, emptyOutput])
    expect(one.code).toBe(0)
    const oneLog = JSON.parse(one.stdout) as Log
    expect(validate(oneLog)).toBe(true)
    expect(oneLog.runs.map((r) => [r.automationDetails!.id, r.results.length])).toEqual([
      [`copydesk/shard-${empty}-of-${count}/`, 0]
    ])
    // Another prefix for the categories.
    const named = JSON.parse(run(['merge', '--category', 'wire/archive', ...shardFiles(2)]).stdout) as Log
    expect(named.runs.map((r) => r.automationDetails!.id)).toEqual([
      'wire/archive/shard-1-of-2/',
      'wire/archive/shard-2-of-2/'
    ])
  })

  it('exits 1 when any shard found an error-level message, 0 on warnings, 1 on warnings with --frail', () => {
    const warnings = shardFiles(2)
    expect(run(['merge', ...warnings]).code).toBe(0)
    expect(run(['merge', '--frail', ...warnings]).code).toBe(1)
    const errors = shardFiles(2, {extra: ['--rule', 'name-mismatch=error']})
    const merged = run(['merge', ...errors])
    expect(merged.code).toBe(1)
    const levels = (JSON.parse(merged.stdout) as Log).runs.flatMap((r) => r.results.map((x) => x.level))
    expect(levels).toContain('error')
  })

  it('a file that could not be linted: exit 2, named on standard error, an input-error result', () => {
    fs.writeFileSync(path.join(dir, 'archive', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]))
    try {
      const inputs = shardFiles(1, {codes: [2]})
      const merged = run(['merge', ...inputs])
      expect(merged.code).toBe(2)
      expect(merged.stderr).toBe('copydesk: archive/photo.txt: Cannot lint a binary file (it contains NUL bytes)\n')
      const results = (JSON.parse(merged.stdout) as Log).runs[0].results
      expect(results.find((r) => r.ruleId === 'copydesk/input-error')).toMatchObject({
        level: 'error',
        message: {text: 'Cannot lint a binary file (it contains NUL bytes)'}
      })
    } finally {
      fs.rmSync(path.join(dir, 'archive', 'photo.txt'))
    }
  })

  it('refuses what is not a set of shards, in one line', () => {
    const inputs = shardFiles(2)
    fs.writeFileSync(path.join(dir, 'bad.jsonl'), '{"path":"a.txt","messages":[]}\nnot json\n')
    expect(run(['merge', 'bad.jsonl'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'copydesk: merge: bad.jsonl:2: not JSON (copydesk merge reads the lines of --report jsonl)\n'
    })
    expect(run(['merge', inputs[0], inputs[0]]).stderr).toMatch(
      /^copydesk: merge: .*shard-1\.jsonl:1: `archive\/.*` is reported twice \(in the same input\)\n$/
    )
    expect(run(['merge', '--shard', '2/2', inputs[0]]).stderr).toMatch(
      /^copydesk: merge: .*shard-1\.jsonl:1: a line of shard 1\/2, not of shard 2\/2\n$/
    )
    const three = shardFiles(3)
    expect(run(['merge', inputs[0], three[1]]).stderr).toMatch(/is from another split than shards of 2\n$/)
    expect(run(['merge', 'missing.jsonl'])).toMatchObject({
      code: 2,
      stderr: 'copydesk: merge: cannot read missing.jsonl (ENOENT)\n'
    })
    expect(run(['merge', '--shards', '0', inputs[0]]).stderr).toBe(
      'copydesk: merge: --shards must be the number of shards (1 to 10000), not `0`\n'
    )
    expect(run(['merge', '--category', 'a b', inputs[0]]).code).toBe(2)
  })

  it('prints its help', () => {
    const help = run(['merge', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: copydesk merge /)
    expect(help.stdout.split('\n').filter((line) => line.length > 80)).toEqual([])
  })
})

describe('the example workflow (docs/examples/copydesk-shards.yml)', () => {
  interface Step {
    name?: string
    uses?: string
    run?: string
    if?: string
    with?: Record<string, unknown>
  }
  interface Job {
    needs?: string
    if?: string
    env?: Record<string, string>
    strategy?: {'fail-fast': boolean; matrix: {shard: number[]}}
    steps: Step[]
  }
  const workflow = YAML.parse(read('docs/examples/copydesk-shards.yml')) as {
    env: {SHARDS: number; ARCHIVE: string}
    jobs: {lint: Job; verdict: Job}
  }
  const {lint, verdict} = workflow.jobs

  it('is a matrix of n shards, each uploading its own SARIF, and a job that judges them all', () => {
    expect(lint.strategy!.matrix.shard).toEqual(Array.from({length: workflow.env.SHARDS}, (_, n) => n + 1))
    expect(lint.strategy!['fail-fast']).toBe(false)
    expect(lint.env).toEqual({SHARD: '${{ matrix.shard }}'})
    const upload = lint.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!
    expect(upload.with).toEqual({sarif_file: 'copydesk-shard-${{ matrix.shard }}.sarif'})
    expect(verdict.needs).toBe('lint')
    expect(verdict.if).toBe('always()')
    expect(verdict.steps[0].if).toBe("needs.lint.result != 'success'")
    for (const step of [...lint.steps, ...verdict.steps].filter((s) => s.run)) {
      const check = spawnSync('bash', ['-n'], {input: step.run, encoding: 'utf8'})
      expect(check.status, check.stderr).toBe(0)
    }
  })

  /** The runner's environment for the shell steps, with `npx copydesk` running this checkout's command. */
  function workflowEnv(repo: string): NodeJS.ProcessEnv {
    const fakeBin = path.join(repo, '.bin')
    fs.mkdirSync(fakeBin, {recursive: true})
    fs.writeFileSync(
      path.join(fakeBin, 'npx'),
      `#!/usr/bin/env bash\n[ "$1" = copydesk ] || exit 127\nshift\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`,
      {mode: 0o755}
    )
    return {
      ...process.env,
      PATH: `${fakeBin}:${process.env.PATH}`,
      SHARDS: String(workflow.env.SHARDS),
      ARCHIVE: workflow.env.ARCHIVE
    }
  }

  /**
   * Run the workflow's shell steps here: each shard in turn (with its matrix
   * value), then the judging job, as the runner would, with `npx copydesk`
   * running this checkout's command. Steps that are actions (`uses:`) only move
   * files between jobs on GitHub; here every job shares the folder.
   */
  function runWorkflow(repo: string): {shardStatus: number[]; verdictStatus: number; sarif: string[]} {
    const env = workflowEnv(repo)
    const shellSteps = (job: Job) => job.steps.filter((step) => step.run && !step.if && step.run !== 'npm ci')
    const runStep = (step: Step, extra: Record<string, string>) =>
      spawnSync('bash', ['-e', '-c', step.run!], {cwd: repo, env: {...env, ...extra}, encoding: 'utf8'}).status!
    const shardStatus = lint.strategy!.matrix.shard.map((shard) => {
      for (const step of shellSteps(lint)) {
        const status = runStep(step, {SHARD: String(shard)})
        if (status !== 0) return status
      }
      return 0
    })
    let verdictStatus = 0
    for (const step of shellSteps(verdict)) {
      verdictStatus = runStep(step, {})
      if (verdictStatus !== 0) break
    }
    const sarif = lint.strategy!.matrix.shard.map((shard) =>
      fs.readFileSync(path.join(repo, `copydesk-shard-${shard}.sarif`), 'utf8')
    )
    return {shardStatus, verdictStatus, sarif}
  }

  it('runs: the shards pass and upload their categories; the check fails on an error, and passes once it is fixed', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-workflow-'))
    try {
      fs.mkdirSync(path.join(repo, 'archive'))
      for (let n = 0; n < 12; n++)
        fs.writeFileSync(path.join(repo, 'archive', `story-${n}.txt`), `The fair opened on day ${n + 1}.\n`)
      fs.writeFileSync(path.join(repo, '.copydeskrc'), 'rules:\n  garbled-numeral: error\n')
      fs.writeFileSync(path.join(repo, 'archive', 'story-5.txt'), 'Officials counted 3800,6500 visitors.\n')

      const failing = runWorkflow(repo)
      expect(failing.shardStatus).toEqual([0, 0, 0, 0])
      const logs = failing.sarif.map((text) => JSON.parse(text) as Log)
      for (const log of logs) expect(validate(log)).toBe(true)
      expect(logs.map((log) => log.runs.map((r) => r.automationDetails!.id))).toEqual(
        [1, 2, 3, 4].map((shard) => [`copydesk/shard-${shard}-of-4/`])
      )
      const errorShard = shardOf('archive/story-5.txt', 4)
      expect(logs.map((log) => log.runs[0].results.map((r) => r.level))).toEqual(
        [1, 2, 3, 4].map((shard) => (shard === errorShard ? ['error'] : []))
      )
      expect(failing.verdictStatus).toBe(1)
      expect(fs.existsSync(path.join(repo, 'copydesk.sarif'))).toBe(true)

      fs.writeFileSync(path.join(repo, 'archive', 'story-5.txt'), 'Officials counted 3,800 visitors.\n')
      const passing = runWorkflow(repo)
      expect(passing.shardStatus).toEqual([0, 0, 0, 0])
      expect(passing.verdictStatus).toBe(0)
      // The shard that had the error uploads an empty run, which closes its alert.
      expect((JSON.parse(passing.sarif[errorShard - 1]) as Log).runs[0].results).toEqual([])
    } finally {
      fs.rmSync(repo, {recursive: true, force: true})
    }
  })

  it('a shard that meets a broken config stops, and so does the check', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-workflow-'))
    try {
      fs.mkdirSync(path.join(repo, 'archive'))
      fs.writeFileSync(path.join(repo, 'archive', 'story.txt'), 'The fair opened.\n')
      fs.writeFileSync(path.join(repo, '.copydeskrc'), 'rules:\n  no-such-rule: error\n')
      const shardStep = lint.steps.find((step) => step.name === 'Lint this shard')!
      const result = spawnSync('bash', ['-e', '-c', shardStep.run!], {
        cwd: repo,
        env: {...workflowEnv(repo), SHARD: '1'},
        encoding: 'utf8'
      })
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(/^copydesk: \.copydeskrc:2: unknown rule `no-such-rule`/)
    } finally {
      fs.rmSync(repo, {recursive: true, force: true})
    }
  })
})
