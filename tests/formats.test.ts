/**
 * Markdown and HTML: the same rules, positions in the original file, and what
 * is not prose (code, front matter, URLs) stays silent.
 */
import {describe, expect, it} from 'vitest'
import {lintText} from './helpers.js'

/** The text of the file under each message's range. */
async function ranges(value: string, path: string) {
  const file = await lintText(value, {path})
  return file.messages.map((m) => {
    const place = m.place && 'start' in m.place ? m.place : undefined
    return {ruleId: m.ruleId, text: value.slice(place!.start.offset, place!.end.offset), line: place!.start.line}
  })
}

describe('Markdown', () => {
  it('reports on the original file, past emphasis, links and escapes', async () => {
    const md = [
      '---',
      'title: 3800,6500 in front matter is not prose',
      '---',
      '',
      '# The *21th* forum',
      '',
      'A [link](https://example.com/2000,18) and **more than 3800,6500** firms \\* with <>.<> billion yuan.',
      '',
      '```',
      'code 2000,18 is not prose',
      '```',
      '',
      'Inline `45,67` is code, but 45,67 is not.',
      ''
    ].join('\n')
    expect(await ranges(md, 'story.md')).toEqual([
      {ruleId: 'malformed-ordinal', text: '21th', line: 5},
      {ruleId: 'garbled-numeral', text: '3800,6500', line: 7},
      {ruleId: 'garbled-numeral', text: '<>.<> billion', line: 7},
      {ruleId: 'garbled-numeral', text: '45,67', line: 13}
    ])
  })

  it('skips bare URLs in plain text', async () => {
    expect(
      await ranges(
        'See https://example.com/a/21th-story/3800,6500 and www.example.com/2000,18 or ed@news.example.',
        'story.txt'
      )
    ).toEqual([])
  })
})

describe('HTML', () => {
  it('maps positions past character references and tags', async () => {
    const html =
      '<!doctype html><html><head><title>t</title><style>p{x:1}</style></head><body>\n' +
      '<p>Trade&nbsp;&amp;&nbsp;investment: more than <b>3800,6500</b> firms.</p>\n' +
      '<p>It was the 21th&nbsp;time &mdash; <code>2000,18</code> is code.</p>\n' +
      '<script>var x = "45,67"</script></body></html>\n'
    expect(await ranges(html, 'story.html')).toEqual([
      {ruleId: 'garbled-numeral', text: '3800,6500', line: 2},
      {ruleId: 'malformed-ordinal', text: '21th', line: 3}
    ])
  })

  it('reports on a fragment whose text stands in no element, or in elements parse5 implies', async () => {
    // parse5 wraps such text in <html>, <head> and <body> that have no place in the file.
    const expected = [
      {ruleId: 'malformed-ordinal', text: '21th', line: 1},
      {ruleId: 'garbled-numeral', text: '3800,6500', line: 1}
    ]
    expect(await ranges('The 21th fair drew 3800,6500 visitors.\n', 'story.html')).toEqual(expected)
    expect(await ranges('The 21th fair drew 3800,6500 visitors.<br>\n', 'story.html')).toEqual(expected)
    expect(await ranges('<title>Fair</title>\nThe 21th fair drew 3800,6500 visitors.\n', 'story.html')).toEqual(
      expected.map((m) => ({...m, line: 2}))
    )
  })

  it('still honours a disable comment in such a fragment', async () => {
    const html = '<!-- copydesk-disable malformed-ordinal -->\nThe 21th fair drew 3800,6500 visitors.\n'
    expect((await ranges(html, 'story.html')).map((m) => m.ruleId)).toEqual(['garbled-numeral'])
  })
})

describe('plain text', () => {
  it('keeps CRLF line endings and a byte-order mark in the positions', async () => {
    const text = '\uFEFFFirst line.\r\nNearly 2000,18 enterprises.\r\n'
    const file = await lintText(text)
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0].line).toBe(2)
    expect(file.messages[0].column).toBe(8)
  })
})
