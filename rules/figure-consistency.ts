/**
 * ## figure-consistency
 *
 * Catches one thing given two values in one story: a numbered event whose
 * number changes (`the 20th China-ASEAN Expo`, later `the 21st China-ASEAN
 * Expo`); a person whose age changes (`Li Wei, 43,` and later `the
 * 45-year-old Li Wei`); one count stated twice in ways that cannot both hold
 * (`more than 2,000 exhibitors took part` and `nearly 1,800 exhibitors took
 * part`); a founding year and an anniversary that do not agree (`founded in
 * 2004` and `marks its 25th anniversary` in a story dated 2023). The message
 * points back to the first statement.
 *
 * Why: a reader who meets two values for one fact believes neither; copy
 * assembled from several sources or rewritten in stages keeps both.
 *
 * Counts are compared only when they name the same thing the same way (the
 * same noun and verb, no narrower group such as `from Vietnam`) in sentences
 * about the same time, the same named subjects and no two different sources;
 * round figures may be rounded (`2,000` and `2,100` agree) and `more than`,
 * `nearly`, `about` are read as bounds. Two numbers for one event are
 * compared only when both mentions place it now (`this year's`, `being held
 * here`). An anniversary may be counted either way (a year either side).
 *
 * Silent on: figures for different years or editions (`last year`, `the
 * previous session`, `in 2022`, `at the 18th Asian Games in Jakarta`), fiscal
 * and calendar years, different subjects with the same noun (`China sent 2,000
 * exhibitors ... Vietnam sent 1,800 exhibitors`), narrower groups (`1,800
 * exhibitors from ASEAN`), claims of different sources (`police said ...
 * organisers said ...`), two values in one sentence (a comparison), two people
 * who share a surname, anniversaries of other things (`the 30th anniversary of
 * diplomatic relations`).
 *
 * ### Examples
 *
 * ```text valid
 * More than 2,000 exhibitors took part in the China-ASEAN Expo. About 2,100 exhibitors took part in the Expo.
 * China sent 2,400 exhibitors. Vietnam sent 1,800 exhibitors. Last year 1,500 exhibitors took part.
 * Li Wei, 43, said the 20th Expo was bigger than the 19th Expo, which drew 1,800 exhibitors from ASEAN.
 * In fiscal 2023, 5,200 buyers attended. In calendar 2023, 3,100 buyers attended.
 * ```
 *
 * ```text invalid
 * The 20th China-ASEAN Expo is being held in Nanning. Li Wei, 43, said this year's 21st China-ASEAN Expo had drawn crowds.
 * More than 2,000 exhibitors took part in the Expo, which closed on Sunday. The 45-year-old Li Wei said nearly 1,800 exhibitors took part.
 * ```
 *
 * ```text output
 * 1:82-1:86: Unexpected `21st` China-ASEAN Expo, expected `20th` as earlier in the story
 * 2:79-2:81: Unexpected age `45` for Li Wei, expected `43` as earlier in the story
 * 2:103-2:126: Unexpected `nearly 1,800 exhibitors`: the story gives `More than 2,000 exhibitors` earlier
 * ```
 *
 * ```text invalid
 * Nanning, September 9, 2023 (ZXS) -- The council was founded in 2004. This year it marks its 25th anniversary.
 * ```
 *
 * ```text output
 * 1:93-1:97: Unexpected `25th` anniversary for a founding in 2004, expected `19th` in 2023
 * ```
 */
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import type {Figure} from '../src/extract/figures.js'
import type {NameChain} from '../src/extract/names.js'
import {ordinalSuffix} from '../src/extract/figures.js'
import {isCapitalized} from '../src/extract/tokens.js'
import {hasPhrase, isYear, overlaps, phraseAt, quantities, rangeOf, type Quantities} from '../src/extract/quantities.js'

export const meta: RuleMeta = {
  id: 'figure-consistency',
  description: 'One event, age, count or founding year given two values in one story',
  suggestions: true,
  options: {}
}

const figureConsistency = defineRule<Record<string, never>>(meta, (x, _options, report) => {
  const q = quantities(x)
  const time = sentenceTimes(x, q)
  checkOrdinals(x, q, time, report)
  checkAges(x, q, time, report)
  checkCounts(x, q, time, report)
  checkAnniversaries(x, q, report)
})

