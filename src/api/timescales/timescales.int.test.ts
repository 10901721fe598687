import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

let t: TestApp
let worker: ReturnType<typeof apiClient>

beforeAll(async () => {
  t = await startTestApp()
  worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
})
afterAll(async () => {
  await t.close()
})

// The example in issue 3, exactly as written.
const EXAMPLE = {
  child: { dateOfBirth: '2012-05-31' },
  asOf: '2026-02-01',
  periodsOfCare: [{ start: '2025-12-19', end: null, legalStatus: 'C2' }],
  placements: [{ start: '2025-12-19', end: null, placementType: 'U4', carerId: 'P1', intendedUntil18: false }],
  reviews: [{ date: '2026-01-15' }],
  permanenceMeetings: [{ date: '2026-01-06' }],
  permanencePlans: [
    {
      sentToManagerOn: '2026-01-02',
      meetingOn: '2026-01-06',
      endorsedOn: null,
      ratifiedAtReviewOn: null,
      option: 'reunification',
    },
  ],
  proceedings: [
    {
      issuedOn: '2025-01-06',
      extensions: [{ grantedOn: '2025-07-01', weeks: 8 }],
      finalCarePlanFilingOn: '2025-05-30',
      concludedOn: null,
    },
  ],
  adoption: {
    shouldBePlacedDecisionOn: null,
    placementOrderOn: null,
    matchedOn: null,
    placedForAdoptionOn: null,
    adoptionOrderOn: null,
  },
  healthAssessments: [{ date: '2026-01-10', kind: 'initial' }],
  contactSuspensions: [{ start: '2026-01-20', end: null }],
  people: [
    { id: 'P1', relationship: 'grandparent', isLocalAuthorityFosterParent: true, holdsParentalResponsibility: false },
  ],
  livingHistory: [{ personId: 'P1', from: '2020-01-01', to: '2023-04-01' }],
}

interface Item {
  rule: string
  due: string | null
  status: string
  explanation: string
  source: string
}

describe('POST /api/v1/timescales/evaluate (the contract)', () => {
  it('evaluates the issue 3 example as written, with explained, sourced due dates', async () => {
    const response = await worker.post<{ items: Item[]; eligibility: unknown[]; drift: Record<string, unknown> }>(
      '/api/v1/timescales/evaluate',
      EXAMPLE,
    )
    expect(response.status).toBe(200)
    const rev01 = response.body.items.find(i => i.rule === 'REV-01')!
    // rules.md T1: looked after Fri 19 Dec 2025 → first review by Wed 21 Jan 2026 (CPPCR reg 33(1)).
    expect(rev01).toMatchObject({ due: '2026-01-21', status: 'met' })
    expect(rev01.explanation).toContain('25 and 26 December and 1 January are not working days')
    expect(rev01.source).toMatch(/CPPCR/)
    const prc01 = response.body.items.find(i => i.rule === 'PRC-01')!
    // rules.md T4: issued Mon 6 Jan 2025 → 26 weeks beginning with that day end Sun 6 Jul 2025.
    expect(prc01.due).toBe('2025-07-06')
    expect(Array.isArray(response.body.eligibility)).toBe(true)
    expect(response.body.drift).toHaveProperty('daysLookedAfterInCurrentPeriod')
  })

  it.each(['devon', 'dorset', 'tameside'])(
    'accepts the %s policy pack and changes the answers where the pack says so',
    async policy => {
      const national = await worker.post<{ items: Item[] }>('/api/v1/timescales/evaluate', EXAMPLE)
      const local = await worker.post<{ items: Item[] }>(`/api/v1/timescales/evaluate?policy=${policy}`, EXAMPLE)
      expect(local.status).toBe(200)
      expect(JSON.stringify(local.body.items)).not.toEqual(JSON.stringify(national.body.items))
    },
  )

  it('refuses a malformed history, naming each field', async () => {
    const response = await worker.post<{ errors: { path: string; message: string }[] }>('/api/v1/timescales/evaluate', {
      ...EXAMPLE,
      child: { dateOfBirth: '2012-02-30' },
      reviews: [{ date: 'soon' }],
    })
    expect(response.status).toBe(400)
    const paths = response.body.errors.map(e => e.path)
    expect(paths).toContain('child.dateOfBirth')
    expect(paths).toContain('reviews[0].date')
  })
})

