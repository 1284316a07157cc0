/**
 * The examples in each rule's doc comment are its tests, so the docs cannot lie
 * (as in remark-lint): valid blocks give no message, invalid blocks give exactly
 * the messages of the output block that follows them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ruleIds} from '../src/index.js'
import {lintText, outputLines, root} from './helpers.js'

interface Example {
  kind: 'valid' | 'invalid'
  text: string
  output: string[]
}

/** A rule's source: `rules/<id>.ts`, or `rules/<id>/index.ts` for a rule folder (one file per check). */
export function ruleFile(id: string): string {
  const single = path.join(root, 'rules', `${id}.ts`)
  return fs.existsSync(single) ? single : path.join(root, 'rules', id, 'index.ts')
}

/** The Chinese source a rule's examples run with ("The examples run with this source:" + next line). */
export function sourceOf(id: string): string | undefined {
  const file = fs.readFileSync(ruleFile(id), 'utf8')
  const lines = file
    .slice(file.indexOf('/**'), file.indexOf('*/'))
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
  const at = lines.indexOf('The examples run with this source:')
  return at >= 0 ? lines[at + 1] : undefined
}

export function examplesOf(id: string): Example[] {
  const source = fs.readFileSync(ruleFile(id), 'utf8')
  const comment = source.slice(source.indexOf('/**'), source.indexOf('*/'))
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\* ?/, ''))
  const blocks: Array<{info: string; body: string[]}> = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```text (valid|invalid|output)$/.exec(lines[i])
    if (!open) continue
    const body: string[] = []
    i++
    while (i < lines.length && lines[i] !== '```') body.push(lines[i++])
    blocks.push({info: open[1], body})
  }
  const examples: Example[] = []
  for (const block of blocks) {
    if (block.info === 'output') {
      examples[examples.length - 1].output = block.body
    } else {
      examples.push({kind: block.info as Example['kind'], text: block.body.join('\n'), output: []})
    }
  }
  return examples
}

describe.each(ruleIds)('%s: documented examples', (id) => {
  const examples = examplesOf(id)
  const source = sourceOf(id)

  it('has valid and invalid examples, each invalid one with its output', () => {
    expect(examples.some((e) => e.kind === 'valid')).toBe(true)
    expect(examples.some((e) => e.kind === 'invalid')).toBe(true)
    for (const example of examples) if (example.kind === 'invalid') expect(example.output.length).toBeGreaterThan(0)
  })

  it.each(examples.map((e, i) => [i, e] as const))('example %i', async (_i, example) => {
    const file = await lintText(example.text, {source})
    const lines = outputLines(file, id)
    if (example.kind === 'valid') expect(lines).toEqual([])
    else expect(lines).toEqual(example.output)
  })

  it('valid examples are silent for every rule, not only this one', async () => {
    for (const example of examples.filter((e) => e.kind === 'valid')) {
      expect(outputLines(await lintText(example.text, {source}))).toEqual([])
    }
  })
})