export default figureConsistency

// ------------------------------------------------------------------ sentences and time

interface SentenceTime {
  /** The sentence speaks of another time or a plan ("last year", "will", "in 2022"). */
  shifted: boolean
}

function sentenceTimes(x: Extraction, q: Quantities): Map<number, SentenceTime> {
  const out = new Map<number, SentenceTime>()
  const {tokens, lexicon: lex} = x
  for (let i = 0; i < tokens.length; i++) {
    const s = x.tokenSentence[i]
    const entry = out.get(s) ?? {shifted: false}
    const t = tokens[i]
    if (t.kind === 'word' && lex.timeShiftWords.has(t.lower)) entry.shifted = true
    out.set(s, entry)
  }
  for (const f of q.figures) if (isYear(f)) out.get(x.tokenSentence[f.first])!.shifted = true
  for (const d of x.dates) if (d.year !== undefined) out.get(x.tokenSentence[d.monthToken])!.shifted = true
  return out
}

function related(x: Extraction, start: number, end: number, what: string) {
  return [{start, end, message: `First stated as ${code(x.text.slice(start, end))} here${what ? ` (${what})` : ''}`}]
}

// ------------------------------------------------------------------ numbered events

interface EventMention {
  value: number
  token: number
  start: number
  end: number
  name: string[]
  sentence: number
}

