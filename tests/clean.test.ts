/** Professionally edited news (Wikinews, CC BY 2.5) must lint with no warning at all. */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, outputLines, root} from './helpers.js'

const dir = path.join(root, 'fixtures', 'clean-wikinews')
const stories = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()

describe('clean Wikinews copy', () => {
  it('has the 24 stories', () => {
    expect(stories).toHaveLength(24)
  })

  it.each(stories)('%s lints clean', async (name) => {
    const file = await lintText(fs.readFileSync(path.join(dir, name), 'utf8'), {path: name})
    expect(outputLines(file)).toEqual([])
  })
})
