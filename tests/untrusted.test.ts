/**
 * Files and requests copydesk did not make: the page server facing any page the
 * editor's browser visits, `--since` on file names git quotes, configs built to
 * exhaust memory. Each must give a result or a one-line refusal, never a crash.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startServer, pageUrl, type PageServer} from '../src/page-server/server.js'
import {diffHeaderPath} from '../src/cli/since.js'
import {root} from './helpers.js'

const bin = path.join(root, 'bin', 'copydesk.js')
let tmp: string

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-untrusted-'))
})

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true})
})

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    input: '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** One raw HTTP/1.1 request (no client-side normalisation of the path), the status and headers back. */
function raw(port: number, request: string): Promise<{status: number; headers: string; body: string}> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (data += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
        headers: head.toLowerCase(),
        body: rest.join('')
      })
    })
    socket.write(request)
  })
}

const get = (port: number, target: string, host = `127.0.0.1:${port}`, method = 'GET') =>
  raw(port, `${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)

describe('the page server', () => {
  let server: PageServer
  let port: number
  let pageRoot: string

  beforeAll(async () => {
    const base = path.join(tmp, 'site')
    pageRoot = path.join(base, 'dist')
    fs.mkdirSync(path.join(pageRoot, 'assets'), {recursive: true})
    fs.writeFileSync(path.join(pageRoot, 'index.html'), '<!doctype html><title>copydesk</title>')
    fs.writeFileSync(path.join(pageRoot, 'assets', 'app.js'), 'export {}')
    // A sibling whose name starts with the root's, and a secret outside reached by a link.
    fs.mkdirSync(path.join(base, 'dist-private'))
    fs.writeFileSync(path.join(base, 'dist-private', 'secret.txt'), 'secret')
    fs.writeFileSync(path.join(tmp, 'outside.txt'), 'secret')
    fs.symlinkSync(path.join(tmp, 'outside.txt'), path.join(pageRoot, 'link.txt'))
    fs.symlinkSync(path.join(base, 'dist-private'), path.join(pageRoot, 'linked-folder'))
    server = await startServer({port: 0, host: '127.0.0.1', root: pageRoot})
    port = (server.address() as net.AddressInfo).port
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('serves the page with its policy headers', async () => {
    const response = await get(port, '/')
    expect(response.status).toBe(200)
    expect(response.headers).toContain('x-content-type-options: nosniff')
    expect(response.headers).toMatch(/content-security-policy: [^\r\n]*frame-ancestors 'none'/)
    expect((await get(port, '/assets/app.js')).headers).toContain('content-type: text/javascript')
  })

  it('answers malformed paths with 400 and keeps running', async () => {
    for (const target of ['/%ff', '/%', '/%00', '/a%00b.js', '/%E0%A4%A']) {
      expect((await get(port, target)).status, target).toBe(400)
    }
    expect((await get(port, '/')).status).toBe(200)
  })

  it('serves nothing outside its folder: siblings with the same prefix, symbolic links, traversal', async () => {
    for (const target of [
      '/../dist-private/secret.txt',
      '/..%2fdist-private%2fsecret.txt',
      '/%2e%2e/dist-private/secret.txt',
      '/link.txt',
      '/linked-folder/secret.txt',
      '/nothing-here.html'
    ]) {
      const response = await get(port, target)
      expect(response.status, target).toBe(404)
      expect(response.body).not.toContain('secret')
      // Errors carry the same policy as pages.
      expect(response.headers).toContain('x-content-type-options: nosniff')
    }
  })

  it('refuses methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'DELETE', 'PUT', 'OPTIONS']) {
      const response = await get(port, '/', undefined, method)
      expect(response.status, method).toBe(405)
      expect(response.headers).toContain('allow: get, head')
    }
    expect((await get(port, '/', undefined, 'HEAD')).status).toBe(200)
  })

  it('answers only to its own names (no DNS rebinding)', async () => {
    expect((await get(port, '/', 'attacker.example')).status).toBe(403)
    expect((await get(port, '/', `attacker.example:${port}`)).status).toBe(403)
    expect((await get(port, '/', `localhost:${port}`)).status).toBe(200)
    expect((await get(port, '/', `[::1]:${port}`)).status).toBe(200)
  })

  it('stops at once with a half-open connection', async () => {
    const other = await startServer({port: 0, host: '127.0.0.1', root: pageRoot})
    const otherPort = (other.address() as net.AddressInfo).port
    const socket = net.connect(otherPort, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n') // headers never finished
    socket.on('error', () => {})
    const started = Date.now()
    await other.stop()
    // Generous: the point is "not minutes" (the request timeout alone is 10 s).
    expect(Date.now() - started).toBeLessThan(5000)
    socket.destroy()
  })

  it('prints an IPv6 address in brackets', async () => {
    let v6: PageServer | undefined
    try {
      v6 = await startServer({port: 0, host: '::1', root: pageRoot})
    } catch {
      return // no IPv6 loopback on this machine
    }
    expect(pageUrl(v6)).toMatch(/^http:\/\/\[::1\]:\d+\/$/)
    await v6.stop()
    expect(pageUrl(server)).toBe(`http://127.0.0.1:${port}/`)
  })
})

