/**
 * Settings per file: the nearest `.copydeskrc` above the file (or one given
 * config), its house knowledge files, and overrides from the command line or
 * the editor. Shared by the command line and the language server, so both
 * find the same config and give the same results.
 *
 * Configs and knowledge are cached by path and re-read when the file changes
 * (modification time), so an editor session sees edits to `.copydeskrc`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {CONFIG_NAMES, ConfigError, readConfig, type Config} from './config.js'
import picomatch from 'picomatch'
import {loadKnowledge, type Knowledge} from '../knowledge/base.js'
import type {LintSettings} from '../core/lint.js'
import type {RuleId} from '../core/rules.js'
import type {RuleSetting} from '../core/processor.js'

export interface Overrides {
  /** Use this config file for every file (`--config`). */
  configPath?: string
  /** Use no config file (`--no-config`). */
  noConfig?: boolean
  rules?: Partial<Record<RuleId, RuleSetting>>
  date?: string
  /** Today, for tests. */
  today?: string
  /** Chinese sources named on the command line: story path -> source path (both absolute). */
  sources?: Record<string, string>
  /** Largest story, in characters (`--max-size`); default 16 MiB. */
  maxSize?: number
  /** Base of the documentation links (`--docs`), over the config's `docs`. */
  docs?: string
}

interface Resolved {
  config: Config
  /** What the lint function needs for this file; the same object for every file it applies to. */
  settings: LintSettings
}

interface Base {
  stamp: string
  config: Config
  knowledge: Knowledge
  /** Processors by the overrides that matched. */
  byOverrides: Map<string, Resolved>
}

export class SettingsResolver {
  readonly cwd: string
  private readonly overrides: Overrides
  private readonly dirToConfig = new Map<string, string | undefined>()
  private readonly bases = new Map<string, Base>()
  private readonly matchers = new Map<string, (path: string) => boolean>()

  constructor(cwd: string, overrides: Overrides = {}) {
    this.cwd = cwd
    this.overrides = overrides
  }

  /** Largest story (and source), in characters; undefined: the default. */
  get maxSize(): number | undefined {
    return this.overrides.maxSize
  }

  /** The config file that applies to a file (undefined: none). */
  configPathFor(filePath: string | undefined): string | undefined {
    if (this.overrides.noConfig) return undefined
    if (this.overrides.configPath) return path.resolve(this.cwd, this.overrides.configPath)
    const dir = filePath ? path.dirname(path.resolve(this.cwd, filePath)) : this.cwd
    return this.findUp(dir)
  }

  /** Settings for a file; throws a DataError (ConfigError) for a bad config or house file. */
  forFile(filePath: string | undefined): Resolved {
    const base = this.baseFor(this.configPathFor(filePath))
    const config = base.config
    // Per-path overrides, in order, the later winning.
    const relative =
      filePath && config.dir
        ? path.relative(config.dir, path.resolve(this.cwd, filePath)).split(path.sep).join('/')
        : undefined
    const matched =
      relative === undefined
        ? []
        : config.overrides.flatMap((o, i) => (o.files.some((glob) => this.matcher(glob)(relative)) ? [i] : []))
    const key = matched.join(',')
    const cached = base.byOverrides.get(key)
    if (cached) return cached
    const effective: Config = {...config, rules: {...config.rules}, allow: [...config.allow]}
    for (const i of matched) {
      const o = config.overrides[i]
      Object.assign(effective.rules, o.rules)
      if (o.date) effective.date = o.date
      effective.allow.push(...o.allow)
    }
    // The command line and the editor have the last word.
    Object.assign(effective.rules, this.overrides.rules)
    if (this.overrides.date) effective.date = this.overrides.date
    const resolved: Resolved = {
      config: effective,
      settings: {
        knowledge: base.knowledge,
        date: effective.date,
        today: this.overrides.today,
        rules: effective.rules,
        allow: effective.allow,
        format: effective.format,
        maxSize: this.overrides.maxSize,
        docs: this.overrides.docs ?? effective.docs
      }
    }
    base.byOverrides.set(key, resolved)
    return resolved
  }

