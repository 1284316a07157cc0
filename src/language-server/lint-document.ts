/**
 * Lint one version of a document: skipped when `copydesk <workspace folder>`
 * would skip it (ignored, or under node_modules), else the editor's text
 * through the one lint path with the settings of its workspace.
 */
import {VFile} from 'vfile'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {lintWithSettings} from '../config/lint-file.js'
import {fatalMessage} from '../core/messages.js'
import type {PieceCache} from '../core/english.js'
import type {Workspaces} from './workspaces.js'

/**
 * The document's file with its messages, sorted; undefined when it is ignored.
 * `pieces` holds the document's parsed pieces from one version to the next.
 */
export async function lintDocument(
  document: TextDocument,
  workspaces: Workspaces,
  pieces?: PieceCache
): Promise<VFile | undefined> {
  const workspace = workspaces.of(document.uri)
  const filePath = workspaces.pathOf(document.uri)
  const file = new VFile({cwd: workspace.folder, path: filePath, value: document.getText()})
  if (pieces) file.data.pieceCache = pieces
  try {
    if (workspace.ignoreFiles.excludes(workspace.folder, filePath)) return undefined
  } catch (error) {
    // An ignore file that cannot be read: say so on the document.
    fatalMessage(file, error)
    return file
  }
  await lintWithSettings(file, workspace.resolver)
  return file
}
