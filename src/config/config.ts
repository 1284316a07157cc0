/**
 * `.copydeskrc` (JSON or YAML): rule severities and options, the story date,
 * house knowledge files. Checked in full before anything is linted; every
 * mistake is an error naming the file, the line and the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import {DATA_SIZE_LIMIT, readTextFile, unreadableReason} from '../knowledge/read-text-file.js'
import {DataError, parseData} from '../knowledge/files.js'
import {checkOptions, docsBaseProblem, OptionError} from '../core/rule.js'
import {rules, ruleIds, type RuleId} from '../core/rules.js'
import type {RuleSetting, Severity} from '../core/processor.js'
import type {Format} from '../core/parse.js'
import type {Allowed} from '../core/control.js'

export const CONFIG_NAMES = ['.copydeskrc', '.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml']

export type {Allowed}

/** Settings for the files matching `files` (globs relative to the config's folder). */
export interface Override {
  files: string[]
  rules: Partial<Record<RuleId, RuleSetting>>
  date?: string
  allow: Allowed[]
}

export interface Config {
  /** The file it came from, if any. */
  path?: string
  /** Folder the config's globs are relative to. */
  dir?: string
  rules: Partial<Record<RuleId, RuleSetting>>
  date?: string
  format?: Format
  /** House knowledge files, absolute paths, with the path as written for messages. */
  knowledge: Array<{path: string; display: string}>
  allow: Allowed[]
  overrides: Override[]
  /** Where a story's Chinese source is, from the story's folder: "{name}.zh{ext}". */
  source?: string
  /** Base of the rules' documentation links (an absolute URL; `{id}` for a page per rule). */
  docs?: string
}

const KEYS = new Set(['rules', 'date', 'knowledge', 'format', 'allow', 'overrides', 'source', 'docs'])
const OVERRIDE_KEYS = new Set(['files', 'rules', 'date', 'allow'])
const SEVERITIES = new Set<Severity>(['off', 'warn', 'error'])
const FORMATS = new Set<Format>(['text', 'markdown', 'html'])

export class ConfigError extends DataError {}

/** The nearest config file from `dir` upwards, if any. */
export function findConfig(dir: string): string | undefined {
  let current = path.resolve(dir)
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name)
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
    }
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

export function readConfig(file: string, cwd = process.cwd()): Config {
  const display = path.relative(cwd, file) || file
  let text: string
  try {
    text = readTextFile(file, DATA_SIZE_LIMIT)
  } catch (error) {
    throw new ConfigError(display, `cannot read config: ${unreadableReason(error)}`)
  }
  let located
  try {
    located = parseData(text, display)
  } catch (error) {
    if (error instanceof DataError)
      throw new ConfigError(display, error.message.slice(error.message.indexOf(': ') + 2), error.line)
    throw error
  }
  return checkConfig(located.value, display, path.dirname(file), located.lineOf)
}

export function checkConfig(
  raw: unknown,
  display: string,
  baseDir: string,
  lineOf: (keys: Array<string | number>) => number | undefined = () => undefined
): Config {
  const fail = (keys: Array<string | number>, message: string): never => {
    throw new ConfigError(display, message, lineOf(keys))
  }
  const config: Config = {path: display, dir: baseDir, rules: {}, knowledge: [], allow: [], overrides: []}
  if (raw === null || raw === undefined) return config
  if (typeof raw !== 'object' || Array.isArray(raw))
    fail([], 'a config must be a mapping (rules, date, knowledge, format, allow, overrides, source, docs)')
  const obj = raw as Record<string, unknown>
  for (const key of Object.keys(obj)) {
    if (!KEYS.has(key)) fail([key], `unknown key \`${key}\` (expected ${[...KEYS].map((k) => `\`${k}\``).join(', ')})`)
  }
  config.rules = checkRules(obj.rules, ['rules'], fail)
  config.date = checkDate(obj.date, ['date'], fail)
  config.allow = checkAllow(obj.allow, ['allow'], fail)
  if (obj.source !== undefined) {
    if (typeof obj.source !== 'string' || !obj.source.includes('{name}')) {
      fail(['source'], '`source` must be a path template with `{name}`, such as "{name}.zh{ext}"')
    }
    // Relative to each story's folder, and kept inside it or this config's folder (settings.ts).
    if (path.isAbsolute(obj.source as string))
      fail(['source'], '`source` must be relative to the story\'s folder, such as "{name}.zh{ext}"')
    config.source = obj.source as string
  }
  if (obj.docs !== undefined) {
    const problem = docsBaseProblem(obj.docs)
    if (problem) fail(['docs'], `\`docs\` ${problem}`)
    config.docs = obj.docs as string
  }
  if (obj.overrides !== undefined) {
    if (!Array.isArray(obj.overrides)) fail(['overrides'], '`overrides` must be a list of {files, rules, date, allow}')
    config.overrides = (obj.overrides as unknown[]).map((entry, index) => {
      const keys = ['overrides', index]
      if (!entry || typeof entry !== 'object' || Array.isArray(entry))
        fail(keys, 'an override must be a mapping with `files`')
      const o = entry as Record<string, unknown>
      for (const key of Object.keys(o)) {
        if (!OVERRIDE_KEYS.has(key))
          fail([...keys, key], `unknown key \`${key}\` in an override (expected files, rules, date, allow)`)
      }
      const files = typeof o.files === 'string' ? [o.files] : o.files
      if (!Array.isArray(files) || files.length === 0 || files.some((f) => typeof f !== 'string' || f === '')) {
        fail([...keys, 'files'], 'an override needs `files`: a glob or a list of globs')
      }
      return {
        files: files as string[],
        rules: checkRules(o.rules, [...keys, 'rules'], fail),
        date: checkDate(o.date, [...keys, 'date'], fail),
        allow: checkAllow(o.allow, [...keys, 'allow'], fail)
      }
    })
  }
  if (obj.format !== undefined) {
    if (!FORMATS.has(obj.format as Format))
      fail(['format'], `\`format\` must be one of text, markdown, html, not \`${String(obj.format)}\``)
    config.format = obj.format as Format
  }
  if (obj.knowledge !== undefined) {
    const list = typeof obj.knowledge === 'string' ? [obj.knowledge] : obj.knowledge
    if (!Array.isArray(list) || list.some((f) => typeof f !== 'string'))
      fail(['knowledge'], '`knowledge` must be a list of file paths')
    config.knowledge = (list as string[]).map((f) => ({
      path: path.resolve(baseDir, f),
      display: path.isAbsolute(f) ? f : path.join(path.dirname(display), f)
    }))
  }
  return config
}

