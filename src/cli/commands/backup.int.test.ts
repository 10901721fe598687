import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataFolderLock } from '../../app/shared/data-folder-lock.ts'
import { main } from '../index.ts'

describe('permanence backup', () => {
  it('refuses to back up an embedded data folder that a running server holds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'permanence-locked-'))
    const release = acquireDataFolderLock(dataDir, 'permanence server on port 3000')
    const previous = { dir: process.env.PERMANENCE_DATA_DIR, url: process.env.DATABASE_URL, code: process.exitCode }
    process.env.PERMANENCE_DATA_DIR = dataDir
    process.env.DATABASE_URL = ''
    const errors: string[] = []
    const originalError = console.error
    console.error = (message: string) => errors.push(message)
    try {
      await main(['node', 'permanence', 'backup', join(dataDir, 'locked.backup')])
      expect(process.exitCode).toBe(1)
      expect(errors.join('\n')).toMatch(
        /in use by another Permanence Planner process .* permanence server on port 3000/,
      )
    } finally {
      console.error = originalError
      process.exitCode = previous.code
      process.env.PERMANENCE_DATA_DIR = previous.dir
      process.env.DATABASE_URL = previous.url
      release()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
