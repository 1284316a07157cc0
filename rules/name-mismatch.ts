/**
 * ## name-mismatch
 *
 * Catches names that do not agree: one person spelled two ways in a story
 * (full names and surname-only references), without confusing different people
 * who share a surname; a title and name that match no known holder of that office
 * (`Vietnamese Prime Minister Pham Minh Trung`), suggesting the holder at the
 * story's date or the nearest known holder; a short name introduced with
 * "hereinafter referred to as" or in quotes in brackets that neither
 * abbreviates nor shortens the full name (`"East Expo"` for `China-ASEAN Expo`);
 * a gloss that repeats its own name (`Malaysia (Malaysia)`); outdated or
 * non-official names from the names list (`Guangxi University for Nationalities`).
 *
 * Why: a misspelt or misattributed name is the error readers and the people
 * named notice first, and machine translation makes all of these.
 *
 * Silent on: different people with a shared surname (`Li Qiang` and `Li
 * Keqiang`, `Kim Jong Un` and `Kim Jong Il`), former holders named as such
 * (`former Prime Minister ...`), accepted short names (`CAEXPO`, `the Expo`),
 * glosses that differ (`Myanmar (Burma)`).
 *
 * ### Options
 *
 * - `lowConfidence` (boolean, default `false`): also report names list entries
 *   marked `stretch` (transliterated abbreviations such as `Yawan high-speed railway`).
 *
 * ### Examples
 *
 * ```text valid
 * Chinese Premier Li Qiang met former Premier Li Keqiang's aides in Myanmar (Burma).
 * The China-ASEAN Expo (hereinafter referred to as "CAEXPO") opened. Xu Ningning said it would grow, Xu said.
 * ```
 *
 * ```text invalid
 * Vietnamese Prime Minister Pham Minh Trung said trade was slow.
 * ```
 *
 * ```text output
 * 1:27-1:42: Unexpected name `Pham Minh Trung` for the Prime Minister of Vietnam, expected a known holder such as `Pham Minh Chinh`
 * ```
 *
 * ```text invalid
 * At the 20th China-ASEAN Expo (hereinafter referred to as the "East Expo"), China, Malaysia (Malaysia) signed.
 * ```
 *
 * ```text output
 * 1:63-1:72: Unexpected short name `East Expo` for `China-ASEAN Expo`: it neither abbreviates nor shortens the full name
 * 1:83-1:102: Unexpected gloss `Malaysia (Malaysia)`: the bracket repeats the name it glosses
 * ```
 *
 * ```text invalid
 * Ge Hongliang of Guangxi University for Nationalities spoke. Cong Liang, deputy director of the commission, said so. Cong Lian said more.
 * ```
 *
 * ```text output
 * 1:17-1:53: Unexpected outdated name `Guangxi University for Nationalities`, expected `Guangxi Minzu University`
 * 1:117-1:126: Unexpected `Cong Lian`: the same person is written `Cong Liang` earlier in the story
 * ```
 */
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import {stripPossessive, type PersonMention} from '../src/extract/names.js'
import {editDistance, fold, squash} from '../src/knowledge/normalize.js'
import type {Holder, Knowledge, Office} from '../src/knowledge/base.js'

export const meta: RuleMeta = {
  id: 'name-mismatch',
  description:
    'Names spelled two ways, titles held by someone else, short names that do not derive, repeated glosses, outdated names',
  suggestions: true,
  options: {
    lowConfidence: {type: 'boolean', default: false, description: 'Also report names-list entries marked `stretch`.'}
  }
}

const nameMismatch = defineRule<{lowConfidence: boolean}>(meta, (x, options, report) => {
  checkOfficialNames(x, options.lowConfidence, report)
  checkGlosses(x, report)
  checkShortNames(x, report)
  checkOfficeHolders(x, report)
  checkSpellings(x, report)
})

export default nameMismatch

// ---------------------------------------------------------------------------

const PLAIN = /^[a-z]+$/i
const variantIndexes = new WeakMap<Knowledge, Map<string, Array<{words: string[]; variant: string}>>>()

/** Variants by their first folded word, built once per knowledge base. */
function variantIndex(knowledge: Knowledge): Map<string, Array<{words: string[]; variant: string}>> {
  let byFirst = variantIndexes.get(knowledge)
  if (!byFirst) {
    byFirst = new Map()
    for (const [variant] of knowledge.variants) {
      const words = variant.split(' ')
      const list = byFirst.get(words[0]) ?? []
      list.push({words, variant})
      byFirst.set(words[0], list)
    }
    variantIndexes.set(knowledge, byFirst)
  }
  return byFirst
}

