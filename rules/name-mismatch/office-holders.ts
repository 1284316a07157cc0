/**
 * A title and name that match no known holder of the office at the story's date
 * ("Vietnamese Prime Minister Pham Minh Trung"), from data/officeholders.yaml,
 * with the holder at the story's date or the nearest known holder as the fix.
 */
import {code, type Report} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import {stripPossessive, type PersonMention} from '../../src/extract/names.js'
import type {Holder, Office} from '../../src/knowledge/base.js'
import {editDistance, fold} from '../../src/knowledge/normalize.js'
import {describeStoryDate} from '../../src/extract/story-date.js'
import {nameVariantKey} from './variants.js'

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
    checkHolder(extraction, person, officeTitle, offices, report)
  }
}

/** The name after an office's title against the office's holders at the story's date. */
function checkHolder(
  extraction: Extraction,
  person: PersonMention,
  officeTitle: string,
  offices: Office[],
  report: Report
): void {
  const holders = offices.flatMap((o) => o.holders.map((h) => ({holder: h, office: o})))
  if (holders.length === 0) return
  const matched = holders.filter((h) => nameMatches(person, h.holder))
  const officeName = offices[0].office
  const date = extraction.storyDate
  const atDate = holders.filter((h) => inOffice(h.holder, date.date))
  const dateNote = `story date ${date.date} (${describeStoryDate(date)})`
  if (matched.length === 0) {
    const nearest = nearestHolders(person.name, holders)
    const expected = unique([...nearest.map((h) => h.holder.name), ...atDate.map((h) => h.holder.name)])
    // No holder near the name and none known at the date (a vacancy, an office not yet
    // created, a gap in the data): nothing to compare against, so no message.
    if (expected.length === 0) return
    report(
      person.start,
      person.end,
      `Unexpected name ${code(person.name)} for the ${officeName}, expected a known holder such as ${code(expected[0])}`,
      {
        actual: person.name,
        expected,
        note:
          `Known holders of the office: ${holders.map((h) => `${h.holder.name} (${h.holder.start.slice(0, 4)}–${h.holder.end ? h.holder.end.slice(0, 4) : ''})`).join(', ')}` +
          `; ${dateNote}. Source: ${(nearest[0] ?? atDate[0]).holder.source}.`
      }
    )
    return
  }
  // A real holder, but not in office at the story's date: only when the story gives its date.
  if (date.from === 'today' || !date.yearKnown) return
  if (matched.some((m) => inOffice(m.holder, date.date))) return
  // "In 2005, Prime Minister Tony Blair said": a year of the term in the same sentence
  // places the title in its time.
  if (sentenceNamesTermYear(extraction, person, matched)) return
  const before = matched.filter((m) => m.holder.end !== undefined && m.holder.end < date.date)
  if (before.length > 0) {
    const last = before.reduce((a, b) => (a.holder.end! >= b.holder.end! ? a : b)).holder
    const title = extraction.text.slice(extraction.tokens[person.titleFirst!].start, person.start).trim()
    // The range stays on the name (a fix on the title would overlap other checks); the
    // message says what to write before it.
    report(
      person.start,
      person.end,
      `Unexpected ${code(person.name)} as ${title}: ${last.name} left office in ${last.end!.slice(0, 4)}; write \`former ${title}\``,
      {
        actual: person.name,
        note: `${last.name} was ${officeName} from ${last.start} to ${last.end}; ${dateNote}${atDate.length > 0 ? `, when the office was held by ${atDate[0].holder.name}` : ''}. Source: ${last.source}.`
      }
    )
    return
  }
  if (atDate.length === 0) return
  const holderNow = atDate[0].holder
  const later = matched[0].holder
  report(
    person.start,
    person.end,
    `Unexpected ${code(person.name)} as ${officeTitle}: on ${date.date} the ${officeName} was ${holderNow.name}`,
    {
      actual: person.name,
      expected: [holderNow.name],
      note: `${later.name} held the office ${later.start} to ${later.end ?? 'now'}; ${holderNow.name} from ${holderNow.start}; ${dateNote}. Source: ${holderNow.source}.`
    }
  )
}

function inOffice(holder: Holder, date: string): boolean {
  return holder.start <= date && (!holder.end || holder.end >= date)
}

/** A four-digit year within one of the matched terms, in the sentence of the name. */
function sentenceNamesTermYear(
  extraction: Extraction,
  person: PersonMention,
  matched: Array<{holder: Holder}>
): boolean {
  const {tokens, tokenSentence} = extraction
  const sentence = tokenSentence[person.first]
  const inSentence = (i: number) => tokenSentence[i] === sentence
  for (const step of [-1, 1]) {
    for (let i = person.first + step; i >= 0 && i < tokens.length && inSentence(i); i += step) {
      const token = tokens[i]
      if (token.kind !== 'number' || !/^\d{4}$/.test(token.digits ?? '')) continue
      const year = token.digits!
      if (
        matched.some((m) => m.holder.start.slice(0, 4) <= year && (!m.holder.end || m.holder.end.slice(0, 4) >= year))
      )
        return true
    }
  }
  return false
}

function nameMatches(person: PersonMention, holder: Holder): boolean {
  // Transliteration variants are the same name ("Schroeder", "Schröder", "Schroder").
  const forms = [holder.name, holder.native, ...holder.also]
    .filter((f): f is string => Boolean(f))
    .map((f) => nameVariantKey(f).replaceAll(' ', ''))
  const name = nameVariantKey(person.name).replaceAll(' ', '')
  if (forms.includes(name)) return true
  // "Prime Minister Chinh", "President Xi": one word of the holder's full name.
  if (person.words.length === 1) {
    const word = nameVariantKey(person.words[0])
    return [holder.name, holder.native, ...holder.also].some(
      (n) => n !== undefined && nameVariantKey(n).split(' ').includes(word)
    )
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
