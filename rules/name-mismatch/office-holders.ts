/**
 * A title and name that match no known holder of the office at the story's date
 * ("Vietnamese Prime Minister Pham Minh Trung"), from data/officeholders.yaml,
 * with the holder at the story's date or the nearest known holder as the fix.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {stripPossessive, type PersonMention} from '../../src/extract/names.js'
import type {Holder, Office} from '../../src/knowledge/base.js'
import {editDistance, fold, squash} from '../../src/knowledge/normalize.js'

export function checkOfficeHolders(extraction: Extraction, report: Report): void {
  const {knowledge, tokens, lexicon} = extraction
  const notCurrent = lexicon.notCurrentTitles
  for (const person of extraction.persons) {
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
      const chain = extraction.chainEndingAt.get(person.titleFirst! - 1)
      const owner = chain?.possessive ? chain : undefined
      if (owner) country = knowledge.entityByName(owner.text)
      // "U.S. President", "U.K. Prime Minister": the abbreviation is split into tokens.
      const titleStart = tokens[person.titleFirst].start
      const space = extraction.text.lastIndexOf(' ', titleStart - 2)
      const before = extraction.text.slice(space + 1, titleStart).trim()
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
    const date = extraction.storyDate
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
