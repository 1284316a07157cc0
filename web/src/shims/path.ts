/** The few node:path functions copydesk's core uses, for the browser (POSIX paths). */
function normalize(parts: string[]): string {
  const out: string[] = []
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return '/' + out.join('/')
}
export const sep = '/'
export function join(...parts: string[]): string {
  return normalize(parts)
}
export function resolve(...parts: string[]): string {
  const last = parts.map(String).reduceRight((acc, p) => (acc.startsWith('/') ? acc : p + '/' + acc), '')
  return normalize([last])
}
function trimSlashes(p: string): string {
  let end = p.length
  while (end > 1 && p[end - 1] === '/') end--
  return p.slice(0, end)
}
export function dirname(p: string): string {
  const i = trimSlashes(p).lastIndexOf('/')
  return i <= 0 ? '/' : p.slice(0, i)
}
export function basename(p: string, ext?: string): string {
  const base = trimSlashes(p).split('/').pop() ?? ''
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base
}
export function extname(p: string): string {
  const base = basename(p)
  const i = base.lastIndexOf('.')
  return i > 0 ? base.slice(i) : ''
}
export function relative(from: string, to: string): string {
  const a = normalize([from]).split('/').filter(Boolean)
  const b = normalize([to]).split('/').filter(Boolean)
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/')
}
export default {sep, join, resolve, dirname, basename, extname, relative}
