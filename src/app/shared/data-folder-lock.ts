/**
 * The embedded database (PGlite) is one process's at a time: two processes opening the same data folder would
 * corrupt it, and PGlite has no locking of its own. Every command that opens a data folder takes this lock first and
 * refuses, saying which process holds it, when another live process has it (a stale lock is taken over).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

export class DataFolderBusyError extends Error {
  override readonly name = 'DataFolderBusyError'
}

interface LockInfo {
  readonly pid: number
  readonly purpose: string
  readonly startedAt: string
  readonly host: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the data folder's lock for this process.
 * @param dataDir - the data folder
 * @param purpose - what this process is doing, for the message another process will show
 * @returns a function that releases the lock
 * @throws DataFolderBusyError when another live process holds it
 */
export function acquireDataFolderLock(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'permanence.lock')
  const mine: LockInfo = { pid: process.pid, purpose, startedAt: new Date().toISOString(), host: hostname() }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: 'wx' })
      let released = false
      const release = () => {
        if (!released) {
          released = true
          rmSync(path, { force: true })
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error
      }
      let holder: LockInfo | undefined
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo
      } catch {
        holder = undefined
      }
      if (holder && holder.host === mine.host && isAlive(holder.pid)) {
        throw new DataFolderBusyError(
          `The data folder ${dataDir} is in use by another Permanence Planner process (pid ${holder.pid}, ${holder.purpose}, ` +
            `since ${holder.startedAt}). The embedded database can be opened by one process at a time. Stop that ` +
            `process first (for a running server, Ctrl+C in its terminal), or point PERMANENCE_DATA_DIR at another folder.`,
        )
      }
      rmSync(path, { force: true })
    }
  }
  throw new DataFolderBusyError(`Could not lock the data folder ${dataDir}`)
}
