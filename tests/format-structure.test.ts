/**
 * Markdown and HTML structure, and invisible format characters: the checks see
 * the same prose whatever wraps it, report the same words at the right places
 * in the file, and deep nesting is read (flattened) rather than hanging.
 */
import fc from 'fast-check'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'
import {readMarkdown, markdownProse, MAX_DEPTH} from '../src/core/markdown.js'
import {ProseBuilder} from '../src/core/prose.js'

type Linted = Awaited<ReturnType<typeof lintText>>

/** Only the checks that read single tokens: their messages do not depend on how paragraphs are grouped. */
const TOKEN_RULES = ['garbled-numeral', 'malformed-ordinal']
const tokenRulesOnly = async (value: string, path: string) => {
  const file = await lintText(value, {path})
  return file.messages.filter((message) => TOKEN_RULES.includes(String(message.ruleId)))
}

/** Invisible format characters (Unicode Cf) as they occur in pasted copy. */
const FORMAT_CHARACTERS = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']
const invisible = /\p{Cf}/gu

function range(message: Linted['messages'][number]): [number, number] {
  const place = message.place && 'start' in message.place ? message.place : undefined
  expect(place).toBeDefined()
  return [place!.start.offset!, place!.end.offset!]
}

/** Every message's range lies inside the file and, read without format characters, is its `actual`. */
function expectRangesOnActual(value: string, messages: Linted['messages']) {
  for (const message of messages) {
    const [start, end] = range(message)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeLessThanOrEqual(value.length)
    expect(end).toBeGreaterThanOrEqual(start)
    if (message.actual !== undefined) expect(value.slice(start, end).replace(invisible, '')).toBe(message.actual)
  }
}

describe('invisible format characters inside figures and ordinals', () => {
  // Wordings of our own: a grouping that fuses two figures, and ordinals with the wrong suffix.
  const garbled = [
    ['The hall seats 4200,{}7300 people.', '4200,{}7300'],
    ['Exports reached 15,{}20 tonnes last year.', '15,{}20'],
    ['A crowd of 1,2{}00,5 gathered.', '1,2{}00,5']
  ] as const
  const ordinals = [
    ['She won her 21{}th title.', '21{}th'],
    ['It was the 3{}th round.', '3{}th'],
    ['The 102{}th session opened.', '102{}th'],
    ['The 12{}nd edition was cancelled.', '12{}nd']
  ] as const
  // (HTML without any element is not checked: unified-message-control drops its messages, as before.)
  const wrap = (path: string, text: string) => (path === 'story.html' ? `<p>${text}</p>` : text)

  for (const character of FORMAT_CHARACTERS) {
    const name = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    for (const path of ['story.txt', 'story.md', 'story.html']) {
      it(`${name} in ${path}: the error is read through it, the range is the file's`, async () => {
        for (const [ruleId, cases] of [
          ['garbled-numeral', garbled],
          ['malformed-ordinal', ordinals]
        ] as const) {
          for (const [template, marked] of cases) {
            const value = wrap(path, template.replace('{}', character))
            const messages = await tokenRulesOnly(value, path)
            expect(messages.map((message) => [message.ruleId, message.actual])).toEqual([
              [ruleId, marked.replace('{}', '')]
            ])
            expect(value.slice(...range(messages[0]))).toBe(marked.replace('{}', character))
          }
        }
      })
    }

    it(`${name}: correct figures and ordinals with it stay silent`, async () => {
      for (const clean of [
        'The hall seats 4,{}200 people.',
        'Exports reached 15,{}200 tonnes.',
        'She won her 21{}st title.',
        'It was the 3{}rd round.',
        'The 11{}th hour, the 112{}th session.',
        'An inter{}national meeting of 20 members.'
      ]) {
        const value = clean.replaceAll('{}', character)
        for (const path of ['story.txt', 'story.md']) {
          expect(await tokenRulesOnly(value, path), `${JSON.stringify(value)} in ${path}`).toEqual([])
        }
      }
    })
  }

  it('keeps every later range in place after format characters earlier in the file', async () => {
    const value = '\uFEFFThe\u200B mayor\u00AD said.\n\nIt was the 21th year and 4200,7300 came.\n'
    const messages = await tokenRulesOnly(value, 'story.txt')
    expect(messages.map((message) => [message.ruleId, value.slice(...range(message))])).toEqual([
      ['malformed-ordinal', '21th'],
      ['garbled-numeral', '4200,7300']
    ])
  })
})