describe('--since on file names git quotes', () => {
  it('reads the path of every diff header form', () => {
    expect(diffHeaderPath('b/plain.txt')).toBe('plain.txt')
    expect(diffHeaderPath('b/with space.txt\t')).toBe('with space.txt')
    expect(diffHeaderPath('"b/quo\\"te.txt"')).toBe('quo"te.txt')
    expect(diffHeaderPath('"b/tab\\tx.txt"')).toBe('tab\tx.txt')
    expect(diffHeaderPath('"b/back\\\\slash.txt"')).toBe('back\\slash.txt')
    expect(diffHeaderPath('"b/na\\303\\257ve.txt"')).toBe('naïve.txt')
    expect(diffHeaderPath('/dev/null')).toBeUndefined()
  })

  it('reports the changed line of files named with spaces, quotes, tabs and non-ASCII letters', () => {
    const repo = path.join(tmp, 'repo')
    fs.mkdirSync(repo)
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=desk@example.org', '-c', 'user.name=Desk', ...args], {cwd: repo})
    git('init', '-q')
    const names = ['with space.txt', 'quo"te.txt', 'tab\tname.txt', 'Zürich report.txt', 'back\\slash.txt']
    const clean = 'The 20th China-ASEAN Expo opened on September 9.\n\nIt drew 2,000 exhibitors.\n'
    for (const name of names) fs.writeFileSync(path.join(repo, name), clean)
    git('add', '-A')
    git('commit', '-qm', 'stories')
    for (const name of names) fs.writeFileSync(path.join(repo, name), clean + '\nThe 21th Expo will open next year.\n')
    const result = run(['--since', 'HEAD', '--report', 'json', ...names], repo)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number}>}>
    for (const name of names) {
      const file = report.find((entry) => entry.path === name)
      expect(
        file?.messages.map((m) => `${m.ruleId}:${m.line}`),
        name
      ).toEqual(['malformed-ordinal:5'])
    }
  })
})

describe('configs built to exhaust memory', () => {
  it('a YAML alias bomb in .copydeskrc is bad input: exit 2, one line', () => {
    const folder = path.join(tmp, 'bomb')
    fs.mkdirSync(folder)
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = 'abcdefg'[index]
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    levels.push('rules: [*g]')
    fs.writeFileSync(path.join(folder, '.copydeskrc.yml'), levels.join('\n') + '\n')
    fs.writeFileSync(path.join(folder, 'story.txt'), 'The 21th Expo.\n')
    const result = run(['story.txt'], folder)
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^copydesk: \.copydeskrc\.yml: invalid YAML: .*alias/i)
  })
})