describe("a child's stored timescales", () => {
  it('are recomputed in the same transaction as every change to the record', async () => {
    const childId = (
      await worker.post<{ id: string }>('/api/v1/children', {
        givenNames: 'Pip',
        familyName: 'Thimbleton',
        dateOfBirthOn: '2014-03-03',
        sex: 'male',
        ethnicity: 'WBRI',
        localCaseNumber: 'TS-1',
        teamId: t.north.teamA,
        allocatedWorkerId: t.north.users['social-worker'].id,
      })
    ).body.id
    await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
      startedOn: '2025-12-19',
      legalStatus: 'section-20',
      categoryOfNeed: 'N4',
      placement: { placementType: 'foster-other' },
    })
    const before = await worker.get<{ items: { rule: string; status: string; dueOn: string }[] }>(
      `/api/v1/children/${childId}/timescales`,
    )
    expect(before.status).toBe(200)
    // Today in the tests is 1 February 2026: the first review was due on 21 January and has not been recorded.
    expect(before.body.items.find(i => i.rule === 'REV-01')).toMatchObject({ status: 'overdue', dueOn: '2026-01-21' })
    await worker.post(`/api/v1/children/${childId}/reviews`, { heldOn: '2026-01-20' })
    const after = await worker.get<{ items: { rule: string; status: string; dueOn: string }[] }>(
      `/api/v1/children/${childId}/timescales`,
    )
    expect(after.body.items.find(i => i.rule === 'REV-01')).toMatchObject({ status: 'met' })
    expect(after.body.items.find(i => i.rule === 'REV-02')).toMatchObject({ dueOn: '2026-04-20' })
  })

  it('show every rule with its reason, and store only those that apply, at the same positions', async () => {
    const childId = (
      await worker.post<{ id: string }>('/api/v1/children', {
        givenNames: 'Wren',
        familyName: 'Hollowby',
        dateOfBirthOn: '2013-06-06',
        sex: 'female',
        ethnicity: 'WBRI',
        localCaseNumber: 'TS-2',
        teamId: t.north.teamA,
        allocatedWorkerId: t.north.users['social-worker'].id,
      })
    ).body.id
    await worker.post(`/api/v1/children/${childId}/became-looked-after`, {
      startedOn: '2025-11-03',
      legalStatus: 'section-20',
      categoryOfNeed: 'N4',
      placement: { placementType: 'foster-other' },
    })
    const shown = await worker.get<{ items: { rule: string; status: string; explanation: string }[] }>(
      `/api/v1/children/${childId}/timescales`,
    )
    const notApplicable = shown.body.items.filter(i => i.status === 'not-applicable')
    expect(notApplicable.length).toBeGreaterThan(5)
    for (const item of notApplicable) {
      expect(item.explanation).not.toBe('')
    }
    const stored = await t.db.query<{ position: number; rule: string; status: string }>(
      'SELECT position, rule, status FROM timescale_items WHERE child_id = $1 ORDER BY position',
      [childId],
    )
    const applicable = shown.body.items
      .map((item, position) => ({ position, rule: item.rule, status: item.status }))
      .filter(item => item.status !== 'not-applicable')
    expect(applicable.length).toBeGreaterThan(0)
    expect(stored).toEqual(applicable)
  })
})

describe("the authority's policy pack", () => {
  it('shows the built-in pack and the units the authority must confirm', async () => {
    const response = await worker.get<{ source: string; id: string; unconfirmedUnits: unknown[] }>(
      '/api/v1/policy-pack',
    )
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ source: 'built-in', id: 'national' })
    expect(response.headers.get('etag')).toBe('W/"0"')
  })

  it('is changed by an administrator without code: a malformed pack is refused naming the path, a good one recomputes every child', async () => {
    const admin = apiClient(t.baseUrl, t.north.users.administrator.token)
    expect(
      (await worker.put('/api/v1/policy-pack', { definition: {}, reason: 'Try' }, { 'if-match': 'W/"0"' })).status,
    ).toBe(403)
    const bad = await admin.put<{ errors: { path: string; message: string }[] }>(
      '/api/v1/policy-pack',
      {
        definition: {
          id: 'northshire',
          name: 'Northshire',
          extends: 'national',
          versions: [{ effectiveFrom: 'soon' }],
        },
        reason: 'Local policy',
      },
      { 'if-match': 'W/"0"' },
    )
    expect(bad.status).toBe(422)
    expect(bad.body.errors.map(e => e.path).join(' ')).toContain('versions.0.effectiveFrom')
    const dorset = JSON.parse(
      readFileSync(new URL('../../domain/timescales/policy-packs/dorset.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>
    const good = await admin.put<{ version: number; childrenRecomputed: number }>(
      '/api/v1/policy-pack',
      {
        definition: { ...dorset, id: 'northshire-local', name: 'Northshire (Dorset-style)' },
        reason: 'Adopt Dorset practice',
      },
      { 'if-match': 'W/"0"' },
    )
    expect(good.status, JSON.stringify(good.body)).toBe(200)
    expect(good.body.version).toBe(1)
    const stale = await admin.put(
      '/api/v1/policy-pack',
      { definition: dorset, reason: 'Again' },
      { 'if-match': 'W/"0"' },
    )
    expect(stale.status).toBe(412)
    const shown = await worker.get<{ source: string; name: string }>('/api/v1/policy-pack')
    expect(shown.body).toMatchObject({ source: 'authority', name: 'Northshire (Dorset-style)' })
  })
})
