/**
 * Newsroom CI end to end: a git repository of stories, a pull request that adds
 * a garbled figure beside an old, untouched error; changed-lines mode reports
 * only the new line, and the GitHub reporter annotates that file and line.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import YAML from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let repo: string

function git(...args: string[]) {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Desk',
      GIT_AUTHOR_EMAIL: 'desk@example.org',
      GIT_COMMITTER_NAME: 'Desk',
      GIT_COMMITTER_EMAIL: 'desk@example.org'
    }
  })
}

function copydesk(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: repo, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ci-'))
  git('init', '-q', '-b', 'main')
  fs.mkdirSync(path.join(repo, 'stories'))
  fs.writeFileSync(
    path.join(repo, 'stories', 'old.md'),
    '# Archive\n\nThe fair opened in 2019.\n\nIt was the 21th fair in the city.\n'
  )
  fs.writeFileSync(
    path.join(repo, 'stories', 'expo.md'),
    '# Expo opens\n\nThe 20th China-ASEAN Expo opened on Saturday.\n\nMore than 2,000 firms took part.\n'
  )
  git('add', '.')
  git('commit', '-q', '-m', 'stories')
  // The pull request: a garbled figure in one story; the old story untouched.
  fs.writeFileSync(
    path.join(repo, 'stories', 'expo.md'),
    '# Expo opens\n\nThe 20th China-ASEAN Expo opened on Saturday.\n\nMore than 2,000 firms took part.\n\nNearly 2000,18 enterprises signed deals.\n'
  )
})

afterAll(() => fs.rmSync(repo, {recursive: true, force: true}))

describe('changed-lines mode', () => {
  it('without --since, both the old and the new error are reported', () => {
    const result = copydesk('--report', 'json', 'stories')
    const messages = JSON.parse(result.stdout).flatMap((f: {path: string; messages: Array<{line: number}>}) =>
      f.messages.map((m) => `${f.path}:${m.line}`)
    )
    expect(messages).toEqual(['stories/expo.md:7', 'stories/old.md:5'])
  })

  it('--since main reports only the changed line, and --frail fails the check', () => {
    const result = copydesk('--since', 'main', '--frail', '--report', 'github', 'stories')
    expect(result.code).toBe(1)
    expect(result.stdout.trim().split('\n')).toEqual([
      '::warning file=stories/expo.md,line=7,endLine=7,col=8,endColumn=15,title=copydesk garbled-numeral::Unexpected digit grouping in `2000,18`: commas separate groups of three digits, so this looks like two figures run together%0A`2000` and `18` are probably two figures fused into one; check both against the source.'
    ])
  })

  it('counts a new, untracked story as changed throughout', () => {
    fs.writeFileSync(path.join(repo, 'stories', 'new.txt'), 'It was the 11st session.\n')
    const result = copydesk('--since', 'main', '--report', 'json', 'stories')
    const files = JSON.parse(result.stdout)
      .filter((f: {messages: unknown[]}) => f.messages.length > 0)
      .map((f: {path: string}) => f.path)
    expect(files).toEqual(['stories/expo.md', 'stories/new.txt'])
    fs.rmSync(path.join(repo, 'stories', 'new.txt'))
  })

  it('an unknown revision is a usage error', () => {
    const result = copydesk('--since', 'no-such-branch', 'stories')
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('copydesk: --since: unknown revision `no-such-branch`\n')
  })
})

describe('CI manifests', () => {
  it('action.yml runs copydesk with GitHub annotations and changed lines on pull requests', () => {
    const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'))
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs)).toEqual(['files', 'since', 'frail', 'sarif'])
    const script = action.runs.steps.map((s: {run: string}) => s.run).join('\n')
    expect(script).toContain('--report github')
    expect(script).toContain('origin/$BASE_REF')
    // The step's shell script is valid bash.
    const check = spawnSync('bash', ['-n'], {input: action.runs.steps[1].run, encoding: 'utf8'})
    expect(check.status, check.stderr).toBe(0)
  })

  it('.pre-commit-hooks.yaml declares the copydesk hook', () => {
    const hooks = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'))
    expect(hooks).toEqual([expect.objectContaining({id: 'copydesk', entry: 'copydesk', language: 'node'})])
  })
})
