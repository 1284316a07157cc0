/**
 * The documentation links on the machine where copydesk is installed. Reports
 * keep the default link (the same page for whoever reads them); the editor runs
 * beside the installed package, so there the default link becomes the
 * package's own docs/rules.md, which opens offline and matches the installed
 * version. A configured base (`docs`, `--docs`) is left as it is.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {DEFAULT_DOCS} from '../core/rule.js'
import {dataDir} from '../knowledge/files.js'

export function installedDocsUrl(url: string): string {
  if (!url.startsWith(DEFAULT_DOCS + '#')) return url
  const page = pathToFileURL(path.join(path.dirname(dataDir()), 'docs', 'rules.md')).href
  return page + url.slice(DEFAULT_DOCS.length)
}