  private baseFor(configPath: string | undefined): Base {
    const key = configPath ?? ''
    const cached = this.bases.get(key)
    if (cached && (!configPath || cached.stamp === stampOf(configPath, cached.config))) return cached
    const config: Config = configPath
      ? readConfig(configPath, this.cwd)
      : {rules: {}, knowledge: [], allow: [], overrides: []}
    const base: Base = {
      // The stamp covers the config and its house files: editing either re-reads.
      stamp: configPath ? stampOf(configPath, config) : '',
      config,
      knowledge: loadKnowledge(config.knowledge),
      byOverrides: new Map()
    }
    this.bases.set(key, base)
    return base
  }

  private matcher(glob: string): (path: string) => boolean {
    let match = this.matchers.get(glob)
    if (!match) {
      match = picomatch(glob, {dot: true})
      this.matchers.set(glob, match)
    }
    return match
  }

  /**
   * The Chinese source of a story, if one is named (command line) or found
   * (config `source`). A config's template may lead only into the story's
   * folder or the config's own folder (the tree the config governs: a
   * repository's, when it sits at the top), links followed: a config in a
   * cloned repository cannot make copydesk read, and report the figures of,
   * a file elsewhere on the machine. Anything else is a ConfigError.
   */
  sourceFor(filePath: string | undefined): string | undefined {
    if (!filePath) return undefined
    const absolute = path.resolve(this.cwd, filePath)
    const named = this.overrides.sources?.[absolute]
    if (named) return named
    const config = this.forFile(filePath).config
    const template = config.source
    if (!template) return undefined
    const ext = path.extname(absolute)
    const name = path.basename(absolute, ext).replace(/\.en$/i, '')
    const candidate = path.resolve(path.dirname(absolute), template.replaceAll('{name}', name).replaceAll('{ext}', ext))
    const roots = [path.dirname(absolute), ...(config.dir ? [config.dir] : [])]
    const outside = () =>
      new ConfigError(
        config.path ?? '.copydeskrc',
        `\`source\` must stay inside the story's folder or the config's folder: \`${template}\` leads outside them for ${path.relative(this.cwd, absolute) || absolute}`
      )
    if (!roots.some((root) => isInside(root, candidate))) throw outside()
    if (candidate === absolute || !fs.existsSync(candidate)) return undefined
    // The path is inside; where it really is (through links) must be too.
    const real = fs.realpathSync(candidate)
    if (!roots.some((root) => isInside(realPath(root), real))) throw outside()
    return candidate
  }

  /** The overrides, for a worker thread that builds its own resolver. */
  overridesForWorkers(): Overrides {
    return {...this.overrides}
  }

  /** Forget cached configs (the editor reports changed files). */
  clear(): void {
    this.dirToConfig.clear()
    this.bases.clear()
  }

  private findUp(dir: string): string | undefined {
    if (this.dirToConfig.has(dir)) return this.dirToConfig.get(dir)
    let found: string | undefined
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name)
      try {
        if (fs.statSync(candidate).isFile()) {
          found = candidate
          break
        }
      } catch {
        // Not there.
      }
    }
    if (!found) {
      const parent = path.dirname(dir)
      found = parent === dir ? undefined : this.findUp(parent)
    }
    this.dirToConfig.set(dir, found)
    return found
  }
}

function stampOf(configPath: string, config: Config): string {
  return [configPath, ...config.knowledge.map((k) => k.path)]
    .map((f) => {
      try {
        const stat = fs.statSync(f)
        return `${stat.mtimeMs}:${stat.size}`
      } catch {
        return 'missing'
      }
    })
    .join('|')
}

/** Whether `target` is `folder` or below it (both absolute). */
function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}

function realPath(folder: string): string {
  try {
    return fs.realpathSync(folder)
  } catch {
    return folder
  }
}
