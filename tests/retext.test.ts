/**
 * copydesk's rules as ordinary retext plugins: in a pipeline with another
 * published retext plugin (retext-spell), in a Markdown pipeline through
 * remark-retext and in an HTML one through rehype-retext, each rule on its own,
 * and the package's `copydesk/retext` export as a user imports it.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import dictionaryEn from 'dictionary-en'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import remarkStringify from 'remark-stringify'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import retextStringify from 'retext-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import copydesk, {
  dateConsistency,
  figureArithmetic,
  figureConsistency,
  garbledNumeral,
  impossibleFigure,
  malformedOrdinal,
  nameMismatch,
  rules,
  sourceMismatch
} from '../src/retext.js'
import {lint, ruleIds, type RuleId} from '../src/index.js'
import {read, root} from './helpers.js'

const seedPath = 'fixtures/seed/china-asean-expo.txt'
const seed = read(seedPath)

interface Found {
  ruleId: string
  start: number
  end: number
}

function offsets(message: VFileMessage): {start: number; end: number} {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return {start: place?.start.offset ?? -1, end: place?.end.offset ?? -1}
}

/** copydesk's messages by rule id and file range, in file order. */
function found(messages: VFileMessage[]): Found[] {
  return messages
    .filter((message) => message.source === 'copydesk')
    .map((message) => ({ruleId: String(message.ruleId), ...offsets(message)}))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
}

/** The command line's JSON report of the seed story, as a user gets it. */
function cliReport(): Found[] {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), '--report', 'json', seedPath], {
    cwd: root,
    encoding: 'utf8'
  })
  expect(result.stderr).toBe('')
  const [file] = JSON.parse(result.stdout) as Array<{
    messages: Array<{ruleId: string; place: {start: {offset: number}; end: {offset: number}}}>
  }>
  return file.messages
    .map((message) => ({ruleId: message.ruleId, start: message.place.start.offset, end: message.place.end.offset}))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
}

