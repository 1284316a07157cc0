/**
 * The English parse in pieces (src/core/english.ts): a text of many pieces gets
 * the same tree offsets as if it had been parsed whole. parse-latin shares point
 * objects between a node and its first child, so moving each piece's offsets
 * node by node moved shared points twice: every node after the first piece
 * pointed at the wrong words, and sentence spans with them.
 */
import type {Node, Parent} from 'unist'
import {describe, expect, it} from 'vitest'
import {cutAfter, parseProse, parseProseWithSpans, PIECE, PieceCache, proseSpans} from '../src/core/english.js'
import {lintText} from './helpers.js'

/** How many pieces `text` is parsed in. */
function countPieces(text: string): number {
  let count = 0
  for (let start = 0; start < text.length; start = cutAfter(text, start)) count++
  return count
}

function textNodes(node: Node, out: Array<{value: string; start: number; end: number}> = []) {
  if (node.type === 'TextNode' || node.type === 'WhiteSpaceNode' || node.type === 'PunctuationNode') {
    const {value} = node as unknown as {value: string}
    out.push({value, start: node.position!.start.offset!, end: node.position!.end.offset!})
  }
  for (const child of (node as Parent).children ?? []) textNodes(child, out)
  return out
}

const sentences = [
  'Officials said 3,500 houses were built in the district last year.',
  'The mayor, Ana Ruiz, opened the new bridge on Tuesday.',
  'Exports rose by 12 percent to 4.2 billion dollars.'
]

function story(paragraphs: number): string {
  const out: string[] = []
  for (let i = 0; i < paragraphs; i++) out.push(sentences.map((s, k) => s.replace('.', ` (${i}-${k}).`)).join(' '))
  return out.join('\n\n') + '\n'
}

describe('parse in pieces', () => {
  it('places every leaf of every piece at its own text', () => {
    const text = story(200)
    expect(text.length).toBeGreaterThan(6 * PIECE)
    const leaves = textNodes(parseProse(text))
    expect(leaves.length).toBeGreaterThan(1000)
    const wrong = leaves.filter((leaf) => text.slice(leaf.start, leaf.end) !== leaf.value)
    expect(wrong).toEqual([])
  })

  it('gives sentence spans that start at a sentence and end at its full stop', () => {
    const text = story(200)
    const {sentences: spans, paragraphs} = proseSpans(parseProse(text))
    expect(paragraphs).toHaveLength(200)
    expect(spans).toHaveLength(600)
    for (const span of spans) {
      expect(text.slice(span.start, span.start + 1)).toMatch(/[A-Z]/)
      expect(text.slice(span.end - 1, span.end)).toBe('.')
    }
  })

  it('gives the same spans when no nodes are kept (the lint path)', () => {
    const text = story(200)
    const moved = parseProseWithSpans(text, true)
    const unmoved = parseProseWithSpans(text, false)
    expect(unmoved.sentences).toEqual(moved.sentences)
    expect(unmoved.paragraphs).toEqual(moved.paragraphs)
    expect(moved.sentences).toEqual(proseSpans(moved.tree).sentences)
    expect(unmoved.tree.children).toEqual([])
  })

  it('reuses the unchanged pieces of a document from one version to the next, with the same spans', () => {
    const cache = new PieceCache()
    const first = story(200)
    const before = parseProseWithSpans(first, false, cache)
    // An edit in the middle, one at the end, then a version with nothing in common.
    const middle = first.indexOf('\n\n', first.length >> 1)
    const versions = [
      first.slice(0, middle) + ' Another 12 percent came later.' + first.slice(middle),
      first + '\nThe 21th fair opened.',
      story(3)
    ]
    expect(before.sentences).toEqual(parseProseWithSpans(first, true).sentences)
    for (const text of versions) {
      const cached = parseProseWithSpans(text, false, cache)
      const fresh = parseProseWithSpans(text, false)
      expect(cached.sentences).toEqual(fresh.sentences)
      expect(cached.paragraphs).toEqual(fresh.paragraphs)
      const pieces = countPieces(text)
      if (text.length > 6 * PIECE) expect(cache.reused).toBeGreaterThan(pieces / 2)
      else expect(cache.reused).toBe(0)
    }
  })

  it('reports an error in the last piece at its words', async () => {
    const text = story(200) + '\nThe 21th fair opened.\n'
    const file = await lintText(text)
    const message = file.messages.find((m) => m.ruleId === 'malformed-ordinal')!
    expect(
      text.slice(
        (message.place as {start: {offset: number}}).start.offset,
        (message.place as {end: {offset: number}}).end.offset
      )
    ).toBe('21th')
  })
})
