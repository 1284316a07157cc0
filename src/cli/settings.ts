/**
 * From the command line's options to the settings resolver every file is
 * linted with: `--rule`, `--date`, `--config`/`--no-config`, `--source`,
 * `--max-size` and `--docs` on top of each file's nearest `.copydeskrc`. The
 * config that applies in the working folder is checked here, before anything
 * is linted; configs nearer to the files are checked as they are met.
 */
import fs from 'node:fs'
import path from 'node:path'
import {readSourceFile} from '../config/lint-file.js'
import {SettingsResolver, type Overrides} from '../config/settings.js'
import {InputError} from '../core/parse.js'
import {UsageError, type CliOptions} from './options.js'

/** Throws a UsageError for a missing file, a DataError for a bad config or house file. */
export function createResolver(options: CliOptions, cwd: string): SettingsResolver {
  const overrides: Overrides = {
    rules: options.rules,
    date: options.date,
    maxSize: options.maxSize,
    docs: options.docs
  }
  if (options.config === false) overrides.noConfig = true
  else if (options.config !== undefined) {
    if (!fs.existsSync(path.resolve(cwd, options.config)))
      throw new UsageError(`config file not found: ${options.config}`)
    overrides.configPath = options.config
  }
  if (options.source !== undefined) {
    const sourcePath = path.resolve(cwd, options.source)
    if (!fs.existsSync(sourcePath)) throw new UsageError(`source file not found: ${options.source}`)
    // Checked now (a binary file, a device, over the size limit), so that a bad source stops the run with one line.
    try {
      readSourceFile(sourcePath, options.source, options.maxSize)
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(error.message)
      throw error
    }
    overrides.sources = {[path.resolve(cwd, options.inputs[0])]: sourcePath}
  }
  const resolver = new SettingsResolver(cwd, overrides)
  resolver.forFile(undefined)
  return resolver
}
