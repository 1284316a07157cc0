/**
 * The story's date, from the story itself when a setting does not give one:
 * YAML front matter (`date:`), an HTML `article:published_time` meta tag or
 * `<time datetime>` element, a dateline, or a date in the file name
 * (`2005-03-12-budget.md`). Office-holders and relative days are right or
 * wrong as of this date, so every message that uses it says where it came from.
 */
import type {DateMention} from './figures.js'

export type StoryDateSource =
  'setting' | 'front-matter' | 'meta-tag' | 'time-element' | 'dateline' | 'file-name' | 'today'

export interface StoryDate {
  /** YYYY-MM-DD */
  date: string
  /** Where the date came from. */
  from: StoryDateSource
  /** False when a dateline gave month and day but no year. */
  yearKnown: boolean
}

export interface StoryDateInput {
  /** The prose (where a dateline stands). */
  text: string
  /** Date mentions in the prose, in order. */
  dates: DateMention[]
  /** The file as written (front matter and markup included). */
  document: string
  /** The file's path, if it has one. */
  path?: string
  /** The date set in config or on the command line. */
  setting?: string
  /** Today (YYYY-MM-DD). */
  today: string
}

/** How far into the file metadata is looked for: a page's head, not its body. */
const HEAD_LIMIT = 65536

/** The story's date: the setting, else the story's metadata, dateline or file name, else today. */
export function readStoryDate(input: StoryDateInput): StoryDate {
  if (input.setting) return {date: input.setting, from: 'setting', yearKnown: true}
  const head = input.document.slice(0, HEAD_LIMIT)
  const fromFrontMatter = frontMatterDate(head)
  if (fromFrontMatter) return {date: fromFrontMatter, from: 'front-matter', yearKnown: true}
  const fromMeta = metaTagDate(head)
  if (fromMeta) return {date: fromMeta, from: 'meta-tag', yearKnown: true}
  const fromTime = timeElementDate(head)
  if (fromTime) return {date: fromTime, from: 'time-element', yearKnown: true}
  const dateline = datelineOf(input.text, input.dates)
  if (dateline?.year !== undefined) {
    return {date: isoDate(dateline.year, dateline.month, dateline.day), from: 'dateline', yearKnown: true}
  }
  const fromName = input.path ? fileNameDate(input.path) : undefined
  if (fromName) return {date: fromName, from: 'file-name', yearKnown: true}
  if (dateline) {
    const year = Number(input.today.slice(0, 4))
    return {date: isoDate(year, dateline.month, dateline.day), from: 'dateline', yearKnown: false}
  }
  return {date: input.today, from: 'today', yearKnown: true}
}

/** Where the date came from, for a message's note ("the front matter `date:`"). */
export function describeStoryDate(date: StoryDate): string {
  switch (date.from) {
    case 'setting':
      return 'the date setting'
    case 'front-matter':
      return 'the front matter `date:`'
    case 'meta-tag':
      return 'the `article:published_time` meta tag'
    case 'time-element':
      return 'the `<time datetime>` element'
    case 'dateline':
      return date.yearKnown ? 'the dateline' : 'the dateline, year assumed'
    case 'file-name':
      return 'the file name'
    case 'today':
      return 'no story date; today'
  }
}

/**
 * The date of a dateline: near the top, on a line of its own or before a
 * dateline mark ("Nanning, September 9 (ZXS) --"), after a place name, a
 * weekday or nothing.
 */
export function datelineOf(text: string, dates: DateMention[]): DateMention | undefined {
  for (const date of dates) {
    if (date.start > 600) break
    const lineStart = text.lastIndexOf('\n', date.start - 1) + 1
    const before = text.slice(lineStart, date.start)
    // Only a place name, a weekday or nothing may stand before a dateline's date.
    if (!/^[\p{L}\p{M}'’.\- ]{0,40}[,\s]*$/u.test(before) || before.split(/\s+/).length > 5) continue
    const afterText = text.slice(date.end, date.end + 8)
    const lineEnds = /^\s*(?:\n|$)/.test(afterText)
    const datelineMark = /^\s*(?:--|[(—–\-/:])/.test(afterText)
    if (!lineEnds && !datelineMark) continue
    return date
  }
  return undefined
}

/** An ISO date at the start of a value ("2005-03-12", "2005-03-12T09:30:00Z"), checked. */
const ISO_START = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/u

function isoValue(value: string): string | undefined {
  const match = ISO_START.exec(value.trim().replace(/^["']/u, ''))
  if (!match) return undefined
  return validDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined
  return isoDate(year, month, day)
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `date:` in a YAML block that opens the file with `---` and closes with `---`. */
function frontMatterDate(head: string): string | undefined {
  const body = head.replace(/^\uFEFF/u, '')
  if (!/^---[ \t]*\r?\n/u.test(body)) return undefined
  const lines = body.split(/\r?\n/u)
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (/^(?:---|\.\.\.)[ \t]*$/u.test(line)) return undefined
    const match = /^date[ \t]*:(.*)$/u.exec(line)
    if (match) return isoValue(match[1])
  }
  return undefined
}

/** `<meta property="article:published_time" content="...">`, attributes in any order. */
function metaTagDate(head: string): string | undefined {
  if (!head.includes('<meta') && !head.includes('<META')) return undefined
  for (const match of head.matchAll(/<meta\b[^<>]*>/giu)) {
    const tag = match[0]
    const property = attribute(tag, 'property') ?? attribute(tag, 'name')
    if (property?.toLowerCase() !== 'article:published_time') continue
    const content = attribute(tag, 'content')
    const date = content ? isoValue(content) : undefined
    if (date) return date
  }
  return undefined
}

/** The first `<time datetime="...">` element with a full date. */
function timeElementDate(head: string): string | undefined {
  if (!head.includes('<time') && !head.includes('<TIME')) return undefined
  for (const match of head.matchAll(/<time\b[^<>]*>/giu)) {
    const value = attribute(match[0], 'datetime')
    const date = value ? isoValue(value) : undefined
    if (date) return date
  }
  return undefined
}

function attribute(tag: string, name: string): string | undefined {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'iu')
  const match = pattern.exec(tag)
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined
}

/** "2005-03-12-budget.md", "budget_2005-03-12.txt": a whole ISO date in the file's name. */
function fileNameDate(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const match = /(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?!\d)/u.exec(name)
  return match ? validDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}
