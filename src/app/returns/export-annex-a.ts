/**
 * Ofsted ILACS Annex A lists 8 (children in care), 10 (adoption) and 11 (adopters) as an XLSX workbook with
 * Ofsted's headers (issue 8; docs/adr/0036). The allocated team and worker come from the care record; what the
 * system does not hold yet (permanence plan, visits, health and dental checks, placement location and LA, adopter
 * records for list 11) is left blank, and list 11 has its headers only (docs/returns.md "Annex A").
 */
import { loadAuthorityReturnFacts, loadStaffNames } from '../../db/repositories/returns-repository.ts'
import { buildAnnexA, type AnnexAChildInfo, type AnnexAEdition } from '../../domain/returns/annex-a.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { writeAnnexAXlsx } from './write-annex-a-xlsx.ts'

export interface AnnexAExport {
  readonly asOf: CalendarDay
  readonly workbook: Uint8Array
  readonly rows: { readonly list8: number; readonly list10: number; readonly list11: number }
}

/**
 * Builds the Annex A workbook as of a day.
 * @param op - the operation (needs `returns:export`)
 * @param options - the reference day (default today) and the header edition (default 2026)
 * @param options.asOf - the reference day; the lists cover the 12 months up to it
 * @param options.edition - 2026 (`Sex`) or 2024 (`Gender`)
 * @returns the workbook and its row counts
 */
export async function exportAnnexA(
  op: Operation,
  options: { readonly asOf?: CalendarDay; readonly edition?: AnnexAEdition } = {},
): Promise<AnnexAExport> {
  authoriseAuthority(op, 'returns:export')
  const asOf = options.asOf ?? op.today
  const facts = await loadAuthorityReturnFacts(op.tx)
  const staff = await loadStaffNames(op.tx)
  const childInfo = new Map<string, AnnexAChildInfo>(
    facts.map(child => [
      child.child.id,
      {
        permanencePlan: null,
        lastSocialWorkVisitOn: null,
        lastIroContactOn: null,
        lastHealthAssessmentOn: null,
        lastDentalCheckOn: null,
        allocatedTeam: child.child.teamId === null ? null : (staff.teams.get(child.child.teamId) ?? null),
        allocatedWorker:
          child.child.allocatedWorkerId === null ? null : (staff.users.get(child.child.allocatedWorkerId) ?? null),
        placementLocation: null,
        placementLocalAuthority: null,
      },
    ]),
  )
  const sheets = buildAnnexA(facts, [], { asOf, edition: options.edition ?? 2026, childInfo })
  const listed = new Set(sheets.slice(0, 2).flatMap(sheet => sheet.rows.map(row => row[0]!)))
  op.addAuditDetail('asOf', asOf)
  op.addAuditDetail(
    'childIds',
    facts.filter(child => listed.has(child.child.localCaseNumber)).map(child => child.child.id),
  )
  return {
    asOf,
    workbook: await writeAnnexAXlsx(sheets),
    rows: { list8: sheets[0]!.rows.length, list10: sheets[1]!.rows.length, list11: sheets[2]!.rows.length },
  }
}