/** Sentences of our own, errors and clean figures mixed, no markup characters. */
const SENTENCES = [
  'The council approved 4200,7300 new homes.',
  'It was the 21th annual fair in the town.',
  'Turnout rose to 61% from 58% in 2019.',
  'The minister, Anna Kowalczyk, opened the 3rd stage.',
  'About 12,500 runners took part on Sunday.',
  'Prices fell by $2.5 billion over the year.',
  'The 112th session ended after 14 hours.',
  'Police said 15,20 people were hurt.'
]

const paragraph = fc
  .array(fc.constantFrom(...SENTENCES), {minLength: 1, maxLength: 6})
  .chain((sentences) => fc.constant(sentences.join(' ')))
/** A long line: one paragraph of many sentences. */
const longParagraph = fc
  .array(fc.constantFrom(...SENTENCES), {minLength: 60, maxLength: 120})
  .map((sentences) => sentences.join(' '))

const markdownBlock = fc.record({
  text: fc.oneof({weight: 5, arbitrary: paragraph}, {weight: 1, arbitrary: longParagraph}),
  containers: fc.array(fc.constantFrom('> ', '- ', '* ', '1. '), {maxLength: 12}),
  heading: fc.boolean(),
  emphasis: fc.constantFrom('', '*', '**', '_')
})

function markdownOf(block: {text: string; containers: string[]; heading: boolean; emphasis: string}): string {
  const inline = block.emphasis ? `${block.emphasis}${block.text}${block.emphasis}` : block.text
  return block.containers.join('') + (block.heading ? '## ' : '') + inline
}

const htmlBlock = fc.record({
  text: fc.oneof({weight: 5, arbitrary: paragraph}, {weight: 1, arbitrary: longParagraph}),
  wrappers: fc.array(fc.constantFrom('div', 'section', 'blockquote', 'article', 'li', 'td'), {maxLength: 20}),
  inline: fc.array(fc.constantFrom('b', 'i', 'em', 'strong', 'span', 'a'), {maxLength: 6}),
  element: fc.constantFrom('p', 'h2', 'div')
})

function htmlOf(block: {text: string; wrappers: string[]; inline: string[]; element: string}): string {
  let inner = block.text
  for (const name of block.inline) inner = `<${name}>${inner}</${name}>`
  inner = `<${block.element}>${inner}</${block.element}>`
  for (const name of block.wrappers) inner = `<${name}>${inner}</${name}>`
  return inner
}

/** The token rules' messages as `rule actual`, in order. */
const said = (messages: Linted['messages']) => messages.map((message) => `${message.ruleId} ${message.actual}`)

describe('Markdown and HTML structure (properties)', () => {
  it('Markdown: nesting, headings, emphasis and long lines give the messages of the plain text, on the same words', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(markdownBlock, {minLength: 1, maxLength: 8}),
        fc.constantFrom('\n\n', '\r\n\r\n'),
        async (blocks, separator) => {
          const plain = blocks.map((block) => block.text).join('\n\n')
          const markdown = blocks.map(markdownOf).join(separator)
          const expected = await tokenRulesOnly(plain, 'story.txt')
          const found = await tokenRulesOnly(markdown, 'story.md')
          expect(said(found)).toEqual(said(expected))
          expectRangesOnActual(markdown, found)
        }
      ),
      {numRuns: 40, seed: 20261130}
    )
  }, 120000)

  it('HTML: nested elements and long lines give the messages of the plain text, on the same words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(htmlBlock, {minLength: 1, maxLength: 8}), async (blocks) => {
        const plain = blocks.map((block) => block.text).join('\n\n')
        const html = `<!doctype html><body>${blocks.map(htmlOf).join('\n')}</body>`
        const expected = await tokenRulesOnly(plain, 'story.txt')
        const found = await tokenRulesOnly(html, 'story.html')
        expect(said(found)).toEqual(said(expected))
        expectRangesOnActual(html, found)
      }),
      {numRuns: 40, seed: 20261130}
    )
  }, 120000)

  it('many messages in nested structure: each range on its words, in order', async () => {
    const item = '- > The 21th fair drew 4200,7300 visitors.'
    const markdown = Array.from({length: 3000}, () => item).join('\n')
    const found = await tokenRulesOnly(markdown, 'story.md')
    expect(found).toHaveLength(6000)
    expectRangesOnActual(markdown, found)
    const starts = found.map((message) => range(message)[0])
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  }, 120000)
})

