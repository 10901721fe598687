import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { provisionAuthority, provisionUser } from '../../app/admin/provision-authority.ts'
import { createApiToken } from '../../app/auth/create-api-token.ts'
import { createDependencies } from '../../app/shared/default-dependencies.ts'
import { londonDayOf } from '../../app/shared/system-clock.ts'
import { openPglite, openPostgres, type Database } from '../../db/client.ts'
import { migrate } from '../../db/migrate.ts'
import { testDatabaseKind } from '../../db/testing/test-database.ts'
import { addCalendarDays } from '../../domain/shared/calendar-day.ts'
import { apiClient } from '../testing/test-app.ts'

// The server process is killed (SIGKILL) while composite writes are in flight — becoming looked after (three facts),
// a placement move (two), a change of legal status (two), ceasing to be looked after (three) — and restarted
// (security REL-01, D1, D2). After each restart: every action is all or nothing, every acknowledged (2xx) action is
// there, the actions of each child happened in order, and each applied action has exactly one audit event.
const BIN = new URL('../../../bin/permanence.mjs', import.meta.url).pathname
const KILLS = Number(process.env.CRASH_KILLS ?? 4)
const CHILDREN = 8
const dataDir = mkdtempSync(join(tmpdir(), 'permanence-crash-'))
let databaseUrl: string | undefined
let token: string
let teamId: string
let server: ChildProcess | undefined

const today = londonDayOf(new Date())
const day = (offset: number) => addCalendarDays(today, offset)
const STEPS = [
  {
    action: 'CHILD_BECAME_LOOKED_AFTER',
    path: 'became-looked-after',
    body: () => ({
      startedOn: day(-300),
      legalStatus: 'section-20',
      categoryOfNeed: 'N1',
      placement: { placementType: 'foster-other' },
    }),
  },
  {
    action: 'PLACEMENT_MOVE_RECORDED',
    path: 'placement-moves',
    body: () => ({ movedOn: day(-200), reasonEnded: 'care-plan', placement: { placementType: 'foster-long-term' } }),
  },
  {
    action: 'LEGAL_STATUS_CHANGE_RECORDED',
    path: 'legal-status-changes',
    body: () => ({ changedOn: day(-100), status: 'care-order' }),
  },
  {
    action: 'CHILD_CEASED_LOOKED_AFTER',
    path: 'ceased-looked-after',
    body: () => ({ endedOn: day(-10), reasonEnded: 'returned-home-planned' }),
  },
] as const

interface Span {
  readonly startedOn: string
  readonly endedOn: string | null
}
interface RecordBody {
  periodsOfCare: Span[]
  legalStatuses: (Span & { status: string })[]
  placements: (Span & { placementType: string })[]
}

/** Which steps a record shows, each checked whole: a step half there is a failure. */
function stepsApplied(record: RecordBody): { applied: boolean[]; partial: string[] } {
  const has = (list: Span[], startedOn: string, endedOn?: string | null) =>
    list.some(s => s.startedOn === startedOn && (endedOn === undefined || s.endedOn === endedOn))
  const parts: boolean[][] = [
    [has(record.periodsOfCare, day(-300)), has(record.legalStatuses, day(-300)), has(record.placements, day(-300))],
    [has(record.placements, day(-300), day(-200)), has(record.placements, day(-200))],
    [has(record.legalStatuses, day(-300), day(-100)), has(record.legalStatuses, day(-100))],
    [
      has(record.periodsOfCare, day(-300), day(-10)),
      has(record.legalStatuses, day(-100), day(-10)),
      has(record.placements, day(-200), day(-10)),
    ],
  ]
  const partial = parts.flatMap((p, i) =>
    p.some(Boolean) && !p.every(Boolean) ? [`step ${i + 1}: ${JSON.stringify(p)}`] : [],
  )
  return { applied: parts.map(p => p.every(Boolean)), partial }
}

async function startServer(): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0'], {
    env: {
      ...process.env,
      PERMANENCE_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PERMANENCE_INSECURE_COOKIES: '1',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server = child
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at http:\/\/localhost:(\d+)/.exec(output)
      if (match) {
        resolve(`http://127.0.0.1:${match[1]}`)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', code => reject(new Error(`The server stopped (${code}) before it was ready:\n${output}`)))
  })
}

