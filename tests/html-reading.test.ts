/**
 * Two shortcuts in reading HTML (and Markdown) must not change what is read:
 * parse5 run with copydesk's tree adapter (src/core/html.ts: a node's end set in
 * place, a text node's value joined when the next starts) builds the tree its
 * default adapter builds, and a story without the word
 * `copydesk` (so without a suppression comment) gives the messages it gives when
 * its comments are looked for (src/core/control.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {defaultTreeAdapter, parse} from 'parse5'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Nodes} from 'hast'
import {readHtml, readsAsWritten, treeAdapter} from '../src/core/html.js'
import {lintText, root} from './helpers.js'

/** The repository's stories: the seed and the clean fixtures. */
function stories(): string[] {
  const out = [fs.readFileSync(path.join(root, 'fixtures/seed/china-asean-expo.txt'), 'utf8')]
  const folder = path.join(root, 'fixtures/clean-wikinews')
  for (const name of fs.readdirSync(folder).sort()) {
    if (name.endsWith('.txt')) out.push(fs.readFileSync(path.join(folder, name), 'utf8'))
  }
  return out
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** A story in several HTML shapes: paragraphs, bare text, a list, a table, inline markup. */
function htmlShapes(story: string): string[] {
  const paragraphs = story.split(/\n\s*\n/).map(escapeHtml)
  return [
    `<!doctype html><html><body>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</body></html>\n`,
    paragraphs.join('<br>\n'),
    `<ul>${paragraphs.map((p) => `<li>${p.replace(/ (\d)/, ' <b>$1')}`).join('\n')}</ul>`,
    `<table>${paragraphs.map((p) => `<tr><td>${p}</td>`).join('\n')}</table>text after`,
    paragraphs.map((p, i) => (i % 2 ? `<div>${p}</div>` : `<p><i>${p}</i></p>`)).join('\r\n')
  ]
}

/** Pieces of tag soup: text, references, misnested and implied elements, foster parenting, comments of every kind. */
const SOUP = [
  'The 21th fair drew 3800,6500 visitors. ',
  'Prime Minister Anna Kowalczyk said ',
  'about 12,500 runners ',
  '  \n ',
  '\r\n',
  '&amp; &nbsp;&mdash',
  'a&notit; b&#x41;c &#0; ',
  'line\rbreak ',
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<i class="x">',
  '</i>',
  '<a href="/x">',
  '</a>',
  '<div>',
  '</div>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</table>',
  '<template>',
  '</template>',
  '<ul><li>',
  '<li>',
  '<h2>',
  '</h2>',
  '<br>',
  '<wbr>',
  '<code>x</code>',
  '<!-- a comment -->',
  '<!bogus>',
  '<?pi?>',
  '</ 3>',
  '<select><option>',
  '<svg><path/></svg>',
  '<math><mi>x</mi></math>',
  '<textarea>',
  '</textarea>',
  '<pre>\n',
  '<html>',
  '<body>',
  '<head>',
  '<frameset>',
  '<script>a<b</script>',
  '<del>',
  '<p data-nlcst="ignore">'
]

const soup = fc.array(fc.constantFrom(...SOUP), {minLength: 1, maxLength: 60}).map((pieces) => pieces.join(''))
/** With NUL characters too (parse5 replaces or drops them by context; copydesk refuses such a file before parsing). */
const soupWithNul = fc
  .array(fc.constantFrom(...SOUP, '\0'), {minLength: 1, maxLength: 60})
  .map((pieces) => pieces.join(''))

interface Parse5Node {
  nodeName: string
  tagName?: string
  attrs?: unknown
  value?: string
  data?: string
  name?: string
  sourceCodeLocation?: unknown
  childNodes?: Parse5Node[]
  content?: Parse5Node
}

/** A parse5 tree as plain data (without `parentNode`, which makes it circular). */
function plain(node: Parse5Node): unknown {
  return {
    nodeName: node.nodeName,
    tagName: node.tagName,
    attrs: node.attrs,
    value: node.value,
    data: node.data,
    name: node.name,
    location: node.sourceCodeLocation,
    children: node.childNodes?.map(plain),
    content: node.content ? plain(node.content) : undefined
  }
}

const parsed = (html: string, adapter?: ReturnType<typeof treeAdapter>) =>
  plain(
    parse(html, {
      sourceCodeLocationInfo: true,
      scriptingEnabled: false,
      ...(adapter ? {treeAdapter: adapter} : {})
    }) as unknown as Parse5Node
  )

describe('parse5 with copydesk’s tree adapter', () => {
  it('is parse5’s default adapter but for the end of a location and the joining of a text node', () => {
    expect(Object.keys(treeAdapter()).sort()).toEqual(Object.keys(defaultTreeAdapter).sort())
    for (const [key, value] of Object.entries(treeAdapter())) {
      if (key !== 'updateNodeSourceCodeLocation' && key !== 'insertText')
        expect(value).toBe(defaultTreeAdapter[key as keyof typeof value])
    }
  })

  it('builds the tree of the default adapter: every story in every shape', () => {
    for (const story of stories()) {
      for (const html of htmlShapes(story)) expect(parsed(html, treeAdapter())).toStrictEqual(parsed(html))
    }
  })

  it('builds the tree of the default adapter: tag soup', () => {
    fc.assert(
      fc.property(soupWithNul, (html) => {
        expect(parsed(html, treeAdapter())).toStrictEqual(parsed(html))
      }),
      {numRuns: 1500, seed: 20261130}
    )
  })
})

/** Every text node of a hast tree with its span in the file. */
function textNodes(node: Nodes, out: Array<{value: string; from: number; to: number}> = []) {
  if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
    out.push({value: node.value, from: node.position.start.offset, to: node.position.end.offset})
  }
  if ('children' in node) for (const child of node.children) textNodes(child as Nodes, out)
  if (node.type === 'element' && node.content) textNodes(node.content, out)
  return out
}

