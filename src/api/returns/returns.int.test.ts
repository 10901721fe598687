/**
 * The returns API over real HTTP and a real database: the SSDA903 return as JSON and CSV, Annex A as XLSX, the
 * adoption scorecard and its thresholds, and a child's return failures (warnings, not refusals). Who may do what.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseAuthority, commandLineActor } from '../../app/returns/command-line-actor.ts'
import { importSsda903Returns } from '../../app/returns/import-ssda903-returns.ts'
import { returnFolders } from '../../app/returns/testing/return-folders.ts'
import { fixedClock } from '../../app/shared/system-clock.ts'
import { buildSsda903Return } from '../../domain/returns/build-return.ts'
import { generateSyntheticFacts } from '../../domain/returns/synthetic-facts.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { apiClient, startTestApp, type TestApp } from '../../http/testing/test-app.ts'

const facts = generateSyntheticFacts({
  seed: 11,
  children: 40,
  earliest: '2024-04-01' as CalendarDay,
  asOf: '2027-03-31' as CalendarDay,
})

let t: TestApp
let analyst: ReturnType<typeof apiClient>

interface ExportBody {
  year: number
  label: string
  childCount: number
  tables: Record<string, { file: string; columns: string[]; rows: string[][] }>
  failures: { rule: string; laChildId: string }[]
  previous?: { year: number; tables: Record<string, unknown> }
}

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2027-05-03T10:00:00Z') })
  analyst = apiClient(t.baseUrl, t.north.users['performance-analyst'].token)
  const authority = await chooseAuthority(t.db, { code: 'north' })
  const importer = await commandLineActor(t.db, authority, 'administrator')
  const report = await importSsda903Returns(t.deps, importer, returnFolders(facts, [2025, 2026, 2027]))
  expect(report.counts.childrenRejected).toBe(0)
})
afterAll(async () => {
  await t?.close()
})

describe('SSDA903 return over the API', () => {
  it('gives a performance analyst every table and the failures left, as JSON', async () => {
    const response = await analyst.get<ExportBody>('/api/v1/returns/ssda903/2027')
    expect(response.status).toBe(200)
    const expected = buildSsda903Return(facts, 2027).tables
    expect(response.body.label).toBe('2026/27')
    expect(response.body.failures).toEqual([])
    expect(response.body.tables.Episodes!.file).toBe('episodes.csv')
    expect([response.body.tables.Episodes!.columns, ...response.body.tables.Episodes!.rows]).toEqual(expected.Episodes)
    expect(response.body.childCount).toBe(expected.Header!.length - 1)
    expect(response.body.previous).toBeUndefined()
    const withPrevious = await analyst.get<ExportBody>('/api/v1/returns/ssda903/2027?withPrevious=true')
    expect(withPrevious.body.previous?.year).toBe(2026)
  })

  it('gives one table, or failures.csv, as a CSV download', async () => {
    const episodes = await analyst.get<string>('/api/v1/returns/ssda903/2026/episodes.csv')
    expect(episodes.status).toBe(200)
    expect(episodes.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(episodes.headers.get('content-disposition')).toBe('attachment; filename="2026-episodes.csv"')
    expect(episodes.body.split('\r\n')[0]).toBe(
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    )
    const failures = await analyst.get<string>('/api/v1/returns/ssda903/2026/failures.csv')
    expect(failures.body).toBe('RULE,SEVERITY,CHILD,TABLE,FIELD,MESSAGE\r\n')
  })

  it('names the bad year or file, refuses other roles, and shows an authority only its own children', async () => {
    const badYear = await analyst.get<{ errors: { path: string; code: string }[] }>('/api/v1/returns/ssda903/2019')
    expect(badYear.status).toBe(400)
    expect(badYear.body.errors).toMatchObject([{ path: 'year', code: 'invalid-option' }])
    const badFile = await analyst.get<{ errors: { path: string }[] }>('/api/v1/returns/ssda903/2026/secrets.csv')
    expect(badFile.status).toBe(400)
    expect(badFile.body.errors).toMatchObject([{ path: 'file' }])
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    expect((await worker.get('/api/v1/returns/ssda903/2026')).status).toBe(403)
    const south = apiClient(t.baseUrl, t.south.users['performance-analyst'].token)
    const theirs = await south.get<ExportBody>('/api/v1/returns/ssda903/2026')
    expect(theirs.body.childCount).toBe(0)
    expect(theirs.body.tables.Header!.rows).toEqual([])
  })

  it('audits an export as an export of every child in it', async () => {
    await analyst.get('/api/v1/returns/ssda903/2025')
    const [event] = await t.db.query<{ user_id: string; count: number }>(
      `SELECT user_id, jsonb_array_length(details->'childIds') AS count FROM audit_events
       WHERE action = 'SSDA903_RETURN_EXPORTED' AND details->>'year' = '2025' ORDER BY id DESC LIMIT 1`,
    )
    expect(event).toEqual({
      user_id: t.north.users['performance-analyst'].id,
      count: buildSsda903Return(facts, 2025).tables.Header!.length - 1,
    })
  })

  it('gives Annex A as an XLSX workbook with lists 8, 10 and 11 and Ofsted’s headers', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/returns/annex-a?asOf=2027-03-31`, {
      headers: { authorization: `Bearer ${t.north.users['performance-analyst'].token}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="annex-a-2027-03-31.xlsx"')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['List 8', 'List 10', 'List 11'])
    const list8 = workbook.getWorksheet('List 8')!
    expect(list8.getRow(1).getCell(1).value).toBe('Child Unique ID')
    expect(list8.getRow(1).getCell(2).value).toBe('Sex')
    expect(list8.rowCount).toBeGreaterThan(1)
    expect(workbook.getWorksheet('List 10')!.getRow(1).getCell(9).value).toBe(
      'Date of Decision that Child Should be Placed for Adoption',
    )
  })
})

describe('adoption scorecard over the API', () => {
  it('scores the cohort against default thresholds, which a performance analyst can change', async () => {
    const manager = apiClient(t.baseUrl, t.north.users['team-manager'].token)
    const first = await manager.get<{
      thresholds: Record<string, number>
      isDefaultThresholds: boolean
      cohort: { childrenAdopted: number; a1: { averageDays: number | null; children: number } }
    }>('/api/v1/returns/scorecard?toYear=2027')
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toBe('W/"0"')
    expect(first.body.thresholds).toEqual({ a1Days: 426, a2Days: 121, a3Months: 14 })
    expect(first.body.isDefaultThresholds).toBe(true)
    expect(first.body.cohort.childrenAdopted).toBeGreaterThan(0)
    expect(first.body.cohort.a1.averageDays).not.toBeNull()

    expect(
      (
        await manager.put(
          '/api/v1/returns/scorecard/thresholds',
          { a1Days: 400, a2Days: 100, a3Months: 12 },
          { 'if-match': 'W/"0"' },
        )
      ).status,
    ).toBe(403)
    const bad = await analyst.put<{ errors: { path: string; code: string }[] }>(
      '/api/v1/returns/scorecard/thresholds',
      { a1Days: 0, a2Days: 'soon' },
      { 'if-match': 'W/"0"' },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map(e => e.path).sort()).toEqual(['a1Days', 'a2Days', 'a3Months'])
    const saved = await analyst.put(
      '/api/v1/returns/scorecard/thresholds',
      { a1Days: 400, a2Days: 100, a3Months: 12 },
      {
        'if-match': 'W/"0"',
      },
    )
    expect(saved.status).toBe(200)
    expect(saved.headers.get('etag')).toBe('W/"1"')
    const stale = await analyst.put(
      '/api/v1/returns/scorecard/thresholds',
      { a1Days: 300, a2Days: 100, a3Months: 12 },
      {
        'if-match': 'W/"0"',
      },
    )
    expect(stale.status).toBe(412)
    const after = await manager.get<{ thresholds: Record<string, number>; isDefaultThresholds: boolean }>(
      '/api/v1/returns/scorecard?toYear=2027',
    )
    expect(after.body).toMatchObject({
      thresholds: { a1Days: 400, a2Days: 100, a3Months: 12 },
      isDefaultThresholds: false,
    })
  })

  it("gives a child's own measures with how they were reached", async () => {
    const adopted = facts.find(f =>
      f.periodsOfCare.some(p => p.reasonEnded === 'adopted-consent-dispensed' || p.reasonEnded === 'adopted-unopposed'),
    )!
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM children WHERE local_case_number = $1`, [
      adopted.child.localCaseNumber,
    ])
    const decisionMaker = apiClient(t.baseUrl, t.north.users['agency-decision-maker'].token)
    const response = await decisionMaker.get<{ adoptions: { a1Days: number | null; explanation: string[] }[] }>(
      `/api/v1/children/${row!.id}/scorecard`,
    )
    expect(response.status).toBe(200)
    expect(response.body.adoptions).toHaveLength(1)
    expect(response.body.adoptions[0]!.explanation[0]).toMatch(/^Entered care on /)
  })
})

describe("a child's return failures (validation as you go)", () => {
  it('accepts a record the return would refuse, and names each failure with its DfE rule', async () => {
    const worker = apiClient(t.baseUrl, t.north.users['social-worker'].token)
    const created = await worker.post<{ id: string }>('/api/v1/children', {
      givenNames: 'Amber',
      familyName: 'Testwood',
      dateOfBirthOn: '2015-04-12',
      sex: 'female',
      ethnicity: 'WBRI',
      localCaseNumber: 'RT-1',
      teamId: t.north.teamA,
      allocatedWorkerId: t.north.users['social-worker'].id,
    })
    expect(created.status).toBe(201)
    // The care record takes it: the return's rules warn, they do not refuse. (Her allocation starts today, after the
    // year, so it is not yet a social worker episode.)
    const looked = await worker.post(`/api/v1/children/${created.body.id}/became-looked-after`, {
      startedOn: '2027-03-01',
      legalStatus: 'section-20',
      categoryOfNeed: 'N4',
      previousPermanence: 'none',
      placement: { placementType: 'foster-other', providerType: 'own-authority', postcode: 'NS1 4AB' },
    })
    expect(looked.status).toBe(201)
    const response = await worker.get<{ year: number; failures: { rule: string; table: string; field: string }[] }>(
      `/api/v1/children/${created.body.id}/return-failures`,
    )
    expect(response.status).toBe(200)
    expect(response.body.year).toBe(2027)
    expect(response.body.failures.map(f => `${f.rule} ${f.table}.${f.field}`).sort()).toEqual([
      '168 Header.UPN',
      '218 Episodes.URN',
      '393 Header.MOTHER',
    ])
    const earlier = await worker.get<{ failures: unknown[] }>(
      `/api/v1/children/${created.body.id}/return-failures?year=2026`,
    )
    expect(earlier.body.failures).toEqual([])
    const outsider = apiClient(t.baseUrl, t.south.users['social-worker'].token)
    expect((await outsider.get(`/api/v1/children/${created.body.id}/return-failures`)).status).toBe(404)
  })
})
