/** Quick fixes: each replacement a diagnostic carries (`expected`) offered as an edit. */
import {CodeAction, CodeActionKind, TextEdit, type CodeActionParams} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'

export function quickFixes(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = []
  for (const diagnostic of params.context.diagnostics) {
    const expected = (diagnostic.data as {expected?: unknown} | undefined)?.expected
    if (!Array.isArray(expected)) continue
    const actual = document.getText(diagnostic.range)
    for (const replacement of expected) {
      if (typeof replacement !== 'string') continue
      const title = replacement ? `Replace \`${actual}\` with \`${replacement}\`` : `Remove \`${actual}\``
      const action = CodeAction.create(
        title,
        {changes: {[document.uri]: [TextEdit.replace(diagnostic.range, replacement)]}},
        CodeActionKind.QuickFix
      )
      action.diagnostics = [diagnostic]
      if (expected.length === 1) action.isPreferred = true
      actions.push(action)
    }
  }
  return actions
}
