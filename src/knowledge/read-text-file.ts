/**
 * The one bounded reader every file copydesk reads goes through: stories,
 * sources, configs, house knowledge and ignore files. A repository copydesk
 * did not make may hold a named pipe, a link to a device or a file of any size
 * where a story or a config is expected; none of them may hang a run or fill
 * its memory.
 */
import fs from 'node:fs'

/**
 * The largest config, house knowledge or ignore file read, in bytes. The
 * largest built-in data file is 0.2 MB; a file past this is not a newsroom's
 * list but a mistake, or a repository built to exhaust memory.
 */
export const DATA_SIZE_LIMIT = 4 * 1024 * 1024

/** A file {@link readTextFile} refuses: not a regular file, or too large. */
export class UnreadableFileError extends Error {
  /** What the path is, when it is not a regular file: `a named pipe`, `a device`, `a socket`. */
  readonly kind?: string
  /** For a file too large: its size in bytes (as far as it was read) and the limit. */
  readonly size?: number
  readonly limit?: number
  constructor(details: {kind: string} | {size: number; limit: number}) {
    super(
      'kind' in details
        ? `${details.kind}, not a regular file`
        : `${megabytes(details.size)} MB, over the limit of ${megabytes(details.limit)} MB`
    )
    this.name = 'UnreadableFileError'
    if ('kind' in details) this.kind = details.kind
    else {
      this.size = details.size
      this.limit = details.limit
    }
  }
}

/** Bytes read at a time past the size the file had when opened. */
const CHUNK = 64 * 1024

/**
 * Read a regular file as UTF-8 (a byte-order mark kept, as `fs.readFileSync`
 * keeps it), never more than `limit` bytes. Anything else is refused before a
 * byte is read: a named pipe would block the run, a device such as /dev/zero
 * never ends, and a story that is a link to either is the same. The size is
 * checked on the open file (fstat) and the read stops at `limit` even if the
 * file grows meanwhile. Throws an {@link UnreadableFileError}, or the system
 * error (ENOENT, EACCES, EISDIR) as `fs` throws it.
 */
export function readTextFile(filePath: string, limit: number): string {
  // stat first: opening some devices has effects of its own.
  refuseUnlessFile(fs.statSync(filePath))
  // Non-blocking: a file replaced by a named pipe since the stat still cannot block the open.
  const fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  try {
    const stats = fs.fstatSync(fd)
    refuseUnlessFile(stats)
    if (stats.size > limit) throw tooLarge(stats.size, limit)
    // One byte past the limit tells a file that grew past it.
    const chunks: Buffer[] = []
    let total = 0
    let chunk = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1)
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read))
      total += read
      if (total > limit) throw tooLarge(total, limit)
      // A regular file reads short only at its end: no read more to be told so.
      if (read < chunk.length) break
      chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total))
    }
    return (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)).toString('utf8')
  } finally {
    fs.closeSync(fd)
  }
}

function refuseUnlessFile(stats: fs.Stats): void {
  if (stats.isFile()) return
  if (stats.isDirectory()) {
    throw Object.assign(new Error('EISDIR: illegal operation on a directory'), {code: 'EISDIR'})
  }
  const kind = stats.isFIFO()
    ? 'a named pipe'
    : stats.isCharacterDevice() || stats.isBlockDevice()
      ? 'a device'
      : stats.isSocket()
        ? 'a socket'
        : 'a special file'
  throw new UnreadableFileError({kind})
}

function tooLarge(size: number, limit: number): UnreadableFileError {
  return new UnreadableFileError({size, limit})
}

/** Bytes (or characters) as megabytes with one decimal, as size messages give them. */
export function megabytes(size: number): string {
  return (size / 1024 / 1024).toFixed(1)
}

/** Why a data file could not be read, for a one-line DataError. */
export function unreadableReason(error: unknown): string {
  if (error instanceof UnreadableFileError) {
    return error.kind ? `${error.kind}, not a regular file` : `file too large (${error.message})`
  }
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EISDIR') return 'a folder, not a file'
  return `cannot read file (${code ?? 'error'})`
}
