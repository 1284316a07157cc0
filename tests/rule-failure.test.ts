/**
 * A rule that throws (a bug) on some copy: the other rules' messages stand,
 * the failure is one line naming the rule in every reporter and entry point,
 * no stack reaches a report, and the command exits 3. The stack is printed
 * only with COPYDESK_DEBUG set.
 *
 * `date-consistency` is replaced here by a rule that throws on copy holding
 * the word THROWS (and says nothing otherwise).
 */
import {Writable} from 'node:stream'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {VFile} from 'vfile'
import {main} from '../src/cli/main.js'
import {formatReport, REPORTERS} from '../src/cli/reporters/index.js'
import {fromTransferable, isInternalError, toTransferable} from '../src/core/messages.js'
import {lintText} from './helpers.js'

vi.mock('../rules/date-consistency/index.js', async (importOriginal) => {
  const original = (await importOriginal()) as {default: {meta: unknown}}
  const {lintRule} = await import('unified-lint-rule')
  const plugin = lintRule({origin: 'copydesk:date-consistency'}, (_tree, file) => {
    if (String(file.value).includes('THROWS')) {
      const holder: {missing?: {value: number}} = {}
      // A real TypeError, with a real stack.
      return void holder.missing!.value
    }
  })
  return {default: Object.assign(plugin, {meta: original.default.meta})}
})

const STACK_LINE = /^ +at \S/m
const story = 'It was the 21th time. THROWS here.\n'
let dir: string

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-rule-failure-'))
  fs.writeFileSync(path.join(dir, 'story.txt'), story)
})

afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += chunk
      callback()
    }
  })
  return {stream, text: () => text}
}

async function cli(args: string[], env: Record<string, string> = {}) {
  const saved = process.env.COPYDESK_DEBUG
  process.env.COPYDESK_DEBUG = env.COPYDESK_DEBUG ?? ''
  const stdout = sink()
  const stderr = sink()
  try {
    const code = await main(['--jobs', '0', ...args], {
      stdin: process.stdin,
      stdout: stdout.stream,
      stderr: stderr.stream,
      cwd: dir
    })
    return {code, stdout: stdout.text(), stderr: stderr.text()}
  } finally {
    if (saved === undefined) delete process.env.COPYDESK_DEBUG
    else process.env.COPYDESK_DEBUG = saved
  }
}

describe('a rule that throws', () => {
  it('becomes one error line naming the rule; the other rules still report', async () => {
    const file = await lintText(story, {path: 'story.txt'})
    const failure = file.messages.find((message) => !message.ruleId)!
    expect(failure.reason).toMatch(
      /^Internal error in rule `date-consistency`: Cannot read properties of undefined \(reading 'value'\); the other rules ran \(please report this with the story\)$/
    )
    expect(failure.fatal).toBe(true)
    expect(failure.stack).toBe('')
    expect(isInternalError(failure)).toBe(true)
    // The stack is kept, behind the message, for COPYDESK_DEBUG.
    expect(((failure.cause as Error).cause as Error).stack).toMatch(STACK_LINE)
    expect(file.messages.map((message) => message.ruleId)).toContain('malformed-ordinal')
  })

  it('crosses from a worker thread as the same internal error', async () => {
    const file = await lintText(story, {path: 'story.txt'})
    const failure = file.messages.find((message) => !message.ruleId)!
    const back = fromTransferable(new VFile({path: 'story.txt'}), structuredClone(toTransferable(failure)))
    expect(back.reason).toBe(failure.reason)
    expect(isInternalError(back)).toBe(true)
    expect(((back.cause as Error).cause as Error).stack).toMatch(STACK_LINE)
  })

  it.each(REPORTERS)('%s: one line with the reason, no stack', async (report) => {
    const file = await lintText(story, {path: 'story.txt'})
    const output = formatReport(report, [file])
    expect(output).toContain('Internal error in rule `date-consistency`')
    expect(output).not.toMatch(STACK_LINE)
    expect(output).not.toContain('TypeError')
  })

  it('the command exits 3 with one line; COPYDESK_DEBUG adds the stack', async () => {
    const result = await cli(['story.txt'])
    expect(result.code).toBe(3)
    expect(result.stderr).toBe(
      "copydesk: story.txt: Internal error in rule `date-consistency`: Cannot read properties of undefined (reading 'value'); the other rules ran (please report this with the story)\n"
    )
    expect(result.stdout).toContain('21th')
    expect(result.stdout).not.toMatch(STACK_LINE)

    const debug = await cli(['story.txt'], {COPYDESK_DEBUG: '1'})
    expect(debug.code).toBe(3)
    expect(debug.stderr).toMatch(/^copydesk: story\.txt: TypeError: Cannot read properties of undefined/)
    expect(debug.stderr).toMatch(STACK_LINE)
  })

  it('copy without the trigger is linted as usual', async () => {
    fs.writeFileSync(path.join(dir, 'fine.txt'), 'It was the 21th time.\n')
    const result = await cli(['--report', 'json', 'fine.txt'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
  })
})
