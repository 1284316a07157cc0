/**
 * `copydesk serve`: the page for editors (web/dist, built by `npm run build`),
 * served on localhost. Everything runs in the browser; this server only hands
 * out the page's files, and only to this machine unless --host says otherwise.
 */
import fs from 'node:fs'
import http from 'node:http'
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
  '.webmanifest': 'application/manifest+json'
}

export function webRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'web', 'dist')
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate
    dir = path.dirname(dir)
  }
  throw new Error('the page is not built: run `npm run build` in the copydesk folder')
}

export function startServer(options: {port: number; host: string; root?: string}): Promise<http.Server> {
  const root = options.root ?? webRoot()
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)))
    if (!file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    if (file.endsWith(path.sep) || (fs.existsSync(file) && fs.statSync(file).isDirectory()))
      file = path.join(file, 'index.html')
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, {'content-type': 'text/plain'}).end('not found')
        return
      }
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        // Confidential copy: the page makes no request to any other origin.
        'content-security-policy':
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
        'cache-control': 'no-cache'
      })
      response.end(body)
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve(server))
  })
}
