/**
 * Which files a run lints: paths, folders and globs expanded, and
 * `.copydeskignore` applied, with unified-engine's semantics (its `finder.js`,
 * `ignore.js` and `find-up.js`), so the main thread, the archive workers and the
 * language server agree:
 *
 * - each path is checked against the ignore file nearest above it (only that
 *   one), its patterns relative to the ignore file's folder; an ignore file
 *   given with `--ignore-path` replaces them all, its patterns relative to the
 *   working folder;
 * - folders are searched for the given extensions, skipping `node_modules`
 *   (and `.git`) and whatever is ignored on the way down;
 * - a path or glob match named on the command line is linted whatever its
 *   extension; one that is ignored, or missing, is reported as such.
 *
 * Written here rather than borrowed because unified-engine does not export its
 * finder, and the archive path must find files without reading them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import * as ignoreModule from 'ignore'
import {DataError} from '../knowledge/parse-data.js'
import {DATA_SIZE_LIMIT, readTextFile, UnreadableFileError, unreadableReason} from '../knowledge/read-text-file.js'

// `ignore` is CommonJS with a function export (its default under ES modules).
type IgnoreList = {add(patterns: string): IgnoreList; ignores(path: string): boolean}
const createIgnore = ((ignoreModule as unknown as {default?: () => IgnoreList}).default ??
  (ignoreModule as unknown as () => IgnoreList)) as () => IgnoreList

/** Folders never searched (named files inside them are still linted). */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git'])

export const IGNORE_NAME = '.copydeskignore'

export interface IgnoreOptions {
  cwd: string
  /** Look for this ignore file above each file (`.copydeskignore`); none when undefined (`--no-ignore`). */
  ignoreName?: string
  /** Use this ignore file for every file instead (`--ignore-path`), relative to `cwd`. */
  ignorePath?: string
}

interface IgnoreFile {
  /** Folder the patterns are relative to. */
  base: string
  list: IgnoreList
}

/**
 * Ignore files, read once each and looked up once per folder. Throws a
 * DataError when an ignore file cannot be read.
 */
export class IgnoreFiles {
  readonly cwd: string
  private readonly name?: string
  private readonly givenPath?: string
  private given?: IgnoreFile
  /** Folder -> the nearest ignore file at or above it (null: none). */
  private readonly nearest = new Map<string, IgnoreFile | null>()

  constructor(options: IgnoreOptions) {
    this.cwd = path.resolve(options.cwd)
    this.name = options.ignoreName
    this.givenPath = options.ignorePath === undefined ? undefined : path.resolve(this.cwd, options.ignorePath)
  }

  /** Whether this path (file or folder) itself is ignored by the ignore file that applies to it. */
  ignores(filePath: string): boolean {
    const absolute = path.resolve(this.cwd, filePath)
    const ignoreFile = this.ignoreFileFor(path.dirname(absolute))
    if (!ignoreFile) return false
    const relative = path.relative(ignoreFile.base, absolute)
    if (relative === '' || relative === '..' || relative.startsWith('..' + path.sep) || path.isAbsolute(relative))
      return false
    return ignoreFile.list.ignores(relative.split(path.sep).join('/'))
  }

  /**
   * Whether a search of `root` would skip this file: the file, or a folder on
   * the way down to it, is ignored or never searched. The language server asks
   * this for each document, with its workspace folder as the root, so that it
   * agrees with `copydesk <folder>`.
   */
  excludes(root: string, filePath: string): boolean {
    const top = path.resolve(this.cwd, root)
    const absolute = path.resolve(this.cwd, filePath)
    const relative = path.relative(top, absolute)
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return this.ignores(absolute)
    let current = top
    for (const part of relative.split(path.sep)) {
      current = path.join(current, part)
      if (SKIPPED_FOLDERS.has(part) || this.ignores(current)) return true
    }
    return false
  }

  /** Forget what was read (an ignore file changed). */
  clear(): void {
    this.given = undefined
    this.nearest.clear()
  }

  private ignoreFileFor(folder: string): IgnoreFile | undefined {
    if (this.givenPath) {
      this.given ??= {base: this.cwd, list: createIgnore().add(this.read(this.givenPath) ?? '')}
      return this.given
    }
    if (!this.name) return undefined
    return this.findUp(folder) ?? undefined
  }

