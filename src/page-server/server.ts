/**
 * `copydesk serve`: the page for editors (web/dist, built by `npm run build`),
 * served on localhost. Everything runs in the browser; this server only hands
 * out the page's files, and only to this machine unless --host says otherwise.
 *
 * Any page the editor's browser visits can send requests to a port on
 * localhost, so the server answers only what the page needs: GET and HEAD of
 * regular files inside the page folder (no symbolic links out of it, no
 * malformed paths), to a Host header that names this server (a DNS-rebinding
 * page cannot read it), every response with the same content policy.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2'
}

/** On every response, errors included: the page makes no request to any other origin and is never framed. */
const POLICY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

/** A slow or half-open client must not hold the server (or its shutdown) for minutes. */
const REQUEST_TIMEOUT_MS = 10_000

export function webRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'web', 'dist')
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate
    dir = path.dirname(dir)
  }
  throw new Error('the page is not built: run `npm run build` in the copydesk folder')
}

export interface PageServerOptions {
  port: number
  host: string
  /** The page folder (default: the built web/dist). */
  root?: string
}

export interface PageServer extends http.Server {
  /** Stop listening and drop open connections (keep-alive or half-open), then resolve. */
  stop(): Promise<void>
}

export function startServer(options: PageServerOptions): Promise<PageServer> {
  const root = fs.realpathSync(options.root ?? webRoot())
  const allowedHosts = hostNames(options.host)
  const server = http.createServer((request, response) => {
    const status = answer(request, response, root, allowedHosts)
    if (status !== undefined) refuse(response, status)
  }) as PageServer
  server.requestTimeout = REQUEST_TIMEOUT_MS
  server.headersTimeout = REQUEST_TIMEOUT_MS
  server.keepAliveTimeout = 2_000
  server.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}

/** The address a person opens: IPv6 in brackets, a wildcard host as localhost. */
export function pageUrl(server: http.Server): string {
  const address = server.address()
  if (!address || typeof address === 'string') return String(address)
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`
}

/** Serve a file, or return the status of the refusal. */
function answer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  root: string,
  allowedHosts: Set<string>
): number | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD')
    return 405
  }
  if (!allowedHosts.has(hostOf(request.headers.host))) return 403
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
  } catch {
    return 400
  }
  if (pathname.includes('\0')) return 400
  const file = resolveInside(root, pathname)
  if (!file) return 404
  const body = fs.readFileSync(file)
  response.writeHead(200, {
    ...POLICY_HEADERS,
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache'
  })
  response.end(request.method === 'HEAD' ? undefined : body)
  return undefined
}

/**
 * The regular file a URL path names inside `root` (a folder's index.html), or
 * undefined: outside the folder, through a symbolic link, or not a file.
 */
function resolveInside(root: string, pathname: string): string | undefined {
  let file = path.join(root, path.normalize(pathname))
  if (!isInside(root, file)) return undefined
  try {
    if (pathname.endsWith('/') || fs.lstatSync(file).isDirectory()) file = path.join(file, 'index.html')
    // Each component must be the real one: no link inside the folder leads elsewhere.
    if (fs.realpathSync(file) !== file) return undefined
    return fs.lstatSync(file).isFile() ? file : undefined
  } catch {
    return undefined
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

function refuse(response: http.ServerResponse, status: number): void {
  const reasons: Record<number, string> = {
    400: 'bad request',
    403: 'this server answers only requests addressed to it by its own name',
    404: 'not found',
    405: 'only GET and HEAD'
  }
  response.writeHead(status, {...POLICY_HEADERS, 'content-type': 'text/plain; charset=utf-8'})
  response.end(`${reasons[status] ?? 'error'}\n`)
}

/** The host name of a Host header, lower-case, without the port or IPv6 brackets. */
function hostOf(header: string | undefined): string {
  if (!header) return ''
  const host = header.trim().toLowerCase()
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    return close < 0 ? host.slice(1) : host.slice(1, close)
  }
  const colon = host.lastIndexOf(':')
  return colon >= 0 && host.indexOf(':') === colon ? host.slice(0, colon) : host
}

/** Names a browser may use for this server: loopback names, the bound host and, on a wildcard, this machine's. */
function hostNames(host: string): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', hostOf(host.includes(':') ? `[${host}]` : host)])
  if (host === '0.0.0.0' || host === '::') {
    names.add(os.hostname().toLowerCase())
    for (const list of Object.values(os.networkInterfaces())) {
      for (const entry of list ?? []) names.add(entry.address.toLowerCase())
    }
  }
  return names
}