describe('plain Markdown paragraphs taken without micromark', () => {
  // The reader gives paragraphs of plain lines straight to the prose; the tree must be
  // the one micromark makes of the whole file.
  const pieces = [
    'Foo bar',
    'baz',
    '"Quoted" text',
    '(aside)',
    '$5 m',
    '2,300 staff',
    '1. item',
    '2) two',
    '12. twelve',
    '- item',
    '> quote',
    '# Head',
    '```',
    '~~~',
    '<div>',
    '<!--',
    '-->',
    '[a]: /u',
    'see [a]',
    '*em*',
    '_x_',
    'www.example.com',
    'Www.Example.com',
    'http://example.com',
    'x@y.com',
    '   indented',
    '    code',
    '\tTab',
    'Trail ',
    'Trail  ',
    '===',
    '---',
    'a | b',
    '| - |',
    '\u00a0nbsp',
    'Zoë said',
    '&amp;',
    'back\\slash',
    'Hé\u2003',
    'x_y',
    '+++',
    ''
  ]
  const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n\n']
  const document = fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...breaks)), {maxLength: 40})
    .map((lines) => lines.map(([line, lineBreak]) => line + lineBreak).join(''))

  const prose = (value: string, everyBlock: boolean) => {
    const {tree, source} = readMarkdown(value, everyBlock)
    const builder = new ProseBuilder(value, source)
    markdownProse(tree, builder)
    const built = builder.build()
    const offsets = Array.from({length: built.text.length + 1}, (_, offset) => [
      built.toFile(offset),
      built.toFileEnd(offset)
    ])
    return {text: built.text, offsets}
  }

  it('gives the prose, and its places in the file, that micromark gives', () => {
    fc.assert(
      fc.property(document, (value) => {
        expect(prose(value, false)).toEqual(prose(value, true))
      }),
      {numRuns: 300, seed: 20261130}
    )
  }, 60000)

  // Stretches between plain paragraphs are read together, blank lines between them; the
  // tree must be the one each gives read on its own, whatever reaches across a plain paragraph.
  const blocks = [
    'Plain words here',
    'Another plain line\nand its second line',
    '*Lead* words',
    'A [link](https://example.com) in it',
    'see [a] and [^1]',
    '[a]: /u',
    '[^1]: A note\n\n    with more',
    '- one\n- two',
    '- loose\n\n  continued',
    '  indented by two',
    '1. first',
    '> quoted\n> more',
    '```\ncode',
    '```',
    '<!-- open',
    '-->',
    '<div>\nhtml',
    '    indented code',
    '| a | b |\n| - | - |\n| 1 | 2 |',
    'a | b',
    'Head\n===',
    '---',
    '~~struck~~ text',
    '- [ ] task',
    'Line\r',
    'CR LF line\r\nnext'
  ]
  const separators = ['\n\n', '\n\n\n', '\r\n\r\n', '\r\r', '\n']
  const blockDocument = fc
    .array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom(...separators)), {maxLength: 30})
    .map((parts) => parts.map(([block, separator]) => block + separator).join(''))

  it('reads the stretches between plain paragraphs together as it reads each alone', () => {
    fc.assert(
      fc.property(blockDocument, (value) => {
        expect(JSON.stringify(readMarkdown(value).tree)).toBe(JSON.stringify(readMarkdown(value, false, false).tree))
      }),
      {numRuns: 400, seed: 20261130}
    )
  }, 60000)

  it('gives the tree micromark gives with tables read, with or without a `|` in the text', () => {
    const gfm = {
      extensions: [frontmatter(['yaml', 'toml']), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
      mdastExtensions: [
        frontmatterFromMarkdown(['yaml', 'toml']),
        gfmFootnoteFromMarkdown(),
        gfmStrikethroughFromMarkdown(),
        gfmTableFromMarkdown(),
        gfmTaskListItemFromMarkdown()
      ]
    }
    fc.assert(
      fc.property(blockDocument, (value) => {
        expect(JSON.stringify(readMarkdown(value, true).tree.children)).toBe(
          JSON.stringify(fromMarkdown(value, gfm).children)
        )
      }),
      {numRuns: 300, seed: 20261130}
    )
  })

  it('reads a batch again one stretch at a time where a block would reach across a plain paragraph', () => {
    // Without the plain paragraph between them, the indented line would continue the list item.
    const value = '- a list item\n\nPlain words here\n\n  indented by two\n'
    const {tree} = readMarkdown(value)
    expect(tree.children.map((node) => node.type)).toEqual(['list', 'paragraph', 'paragraph'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(readMarkdown(value, false, false).tree))
    expect(JSON.stringify(tree)).toBe(JSON.stringify(readMarkdown(value, true).tree))
  })

  it('takes plain paragraphs as they are, and leaves structure to micromark', () => {
    const value = 'First line\nsecond line\n\n- a list\n\nLast "one" (here)\n'
    const {tree} = readMarkdown(value)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'list', 'paragraph'])
    expect(JSON.stringify(tree)).toBe(JSON.stringify(readMarkdown(value, true).tree))
  })
})