function checkOfficialNames(x: Extraction, lowConfidence: boolean, report: Report): void {
  const {tokens, knowledge} = x
  if (knowledge.variants.size === 0) return
  const byFirst = variantIndex(knowledge)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind !== 'word') continue
    // Most words are plain lower-case-able ASCII: look them up as they are.
    const key = PLAIN.test(t.text) ? t.lower : fold(stripPossessive(t.text)).split(' ')[0]
    const candidates = byFirst.get(key)
    if (!candidates) continue
    for (const candidate of candidates) {
      // Compare word by word (a hyphenated token may hold several words).
      const want = candidate.words.join(' ')
      let got = ''
      let j = i
      while (j < tokens.length && got.length < want.length) {
        if (tokens[j].kind !== 'word') break
        const word = fold(stripPossessive(tokens[j].text))
        got = got ? `${got} ${word}` : word
        j++
      }
      if (got !== want) continue
      const entry = knowledge.variants.get(candidate.variant)!
      if (entry.stretch && !lowConfidence) continue
      // "Eswatini, formerly known as Swaziland", "Eswatini (formerly Swaziland)".
      if (introducedAsFormer(x, i)) continue
      // A story dated before the renaming rightly uses the old name.
      const date = x.storyDate
      if (entry.since && date.from !== 'today' && date.yearKnown && date.date < entry.since) continue
      const start = tokens[i].start
      const end = tokens[j - 1].end - (/['’]s$/u.test(tokens[j - 1].text) ? 2 : 0)
      const actual = x.text.slice(start, end)
      if (entry.kind === 'spelling') {
        report(start, end, `Unexpected spelling ${code(actual)}, expected ${code(entry.official)}`, {
          actual,
          expected: [entry.official],
          note: `The house spelling is ${entry.official}; source: ${entry.source}.`
        })
      } else {
        const adjective =
          entry.kind === 'mistranslation'
            ? 'mistranslated'
            : entry.kind === 'non-official'
              ? 'non-official'
              : 'outdated'
        report(start, end, `Unexpected ${adjective} name ${code(actual)}, expected ${code(entry.official)}`, {
          actual,
          expected: [entry.official],
          note: `The official name is ${entry.official}${entry.since ? ` (since ${entry.since})` : ''}; source: ${entry.source}.`
        })
      }
      i = j - 1
      break
    }
  }
}

function introducedAsFormer(x: Extraction, index: number): boolean {
  for (let k = index - 1; k >= 0 && k >= index - 4; k--) {
    const t = x.tokens[k]
    if (t.kind === 'word' && x.lexicon.formerNameCues.has(t.lower)) return true
    if (t.text === '.' || t.text === ';') return false
  }
  return false
}

function checkGlosses(x: Extraction, report: Report): void {
  for (const p of x.parentheticals) {
    if (p.introducer || !p.before) continue
    const innerWords = p.inner.split(/\s+/)
    const before = p.before.words
    if (innerWords.length > before.length) continue
    const tail = before.slice(before.length - innerWords.length)
    if (fold(tail.join(' ')) !== fold(innerWords.join(' '))) continue
    const firstToken = p.before.last - countTokens(x, p.before.first, p.before.last, innerWords.length) + 1
    const start = x.tokens[firstToken].start
    const actual = x.text.slice(start, p.end)
    const name = x.text.slice(start, p.start).trimEnd()
    report(start, p.end, `Unexpected gloss ${code(actual)}: the bracket repeats the name it glosses`, {
      actual,
      expected: [name],
      note: 'A gloss in brackets should give another form of the name (a translation, a former name, an abbreviation); this one repeats it.'
    })
  }
}

/** How many tokens at the end of a chain hold its last `words` words. */
function countTokens(x: Extraction, first: number, last: number, words: number): number {
  let n = 0
  let seen = 0
  for (let i = last; i >= first && seen < words; i--) {
    n++
    if (x.tokens[i].kind === 'word') seen++
  }
  return n
}

