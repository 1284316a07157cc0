/** What the page shows: a lint message reduced to the plain data the page uses. */
export interface Warning {
  ruleId: string
  reason: string
  fatal: boolean
  /** UTF-16 offsets into the story. */
  from: number
  to: number
  line: number
  column: number
  endLine: number
  endColumn: number
  actual?: string
  expected?: string[]
  note?: string
  /** source-mismatch: where the source figure the warning names stands in the Chinese source. */
  source?: {start: number; end: number}
}

export interface RuleInfo {
  id: string
  description: string
}

export type Level = 'off' | 'warn' | 'error'