  private findUp(folder: string): IgnoreFile | null {
    const known = this.nearest.get(folder)
    if (known !== undefined) return known
    const candidate = path.join(folder, this.name!)
    const text = this.read(candidate, true)
    let found: IgnoreFile | null
    if (text !== undefined) found = {base: folder, list: createIgnore().add(text)}
    else {
      const parent = path.dirname(folder)
      found = parent === folder ? null : this.findUp(parent)
    }
    this.nearest.set(folder, found)
    return found
  }

  /** The text of an ignore file; undefined when a looked-for file is not there. */
  private read(filePath: string, optional = false): string | undefined {
    try {
      return readTextFile(filePath, DATA_SIZE_LIMIT)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (optional && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined
      throw new DataError(
        path.relative(this.cwd, filePath) || filePath,
        error instanceof UnreadableFileError
          ? `cannot read ignore file: ${unreadableReason(error)}`
          : `cannot read ignore file (${code ?? 'error'})`
      )
    }
  }
}

export interface FindOptions extends IgnoreOptions {
  /** Paths, folders and globs, as given on the command line. */
  inputs: string[]
  /** Extensions searched for in folders, without the dot (`txt`, `md`). */
  extensions: string[]
}

/** A path that was named but cannot be linted, with the reason (unified-engine's words). */
export interface Unlintable {
  path: string
  reason: string
  cause?: Error
}

export interface FoundFiles {
  /** Files to lint, relative to `cwd`, sorted. */
  files: string[]
  /** Named paths that are missing or ignored. */
  unlintable: Unlintable[]
}

/** Find the files a run lints. Throws a DataError when an ignore file cannot be read. */
export async function findFiles(options: FindOptions): Promise<FoundFiles> {
  const cwd = path.resolve(options.cwd)
  const ignoreFiles = new IgnoreFiles(options)
  const extensions = new Set(options.extensions.map((extension) => '.' + extension))
  const files = new Set<string>()
  const unlintable = new Map<string, Unlintable>()
  const searched = new Set<string>()

  const given: string[] = []
  for (const input of options.inputs) {
    if (hasMagic(input)) given.push(...(await glob(input, {cwd})))
    else given.push(path.relative(cwd, path.resolve(cwd, input)) || '.')
  }

  /** `file`: the folder's listing says the entry is a regular file (no stat needed). */
  const search = (relative: string, nested: boolean, file = false): void => {
    const absolute = path.resolve(cwd, relative)
    const name = path.basename(absolute)
    if (nested && SKIPPED_FOLDERS.has(name)) return
    // A file of a folder is linted only with a listed extension: nothing more to ask of the others.
    if (file && !extensions.has(path.extname(name))) return
    let stats: fs.Stats | undefined
    let statError: NodeJS.ErrnoException | undefined
    if (!file) {
      try {
        stats = fs.statSync(absolute)
      } catch (error) {
        statError = error as NodeJS.ErrnoException
      }
    }
    const ignored = ignoreFiles.ignores(absolute)
    if (ignored && nested) return
    if (!ignored && stats?.isDirectory()) {
      let entries: fs.Dirent[]
      try {
        // Each folder once, even through a symbolic link that loops back.
        const real = fs.realpathSync(absolute)
        if (searched.has(real)) return
        searched.add(real)
        entries = fs.readdirSync(absolute, {withFileTypes: true})
      } catch (error) {
        const display = path.relative(cwd, absolute) || '.'
        unlintable.set(display, {path: display, reason: 'Cannot read folder', cause: error as Error})
        return
      }
      // A link, a folder or anything else is looked at with stat (a link goes where it points).
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      for (const entry of entries) search(path.join(relative, entry.name), true, entry.isFile())
      return
    }
    if (nested && !extensions.has(path.extname(name))) return
    const display = path.relative(cwd, absolute)
    if (ignored) unlintable.set(display, {path: display, reason: 'Cannot process specified file: it’s ignored'})
    else if (statError?.code === 'ENOENT')
      unlintable.set(display, {path: display, reason: 'No such file or folder', cause: statError})
    else files.add(display)
  }
  for (const relative of given) search(relative, false)

  const byPath = (a: string, b: string) => a.localeCompare(b)
  return {
    files: [...files].filter((file) => !unlintable.has(file)).sort(byPath),
    unlintable: [...unlintable.values()].sort((a, b) => byPath(a.path, b.path))
  }
}