async function kill(): Promise<void> {
  const child = server!
  server = undefined
  const exited = new Promise(resolve => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

beforeAll(async () => {
  let db: Database
  const template = inject('postgresTemplate')
  if (template) {
    const name = `${template.database}_t_crash_${randomBytes(3).toString('hex')}`
    const admin = new pg.Client({ connectionString: template.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.database}`)
    await admin.end()
    const url = new URL(template.url)
    url.pathname = `/${name}`
    databaseUrl = url.toString()
    db = await openPostgres(databaseUrl, 2)
  } else {
    db = await openPglite({ dataDir: `${dataDir}/pglite` })
  }
  await migrate(db)
  const authority = await provisionAuthority(db, {
    code: 'crashshire',
    name: 'Crashshire',
    policyPack: 'national',
    isDemo: true,
    services: [{ name: 'Children in Care', teams: ['Crash Team'] }],
  })
  teamId = authority.teamIds.get('Crash Team')!
  await provisionUser(db, authority.authorityId, {
    email: 'worker@crashshire.example',
    displayName: 'Crash Worker',
    role: 'social-worker',
    teamId,
    serviceId: null,
    password: 'tangerine lighthouse mosaic',
    isDemo: true,
  })
  token = (await createApiToken(createDependencies(db), 'worker@crashshire.example', 'crash test'))!
  await db.close()
}, 120_000)
afterAll(async () => {
  if (server) {
    await kill()
  }
  rmSync(dataDir, { recursive: true, force: true })
})

describe(`kill -9 of the server during composite writes, on ${testDatabaseKind()} (security REL-01)`, () => {
  it(
    `survives ${KILLS} kills: all or nothing, every acknowledged write kept, one audit event per action`,
    { timeout: 300_000 },
    async () => {
      let baseUrl = await startServer()
      let api = apiClient(baseUrl, token)
      const childIds: string[] = []
      for (let i = 0; i < CHILDREN; i += 1) {
        const created = await api.post<{ id: string }>('/api/v1/children', {
          givenNames: 'Kit',
          familyName: `Crashworthy ${i}`,
          dateOfBirthOn: day(-3650),
          sex: 'female',
          ethnicity: 'WBRI',
          localCaseNumber: `CR-${i}`,
          teamId,
        })
        expect(created.status).toBe(201)
        childIds.push(created.body.id)
      }
      const acknowledged = new Map<string, boolean[]>(childIds.map(id => [id, STEPS.map(() => false)]))
      let killsSurvived = 0
      let interrupted = 0
      const random = (() => {
        let seed = 20260201
        return (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31
          return seed % n
        }
      })()
      for (let cycle = 0; cycle <= KILLS; cycle += 1) {
        // What is there now, checked whole.
        const state = new Map<string, boolean[]>()
        for (const childId of childIds) {
          const record = await api.get<RecordBody>(`/api/v1/children/${childId}`)
          expect(record.status).toBe(200)
          const { applied, partial } = stepsApplied(record.body)
          expect({ childId, partial }).toEqual({ childId, partial: [] })
          applied.forEach((isApplied, i) => {
            expect({ childId, step: i, inOrder: !isApplied || i === 0 || applied[i - 1] }).toEqual({
              childId,
              step: i,
              inOrder: true,
            })
            if (acknowledged.get(childId)![i]) {
              expect({ childId, step: i, applied: isApplied }).toEqual({ childId, step: i, applied: true })
            }
          })
          const log = await api.get<{ entries: { action: string; outcome: string }[] }>(
            `/api/v1/children/${childId}/access-log`,
          )
          STEPS.forEach((step, i) => {
            const events = log.body.entries.filter(e => e.action === step.action && e.outcome === 'success').length
            expect({ childId, action: step.action, events }).toEqual({
              childId,
              action: step.action,
              events: applied[i] ? 1 : 0,
            })
          })
          state.set(childId, applied)
        }
        if (cycle === KILLS) {
          break
        }
        const remaining = childIds.flatMap(id =>
          STEPS.map((_s, i) => ({ id, i })).filter(({ id: c, i }) => !state.get(c)![i]),
        )
        if (remaining.length === 0) {
          break
        }
        const killAfter = 1 + random(Math.max(1, Math.floor(remaining.length / 2)))
        let done = 0
        let killing: Promise<void> | undefined
        await Promise.all(
          childIds.map(async childId => {
            for (let i = 0; i < STEPS.length; i += 1) {
              if (state.get(childId)![i]) {
                continue
              }
              if (killing) {
                return
              }
              try {
                const response = await api.post(`/api/v1/children/${childId}/${STEPS[i]!.path}`, STEPS[i]!.body())
                if (response.status === 201 || response.status === 200) {
                  acknowledged.get(childId)![i] = true
                } else {
                  throw new Error(`${STEPS[i]!.path} answered ${response.status}: ${JSON.stringify(response.body)}`)
                }
              } catch (error) {
                if (killing) {
                  interrupted += 1
                  return
                }
                throw error
              }
              done += 1
              if (done === killAfter && !killing) {
                killing = kill()
              }
            }
          }),
        )
        await killing
        killsSurvived += killing ? 1 : 0
        baseUrl = await startServer()
        api = apiClient(baseUrl, token)
      }
      expect(killsSurvived).toBeGreaterThan(0)
      console.log(
        `crash: ${killsSurvived} kills survived, ${interrupted} requests cut off mid-flight, ${CHILDREN} children`,
      )
      await kill()
    },
  )
})
