/**
 * `--shard i/n`: one part of the files a run finds, so that n jobs (a CI
 * matrix, a batch system) each lint one part and together the whole, once.
 *
 * A file's shard is decided by its path alone: a hash of the path relative to
 * the working folder (forward slashes, Unicode NFC), modulo n. So every job
 * that runs the same command in the same folder computes the same split
 * without talking to the others; adding or removing a file moves no other
 * file; and the split does not depend on the order or the number of files a
 * job happens to find. Changing n reshuffles everything, which costs nothing:
 * each run starts from scratch.
 *
 * The root is the working folder, not the git top-level: files are already
 * found relative to it (src/config/discover.ts), an archive of stories need
 * not be a git repository, and the jobs of a matrix run the same command in
 * the same folder (in GitHub Actions, the root of the checkout).
 */
import crypto from 'node:crypto'
import path from 'node:path'
import type {FoundFiles} from '../config/discover.js'

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number
  count: number
}

/** Largest number of shards: far more than any CI matrix runs (GitHub's allows 256 jobs). */
export const MAX_SHARDS = 10_000

/** Parse `i/n`; returns the problem as a sentence when it is not one. */
export function parseShard(spec: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim())
  const problem = `must be i/n, the part i of n to lint (1 <= i <= n <= ${MAX_SHARDS}), not \`${spec}\``
  if (!match) return problem
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) return problem
  return {index, count}
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`
}

/**
 * The shard (1-based) a path belongs to among `count`: the first 48 bits of the
 * SHA-256 of the path as `relativeKey` writes it, modulo `count` (the bias of
 * the modulo is below 2^-30 for any count allowed).
 */
export function shardOf(relativePath: string, count: number): number {
  const digest = crypto.createHash('sha256').update(relativeKey(relativePath), 'utf8').digest()
  return (digest.readUIntBE(0, 6) % count) + 1
}

/** The form of a path that is hashed: relative, forward slashes, NFC, no `./`. */
export function relativeKey(relativePath: string): string {
  return path.posix.normalize(relativePath.split(path.sep).join('/').normalize('NFC')).replace(/^\.\//, '')
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return shardOf(relativePath, shard.count) === shard.index
}

/** The files, and the named paths that cannot be linted, of one shard. */
export function selectShard(found: FoundFiles, shard: Shard): FoundFiles {
  return {
    files: found.files.filter((file) => inShard(file, shard)),
    unlintable: found.unlintable.filter((entry) => inShard(entry.path, shard))
  }
}