type Fail = (keys: Array<string | number>, message: string) => never

function checkRules(value: unknown, keys: Array<string | number>, fail: Fail): Partial<Record<RuleId, RuleSetting>> {
  const rules: Partial<Record<RuleId, RuleSetting>> = {}
  if (value === undefined) return rules
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail(keys, '`rules` must be a mapping of rule ids to severities')
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    rules[checkRuleId(id, (m) => fail([...keys, id], m))] = checkSetting(id as RuleId, setting, (m) =>
      fail([...keys, id], m)
    )
  }
  return rules
}

function checkDate(value: unknown, keys: Array<string | number>, fail: Fail): string | undefined {
  if (value === undefined) return undefined
  const date = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
  if (!isDate(date)) fail(keys, `\`date\` must be a date as YYYY-MM-DD, not \`${date}\``)
  return date
}

function checkAllow(value: unknown, keys: Array<string | number>, fail: Fail): Allowed[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) fail(keys, '`allow` must be a list of phrases (or {phrase, rules})')
  return (value as unknown[]).map((entry, index) => {
    if (typeof entry === 'string' && entry.trim()) return {phrase: entry}
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const e = entry as Record<string, unknown>
      for (const key of Object.keys(e)) {
        if (key !== 'phrase' && key !== 'rules')
          fail([...keys, index, key], `unknown key \`${key}\` in an allowed phrase (expected phrase, rules)`)
      }
      if (typeof e.phrase !== 'string' || !e.phrase.trim())
        fail([...keys, index], 'an allowed phrase needs `phrase`: the text to accept')
      const rules = e.rules === undefined ? undefined : typeof e.rules === 'string' ? [e.rules] : e.rules
      if (rules !== undefined && (!Array.isArray(rules) || rules.some((r) => typeof r !== 'string')))
        fail([...keys, index, 'rules'], '`rules` must be a rule id or a list of rule ids')
      return {
        phrase: e.phrase as string,
        rules: (rules as string[] | undefined)?.map((r) => checkRuleId(r, (m) => fail([...keys, index, 'rules'], m)))
      }
    }
    return fail([...keys, index], 'an allowed phrase must be a string or {phrase, rules}')
  })
}

export function checkRuleId(id: string, fail: (message: string) => never): RuleId {
  if ((ruleIds as string[]).includes(id)) return id as RuleId
  fail(`unknown rule \`${id}\` (rules: ${ruleIds.join(', ')})`)
}

export function checkSetting(id: RuleId, setting: unknown, fail: (message: string) => never): RuleSetting {
  const meta = rules[id].meta
  let severity: unknown = setting
  let options: unknown
  if (Array.isArray(setting)) {
    if (setting.length === 0 || setting.length > 2) fail(`rule \`${id}\` must be a severity or [severity, options]`)
    ;[severity, options] = setting
  }
  if (typeof severity === 'boolean') severity = severity ? 'warn' : 'off'
  if (severity === 0) severity = 'off'
  if (severity === 1) severity = 'warn'
  if (severity === 2) severity = 'error'
  if (!SEVERITIES.has(severity as Severity)) {
    fail(`rule \`${id}\`: severity must be off, warn or error, not \`${JSON.stringify(severity)}\``)
  }
  try {
    checkOptions(meta, options)
  } catch (error) {
    if (error instanceof OptionError) fail(error.message)
    throw error
  }
  return options === undefined ? (severity as Severity) : [severity as Severity, options as Record<string, unknown>]
}

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(value + 'T00:00:00Z')
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
