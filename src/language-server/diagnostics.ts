/**
 * vfile messages as LSP diagnostics, as unified-language-server maps them:
 * range, severity from `fatal`, the rule id as code, the note under the
 * reason, `expected` kept for quick fixes, and the earlier mentions a message
 * points back to as related information.
 */
import {fromPosition} from 'unist-util-lsp'
import type {VFileMessage} from 'vfile-message'
import {Diagnostic, DiagnosticSeverity, Range} from 'vscode-languageserver/node.js'
import {installedDocsUrl} from '../config/docs.js'

export function toDiagnostic(message: VFileMessage, uri: string): Diagnostic {
  const place = message.place
  const range =
    place && 'start' in place
      ? fromPosition(place)
      : place
        ? Range.create(place.line - 1, place.column - 1, place.line - 1, place.column - 1)
        : Range.create(0, 0, 0, 0)
  const diagnostic = Diagnostic.create(
    range,
    message.note ? `${message.reason}\n${message.note}` : message.reason,
    message.fatal === true
      ? DiagnosticSeverity.Error
      : message.fatal === false
        ? DiagnosticSeverity.Warning
        : DiagnosticSeverity.Information,
    message.ruleId ?? undefined,
    'copydesk'
  )
  if (message.url) diagnostic.codeDescription = {href: installedDocsUrl(message.url)}
  if (message.expected) diagnostic.data = {expected: message.expected}
  if (message.related?.length) {
    diagnostic.relatedInformation = message.related.map((related) => ({
      location: {uri, range: fromPosition({start: related.start, end: related.end})},
      message: related.message
    }))
  }
  return diagnostic
}

/** The one diagnostic for a document copydesk failed on (a bug): at its start, with the reason. */
export function failureDiagnostic(error: unknown): Diagnostic {
  return Diagnostic.create(
    Range.create(0, 0, 0, 0),
    `copydesk could not lint this document: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
    DiagnosticSeverity.Error,
    undefined,
    'copydesk'
  )
}
