/**
 * copydesk's English parser (src/core/english-parser.ts) must make the tree
 * parse-english makes: the same nodes, values and positions, and the same
 * position objects shared between nodes (parse-latin's merge steps and
 * copydesk's placing of a tree rely on which points are one object).
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {toString} from 'nlcst-to-string'
import {EnglishParser, spansByLength} from '../src/core/english-parser.js'

const published = new ParseEnglish()
const ours = new EnglishParser()
const bare = new EnglishParser({positions: false})

/** The offsets of every paragraph and sentence of a tree, and the white space between them. */
function spans(tree: Root): string[] {
  const out: string[] = []
  for (const child of tree.children) {
    out.push(`${child.type} ${child.position?.start.offset}-${child.position?.end.offset}`)
    if (child.type !== 'ParagraphNode') continue
    for (const inner of child.children) {
      out.push(`  ${inner.type} ${inner.position?.start.offset}-${inner.position?.end.offset}`)
    }
  }
  return out
}

/** {@link spans} of a tree without positions, its offsets read by {@link spansByLength}. */
function bareSpans(tree: Root): string[] {
  const {sentences, paragraphs} = spansByLength(tree.children)
  const out: string[] = []
  let sentence = 0
  let paragraph = 0
  let offset = 0
  for (const child of tree.children) {
    const length = toString(child).length
    if (child.type === 'ParagraphNode') {
      const span = paragraphs[paragraph++]
      out.push(`${child.type} ${span.start}-${span.end}`)
      let inner = offset
      for (const node of child.children) {
        const size = toString(node).length
        const at = node.type === 'SentenceNode' ? sentences[sentence++] : {start: inner, end: inner + size}
        out.push(`  ${node.type} ${at.start}-${at.end}`)
        inner += size
      }
    } else {
      out.push(`${child.type} ${offset}-${offset + length}`)
    }
    offset += length
  }
  expect(sentence).toBe(sentences.length)
  return out
}

/** Every position object and point of a tree, numbered by identity in walk order: equal sharing gives equal lists. */
function sharing(tree: Root): number[] {
  const ids = new Map<object, number>()
  const out: number[] = []
  const id = (object: object | undefined) => {
    if (!object) return -1
    let value = ids.get(object)
    if (value === undefined) {
      value = ids.size
      ids.set(object, value)
    }
    return value
  }
  const stack: object[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as {position?: {start: object; end: object}; children?: object[]}
    out.push(id(node.position), id(node.position?.start), id(node.position?.end))
    if (node.children) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
  }
  return out
}

function expectSameParse(text: string): void {
  const expected = published.parse(text)
  const actual = ours.parse(text)
  expect(actual).toStrictEqual(expected)
  expect(sharing(actual)).toEqual(sharing(expected))
  // Without positions: the same paragraphs and sentences, read from the lengths of the text before them.
  const withoutPositions = bare.parse(text)
  expect(toString(withoutPositions)).toBe(text)
  expect(bareSpans(withoutPositions)).toEqual(spans(expected))
}

describe('EnglishParser: the tree parse-english makes', () => {
  it('without positions, makes no position on any node', () => {
    const tree = bare.parse('Two words. And\n\nthree, more "here".')
    const stack: Array<{position?: unknown; children?: unknown[]}> = [tree]
    let nodes = 0
    while (stack.length > 0) {
      const node = stack.pop()!
      nodes++
      expect(node.position).toBeUndefined()
      if (node.children) stack.push(...(node.children as typeof stack))
    }
    expect(nodes).toBeGreaterThan(15)
  })

  it('replaces the published sentence-breaking step (else it would only be as fast)', () => {
    expect(ours.tokenizeParagraphPlugins).not.toEqual(published.tokenizeParagraphPlugins)
    expect(ours.tokenizeParagraphPlugins).toHaveLength(published.tokenizeParagraphPlugins.length)
  })

  it('on every story of the repository', () => {
    const folders = ['fixtures/seed', 'fixtures/clean-wikinews', 'fixtures/source']
    let files = 0
    for (const folder of folders) {
      for (const name of fs.readdirSync(folder).sort()) {
        const file = path.join(folder, name)
        if (!fs.statSync(file).isFile()) continue
        expectSameParse(fs.readFileSync(file, 'utf8'))
        files++
      }
    }
    expect(files).toBeGreaterThan(20)
  })

  it.each([
    ['empty', ''],
    ['blank lines of every ending', 'One.\n\nTwo.\r\n\r\nThree.\r\rFour.\n\r\nFive'],
    ['a blank line inside a sentence', 'The figure was\n\n3.5 per cent and\r\n \r\nrising'],
    ['white space of one line ending', 'a\nb\r\nc\rd \n e'],
    ['initialisms, abbreviations, decimals', 'Mr. Smith of the U.S. paid $3.5bn, i.e. 2.1% more. Then Dr. Wu left.'],
    ['repeated and mixed punctuation', 'What?! No... really?? "Yes." (Quite.) --- well, ok!!'],
    ['surrogate pairs and emoji', 'Growth 😀😀 and 𝟙𝟚 and 👍🏽. Next.'],
    ['non-Latin scripts and spaces', 'Пример текста. 中国和东盟。 Ha\u00a0Noi\u2003and\u3000more\u2028line'],
    ['symbols and lone surrogates', 'a $5 + €6 = £11 \ud800 x \udc00 y ©®™ § ¶'],
    ['elisions and prefixes', "It's the '90s, rock 'n' roll, o'clock, y'all, 'tis. e.g. foo"],
    ['lower-case and digit sentence starts', 'It rose 4. per cent. and then 5. fell. 6. Items'],
    ['control characters', 'a\u0000b\u0007c\u000bd\u000ce\u0085f']
  ])('on %s', (_, text) => {
    expectSameParse(text)
  })

  it('on random text of words, figures, punctuation and line endings (property)', () => {
    const pieces = fc.constantFrom(
      'Mr',
      'U',
      'S',
      'it',
      "'s",
      'China',
      'ASEAN',
      'e',
      'g',
      'i',
      'the',
      'a',
      '3',
      '21',
      '3.5',
      '2,000',
      'th',
      '.',
      '.',
      '..',
      '...',
      '?',
      '!',
      '?!',
      '…',
      '‽',
      ',',
      ';',
      ':',
      '-',
      '—',
      '/',
      '&',
      "'",
      '’',
      '"',
      '“',
      '”',
      '(',
      ')',
      '[',
      ']',
      '$',
      '%',
      '€',
      '😀',
      '\ud83d',
      'é',
      'Ж',
      '中',
      ' ',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '\r\n',
      '\r\n\r\n',
      '\r',
      '\u00a0',
      '\u2028',
      '\u00ad',
      '_',
      '@',
      '=',
      '#'
    )
    fc.assert(
      fc.property(fc.array(pieces, {maxLength: 60}), (parts) => {
        expectSameParse(parts.join(''))
      }),
      {numRuns: 2000, seed: 20261130}
    )
  })

  it('on random strings of any UTF-16 units (property)', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 80}), (text) => {
        expectSameParse(text)
      }),
      {numRuns: 1000, seed: 20261130}
    )
  })
})
