import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../app/demo/seed-demo.ts'
import { openDatabase } from '../app/shared/open-database.ts'

// `permanence documents …` run as a user would, on a throwaway embedded data folder with the demo authorities.
const BIN = new URL('../../bin/permanence.mjs', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'permanence-documents-cli-'))
const env = { ...process.env, PERMANENCE_DATA_DIR: dataDir, DATABASE_URL: '', PERMANENCE_USER: '' }

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let childId: string
let meetingId: string

beforeAll(async () => {
  // The demo is built in this process (quicker than another command), then the folder is left for the commands.
  const db = await openDatabase({ databaseUrl: undefined, dataDir })
  try {
    await seedDemo(db, { children: 30, seed: 5, today: '2026-02-02' as never })
    const [plan] = await db.query<{ child_id: string }>(
      `SELECT p.child_id FROM permanence_plans p JOIN children c ON c.id = p.child_id
         JOIN authorities a ON a.authority_id = c.authority_id AND a.code = 'northshire'
        WHERE p.status IN ('endorsed', 'ratified') AND c.team_id IS NOT NULL ORDER BY c.local_case_number LIMIT 1`,
    )
    childId = plan!.child_id
    const [meeting] = await db.query<{ id: string }>(
      `SELECT id FROM meetings WHERE $1 = ANY(child_ids) AND status = 'closed' ORDER BY held_on LIMIT 1`,
      [childId],
    )
    meetingId = meeting!.id
  } finally {
    await db.close()
  }
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('permanence documents', () => {
  it('prints the plan and the minutes as the user asking, headed with the authority', () => {
    const pdf = join(dataDir, 'plan.pdf')
    const printed = run([
      'documents',
      'plan',
      '--child',
      childId,
      '--format',
      'pdf',
      '--out',
      pdf,
      '--user',
      'social.worker@northshire.example',
    ])
    expect(printed.status, printed.stderr).toBe(0)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Northshire')
    expect(text).toContain('Permanence plan for')
    const docx = join(dataDir, 'minutes.docx')
    const minutes = run([
      'documents',
      'minutes',
      '--meeting',
      meetingId,
      '--format',
      'docx',
      '--out',
      docx,
      '--user',
      'social.worker@northshire.example',
    ])
    expect(minutes.status, minutes.stderr).toBe(0)
    expect(minutes.stdout).toContain('Wrote')
  }, 90_000)

  it('says plainly when the user is unknown or the child is not theirs to see', () => {
    const out = join(dataDir, 'x.pdf')
    const nobody = run(['documents', 'plan', '--child', childId, '--out', out, '--user', 'nobody@northshire.example'])
    expect(nobody.status).toBe(2)
    expect(nobody.stderr).toContain('no active user')
    const elsewhere = run([
      'documents',
      'plan',
      '--child',
      childId,
      '--out',
      out,
      '--user',
      'social.worker@southvale.example',
    ])
    expect(elsewhere.status).toBe(2)
    expect(elsewhere.stderr).toContain('no such child or meeting that you can see')
  }, 90_000)
})
