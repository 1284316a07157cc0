/** node:url for the browser: copydesk only builds documentation links with it. */
export function pathToFileURL(p: string): URL {
  return new URL('.' + p, document.baseURI)
}
export function fileURLToPath(u: string | URL): string {
  return new URL(String(u)).pathname
}
export default {pathToFileURL, fileURLToPath}