describe('deep nesting is read flattened, the text still linted', () => {
  const text = 'The 21th fair drew 4200,7300 visitors.'
  const cases: Array<[string, string, string]> = [
    ['20 KB of list markers on one line', '- '.repeat(10000) + text, 'story.md'],
    ['20 KB of block quote markers', '> '.repeat(10000) + text, 'story.md'],
    ['20 KB of `>` without spaces', '>'.repeat(20000) + ' ' + text, 'story.md'],
    ['quotes and lists mixed', '> - '.repeat(5000) + text, 'story.md'],
    [
      'a list indented one step per line',
      Array.from({length: 2000}, (_, i) => '  '.repeat(i % 300) + '- ' + text).join('\n'),
      'story.md'
    ],
    ['10,000 emphasis delimiters each side', '*'.repeat(10000) + text + '*'.repeat(10000), 'story.md'],
    ['10,000 nested link brackets', '['.repeat(10000) + text + ']'.repeat(10000) + '(u)', 'story.md'],
    ['4,000 nested <div>', '<div>'.repeat(4000) + text, 'story.html'],
    ['4,000 nested <b>', '<b>'.repeat(4000) + text, 'story.html'],
    ['3,000 nested lists', '<ul><li>'.repeat(3000) + text, 'story.html']
  ]

  it.each(cases)(
    '%s',
    async (_name, value, path) => {
      const found = await tokenRulesOnly(value, path)
      expect(found.length).toBeGreaterThan(0)
      expect(new Set(found.map((message) => message.actual))).toEqual(new Set(['21th', '4200,7300']))
      expectRangesOnActual(value, found)
    },
    60000
  )

  it('reads list markers past the bound as text', () => {
    const value = '- '.repeat(MAX_DEPTH + 5) + 'x'
    const {tree} = readMarkdown(value)
    let depth = 0
    let node: {type: string; children?: unknown[]} = tree
    while (node.children && node.children.length > 0) {
      if (node.type === 'list') depth++
      node = node.children[0] as typeof node
    }
    expect(depth).toBe(MAX_DEPTH)
  })
})
