/**
 * `permanence import ssda903` and `permanence returns`, run as a user would (`node bin/permanence.mjs …` on a
 * throwaway embedded data folder): folders named by collection year, progress on stderr, a report file, a second
 * import that changes nothing, an export identical to the files imported, Annex A, and malformed files refused with
 * their row and column named.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { returnFolders } from '../app/returns/testing/return-folders.ts'
import { toCsv } from '../domain/returns/build-return.ts'
import { generateSyntheticFacts } from '../domain/returns/synthetic-facts.ts'
import type { CalendarDay } from '../domain/shared/calendar-day.ts'

const BIN = new URL('../../bin/permanence.mjs', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'permanence-returns-cli-'))
const env = { ...process.env, PERMANENCE_DATA_DIR: join(work, 'data'), DATABASE_URL: '' }

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000, cwd: work })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

// Synthetic returns for 2024/25 and 2025/26, up to 31 March 2026 (before any day these tests run on).
const facts = generateSyntheticFacts({
  seed: 5,
  children: 45,
  earliest: '2024-04-01' as CalendarDay,
  asOf: '2026-03-31' as CalendarDay,
})
const folders = returnFolders(facts, [2025, 2026]).map(folder => {
  const dir = join(work, 'returns', folder.year === 2025 ? 'ssda903_2024-25' : '2025-26')
  mkdirSync(dir, { recursive: true })
  for (const file of folder.files) {
    writeFileSync(join(dir, file.name), file.text)
  }
  return { dir, folder }
})
const children = facts.filter(f => f.periodsOfCare.length > 0).length

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

// Each command starts Node, tsx and the embedded database: allow for a busy machine.
describe('permanence import ssda903 and permanence returns', { timeout: 120_000 }, () => {
  it('explains both commands with --help', () => {
    expect(run(['--help']).stdout).toMatch(/import[\s\S]*returns/)
    const help = run(['import', 'ssda903', '--help'])
    expect(help.status).toBe(0)
    for (const option of ['--year', '--authority', '--report', '--progress-every', '--no-timescales']) {
      expect(help.stdout).toContain(option)
    }
    expect(run(['returns', 'ssda903', '--help']).stdout).toContain('--with-previous')
    expect(run(['returns', 'annex-a', '--help']).stdout).toContain('--as-of')
  })

  it('imports two years in one command, showing progress, and a second import changes nothing', () => {
    const first = run([
      'import',
      'ssda903',
      ...folders.map(f => f.dir),
      '--authority',
      'importshire',
      '--authority-name',
      'Importshire',
      '--progress-every',
      '20',
    ])
    expect(first.stderr).toContain(`Read and checked the files: ${children} children to import`)
    expect(first.stderr).toContain(`Imported 20 of ${children} children`)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain('Imported the SSDA903 returns for 2024/25, 2025/26 into Importshire.')
    expect(first.stdout).toContain(`Children: ${children} created, 0 updated, 0 unchanged, 0 rejected.`)
    const report = readFileSync(join(work, 'ssda903-import-report.csv'), 'utf8')
    expect(report.split('\r\n')[0]).toBe('SEVERITY,KIND,YEAR,FILE,ROW,COLUMN,CHILD,MESSAGE')
    const again = run(['import', 'ssda903', ...folders.map(f => f.dir), '--authority', 'importshire'])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain(`Children: 0 created, 0 updated, ${children} unchanged, 0 rejected.`)
  })

  it('exports the return it imported, file for file, and Annex A', () => {
    const out = join(work, 'out')
    const exported = run(['returns', 'ssda903', '--year', '2025-26', '--out', out, '--authority', 'importshire'])
    expect(exported.status).toBe(0)
    expect(exported.stdout).toContain('failures.csv: no validation failures.')
    for (const file of folders[1]!.folder.files) {
      expect(readFileSync(join(out, file.name), 'utf8'), file.name).toBe(file.text)
    }
    expect(readFileSync(join(out, 'failures.csv'), 'utf8')).toBe('RULE,SEVERITY,CHILD,TABLE,FIELD,MESSAGE\r\n')
    // Exported folders, failures.csv and all, import as they are, and change nothing.
    const earlier = join(work, 'out-2024-25')
    expect(run(['returns', 'ssda903', '--year', '2025', '--out', earlier, '--authority', 'importshire']).status).toBe(0)
    const reimported = run([
      'import',
      'ssda903',
      earlier,
      out,
      '--year',
      '2025',
      '--year',
      '2026',
      '--authority',
      'importshire',
    ])
    expect(reimported.status).toBe(0)
    expect(reimported.stdout).toContain(`Children: 0 created, 0 updated, ${children} unchanged, 0 rejected.`)
    const annex = run(['returns', 'annex-a', '--out', join(work, 'annex-a.xlsx'), '--authority', 'importshire'])
    expect(annex.status).toBe(0)
    expect(readFileSync(join(work, 'annex-a.xlsx')).subarray(0, 2).toString()).toBe('PK')
  })

  it('refuses malformed files, naming the file, row and column, and imports nothing', () => {
    const bad = join(work, 'returns', 'broken-2025-26')
    cpSync(folders[1]!.dir, bad, { recursive: true })
    const text = readFileSync(join(bad, 'episodes.csv'), 'utf8')
    const rows = text
      .trimEnd()
      .split('\r\n')
      .map(line => line.split(','))
    rows[2]![1] = '31/02/2026'
    rows[3]![3] = 'Q9'
    writeFileSync(join(bad, 'episodes.csv'), toCsv(rows))
    const refused = run(['import', 'ssda903', bad, '--authority', 'brokenshire', '--authority-name', 'Brokenshire'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('nothing was imported: 2 problems in the files (2025/26)')
    expect(refused.stderr).toContain(`${bad}/episodes.csv, row 3, DECOM:`)
    expect(refused.stderr).toContain(`${bad}/episodes.csv, row 4, LS:`)
    const report = readFileSync(join(work, 'ssda903-import-report.csv'), 'utf8')
    expect(report).toContain(`refused,bad-date,2025/26,${bad}/episodes.csv,3,DECOM,,`)
    expect(report).toContain(`refused,unknown-code,2025/26,${bad}/episodes.csv,4,LS,,`)
    const empty = run([
      'returns',
      'ssda903',
      '--year',
      '2026',
      '--out',
      join(work, 'empty'),
      '--authority',
      'brokenshire',
    ])
    expect(empty.stdout).toContain('(0 children)')
  })

  it('refuses a folder whose collection year it cannot tell, and an unknown authority', () => {
    const unnamed = join(work, 'returns', 'latest')
    cpSync(folders[1]!.dir, unnamed, { recursive: true })
    const noYear = run(['import', 'ssda903', unnamed])
    expect(noYear.status).toBe(2)
    expect(noYear.stderr).toContain('Cannot tell which collection year')
    const noAuthority = run([
      'returns',
      'ssda903',
      '--year',
      '2026',
      '--out',
      join(work, 'x'),
      '--authority',
      'nowhere',
    ])
    expect(noAuthority.status).toBe(2)
    expect(noAuthority.stderr).toContain('There is no authority with the code nowhere')
  })
})
