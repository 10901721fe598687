/**
 * Helpers for the planning API's integration tests: a clock the test moves on, children made through the API, an
 * authority's planning settings, and reading generated documents back as text.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { londonDayOf } from '../../app/shared/system-clock.ts'
import type { Clock, Instant } from '../../domain/shared/clock.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { apiClient, TestApp } from './test-app.ts'

/** A clock a test moves from day to day, at 10:00 London time (winter: UTC). */
export interface MovableClock extends Clock {
  setDay(day: string): void
}

/**
 * A clock that starts on a day and moves when told.
 * @param day - the first day
 * @returns the clock
 */
export function movableClock(day: string): MovableClock {
  let now = new Date(`${day}T10:00:00Z`)
  return {
    now: () => now.toISOString() as Instant,
    today: () => londonDayOf(now),
    setDay: next => {
      now = new Date(`${next}T10:00:00Z`)
    },
  }
}

let caseNumber = 0

/**
 * Registers a child in team A, allocated to the test authority's social worker and IRO, looked after from a day.
 * @param t - the test app
 * @param client - a social worker's API client
 * @param authority - which test authority
 * @param options - when they became looked after, and their name
 * @param options.startedOn - the first day of care
 * @param options.givenNames - given names
 * @returns the child's id
 */
export async function lookedAfterChild(
  t: TestApp,
  client: ReturnType<typeof apiClient>,
  authority: 'north' | 'south',
  options: { startedOn: string; givenNames?: string },
): Promise<string> {
  caseNumber += 1
  const a = t[authority]
  const created = await client.post<{ id: string }>('/api/v1/children', {
    givenNames: options.givenNames ?? 'Juniper',
    familyName: 'Puddleby',
    dateOfBirthOn: '2019-03-14',
    sex: 'female',
    ethnicity: 'WBRI',
    localCaseNumber: `PL${caseNumber}${authority === 'north' ? 'N' : 'S'}`,
    teamId: a.teamA,
    allocatedWorkerId: a.users['social-worker'].id,
    allocatedIroId: a.users.iro.id,
  })
  if (created.status !== 201) {
    throw new Error(`Could not register a child: ${JSON.stringify(created.body)}`)
  }
  const lac = await client.post(`/api/v1/children/${created.body.id}/became-looked-after`, {
    startedOn: options.startedOn,
    legalStatus: 'interim-care-order',
    categoryOfNeed: 'N1',
    placement: { placementType: 'foster-other', providerType: 'own-authority', postcode: 'NS1 4AB' },
  })
  if (lac.status !== 201) {
    throw new Error(`Could not record care: ${JSON.stringify(lac.body)}`)
  }
  return created.body.id
}

/**
 * Sets an authority's planning settings to those of a seeded policy (as an operator would, in SQL).
 * @param db - the database
 * @param authorityId - the authority
 * @param guidance - whose guidance and timings
 */
export async function usePlanningGuidance(
  db: TestApp['db'],
  authorityId: string,
  guidance: 'dorset' | 'tameside' | 'devon',
): Promise<void> {
  const timings = {
    dorset: { days: 3, unit: 'calendar-days', ppm: 3, ltf: 12, threshold: null },
    tameside: { days: null, unit: null, ppm: null, ltf: null, threshold: null },
    devon: { days: null, unit: null, ppm: null, ltf: null, threshold: 200_000 },
  }[guidance]
  await db.query(
    `INSERT INTO planning_settings (authority_id, guidance_policy, vocabulary, plan_to_manager_days, plan_to_manager_unit,
       ppm_every_months, ltf_review_months, panel_cost_threshold_pence, purposes_always_to_panel)
     VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (authority_id) DO UPDATE SET guidance_policy = $2, vocabulary = $2, plan_to_manager_days = $3,
       plan_to_manager_unit = $4, ppm_every_months = $5, ltf_review_months = $6, panel_cost_threshold_pence = $7,
       purposes_always_to_panel = $8, version = planning_settings.version + 1`,
    [
      authorityId,
      guidance,
      timings.days,
      timings.unit,
      timings.ppm,
      timings.ltf,
      timings.threshold,
      guidance === 'devon' ? ['issue-proceedings'] : [],
    ],
  )
}

const folder = mkdtempSync(join(tmpdir(), 'permanence-api-documents-'))
let fileNumber = 0

/**
 * A PDF's text, read by poppler's pdftotext, whitespace collapsed.
 * @param pdf - the bytes
 * @returns the text
 */
export function pdfText(pdf: Buffer): string {
  fileNumber += 1
  const path = join(folder, `document-${fileNumber}.pdf`)
  writeFileSync(path, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

/**
 * A DOCX's text: the page header and the body (tags removed, whitespace collapsed).
 * @param docx - the bytes
 * @returns the text
 */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const parts = ['word/header1.xml', 'word/document.xml']
  const xml = (await Promise.all(parts.map(async part => (await zip.file(part)?.async('string')) ?? ''))).join(' ')
  return xml
    .replace(/<w:p[ >]/g, ' $&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
}

/**
 * Downloads a document through the API.
 * @param t - the test app
 * @param token - the user's token
 * @param path - the document's address
 * @returns status, headers and bytes
 */
export async function download(
  t: TestApp,
  token: string,
  path: string,
): Promise<{ status: number; contentType: string | null; disposition: string | null; body: Buffer }> {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  }
}

/**
 * The day n days from another.
 * @param day - the day
 * @param n - days to add (negative for earlier)
 * @returns the day
 */
export function plusDays(day: string, n: number): CalendarDay {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + n)
  return date.toISOString().slice(0, 10) as CalendarDay
}