function checkOrdinals(x: Extraction, q: Quantities, time: Map<number, SentenceTime>, report: Report): void {
  const {tokens} = x
  const chainAt = q.chainAt
  const mentions: EventMention[] = []
  for (const o of x.ordinals) {
    const chain = chainAt.get(o.token + 1)
    if (!chain || x.text.slice(o.end, chain.start) !== ' ') continue
    // "the 20th", "this year's 20th", "the ongoing 20th"
    let before = tokens[o.token - 1]
    if (before && x.lexicon.currentEditionCues.has(before.lower) && tokens[o.token - 2]?.lower === 'the')
      before = tokens[o.token - 2]
    if (!before || (before.lower !== 'the' && !/['’]s$/u.test(before.text))) continue
    const name = eventName(x, chain)
    if (!name) continue
    mentions.push({
      value: o.value,
      token: o.token,
      start: o.start,
      end: o.end,
      name,
      sentence: x.tokenSentence[o.token]
    })
  }
  if (mentions.length < 2) return
  // A short name ("the 21st Expo") stands for the one longer name it ends ("China-ASEAN Expo").
  const names = [...new Set(mentions.map((m) => m.name.join(' ')))].map((n) => n.split(' '))
  const canonical = (name: string[]): string => {
    const longer = names.filter(
      (n) => n.length > name.length && name.every((w, k) => n[n.length - name.length + k] === w)
    )
    return (longer.length === 1 ? longer[0] : name).join(' ')
  }
  const byEvent = new Map<string, EventMention[]>()
  for (const m of mentions) {
    const key = canonical(m.name)
    byEvent.set(key, [...(byEvent.get(key) ?? []), m])
  }
  for (const [key, list] of byEvent) {
    // Several editions in one sentence, or any edition named with "last", "next", "previous":
    // the story is about more than one edition.
    const sentences = new Set(list.map((m) => m.sentence))
    if (sentences.size < list.length && new Set(list.map((m) => m.value)).size > 1) continue
    if (otherEditionsNamed(x, key)) continue
    // Only mentions that place the event now ("this year's", "being held here") are compared:
    // a story may name another edition without a word of time ("at the 18th Asian Games").
    const current = list.filter((m) => !time.get(m.sentence)!.shifted && currentCue(x, q, m.token))
    const first = current[0]
    if (!first) continue
    for (const m of current) {
      if (m === first || m.value === first.value || m.sentence === first.sentence) continue
      const actual = tokens[m.token].text
      const expected = `${first.value}${matchCase(ordinalSuffix(first.value), tokens[m.token].suffix ?? '')}`
      const name = displayName(x, list, key)
      report(m.start, m.end, `Unexpected ${code(actual)} ${name}, expected ${code(expected)} as earlier in the story`, {
        actual,
        expected: [expected],
        note: `The story calls this event the ${tokens[first.token].text} ${name} first, and both mentions place it now; one edition of an event has one number.`,
        related: related(x, first.start, first.end, name)
      })
      break
    }
  }
}

/** Whether the sentence of token `i` places its event now ("this year's", "being held here"). */
function currentCue(x: Extraction, q: Quantities, i: number): boolean {
  for (let k = q.sentenceFirst[i]; k <= q.sentenceLast[i]; k++)
    if (x.lexicon.currentEditionCues.has(x.tokens[k].lower)) return true
  return false
}

function matchCase(suffix: string, like: string): string {
  return like && like === like.toUpperCase() ? suffix.toUpperCase() : suffix
}

/** The event name as written in the longest mention. */
function displayName(x: Extraction, list: EventMention[], key: string): string {
  for (const m of list) {
    if (m.name.join(' ') === key) {
      const chain = x.chains.find((c) => c.first === m.token + 1) // a few mentions: no index needed
      if (chain) return chain.words.slice(0, m.name.length).join(' ')
    }
  }
  return key
}

/** The words of a chain up to its event noun, lowercased ("china-asean expo"), if it names an event. */
function eventName(x: Extraction, chain: NameChain): string[] | undefined {
  const lex = x.lexicon
  const lower = chain.words.map((w) => w.toLowerCase())
  const at = lower.findIndex(
    (w, k) => lex.eventNouns.has(w) && (k === lower.length - 1 || lex.nameConnectors.has(lower[k + 1]))
  )
  if (at < 0 || lower[at] === 'anniversary') return undefined
  return lower.slice(0, at + 1)
}

/** Whether the story names another edition: "last year's Expo", "the previous Expo", "next Expo". */
function otherEditionsNamed(x: Extraction, key: string): boolean {
  const {tokens, lexicon: lex} = x
  const last = key.split(' ').pop()!
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower
    if (w !== last && w !== `${last}s`) continue
    for (let k = Math.max(0, i - 4); k < i; k++) {
      const t = tokens[k]
      if (
        t.kind === 'word' &&
        (lex.timeShiftWords.has(t.lower) ||
          (/['’]s$/u.test(t.text) && lex.timeShiftWords.has(tokens[k - 1]?.lower ?? '')))
      )
        return true
    }
    // "the 19th and 20th Expos", "both Expos"
    if (w === `${last}s`) return true
  }
  return false
}

// ------------------------------------------------------------------ ages

interface AgeStatement {
  person: string[]
  figure: Figure
  sentence: number
}

function checkAges(x: Extraction, q: Quantities, time: Map<number, SentenceTime>, report: Report): void {
  const {tokens} = x
  const chainAt = q.chainAt
  const statements: AgeStatement[] = []
  for (const f of q.figures) {
    if (f.percent || f.currency || f.magnitude || f.approx || f.spelled || f.grouping !== 'none' || f.decimalPoints > 0)
      continue
    const n = f.value!
    if (n < 1 || n > 122) continue
    const lead = q.leadOf.get(f)!
    const after = tokens[f.exprLast + 1]
    const yearOld = after?.text === '-' && /^years?-old$/u.test(tokens[f.exprLast + 2]?.lower ?? '')
    let chain: NameChain | undefined
    if (yearOld) {
      // "the 45-year-old Li Wei"; "Li Wei, a 45-year-old engineer"
      chain = chainAt.get(f.exprLast + 3)
      if (!chain && /^(?:a|an|the)$/u.test(tokens[lead - 1]?.lower ?? '') && tokens[lead - 2]?.text === ',')
        chain = x.chainEndingAt.get(lead - 3)
    } else if (tokens[lead - 1]?.text === ',' && (after?.text === ',' || after?.text === '.')) {
      // "Li Wei, 43, said"
      chain = x.chainEndingAt.get(lead - 2)
    } else if (tokens[lead - 1]?.lower === 'aged' && tokens[lead - 2]?.text === ',') {
      chain = x.chainEndingAt.get(lead - 3)
    } else if (tokens[lead - 1]?.text === '(' && after?.text === ')') {
      // "Li Wei (43)" only for a name the extraction already reads as a person: a team's
      // points are written the same way ("Manchester United (43)").
      chain = x.chainEndingAt.get(lead - 2)
      if (chain && !q.inPerson(chain.last)) chain = undefined
    }
    if (!chain) continue
    const person = personWords(x, chain)
    if (!person) continue
    statements.push({person, figure: f, sentence: x.tokenSentence[f.first]})
  }
  if (statements.length < 2) return
  // A surname alone stands for the one full name in the story that has it.
  const fullNames = [
    ...statements.filter((s) => s.person.length > 1).map((s) => s.person.join(' ')),
    ...x.persons.filter((p) => p.words.length > 1).map((p) => p.words.join(' '))
  ]
  const distinct = [...new Set(fullNames)]
  const keyOf = (person: string[]): string | undefined => {
    if (person.length > 1) return person.join(' ')
    const owners = distinct.filter((n) => n.split(' ').includes(person[0]))
    return owners.length === 1 ? owners[0] : undefined
  }
  const firstOf = new Map<string, AgeStatement>()
  for (const s of statements) {
    const key = keyOf(s.person)
    if (!key || time.get(s.sentence)!.shifted) continue
    const first = firstOf.get(key)
    if (!first) {
      firstOf.set(key, s)
      continue
    }
    if (first.figure.value === s.figure.value || first.sentence === s.sentence) continue
    const actual = s.figure.raw
    const expected = first.figure.raw
    report(
      s.figure.start,
      s.figure.end,
      `Unexpected age ${code(actual)} for ${key}, expected ${code(expected)} as earlier in the story`,
      {
        actual,
        expected: [expected],
        note: `The story gives ${key}'s age as ${expected} first; one story, one age (say "then" or give the year for an age at another time).`,
        related: related(x, first.figure.start, first.figure.end, `${key}'s age`)
      }
    )
  }
}

/** The words of a chain that reads as a person's name ("Li Wei"), else undefined. */
function personWords(x: Extraction, chain: NameChain): string[] | undefined {
  const lex = x.lexicon
  let words = chain.words
  while (words.length && lex.notNames.has(words[0].toLowerCase())) words = words.slice(1)
  // A title before the name: "Chairman Li Wei".
  let k = 0
  for (let i = 0; i < words.length; i++) if (lex.personTitles.has(words[i].toLowerCase())) k = i + 1
  words = words.slice(k)
  if (words.length === 0 || words.length > 4) return undefined
  for (const w of words) {
    const lower = w.toLowerCase()
    if (lex.orgWords.has(lower) || lex.months.has(lower) || lex.weekdays.has(lower)) return undefined
    // "Nguyen Van An", "Anwar bin Ibrahim" keep their particles; "Bank of China" is no person.
    if (
      lex.nameConnectors.has(lower) &&
      !/^\p{Lu}/u.test(w) &&
      !['bin', 'binti', 'van', 'de', 'von', 'al', 'da'].includes(lower)
    )
      return undefined
    if (w.length > 1 && w === w.toUpperCase()) return undefined
  }
  if (x.knowledge.entityByName(words.join(' '))) return undefined
  return words
}

// ------------------------------------------------------------------ counts

interface CountMention {
  figure: Figure
  start: number
  end: number
  key: string
  sentence: number
  scope: Set<string>
  /** Who the sentence attributes its claim to ("organisers said"). */
  sources: Set<string>
  /** The words of the subject before the verb, for a count in object position. */
  subject: Set<string>
}

const RESTRICTING = new Set([
  'from',
  'of',
  'in',
  'at',
  'on',
  'with',
  'who',
  'that',
  'which',
  'whose',
  'under',
  'across',
  'to',
  'for',
  'including',
  'such',
  'among',
  'outside',
  'inside',
  'per',
  'each',
  'more',
  'less',
  'fewer',
  'than'
])
const AUXILIARY = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had'])
const NOT_VERBS = new Set([
  'the',
  'a',
  'an',
  'of',
  'than',
  'and',
  'or',
  'with',
  'to',
  'by',
  'some',
  'about',
  'its',
  'their',
  'his',
  'her',
  'our',
  'all',
  'only',
  'just'
])

function checkCounts(x: Extraction, q: Quantities, time: Map<number, SentenceTime>, report: Report): void {
  const {tokens, lexicon: lex} = x
  const mentions: CountMention[] = []
  for (const f of q.figures) {
    if (f.percent || f.currency || isYear(f) || f.value! < 10 || f.next === undefined) continue
    const sentence = x.tokenSentence[f.first]
    if (time.get(sentence)!.shifted) continue
    const lead = q.leadOf.get(f)!
    // A change ("up 200 exhibitors", "by 200") is not a count of the whole.
    if (
      tokens[lead - 1]?.lower === 'by' ||
      (tokens[lead - 1] && (lex.changeUp.has(tokens[lead - 1].lower) || lex.changeDown.has(tokens[lead - 1].lower)))
    )
      continue
    const noun = tokens[f.next]
    if (
      noun.kind !== 'word' ||
      isCapitalized(noun) ||
      !(noun.lower.endsWith('s') || lex.populationNouns.has(noun.lower))
    )
      continue
    if (lex.measureNouns.has(noun.lower) || lex.magnitudes.has(noun.lower) || lex.currencyWords.has(noun.lower))
      continue
    // What is said of them: the verb after ("took part"), or the verb before an object ("attracted 2,000 exhibitors.").
    const after = tokens[f.next + 1]
    let signature: string | undefined
    const subject = new Set<string>()
    if (after?.kind === 'word') {
      if (RESTRICTING.has(after.lower) || isCapitalized(after)) continue
      signature = after.lower
      if (AUXILIARY.has(after.lower)) {
        const next = tokens[f.next + 2]
        if (next?.kind !== 'word' || RESTRICTING.has(next.lower)) continue
        signature += ' ' + next.lower
      }
    } else if (!after || after.text === '.' || after.text === ',' || after.text === ';') {
      const verb = tokens[lead - 1]
      if (verb?.kind !== 'word' || NOT_VERBS.has(verb.lower) || isCapitalized(verb)) continue
      signature = 'object of ' + verb.lower
      // Who did it: "The firm hired 200 workers" and "The rival hired 150 workers" differ.
      for (let k = lead - 2; k >= q.sentenceFirst[lead] && k >= lead - 7 && tokens[k].kind === 'word'; k--) {
        const w = tokens[k].lower
        if (!NOT_VERBS.has(w) && !PRONOUNS.has(w) && !lex.notNames.has(w)) subject.add(w)
      }
    }
    if (!signature) continue
    mentions.push({
      figure: f,
      start: tokens[lead].start,
      end: noun.end,
      key: `${noun.lower}|${signature}`,
      sentence,
      scope: scopeOf(x, q, lead),
      sources: sourcesOf(x, q, lead),
      subject
    })
  }
  const reported = new Set<CountMention>()
  for (let j = 1; j < mentions.length; j++) {
    const later = mentions[j]
    for (let i = 0; i < j; i++) {
      const earlier = mentions[i]
      if (earlier.key !== later.key || earlier.sentence === later.sentence || reported.has(earlier)) continue
      // The later statement may name less than the earlier one ("took part" after "took part
      // in the Expo"), not more: "In Vietnam, 1,800 exhibitors took part" is a narrower group.
      if (!subset(later.scope, earlier.scope) || !subset(later.subject, earlier.subject)) continue
      // Claims of different sources may differ ("police said 10,000 ...; organisers said 50,000 ...").
      if (earlier.sources.size > 0 && later.sources.size > 0 && !intersects(earlier.sources, later.sources)) continue
      const a = rangeOf(x, earlier.figure, 'rounded')
      const b = rangeOf(x, later.figure, 'rounded')
      if (overlaps(a, b)) continue
      const actual = x.text.slice(later.start, later.end)
      const first = x.text.slice(earlier.start, earlier.end)
      report(later.start, later.end, `Unexpected ${code(actual)}: the story gives ${code(first)} earlier`, {
        actual,
        expected: [first],
        note: `Both statements count the same ${tokens[later.figure.next!].lower} in the same way, and no value fits both: ${describe(a)} against ${describe(b)}.`,
        related: related(x, earlier.start, earlier.end, '')
      })
      reported.add(later)
      break
    }
  }
}

function describe(r: {lo: number; hi: number}): string {
  const lo = Math.ceil(r.lo).toLocaleString('en-US')
  const hi = Math.floor(r.hi).toLocaleString('en-US')
  if (r.hi === Infinity) return `at least ${lo}`
  if (r.lo <= 0) return `at most ${hi}`
  return `${lo} to ${hi}`
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (b.has(w)) return true
  return false
}

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that'])

/** The sources a sentence quotes: "X said", "said X", "according to X" (pronouns are no source). */
function sourcesOf(x: Extraction, q: Quantities, i: number): Set<string> {
  const {tokens, lexicon: lex} = x
  const first = q.sentenceFirst[i]
  const last = q.sentenceLast[i]
  const chainAt = (k: number) => q.chainAt.get(k)
  const out = new Set<string>()
  const add = (k: number, forward: boolean) => {
    const chain = forward ? chainAt(k) : x.chainEndingAt.get(k)
    if (chain) out.add(chain.words.join(' ').toLowerCase())
    else if (tokens[k]?.kind === 'word' && !PRONOUNS.has(tokens[k].lower)) out.add(tokens[k].lower)
  }
  for (let k = first; k <= last; k++) {
    const t = tokens[k]
    if (t.kind !== 'word') continue
    if (lex.speechVerbs.has(t.lower)) {
      if (k - 1 >= first && tokens[k - 1].kind === 'word') add(k - 1, false)
      else if (k + 1 <= last) add(k + 1, true)
    } else if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      add(tokens[k + 2]?.lower === 'the' ? k + 3 : k + 2, true)
    }
  }
  return out
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (!b.has(w)) return false
  return true
}

/** The capitalised words a sentence names (its subjects and places), beyond its first word. */
function scopeOf(x: Extraction, q: Quantities, i: number): Set<string> {
  const lex = x.lexicon
  const first = q.sentenceFirst[i]
  const last = q.sentenceLast[i]
  const out = new Set<string>()
  // "Fewer than", "About" opening the sentence belong to a figure, not to a name.
  const approximator = new Set<number>()
  for (const f of q.figuresIn(i)) for (let k = q.leadOf.get(f)!; k < f.exprFirst; k++) approximator.add(k)
  for (const chain of q.chainsIn(i)) {
    if (chain.first < first || chain.last > last) continue
    // People quoted or named in passing are not what is counted.
    if (q.inPerson(chain.last)) continue
    for (let k = 0; k < chain.words.length; k++) {
      const w = chain.words[k]
      const lower = w.toLowerCase()
      if (approximator.has(chain.first + k)) continue
      if (chain.first + k === first && lex.notNames.has(lower)) continue
      if (lex.notNames.has(lower) || lex.nameConnectors.has(lower) || lex.months.has(lower) || lex.weekdays.has(lower))
        continue
      out.add(lower)
    }
  }
  return out
}

// ------------------------------------------------------------------ anniversaries

const YEAR_OFFSETS = new Map([
  ['this', 0],
  ['last', -1],
  ['next', 1]
])

interface Founding {
  subject?: string[]
  year: Figure
  start: number
  end: number
}

function checkAnniversaries(x: Extraction, q: Quantities, report: Report): void {
  const {tokens, lexicon: lex, storyDate} = x
  const foundings: Founding[] = []
  for (let v = 0; v < tokens.length; v++) {
    const verb = phraseAt(x, v, lex.foundingVerbs)
    if (!verb) continue
    let k = v + verb.length
    if (tokens[k]?.lower !== 'in') continue
    k++
    if (lex.months.has(tokens[k]?.lower ?? '')) k++
    const year = q.byLead.get(k)
    if (!year || !isYear(year)) continue
    // The subject: the name before the verb ("The council was founded", "The Expo, founded").
    let s = v - 1
    while (
      s >= 0 &&
      ['was', 'were', 'is', 'which', ',', 'first', 'originally', 'been', 'has', 'had'].includes(tokens[s].lower)
    )
      s--
    const chain = x.chainEndingAt.get(s)
    const subject = chain ? nameWords(x, chain) : undefined
    foundings.push({subject, year, start: tokens[v].start, end: year.end})
  }
  if (foundings.length === 0) return
  const storyYear = Number(storyDate.date.slice(0, 4))
  const storyYearKnown = storyDate.from !== 'today' && storyDate.yearKnown
  for (const o of x.ordinals) {
    if (tokens[o.token + 1]?.lower !== 'anniversary') continue
    // Whose anniversary: "its 25th anniversary", "the council's 25th anniversary",
    // "the 25th anniversary of the council", "... of the founding of the council".
    let owner: string[] | 'its' | undefined
    const before = tokens[o.token - 1]
    if (before?.lower === 'its') owner = 'its'
    else {
      const chain = x.chainEndingAt.get(o.token - 1)
      if (chain?.possessive) owner = nameWords(x, chain)
    }
    if (!owner && tokens[o.token + 2]?.lower === 'of') {
      let k = o.token + 3
      if (
        tokens[k]?.lower === 'the' &&
        ['founding', 'establishment', 'creation'].includes(tokens[k + 1]?.lower ?? '') &&
        tokens[k + 2]?.lower === 'of'
      )
        k += 3
      else if (
        ['its', 'the'].includes(tokens[k]?.lower ?? '') &&
        ['founding', 'establishment', 'creation'].includes(tokens[k + 1]?.lower ?? '')
      ) {
        owner = tokens[k].lower === 'its' ? 'its' : undefined
      }
      if (!owner) {
        if (tokens[k]?.lower === 'its') owner = 'its'
        else {
          if (tokens[k]?.lower === 'the') k++
          const chain = q.chainAt.get(k) ?? q.chainAt.get(k - 1)
          if (chain) owner = nameWords(x, chain)
        }
      }
    }
    if (!owner) continue
    const matches =
      owner === 'its' ? foundings : foundings.filter((f) => f.subject && sameName(f.subject, owner as string[]))
    if (matches.length !== 1 || (owner === 'its' && foundings.length !== 1)) continue
    const founding = matches[0]
    // The anniversary's year: one year in its sentence, else the story's year for "this year" or "marks".
    const first = q.sentenceFirst[o.token]
    const last = q.sentenceLast[o.token]
    const years = q.figuresIn(o.token).filter((f) => isYear(f) && f !== founding.year)
    let year: number | undefined
    if (years.length === 1) year = years[0].value!
    else if (years.length === 0 && storyYearKnown && !hasPhrase(x, first, last, lex.futureCues)) {
      // "this year marks", "next year marks", "marks its 25th anniversary"
      const shifts = new Set<number>()
      let present = false
      for (let i = first; i <= last; i++) {
        if (lex.anniversaryVerbs.has(tokens[i].lower)) present = true
        const offset = tokens[i + 1]?.lower === 'year' ? YEAR_OFFSETS.get(tokens[i].lower) : undefined
        if (offset !== undefined) shifts.add(offset)
      }
      if (shifts.size === 1) year = storyYear + [...shifts][0]
      else if (shifts.size === 0 && present) year = storyYear
    }
    if (year === undefined) continue
    const expected = year - founding.year.value!
    if (expected <= 0 || Math.abs(expected - o.value) <= 1) continue
    const actual = tokens[o.token].text
    const expectedText = `${expected}${ordinalSuffix(expected)}`
    report(
      o.start,
      o.end,
      `Unexpected ${code(actual)} anniversary for a founding in ${founding.year.raw}, expected ${code(expectedText)} in ${year}`,
      {
        actual,
        expected: [expectedText],
        note: `${year} − ${founding.year.raw} = ${expected}; counted either way, the anniversary is the ${expected}${ordinalSuffix(expected)} or ${expected + 1}${ordinalSuffix(expected + 1)}, not the ${actual}.`,
        related: related(x, founding.start, founding.end, 'the founding')
      }
    )
  }
}

function nameWords(x: Extraction, chain: NameChain): string[] | undefined {
  const words = chain.words.map((w) => w.toLowerCase()).filter((w) => !x.lexicon.notNames.has(w))
  return words.length ? words : undefined
}

function sameName(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.every((w, k) => long[long.length - short.length + k] === w)
}
