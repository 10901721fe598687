/**
 * The return details API over real HTTP and a real database: a missing episode, OC2 and OC3 outcomes and a
 * deprivation of liberty order recorded, listed, corrected (If-Match, with why, the history kept) and voided; bad
 * input and broken rules refused naming the field, with nothing written; a user who cannot see the child told it is
 * not found; and what is recorded reaches that year's SSDA903 export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lookedAfterChild, movableClock } from '../../http/testing/planning-fixtures.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

const clock = movableClock('2026-01-12')
let t: TestApp
let api: ReturnType<typeof apiClient>
let childId: string

type Errors = { errors?: { path: string; code: string; message: string }[] }
type Records = { records: (Record<string, unknown> & { id: string; version: number })[] }
interface ExportBody {
  tables: Record<string, { columns: string[]; rows: string[][] }>
}

const url = (kind: string, suffix = '') => `/api/v1/children/${childId}/return-details/${kind}${suffix}`

async function count(table: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE child_id = $1`, [
    childId,
  ])
  return row!.n
}

beforeAll(async () => {
  t = await startTestApp({ clock })
  api = apiClient(t.baseUrl, t.north.users['social-worker'].token)
  childId = await lookedAfterChild(t, api, 'north', { startedOn: '2025-10-01', givenNames: 'Tansy' })
})
afterAll(async () => {
  await t?.close()
})

describe('the return details API', () => {
  it('records, lists, corrects and voids a missing episode, keeping every version', async () => {
    const created = await api.post<{ id: string; version: number }>(url('missing-episodes'), {
      kind: 'missing',
      startedOn: '2025-11-01',
      returnedOn: '2025-11-02',
      wasReturnInterviewOffered: true,
      wasReturnInterviewAccepted: false,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.version).toBe(1)
    expect(created.headers.get('location')).toBe(url('missing-episodes', `/${created.body.id}`))

    const listed = await api.get<Records>(url('missing-episodes'))
    expect(listed.status).toBe(200)
    expect(listed.body.records).toEqual([
      expect.objectContaining({
        id: created.body.id,
        version: 1,
        kind: 'missing',
        startedOn: '2025-11-01',
        returnedOn: '2025-11-02',
      }),
    ])

    const noVersion = await api.put<Errors>(url('missing-episodes', `/${created.body.id}`), {
      kind: 'missing',
      startedOn: '2025-11-01',
      returnedOn: '2025-11-03',
      reason: 'Came back a day later',
    })
    expect(noVersion.status).toBe(428)
    const corrected = await api.put<{ version: number }>(
      url('missing-episodes', `/${created.body.id}`),
      { kind: 'missing', startedOn: '2025-11-01', returnedOn: '2025-11-03', reason: 'Came back a day later' },
      { 'if-match': 'W/"1"' },
    )
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)
    expect(corrected.body.version).toBe(2)
    const stale = await api.put(
      url('missing-episodes', `/${created.body.id}`),
      { kind: 'missing', startedOn: '2025-11-01', reason: 'Still missing after all' },
      { 'if-match': 'W/"1"' },
    )
    expect(stale.status).toBe(412)

    const versions = await api.get<{ versions: { version: number; changeReason: string | null }[] }>(
      url('missing-episodes', `/${created.body.id}/versions`),
    )
    expect(versions.body.versions.map(v => v.changeReason)).toEqual(['Recorded', 'Came back a day later'])

    const voided = await api.post<{ version: number }>(
      url('missing-episodes', `/${created.body.id}/void`),
      { reason: 'Recorded on the wrong child' },
      { 'if-match': 'W/"2"' },
    )
    expect(voided.status, JSON.stringify(voided.body)).toBe(200)
    expect((await api.get<Records>(url('missing-episodes'))).body.records).toEqual([])
    const history = await api.get<{ versions: { changeReason: string | null }[] }>(
      url('missing-episodes', `/${created.body.id}/versions`),
    )
    expect(history.body.versions.map(v => v.changeReason)).toEqual([
      'Recorded',
      'Came back a day later',
      'Recorded on the wrong child',
    ])
    expect(await count('missing_episodes')).toBe(1)
  })

  it('refuses bad input and broken rules naming the field, writing nothing', async () => {
    const cases: [string, Record<string, unknown>, number, string, string][] = [
      ['missing-episodes', { kind: 'lost', startedOn: '2025-11-01' }, 400, 'kind', 'invalid-option'],
      ['missing-episodes', { kind: 'missing', startedOn: '2025-11-31' }, 400, 'startedOn', 'invalid-date'],
      ['missing-episodes', { kind: 'missing', startedOn: '2026-02-01' }, 422, 'startedOn', 'date-in-future'],
      [
        'missing-episodes',
        { kind: 'missing', startedOn: '2025-11-05', returnedOn: '2025-11-04' },
        422,
        'returnedOn',
        'return-end-before-start',
      ],
      ['missing-episodes', { kind: 'missing', startedOn: '2025-09-30' }, 422, 'startedOn', 'missing-outside-care'],
      [
        'missing-episodes',
        { kind: 'missing', startedOn: '2025-11-05', returnedOn: '2025-11-06', wasReturnInterviewAccepted: true },
        422,
        'wasReturnInterviewAccepted',
        'interview-accepted-not-offered',
      ],
      ['health-outcomes', { collectionYear: 2026, sdqScore: 41 }, 400, 'sdqScore', 'too-large'],
      ['health-outcomes', { collectionYear: 2026.5 }, 400, 'collectionYear', 'not-whole-number'],
      ['health-outcomes', { collectionYear: 2099 }, 400, 'collectionYear', 'too-large'],
      ['health-outcomes', { collectionYear: 2027 }, 422, 'collectionYear', 'year-not-started'],
      [
        'health-outcomes',
        { collectionYear: 2026, sdqScore: 12, sdqReason: 'carer-refused' },
        422,
        'sdqReason',
        'sdq-score-and-reason',
      ],
      [
        'care-leaver-outcomes',
        { collectionYear: 2026, contact: 'in-touch', activity: 'not-applicable' },
        400,
        'accommodation',
        'required',
      ],
      [
        'care-leaver-outcomes',
        { collectionYear: 2026, contact: 'in-touch', activity: 'not-applicable', accommodation: 'foyer' },
        422,
        'isAccommodationSuitable',
        'accommodation-suitability',
      ],
      [
        'deprivation-of-liberty-orders',
        { startedOn: '2025-12-01', endedOn: '2025-11-30' },
        422,
        'endedOn',
        'return-end-before-start',
      ],
    ]
    for (const [kind, body, status, path, code] of cases) {
      const response = await api.post<Errors>(url(kind), body)
      expect(response.status, `${kind} ${JSON.stringify(body)}`).toBe(status)
      expect(response.body.errors?.[0], `${kind} ${JSON.stringify(body)}`).toMatchObject({ path, code })
      expect(response.body.errors?.[0]?.message, `${kind} ${JSON.stringify(body)}`).not.toMatch(
        /^Check |cannot be saved/,
      )
    }
    expect(await count('missing_episodes')).toBe(1)
    expect(await count('health_outcomes')).toBe(0)
    expect(await count('care_leaver_outcomes')).toBe(0)
    expect(await count('deprivation_of_liberty_orders')).toBe(0)
  })

  it('keeps OC2 and OC3 to one per child per collection year', async () => {
    const oc2 = await api.post<{ id: string }>(url('health-outcomes'), {
      collectionYear: 2026,
      sdqScore: 14,
      hasHealthCheck: true,
      hasImmunisations: true,
      hasTeethCheck: false,
      hasHealthAssessment: true,
      hasSubstanceMisuse: false,
    })
    expect(oc2.status, JSON.stringify(oc2.body)).toBe(201)
    const second = await api.post<Errors>(url('health-outcomes'), { collectionYear: 2026, sdqScore: 15 })
    expect(second.status).toBe(422)
    expect(second.body.errors).toEqual([
      {
        path: 'collectionYear',
        code: 'oc2-year-taken',
        message: 'This child already has health outcomes (OC2) for this collection year: correct that record instead',
      },
    ])
    // Correcting the year's own record is not a second one.
    const corrected = await api.put(
      url('health-outcomes', `/${oc2.body.id}`),
      { collectionYear: 2026, sdqScore: 13, hasHealthCheck: true, reason: 'SDQ rescored by the nurse' },
      { 'if-match': 'W/"1"' },
    )
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)

    const oc3 = await api.post<{ id: string }>(url('care-leaver-outcomes'), {
      collectionYear: 2026,
      contact: 'in-touch',
      activity: 'other-education-full-time',
      accommodation: 'with-former-foster-carers',
      isAccommodationSuitable: true,
    })
    expect(oc3.status, JSON.stringify(oc3.body)).toBe(201)
    const again = await api.post<Errors>(url('care-leaver-outcomes'), {
      collectionYear: 2026,
      contact: 'not-in-touch',
      activity: 'not-applicable',
      accommodation: 'not-applicable',
    })
    expect(again.status).toBe(422)
    expect(again.body.errors?.[0]).toMatchObject({ path: 'collectionYear', code: 'oc3-year-taken' })
    expect(await count('health_outcomes')).toBe(1)
    expect(await count('care_leaver_outcomes')).toBe(1)

    // Two requests at once for the same year: one is recorded, the other refused naming the field (by the check, or
    // by the database's unique index when they truly overlap on a server).
    const both = await Promise.all(
      [11, 12].map(sdqScore => api.post<Errors>(url('health-outcomes'), { collectionYear: 2025, sdqScore })),
    )
    expect(both.map(r => r.status).sort()).toEqual([201, both.find(r => r.status !== 201)!.status])
    const refused = both.find(r => r.status !== 201)!
    expect([409, 422]).toContain(refused.status)
    expect(refused.body.errors?.[0]).toMatchObject({ path: 'collectionYear', code: 'oc2-year-taken' })
    expect(await count('health_outcomes')).toBe(2)
  })

  it('records a deprivation of liberty order', async () => {
    const order = await api.post<{ id: string }>(url('deprivation-of-liberty-orders'), { startedOn: '2025-12-01' })
    expect(order.status, JSON.stringify(order.body)).toBe(201)
    const listed = await api.get<Records>(url('deprivation-of-liberty-orders'))
    expect(listed.body.records).toEqual([
      expect.objectContaining({ id: order.body.id, version: 1, startedOn: '2025-12-01', endedOn: null }),
    ])
  })

  it('writes exactly one audit event per request, whether it succeeds or is refused', async () => {
    const events = async () =>
      (
        await t.db.query<{ action: string; outcome: string; record: string | null }>(
          `SELECT action, outcome, details->>'record' AS record FROM audit_events
            WHERE child_id = $1 AND action LIKE 'RETURN_DETAIL%' ORDER BY id`,
          [childId],
        )
      ).map(e => `${e.action} ${e.outcome} ${e.record ?? ''}`.trim())
    const before = await events()
    expect(
      (await api.post(url('deprivation-of-liberty-orders'), { startedOn: '2025-12-05', endedOn: '2025-12-04' })).status,
    ).toBe(422)
    expect((await api.post(url('deprivation-of-liberty-orders'), { startedOn: '2025-12-05' })).status).toBe(201)
    expect((await events()).slice(before.length)).toEqual([
      'RETURN_DETAIL_ADDED invalid',
      'RETURN_DETAIL_ADDED success deprivation-of-liberty-orders',
    ])
  })

  it('tells a user who cannot see the child that it is not found, and writes nothing', async () => {
    const other = apiClient(t.baseUrl, t.south.users['social-worker'].token)
    const before = await count('missing_episodes')
    const added = await other.post(url('missing-episodes'), { kind: 'missing', startedOn: '2025-11-10' })
    expect(added.status).toBe(404)
    expect((await other.get(url('missing-episodes'))).status).toBe(404)
    expect(await count('missing_episodes')).toBe(before)
  })

  it('puts what is recorded in that year’s SSDA903 export', async () => {
    const recorded = await api.post(url('missing-episodes'), {
      kind: 'away-without-authorisation',
      startedOn: '2025-12-20',
      returnedOn: '2025-12-21',
    })
    expect(recorded.status).toBe(201)
    const analyst = apiClient(t.baseUrl, t.north.users['performance-analyst'].token)
    const built = await analyst.get<ExportBody>('/api/v1/returns/ssda903/2026')
    expect(built.status, JSON.stringify(built.body)).toBe(200)
    const { rows: missing } = built.body.tables.Missing!
    expect(missing).toContainEqual(expect.arrayContaining(['20/12/2025', '21/12/2025']))
    // The voided episode is not in the return.
    expect(missing.some(row => row.includes('01/11/2025'))).toBe(false)
    const oc2 = built.body.tables.OC2!
    expect(oc2.rows).toHaveLength(1)
    expect(oc2.rows[0]![oc2.columns.indexOf('SDQ_SCORE')]).toBe('13')
    expect(built.body.tables.OC3!.rows).toHaveLength(1)
  })
})