describe('text that parse5 reads as written', () => {
  /** The prose takes such a text node's span from the file, not its value: they must be equal. */
  const check = (html: string) => {
    for (const {value, from, to} of textNodes(readHtml(html, new VFile({value: html})))) {
      if (to - from === value.length && readsAsWritten(html, from, to)) expect(html.slice(from, to)).toBe(value)
    }
  }

  it('holds the file’s characters: every story in every shape', () => {
    for (const story of stories()) for (const html of htmlShapes(story)) check(html)
  })

  it('holds the file’s characters: tag soup', () => {
    fc.assert(
      fc.property(soupWithNul, (html) => check(html)),
      {numRuns: 1500, seed: 20261130}
    )
  })

  it('is not claimed where parse5 decodes or replaces', () => {
    expect(readsAsWritten('a &amp; b', 0, 9)).toBe(false)
    expect(readsAsWritten('a\r\nb', 0, 4)).toBe(false)
    expect(readsAsWritten('a\0b', 0, 3)).toBe(false)
    expect(readsAsWritten('x &amp; plain', 7, 13)).toBe(true)
  })
})

/** Messages as rule and range, `shift` taken off the offsets. */
async function said(text: string, filePath: string, shift = 0): Promise<string[]> {
  const file = await lintText(text, {path: filePath})
  return file.messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    return `${message.ruleId} ${(place?.start.offset ?? 0) - shift}-${(place?.end.offset ?? 0) - shift} ${message.reason}`
  })
}

/** A comment that names copydesk but is no marker (its first word is `see`): the comments are then looked for. */
const MENTION = '<!-- see copydesk -->'

describe('a story without suppression comments', () => {
  it('reads the same when its comments are looked for: every story as HTML and Markdown', async () => {
    for (const story of stories()) {
      for (const html of htmlShapes(story)) {
        expect(await said(MENTION + html, 'story.html', MENTION.length)).toEqual(await said(html, 'story.html'))
      }
      // A Markdown comment that is no marker, so the file holds `<!--` either way.
      const markdown = story.replace(/\n\n/, '\n\n<!-- an editor’s note -->\n\n')
      const prefix = `${MENTION}\n\n`
      expect(await said(prefix + markdown, 'story.md', prefix.length)).toEqual(await said(markdown, 'story.md'))
    }
  }, 120000)

  it('reads the same when its comments are looked for: tag soup', async () => {
    await fc.assert(
      fc.asyncProperty(soup, async (html) => {
        expect(await said(MENTION + html, 'story.html', MENTION.length)).toEqual(await said(html, 'story.html'))
      }),
      {numRuns: 300, seed: 20261130}
    )
  }, 120000)
})
