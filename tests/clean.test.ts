/**
 * Professionally edited news (Wikinews, CC BY 2.5) must lint clean. One warning
 * stands: a person read it and agreed it is a real error in the copy, so it is
 * listed here (the corpus is never edited to make a check pass).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, outputLines, root} from './helpers.js'

const dir = path.join(root, 'fixtures', 'clean-wikinews')
const stories = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()

/** Verified errors in the published copy. */
const realErrors: Record<string, string[]> = {
  // "Kathryn Waters, director of the gallery" (line 17) and "Waters pointed out" (line 75),
  // but "..., Water said." on line 55: the surname lost its s.
  'gum_wikinews_warhol.txt': [
    '55:133-55:138: Unexpected `Water`: the same person is written `Kathryn Waters` earlier in the story'
  ]
}

describe('clean Wikinews copy', () => {
  it('has the 24 stories', () => {
    expect(stories).toHaveLength(24)
  })

  it.each(stories)('%s lints clean', async (name) => {
    const file = await lintText(fs.readFileSync(path.join(dir, name), 'utf8'), {path: name})
    expect(outputLines(file)).toEqual(realErrors[name] ?? [])
  })
})