describe('retext pipeline: retext-english + copydesk + retext-spell', async () => {
  const file = new VFile({path: 'china-asean-expo.txt', value: seed})
  const output = await unified()
    .use(retextEnglish)
    .use(copydesk)
    .use(retextSpell, {dictionary: dictionaryEn})
    .use(retextStringify)
    .process(file)

  it('gives the command line’s ten messages, same rule ids and ranges', () => {
    const expected = cliReport()
    expect(expected).toHaveLength(10)
    expect(found(file.messages)).toEqual(expected)
  })

  it('leaves the other plugin’s messages as they are without copydesk', async () => {
    const alone = new VFile({path: 'china-asean-expo.txt', value: seed})
    await unified().use(retextEnglish).use(retextSpell, {dictionary: dictionaryEn}).use(retextStringify).process(alone)
    const spell = (messages: VFileMessage[]) =>
      messages.filter((m) => m.source === 'retext-spell').map((m) => [m.ruleId, m.actual, offsets(m).start])
    expect(spell(alone.messages).length).toBeGreaterThan(0)
    expect(spell(file.messages)).toEqual(spell(alone.messages))
    expect(file.messages).toHaveLength(10 + spell(alone.messages).length)
  })

  it('gives the text back unchanged', () => {
    expect(String(output)).toBe(seed)
  })

  it('carries each message’s fields: rule id, source, url, actual, note', () => {
    const message = file.messages.find((m) => m.ruleId === 'name-mismatch' && m.actual === 'Pham Minh Trung')
    expect(message).toBeDefined()
    expect(message!.source).toBe('copydesk')
    expect(message!.url).toMatch(/rules\.md#name-mismatch$/)
    expect(message!.expected?.length).toBeGreaterThan(0)
    expect(message!.note).toBeTruthy()
    expect(message!.fatal).toBe(false)
  })
})

describe('preset options', () => {
  const run = async (options: Parameters<typeof copydesk>[0], value = seed) => {
    const file = new VFile({path: 'story.txt', value})
    await unified().use(retextEnglish).use(copydesk, options).use(retextStringify).process(file)
    return file
  }

  it('sets rules off or to error, as a .copydeskrc does', async () => {
    const file = await run({rules: {'name-mismatch': 'off', 'garbled-numeral': 'error'}})
    expect(file.messages.filter((m) => m.ruleId === 'name-mismatch')).toEqual([])
    const garbled = file.messages.filter((m) => m.ruleId === 'garbled-numeral')
    expect(garbled).toHaveLength(3)
    expect(garbled.every((m) => m.fatal === true)).toBe(true)
  })

  it('passes rule options', async () => {
    const text = 'The scheme reached 12,34,567 households.'
    expect(found((await run({}, text)).messages)).toEqual([])
    expect(found((await run({rules: {'garbled-numeral': ['warn', {indianGrouping: false}]}}, text)).messages)).toEqual([
      {ruleId: 'garbled-numeral', start: 19, end: 28}
    ])
  })

  it('takes the story date: who held an office on that day', async () => {
    const text = 'British Prime Minister Rishi Sunak met the delegation in London.'
    expect(found((await run({date: '2023-09-09'}, text)).messages)).toEqual([])
    const later = (await run({date: '2025-03-01'}, text)).messages
    expect(underRanges(text, later)).toEqual([['name-mismatch', 'Rishi Sunak']])
  })

  it('reads house knowledge files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-retext-'))
    try {
      const house = path.join(dir, 'house.yaml')
      fs.writeFileSync(house, 'people:\n  - name: Xu Ningning\n    variants: [Xu Ning Ning]\n    source: house style\n')
      const text = 'The chair, Xu Ning Ning, spoke on Monday.'
      expect(found((await run({}, text)).messages)).toEqual([])
      const file = await run({knowledge: [house]}, text)
      expect(found(file.messages)).toEqual([{ruleId: 'name-mismatch', start: 11, end: 23}])
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('rejects an unknown rule, severity, option or date with a message naming it', () => {
    const build = (options: unknown) => () =>
      unified()
        .use(retextEnglish)
        .use(copydesk, options as never)
        .freeze()
    expect(build({rules: {'garbled-numerals': 'warn'}})).toThrow(/unknown rule `garbled-numerals`/)
    expect(build({rules: {'garbled-numeral': 'loud'}})).toThrow(/severity must be off, warn or error/)
    expect(build({rules: {'garbled-numeral': ['warn', {lakh: true}]}})).toThrow(/unknown option `lakh`/)
    expect(build({date: '9 September 2023'})).toThrow(/`date` must be a date as YYYY-MM-DD/)
    expect(build({colour: true})).toThrow(/unknown option `colour`/)
    expect(build({knowledge: 'house.yaml'})).toThrow(/`knowledge` must be a list/)
  })
})

/** The seed story as Markdown: headings, bold, emphasis, a link, a quote and a list around the same prose. */
function seedAsMarkdown(): string {
  const lines = seed.split('\n')
  const md = lines.map((line, index) => {
    if (
      line === '"Two-way rush" of advantages and needs' ||
      line === 'Deepen industrial chain and supply chain cooperation'
    )
      return `## ${line}`
    if (index === 0) return line.replace('Nanning, September 9 (ZXS)', '**Nanning, September 9 (ZXS)**')
    if (line.includes('Photo by China News Agency reporter'))
      return line.replace(
        /Photo by China News Agency reporter (.*)$/,
        '_Photo by [China News Agency](https://example.com/photos "photo desk") reporter $1_'
      )
    if (line.startsWith('"At present, China-ASEAN')) return `> ${line}`
    if (line.startsWith('China and ASEAN are the world')) return `- ${line}`
    return line
  })
  return ['# China-ASEAN industrial cooperation', '', ...md].join('\n')
}

/** For each message, the text of the file under its range (with its rule id). */
function underRanges(value: string, messages: VFileMessage[]): Array<[string, string]> {
  return found(messages).map((m) => [m.ruleId, value.slice(m.start, m.end)])
}

/** Line and column of each message agree with its offsets in the file. */
function expectPlacesAgree(value: string, messages: VFileMessage[]): void {
  const where = location(value)
  for (const message of messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    expect(place).toBeDefined()
    expect(where.toOffset(place!.start)).toBe(place!.start.offset)
    expect(where.toOffset(place!.end)).toBe(place!.end.offset)
  }
}

describe('remark pipeline: remark-parse + remark-retext + copydesk', () => {
  const markdown = seedAsMarkdown()

  it('reports the same ten errors, each range on the same text in the Markdown file', async () => {
    const file = new VFile({path: 'story.md', value: markdown})
    const output = await unified()
      .use(remarkParse)
      .use(remarkRetext, ParseEnglish)
      .use(copydesk)
      .use(retextStringify)
      .process(file)
    expect(String(output)).not.toBe('')
    const plain = new VFile({path: 'story.txt', value: seed})
    await unified().use(retextEnglish).use(copydesk).use(retextStringify).process(plain)
    const expected = underRanges(seed, plain.messages)
    expect(expected).toHaveLength(10)
    expect(underRanges(markdown, file.messages)).toEqual(expected)
    expectPlacesAgree(markdown, file.messages)
  })

  it('matches copydesk’s own Markdown parser, message for message', async () => {
    const file = new VFile({path: 'story.md', value: markdown})
    await unified().use(remarkParse).use(remarkRetext, ParseEnglish).use(copydesk).use(retextStringify).process(file)
    const own = await lint(markdown, {path: 'story.md'})
    expect(found(file.messages)).toEqual(found(own.messages))
    expect(file.messages.map((m) => m.reason).sort()).toEqual(own.messages.map((m) => m.reason).sort())
  })

  it('works in bridge mode, the Markdown compiled back unchanged', async () => {
    const file = new VFile({path: 'story.md', value: markdown})
    const output = await unified()
      .use(remarkParse)
      .use(remarkRetext, unified().use(retextEnglish).use(copydesk))
      .use(remarkStringify)
      .process(file)
    expect(String(output)).toContain('## Deepen industrial chain and supply chain cooperation')
    // Bridge mode parses with parse-latin (remark-retext's choice), whose sentences
    // differ from English ones only at abbreviations: the same ten errors.
    const own = await lint(markdown, {path: 'story.md'})
    expect(found(file.messages)).toEqual(found(own.messages))
    expectPlacesAgree(markdown, file.messages)
  })
})

describe('rehype pipeline: rehype-parse + rehype-retext + copydesk', () => {
  it('reports on the HTML file’s own offsets, past tags and character references', async () => {
    const html =
      '<!doctype html><title>Expo</title>\n' +
      '<p>Trade&nbsp;&amp;&nbsp;investment: more than <b>3800,6500</b> firms.</p>\n' +
      '<p>It was the 21th&nbsp;time &mdash; <code>2000,18</code> is code.</p>\n'
    const file = new VFile({path: 'story.html', value: html})
    await unified().use(rehypeParse).use(rehypeRetext, ParseEnglish).use(copydesk).use(retextStringify).process(file)
    expect(underRanges(html, file.messages)).toEqual([
      ['garbled-numeral', '3800,6500'],
      ['malformed-ordinal', '21th']
    ])
    expectPlacesAgree(html, file.messages)
  })
})

/** A rule's documented examples (rules/<id>.ts or rules/<id>/index.ts), as tests/rule-docs.test.ts reads them. */
function documented(id: string): {invalid: string[]; source?: string} {
  const file = [path.join(root, 'rules', `${id}.ts`), path.join(root, 'rules', id, 'index.ts')].find((f) =>
    fs.existsSync(f)
  )!
  const text = fs.readFileSync(file, 'utf8')
  const lines = text
    .slice(text.indexOf('/**'), text.indexOf('*/'))
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
  const invalid: string[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```text invalid') continue
    const body: string[] = []
    while (++i < lines.length && lines[i] !== '```') body.push(lines[i])
    invalid.push(body.join('\n'))
  }
  const at = lines.indexOf('The examples run with this source:')
  return {invalid, source: at >= 0 ? lines[at + 1] : undefined}
}

describe('each rule on its own after retext-english', () => {
  const named: Record<RuleId, unknown> = {
    'garbled-numeral': garbledNumeral,
    'impossible-figure': impossibleFigure,
    'malformed-ordinal': malformedOrdinal,
    'name-mismatch': nameMismatch,
    'source-mismatch': sourceMismatch,
    'figure-arithmetic': figureArithmetic,
    'figure-consistency': figureConsistency,
    'date-consistency': dateConsistency
  }

  it('exports every rule by its id and by its name in camel case', () => {
    expect(Object.keys(rules).sort()).toEqual([...ruleIds].sort())
    for (const id of ruleIds) expect(named[id]).toBe(rules[id])
  })

  it.each(ruleIds)('%s gives what copydesk gives on its documented errors', async (id) => {
    const {invalid, source} = documented(id)
    expect(invalid.length).toBeGreaterThan(0)
    for (const text of invalid) {
      const file = new VFile({path: 'example.txt', value: text})
      if (source) file.data.source = {path: 'source', text: source}
      const processor = unified()
        .use(retextEnglish)
        .use(rules[id] as never)
      await processor.run(processor.parse(file), file)
      const own = await lint(text, {
        path: 'example.txt',
        source,
        rules: Object.fromEntries(ruleIds.map((other) => [other, other === id ? 'warn' : 'off']))
      })
      expect(found(own.messages).length).toBeGreaterThan(0)
      expect(found(file.messages)).toEqual(found(own.messages))
      expect(file.messages.every((m) => m.ruleId === id && !m.fatal)).toBe(true)
    }
  })
})

describe('the package export `copydesk/retext`', () => {
  const pkg = JSON.parse(read('package.json')) as {
    exports: Record<string, string | Record<string, string>>
    files: string[]
  }

  it('points at built files, with types', () => {
    const entry = pkg.exports['./retext'] as Record<string, string>
    expect(fs.existsSync(path.join(root, entry.default))).toBe(true)
    expect(fs.existsSync(path.join(root, entry.types))).toBe(true)
  })

  it('resolves by the package’s name, as a user imports it', () => {
    // A self-reference: Node resolves `copydesk/retext` through package.json `exports`.
    const script = [
      "import copydesk, {garbledNumeral, rules} from 'copydesk/retext'",
      "import {unified} from 'unified'",
      "import retextEnglish from 'retext-english'",
      "import retextStringify from 'retext-stringify'",
      "const file = await unified().use(retextEnglish).use(copydesk).use(retextStringify).process('Nearly 2000,18 firms.')",
      "const alone = await unified().use(retextEnglish).use(garbledNumeral).use(retextStringify).process('Nearly 2000,18 firms.')",
      "console.log(JSON.stringify([file.messages.map((m) => m.ruleId), alone.messages.map((m) => m.ruleId), rules['garbled-numeral'] === garbledNumeral]))"
    ].join('\n')
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual([['garbled-numeral'], ['garbled-numeral'], true])
  })

  it('ships every exported file in the package', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'})
    const [packed] = JSON.parse(result.stdout) as Array<{files: Array<{path: string}>}>
    const shipped = new Set(packed.files.map((file) => file.path))
    for (const target of Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))) {
      expect(shipped).toContain(target.replace(/^\.\//, ''))
    }
    expect(shipped).toContain('dist/src/retext.d.ts')
  })
})
