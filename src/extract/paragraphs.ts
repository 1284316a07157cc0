/**
 * Paragraphs of a story as its writer separated them: at blank lines, or at
 * line breaks when the text has no blank line (one paragraph a line, as wire
 * copy and translations are often delivered). Read once per file into the
 * extraction; the same split applies to a Chinese source, so a translation and
 * its source can be paired paragraph by paragraph.
 */

export interface Span {
  start: number
  end: number
}

const BLANK_LINE = /\n[ \t\u3000]*\n/
const BLANK_LINES = /\n[ \t\u3000]*\n/g
const LINE_BREAKS = /\n/g

/** The paragraphs of `text`, as offsets; lines of white space only are no paragraph. */
export function paragraphsOf(text: string): Span[] {
  const separator = BLANK_LINE.test(text) ? BLANK_LINES : LINE_BREAKS
  const spans: Span[] = []
  let start = 0
  for (const match of text.matchAll(separator)) {
    if (text.slice(start, match.index).trim()) spans.push({start, end: match.index})
    start = match.index + match[0].length
  }
  if (text.slice(start).trim()) spans.push({start, end: text.length})
  return spans
}
