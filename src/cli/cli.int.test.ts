import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

// The command line, run as a user would: `node bin/permanence.mjs …` on a throwaway embedded data folder.
const BIN = new URL('../../bin/permanence.mjs', import.meta.url).pathname
const dataDir = mkdtempSync(join(tmpdir(), 'permanence-cli-'))
const env = { ...process.env, PERMANENCE_DATA_DIR: dataDir, DATABASE_URL: '' }

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('permanence command line', () => {
  it('explains every command with --help', () => {
    const help = run(['--help'])
    expect(help.status).toBe(0)
    for (const command of ['start', 'serve', 'migrate', 'demo', 'tokens']) {
      expect(help.stdout).toContain(command)
    }
    expect(run(['demo', '--help']).stdout).toContain('--children')
    expect(run(['tokens', 'create', '--help']).stdout).toContain('--user')
  })

  it('refuses bad options with exit code 2 and a message naming the option', () => {
    const bad = run(['demo', '--children', 'many'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--children must be a whole number')
  })

  it('migrates, builds the demo authorities deterministically, and issues an API token', () => {
    expect(run(['migrate']).status).toBe(0)
    const demo = run(['demo', '--children', '20', '--seed', '5', '--as-of', '2026-02-02'])
    expect(demo.status).toBe(0)
    expect(demo.stdout).toContain('Built Northshire with 20 children.')
    expect(demo.stdout).toContain('social.worker@northshire.example')
    const again = run(['demo', '--children', '20', '--seed', '5'])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already exists')
    const token = run(['tokens', 'create', '--user', 'social.worker@northshire.example'])
    expect(token.status).toBe(0)
    expect(token.stdout.trim()).toMatch(/^pp_[A-Za-z0-9_-]{40,}$/)
    const unknown = run(['tokens', 'create', '--user', 'nobody@northshire.example'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('no active user')
  }, 180_000)

  it('evaluates a case history file, and refuses a malformed one naming the field (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permanence-case-'))
    const good = join(dir, 'case.json')
    writeFileSync(
      good,
      JSON.stringify({
        child: { dateOfBirth: '2012-05-31' },
        asOf: '2026-02-01',
        periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus: 'C2' }],
        placements: [{ start: '2025-12-19', end: null, placementType: 'U4' }],
        reviews: [],
        permanenceMeetings: [],
        permanencePlans: [],
        proceedings: [],
        healthAssessments: [],
        contactSuspensions: [],
        people: [],
        livingHistory: [],
      }),
    )
    const result = run(['timescales', '--case', good, '--json'])
    expect(result.status).toBe(0)
    const output = JSON.parse(result.stdout) as { items: { rule: string; due: string }[] }
    expect(output.items.find(i => i.rule === 'REV-01')?.due).toBe('2026-01-21')
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ child: { dateOfBirth: '31/05/2012' } }))
    const refused = run(['timescales', '--case', bad])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('child.dateOfBirth')
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a gov.uk bank-holidays file and refreshes every child’s due dates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'permanence-holidays-'))
    const file = join(dir, 'bank-holidays.json')
    writeFileSync(
      file,
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [
            { title: 'New Year’s Day', date: '2027-01-01', notes: '', bunting: true },
            { title: 'Good Friday', date: '2027-03-26', notes: '', bunting: false },
            { title: 'Easter Monday', date: '2027-03-29', notes: '', bunting: true },
            { title: 'Early May bank holiday', date: '2027-05-03', notes: '', bunting: true },
            { title: 'Spring bank holiday', date: '2027-05-31', notes: '', bunting: true },
            { title: 'Summer bank holiday', date: '2027-08-30', notes: '', bunting: true },
            { title: 'Christmas Day', date: '2027-12-27', notes: 'Substitute day', bunting: true },
            { title: 'Boxing Day', date: '2027-12-28', notes: 'Substitute day', bunting: true },
          ],
        },
      }),
    )
    const imported = run(['calendar', 'import', file])
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('Imported bank holidays for 2027')
    const refreshed = run(['timescales', 'refresh', '--as-of', '2026-02-02'])
    expect(refreshed.status, refreshed.stderr).toBe(0)
    expect(refreshed.stdout).toMatch(/northshire: \d+ children/)
    writeFileSync(file, JSON.stringify({ 'england-and-wales': { events: [{ title: 'x', date: '2027-02-30' }] } }))
    const refused = run(['calendar', 'import', file])
    expect(refused.status).toBe(2)
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses to open a data folder that a running server holds, saying which process holds it', async () => {
    const { server } = await startServe({})
    try {
      const refused = run(['migrate'])
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain(`is in use by another Permanence Planner process (pid ${server.pid}`)
      expect(refused.stderr).toContain('Stop that process first')
    } finally {
      server.kill('SIGTERM')
      await new Promise(resolve => server.once('exit', resolve))
    }
    // Once the server has stopped, the folder is free again.
    expect(run(['migrate']).status).toBe(0)
  })
})

async function startServe(extraEnv: Record<string, string>) {
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /is running at (http:\/\/\S+)/.exec(output)
      if (match) {
        resolve(match[1]!)
      }
    })
    server.on('exit', code => reject(new Error(`server exited early (${code}): ${output}`)))
  })
  return { server, url }
}

// In the PostgreSQL run, the same command serves from a PostgreSQL server when DATABASE_URL is set.
const postgres = inject('postgresTemplate')
if (postgres) {
  describe('permanence serve with DATABASE_URL', () => {
    it('migrates a new PostgreSQL database and serves from it', async () => {
      const name = `${postgres.database}_t_cli`
      const admin = new pg.Client({ connectionString: postgres.url })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const url = new URL(postgres.url)
      url.pathname = `/${name}`
      const { server, url: base } = await startServe({ DATABASE_URL: url.toString() })
      try {
        const health = await fetch(`${base.replace('localhost', '127.0.0.1')}/health`)
        expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' })
      } finally {
        server.kill('SIGTERM')
        await new Promise(resolve => server.once('exit', resolve))
      }
    })
  })
}
