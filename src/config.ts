/**
 * `.copydeskrc` (JSON or YAML): rule severities and options, the story date,
 * house knowledge files. Checked in full before anything is linted; every
 * mistake is an error naming the file, the line and the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import {DataError, parseData} from './knowledge/files.js'
import {checkOptions, OptionError} from './rule.js'
import {rules, ruleIds, type RuleId} from './rules.js'
import type {RuleSetting, Severity} from './processor.js'
import type {Format} from './parse.js'

export const CONFIG_NAMES = ['.copydeskrc', '.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml']

export interface Config {
  /** The file it came from, if any. */
  path?: string
  rules: Partial<Record<RuleId, RuleSetting>>
  date?: string
  format?: Format
  /** House knowledge files, absolute paths, with the path as written for messages. */
  knowledge: Array<{path: string; display: string}>
}

const KEYS = new Set(['rules', 'date', 'knowledge', 'format'])
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
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(display, `cannot read config (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let located
  try {
    located = parseData(text, display)
  } catch (error) {
    if (error instanceof DataError) throw new ConfigError(display, error.message.slice(error.message.indexOf(': ') + 2), error.line)
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
  const config: Config = {path: display, rules: {}, knowledge: []}
  if (raw === null || raw === undefined) return config
  if (typeof raw !== 'object' || Array.isArray(raw)) fail([], 'a config must be a mapping (rules, date, knowledge, format)')
  const obj = raw as Record<string, unknown>
  for (const key of Object.keys(obj)) {
    if (!KEYS.has(key)) fail([key], `unknown key \`${key}\` (expected ${[...KEYS].map((k) => `\`${k}\``).join(', ')})`)
  }
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) fail(['rules'], '`rules` must be a mapping of rule ids to severities')
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      config.rules[checkRuleId(id, (m) => fail(['rules', id], m))] = checkSetting(id as RuleId, setting, (m) => fail(['rules', id], m))
    }
  }
  if (obj.date !== undefined) {
    const date = obj.date instanceof Date ? obj.date.toISOString().slice(0, 10) : String(obj.date)
    if (!isDate(date)) fail(['date'], `\`date\` must be a date as YYYY-MM-DD, not \`${date}\``)
    config.date = date
  }
  if (obj.format !== undefined) {
    if (!FORMATS.has(obj.format as Format)) fail(['format'], `\`format\` must be one of text, markdown, html, not \`${String(obj.format)}\``)
    config.format = obj.format as Format
  }
  if (obj.knowledge !== undefined) {
    const list = typeof obj.knowledge === 'string' ? [obj.knowledge] : obj.knowledge
    if (!Array.isArray(list) || list.some((f) => typeof f !== 'string')) fail(['knowledge'], '`knowledge` must be a list of file paths')
    config.knowledge = (list as string[]).map((f) => ({path: path.resolve(baseDir, f), display: path.join(path.dirname(display), f)}))
  }
  return config
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
