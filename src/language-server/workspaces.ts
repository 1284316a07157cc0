/**
 * Which settings and ignore files a document is linted with: those of the
 * workspace folder it is in (its own folder when it is in none), found as the
 * command line finds them when run on that folder: the nearest `.copydeskrc`
 * above the document (src/config/settings.ts) and `.copydeskignore` with the
 * engine's semantics (src/config/discover.ts). Both are read once per folder
 * and read again when the editor reports a change.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {IGNORE_NAME, IgnoreFiles} from '../config/discover.js'
import {SettingsResolver, type Overrides} from '../config/settings.js'

export interface Workspace {
  folder: string
  resolver: SettingsResolver
  ignoreFiles: IgnoreFiles
}

export class Workspaces {
  private readonly folders: string[] = []
  private readonly byFolder = new Map<string, Workspace>()
  private readonly overrides: Overrides

  /** `overrides`: what every resolver starts from (today, for tests; the size limit). */
  constructor(overrides: Overrides = {}) {
    this.overrides = overrides
  }

  /** The workspace folders the editor opened (file URIs only). */
  add(uris: string[]): void {
    for (const uri of uris) if (uri.startsWith('file:')) this.folders.push(fileURLToPath(uri))
  }

  get size(): number {
    return this.folders.length
  }

  /** The path of a document: its file, or an untitled story in its workspace. */
  pathOf(uri: string): string {
    return uri.startsWith('file:') ? fileURLToPath(uri) : path.join(this.folderOf(uri), 'untitled.txt')
  }

  /** The workspace of a document (the innermost folder holding it). */
  of(uri: string): Workspace {
    const folder = this.folderOf(uri)
    let workspace = this.byFolder.get(folder)
    if (!workspace) {
      workspace = {
        folder,
        resolver: new SettingsResolver(folder, this.overrides),
        ignoreFiles: new IgnoreFiles({cwd: folder, ignoreName: IGNORE_NAME})
      }
      this.byFolder.set(folder, workspace)
    }
    return workspace
  }

  /** Forget every config and ignore file read (one changed). */
  clear(): void {
    for (const workspace of this.byFolder.values()) {
      workspace.resolver.clear()
      workspace.ignoreFiles.clear()
    }
  }

  private folderOf(uri: string): string {
    const filePath = uri.startsWith('file:') ? fileURLToPath(uri) : uri
    const folder = this.folders
      .filter((f) => filePath === f || filePath.startsWith(f + path.sep))
      .sort((a, b) => b.length - a.length)[0]
    return folder ?? path.dirname(filePath)
  }
}
