/**
 * One person spelled two ways in a story ("Cong Liang", later "Cong Lian"),
 * full names and surnames alone, without taking two known people who share a
 * surname ("Li Qiang", "Li Keqiang") for one.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {PersonMention} from '../../src/extract/names.js'
import {editDistance, fold, squash} from '../../src/knowledge/normalize.js'

export function checkSpellings(extraction: Extraction, report: Report): void {
  const {knowledge} = extraction
  // Distinct spellings only: a long story names the same people many times.
  const seen: PersonMention[] = []
  const seenNames = new Set<string>()
  const reported = new Set<string>()
  for (const person of extraction.persons) {
    if (seenNames.has(person.name)) continue
    if (person.words.length < 2) {
      checkSurnameOnly(extraction, person, seen, report)
      continue
    }
    const squashed = squash(person.name)
    for (const earlier of seen) {
      if (earlier.words.length < 2) continue
      const same = squash(earlier.name) === squashed
      if (same && earlier.name.normalize('NFC') === person.name.normalize('NFC')) continue
      let differs = same
      if (!same) {
        if (earlier.words.length !== person.words.length) continue
        let diffs = 0
        let ok = true
        for (let w = 0; w < person.words.length; w++) {
          const a = fold(earlier.words[w])
          const b = fold(person.words[w])
          if (a === b) continue
          diffs++
          // A letter dropped or added ("Chinh"/"Chin"); a letter swapped for another
          // ("Qiang"/"Jiang", "Ming"/"Ning") is as likely a different person.
          if (!(isDroppedLetter(a, b) || isTransposition(a, b))) ok = false
        }
        differs = ok && diffs === 1
      }
      if (!differs) continue
      // Two known, different people (Li Qiang, Li Keqiang) are not one person.
      const a = knowledge.people(earlier.name)
      const b = knowledge.people(person.name)
      if (a.length > 0 && b.length > 0 && !a.some((p) => b.some((q) => q.holder === p.holder))) continue
      const key = `${squash(earlier.name)}|${person.name}`
      if (reported.has(key)) break
      reported.add(key)
      report(
        person.start,
        person.end,
        `Unexpected ${code(person.name)}: the same person is written ${code(earlier.name)} earlier in the story`,
        {
          actual: person.name,
          expected: [earlier.name],
          note: 'One person should be spelled one way throughout a story.',
          related: [{start: earlier.start, end: earlier.end, message: `First written ${code(earlier.name)} here`}]
        }
      )
      break
    }
    seen.push(person)
    seenNames.add(person.name)
  }
}

/** "Chinh"/"Chin", "Hongliang"/"Hongliag": one letter more or less, four letters at least. */
function isDroppedLetter(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 4 && Math.abs(a.length - b.length) === 1 && editDistance(a, b, 1) === 1
}

/** "Shanmugaratnam"/"Shanmugaratman": the same letters, two of them swapped, in a long name. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 8) return false
  const sorted = (s: string) => [...s].sort().join('')
  return sorted(a) === sorted(b) && editDistance(a, b, 2) <= 2
}

function checkSurnameOnly(extraction: Extraction, person: PersonMention, seen: PersonMention[], report: Report): void {
  if (person.cue !== 'speech' && person.cue !== 'honorific') return
  const word = fold(person.words[0])
  if (word.length < 4) return
  const full = seen.filter((p) => p.words.length >= 2)
  if (full.some((p) => p.words.some((w) => fold(w) === word))) return
  const close = full.filter((p) =>
    p.words.some((w) => {
      const f = fold(w)
      return f.length >= 4 && Math.abs(f.length - word.length) === 1 && editDistance(f, word, 1) === 1
    })
  )
  if (close.length !== 1) return
  const earlier = close[0]
  const target = earlier.words.find((w) => editDistance(fold(w), word, 1) === 1)!
  report(
    person.start,
    person.end,
    `Unexpected ${code(person.name)}: the same person is written ${code(earlier.name)} earlier in the story`,
    {
      actual: person.name,
      expected: [target],
      note: 'One person should be spelled one way throughout a story.',
      related: [{start: earlier.start, end: earlier.end, message: `First written ${code(earlier.name)} here`}]
    }
  )
}