function checkShortNames(x: Extraction, report: Report): void {
  for (const p of x.parentheticals) {
    // Only an explicit introduction ("hereinafter referred to as"): a bare quoted
    // bracket is as often a gloss or a former name ("Ho Chi Minh City ("Saigon")").
    if (!p.before || !p.introducer) continue
    const full = p.before.text
    const short = p.inner
    if (/\d/.test(short) || short.length > 60) continue
    // A generic short form ("the Company", "the Bank", "the Agreement") names the role, not the name.
    const shortWords = short.replace(/^the\s+/i, '').split(/\s+/)
    if (shortWords.length === 1 && x.lexicon.orgWords.has(shortWords[0].toLowerCase())) continue
    // The full name was cut by punctuation ("... Co., Ltd."): too little to judge.
    if (p.before.words.length === 1 && x.lexicon.orgWords.has(p.before.words[0].toLowerCase().replace(/\.$/, '')))
      continue
    const accepted = x.knowledge.shortNamesOf(full)
    if (accepted.some((s) => fold(s).replace(/^the /, '') === fold(short).replace(/^the /, ''))) continue
    if (derives(full, short, x.lexicon.nameConnectors)) continue
    const uses = countLaterUses(x, short, p.end)
    const expected = accepted.length > 0 ? accepted : suggestions(full)
    report(
      p.innerStart,
      p.innerEnd,
      `Unexpected short name ${code(short)} for ${code(full)}: it neither abbreviates nor shortens the full name`,
      {
        actual: short,
        expected,
        note:
          `A short name should be an abbreviation of ${full} or a part of it` +
          (expected.length ? ` (such as ${expected.map((e) => `\`${e}\``).join(' or ')})` : '') +
          `. This looks like a literal rendering of an abbreviation in another language` +
          (uses > 0 ? `; it is used ${uses} more time${uses === 1 ? '' : 's'} in the story.` : '.')
      }
    )
  }
}

function splitWords(name: string): string[] {
  return fold(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
}

/** Whether `short` abbreviates or shortens `full`. */
export function derives(full: string, short: string, connectors: Set<string>): boolean {
  const fullWords = splitWords(full)
  const shortWords = splitWords(short).filter((w) => w !== 'the')
  if (shortWords.length === 0) return true
  const fullSet = new Set(fullWords)
  return shortWords.every(
    (w) =>
      fullSet.has(w) ||
      isAcronym(w, fullWords, connectors) ||
      fullWords.some((f) => f.length > 4 && f.startsWith(w) && w.length >= 3)
  )
}

/** Can `letters` be formed from non-empty prefixes of `words` in order (connectors may be skipped)? */
function isAcronym(letters: string, words: string[], connectors: Set<string>): boolean {
  if (letters.length < 2) return false
  const memo = new Map<string, boolean>()
  const go = (i: number, j: number): boolean => {
    if (i === letters.length) return words.slice(j).every((w) => connectors.has(w))
    if (j === words.length) return false
    const key = `${i},${j}`
    const cached = memo.get(key)
    if (cached !== undefined) return cached
    let ok = false
    const w = words[j]
    for (let k = 1; k <= w.length && i + k <= letters.length && !ok; k++) {
      if (letters.slice(i, i + k) !== w.slice(0, k)) break
      ok = go(i + k, j + 1)
    }
    if (!ok && connectors.has(w)) ok = go(i, j + 1)
    memo.set(key, ok)
    return ok
  }
  return go(0, 0)
}

function suggestions(full: string): string[] {
  const words = full.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w))
  const out: string[] = []
  if (words.length >= 2)
    out.push(
      words
        .map((w) => w[0])
        .join('')
        .toUpperCase()
    )
  if (words.length >= 2) out.push(`the ${words[words.length - 1]}`)
  return out
}

function countLaterUses(x: Extraction, short: string, from: number): number {
  let n = 0
  let at = x.text.indexOf(short, from)
  while (at >= 0) {
    n++
    at = x.text.indexOf(short, at + short.length)
  }
  return n
}

function checkOfficeHolders(x: Extraction, report: Report): void {
  const {knowledge, tokens, lexicon} = x
  const notCurrent = lexicon.notCurrentTitles
  for (const person of x.persons) {
    if (person.cue !== 'title' || person.titleFirst === undefined || !person.title) continue
    const titleWords = person.title.split(' ')
    const prev = tokens[person.titleFirst - 1]
    if (prev && notCurrent.has(prev.lower)) continue
    if (titleWords.some((w) => notCurrent.has(w.toLowerCase().split('-')[0]) || /^(?:then|ex|former)-/i.test(w)))
      continue
    // The country: an adjective or name in the chain ("Vietnamese Prime Minister"),
    // or a possessive chain just before it ("Vietnam's Prime Minister").
    let country = knowledge.entityByAdjective(titleWords[0]) ?? knowledge.entityByName(titleWords[0])
    let officeTitle = titleWords.slice(1).join(' ')
    if (country && titleWords.length >= 3) {
      const two =
        knowledge.entityByName(titleWords.slice(0, 2).join(' ')) ??
        knowledge.entityByAdjective(titleWords.slice(0, 2).join(' '))
      if (two) {
        country = two
        officeTitle = titleWords.slice(2).join(' ')
      }
    }
    if (!country) {
      officeTitle = titleWords.join(' ')
      const chain = x.chainEndingAt.get(person.titleFirst! - 1)
      const owner = chain?.possessive ? chain : undefined
      if (owner) country = knowledge.entityByName(owner.text)
      // "U.S. President", "U.K. Prime Minister": the abbreviation is split into tokens.
      const titleStart = tokens[person.titleFirst].start
      const space = x.text.lastIndexOf(' ', titleStart - 2)
      const before = x.text.slice(space + 1, titleStart).trim()
      if (!country && before && before.length <= 12 && tokens[person.titleFirst - 1]?.end === titleStart - 1) {
        country = knowledge.entityByAdjective(before) ?? knowledge.entityByName(stripPossessive(before))
      }
    }
    if (!country || !officeTitle) continue
    const offices = knowledge.offices(country.code, officeTitle)
    if (offices.length === 0) continue
    const holders = offices.flatMap((o) => o.holders.map((h) => ({holder: h, office: o})))
    const matched = holders.filter((h) => nameMatches(person, h.holder))
    const office = offices[0]
    const officeName = office.office
    const date = x.storyDate
    const atDate = holders.filter((h) => h.holder.start <= date.date && (!h.holder.end || h.holder.end >= date.date))
    if (matched.length === 0) {
      const nearest = nearestHolders(person.name, holders)
      const expected = unique([...nearest.map((h) => h.holder.name), ...atDate.map((h) => h.holder.name)])
      report(
        person.start,
        person.end,
        `Unexpected name ${code(person.name)} for the ${officeName}, expected a known holder such as ${code(expected[0])}`,
        {
          actual: person.name,
          expected,
          note:
            `Known holders of the office: ${holders.map((h) => `${h.holder.name} (${h.holder.start.slice(0, 4)}–${h.holder.end ? h.holder.end.slice(0, 4) : ''})`).join(', ')}` +
            `; story date ${date.date}${date.from === 'today' ? ' (no dateline; today)' : date.yearKnown ? '' : ' (year assumed)'}. Source: ${holders[0].holder.source}.`
        }
      )
      continue
    }
    // A real holder, but not in office at the story's date: only when the date is certain.
    if (date.from === 'today' || !date.yearKnown || atDate.length === 0) continue
    if (matched.some((m) => atDate.includes(m))) continue
    const holderNow = atDate[0].holder
    report(
      person.start,
      person.end,
      `Unexpected ${code(person.name)} as ${officeTitle}: on ${date.date} the ${officeName} was ${holderNow.name}`,
      {
        actual: person.name,
        expected: [holderNow.name],
        note: `${matched[0].holder.name} held the office ${matched[0].holder.start} to ${matched[0].holder.end ?? 'now'}; ${holderNow.name} from ${holderNow.start}. Source: ${holderNow.source}.`
      }
    )
  }
}

function nameMatches(person: PersonMention, holder: Holder): boolean {
  const forms = [holder.name, holder.native, ...holder.also].filter((f): f is string => Boolean(f)).map(squash)
  const name = squash(person.name)
  if (forms.includes(name)) return true
  // "Prime Minister Chinh", "President Xi": one word of the holder's full name.
  if (person.words.length === 1) {
    const word = fold(person.words[0])
    return [holder.name, holder.native].some((n) => n !== undefined && fold(n).split(' ').includes(word))
  }
  return false
}

function nearestHolders(
  name: string,
  holders: Array<{holder: Holder; office: Office}>
): Array<{holder: Holder; office: Office}> {
  const target = fold(name)
  const scored = holders
    .map((h) => ({h, d: editDistance(target, fold(h.holder.name), Math.max(target.length, 12))}))
    .sort((a, b) => a.d - b.d)
  const best = scored[0]
  if (!best || best.d > Math.max(3, Math.floor(target.length * 0.4))) return []
  return scored.filter((s) => s.d === best.d).map((s) => s.h)
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

function checkSpellings(x: Extraction, report: Report): void {
  const {knowledge} = x
  // Distinct spellings only: a long story names the same people many times.
  const seen: PersonMention[] = []
  const seenNames = new Set<string>()
  const reported = new Set<string>()
  for (const person of x.persons) {
    if (seenNames.has(person.name)) continue
    if (person.words.length < 2) {
      checkSurnameOnly(x, person, seen, report)
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

function checkSurnameOnly(x: Extraction, person: PersonMention, seen: PersonMention[], report: Report): void {
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
