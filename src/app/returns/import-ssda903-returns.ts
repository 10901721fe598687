/**
 * Imports an authority's SSDA903 returns (issue 8): one folder of CSV tables per collection year, any number of
 * years, parsed, stitched across years and written as care-record facts plus return details (docs/returns.md
 * "Import", docs/adr/0052-ssda903-import-writes.md).
 *
 * - A malformed file refuses the whole import before anything is written; every problem names the file, row and
 *   column (parse-files.ts).
 * - A child whose returns contradict themselves (stitch-years.ts) or whose facts would break a care-record invariant
 *   is rejected whole, with every reason; the other children are imported.
 * - Each child is written all or nothing, in its own audited operation (`returns:import`, CHILD_IMPORTED_FROM_SSDA903):
 *   one transaction and one audit event per child written.
 * - Idempotent: facts have name-based ids (ADR 0034); a child whose stored facts already match writes nothing, a
 *   changed one gets new versions with the reason "SSDA903 import". The import updates and voids only the facts it
 *   created; facts recorded in Permanence Planner are kept.
 * - Imported children go to the team "Imported from SSDA903 — not yet allocated", allocated to a placeholder user
 *   per SW_ID (inactive, cannot sign in) unless a worker with that SW_ID is already registered.
 */
import { setChangeReason } from '../../db/client.ts'
import { findPostgresError } from '../../db/errors.ts'
import { loadCareRecord, type WriteContext } from '../../db/repositories/care-record-repository.ts'
import {
  analyseReturnTables,
  ensureInactiveUsers,
  ensureSocialWorkerRefs,
  ensureTeam,
  insertAuditEvents,
  insertPeople,
  insertRows,
  loadImportState,
  loadSocialWorkerRefs,
  returnFactsToRows,
  updateRow,
  voidRow,
  RETURN_TABLE_KEYS,
  type ChildRows,
  type ImportState,
  type ReturnTableKey,
  type Row,
} from '../../db/repositories/returns-repository.ts'
import { validateCareRecord } from '../../domain/children/care-record-rules.ts'
import type { CareRecord, Person } from '../../domain/children/care-record.ts'
import { collectionYearLabel, type CollectionYear } from '../../domain/returns/collection-year.ts'
import { importedChildToReturnFacts } from '../../domain/returns/imported-child-facts.ts'
import { summariseImport, type ImportSummary } from '../../domain/returns/import-summary.ts'
import { parseSsda903Files, type ParseError, type SourceFile } from '../../domain/returns/parse-files.ts'
import type { ReturnFacts } from '../../domain/returns/return-facts.ts'
import {
  stitchSsda903Years,
  type ClosedEpisodePolicy,
  type ImportedChild,
  type ImportProblem,
  type ImportProblemKind,
  type ImportYear,
} from '../../domain/returns/stitch-years.ts'
import { TABLE_COLUMNS, TABLE_NAMES, type TableName } from '../../domain/returns/tables.ts'
import { domainError } from '../../domain/shared/result.ts'
import type { Actor } from '../shared/actor.ts'
import type { AppDependencies } from '../shared/dependencies.ts'
import { AuditUnavailableError, RuleViolationError } from '../shared/errors.ts'
import { authoriseAuthority, runOperation, type Operation } from '../shared/run-operation.ts'
import {
  IMPORT_CHANGE_REASON,
  IMPORT_VOID_REASON,
  isImportedId,
  outcomeIds,
  placeholderWorkerId,
} from './return-support.ts'

/** The audit event of each child the import writes. */
export const CHILD_AUDIT_ACTION = 'CHILD_IMPORTED_FROM_SSDA903'

/** The team imported children are placed in until someone allocates them. */
export const IMPORTED_TEAM_NAME = 'Imported from SSDA903 — not yet allocated'
/** The service that team is created in, when the authority has no service of this name. */
export const IMPORTED_TEAM_SERVICE = "Children's Social Care"

/** One collection year's folder of CSV files. */
export interface Ssda903Folder {
  /** How the folder is named in the report (its path). */
  readonly label: string
  readonly year: CollectionYear
  readonly files: readonly SourceFile[]
}

export interface ImportProgress {
  readonly done: number
  readonly total: number
  readonly written: number
  readonly unchanged: number
  readonly rejected: number
}

export interface ImportOptions {
  /** How to treat a later return changing an episode an earlier return had closed (default: later wins, warned). */
  readonly closedEpisodeChanges?: ClosedEpisodePolicy
  /** Called once the files are read and stitched (nothing done yet), every `progressEvery` children and at the end. */
  readonly onProgress?: (progress: ImportProgress) => void
  readonly progressEvery?: number
  /**
   * Called in each write's transaction after its children are written (a batch of new children, or one changed
   * child), e.g. `afterCareRecordsWritten` to recompute their due dates with the timescale engine. New children's
   * care records come too, exactly as written, so that the hook need not read them back; a changed child's do not
   * (its record is the stored one merged with the return's). A failure rolls the write back (the children are then
   * written one by one, and a child whose hook fails is rejected).
   */
  readonly afterChildrenWritten?: (
    op: Operation,
    childIds: readonly string[],
    records: readonly CareRecord[] | undefined,
  ) => Promise<void>
  /** Children whose stored state is read, and new children written, together (default 1000, or the progress interval if smaller). */
  readonly batchSize?: number
  /**
   * How many batches are written at once after the first (default: 2 on a PostgreSQL server, 1 on PGlite). Each
   * runs in its own transaction on its own connection. Batches share no rows: every fact of a child, its placeholder
   * carers included, has an id made from the child's LA identifier, and the team and workers are written first.
   */
  readonly parallelBatches?: number
}

/** A line of the import report. `refused`: the file stops the import; `rejected`: the child is not imported. */
export interface ImportReportEntry {
  readonly severity: 'refused' | 'rejected' | 'warning'
  readonly kind: string
  readonly year: CollectionYear | null
  /** The folder and file, e.g. `returns/2025-26/episodes.csv`. */
  readonly file: string | null
  /** The row in the file (header = 1). */
  readonly row: number | null
  readonly column: string | null
  readonly laChildId: string | null
  readonly message: string
}

export interface ImportCounts extends ImportSummary {
  readonly childrenCreated: number
  readonly childrenUpdated: number
  readonly childrenUnchanged: number
  /** Children that stitched cleanly but could not be written (care-record rule, case number in use, …). */
  readonly childrenRejectedOnWrite: number
}

export interface ImportReport {
  /** True when a file was malformed: nothing was written. */
  readonly isRefused: boolean
  readonly years: readonly CollectionYear[]
  readonly counts: ImportCounts
  readonly entries: readonly ImportReportEntry[]
  /** Every child created or changed, for whatever must follow a write (the timescale engine's due dates). */
  readonly childIdsWritten: readonly string[]
}

/** The 903 column a stitch problem is about, where the kind says. */
const PROBLEM_COLUMNS: Partial<Record<ImportProblemKind, string>> = {
  'episodes-overlap': 'DEC',
  'x1-without-continuation': 'REC',
  'new-period-without-s': 'RNE',
  'ended-without-reason': 'REC',
  'open-episode-not-last': 'DEC',
  'category-of-need-changed': 'CIN',
  'legal-status-changed-on-l-episode': 'RNE',
  'previous-permanence-without-new-period': 'PREV_PERM',
  'period-start-before-earliest-return': 'RNE',
  'episode-dropped-by-later-return': 'DECOM',
  'missing-header': 'CHILD',
}

/**
 * Which table a CSV file holds, from its header row (the validator identifies files by their column set).
 * @param text - the file's text
 * @returns the table, if the header matches one exactly
 */
function tableOfHeader(text: string): TableName | undefined {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '')
    .split(',')
    .map(cell => cell.trim().replace(/^"|"$/g, '').toUpperCase())
  const set = new Set(header)
  return TABLE_NAMES.find(
    name => TABLE_COLUMNS[name].length === set.size && TABLE_COLUMNS[name].every(column => set.has(column)),
  )
}

function parseEntry(error: ParseError, folder: Ssda903Folder): ImportReportEntry {
  return {
    severity: 'refused',
    kind: error.code,
    year: folder.year,
    file: `${folder.label}/${error.file}`,
    row: error.row,
    column: error.column,
    laChildId: null,
    message: error.message,
  }
}

function problemEntry(problem: ImportProblem, files: ReadonlyMap<string, string>): ImportReportEntry {
  const childDetailsColumn =
    problem.kind === 'child-details-changed' ? (/^([A-Z_]+) was/.exec(problem.message)?.[1] ?? null) : null
  return {
    severity: problem.severity === 'fatal' ? 'rejected' : 'warning',
    kind: problem.kind,
    year: problem.year,
    file: problem.year === null ? null : (files.get(`${problem.year}|${problem.table}`) ?? null),
    row: problem.row,
    column: childDetailsColumn ?? PROBLEM_COLUMNS[problem.kind] ?? null,
    laChildId: problem.laChildId,
    message: problem.message,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the import owns of each stored fact

/** Fields 903 carries, which the import sets on every run. The rest (names, notes, …) are set once, on creation. */
const OWNED_CHILD_COLUMNS = [
  'dateOfBirthOn',
  'sex',
  'ethnicity',
  'upn',
  'isUnaccompaniedAsylumSeeker',
  'isMother',
  'firstChildBornOn',
  'uascCeasedOn',
] as const

const OWNED_COLUMNS: Readonly<Record<ReturnTableKey, readonly string[]>> = {
  'periods-of-care': [
    'startedOn',
    'endedOn',
    'reasonEnded',
    'categoryOfNeed',
    'previousPermanence',
    'previousPermanenceAuthority',
    'previousPermanenceOn',
    'homePostcode',
  ],
  'legal-statuses': ['status', 'startedOn', 'endedOn'],
  placements: ['placementType', 'providerType', 'postcode', 'ofstedUrn', 'startedOn', 'endedOn', 'reasonEnded'],
  reviews: ['heldOn', 'participation'],
  allocations: ['startedOn', 'endedOn'],
  'adoption-journeys': [
    'decidedOn',
    'decisionCeasedOn',
    'decisionCeasedReason',
    'placementOrderOn',
    'matchedOn',
    'placedOn',
    'adoptionOrderOn',
    'fosteringForAdoptionOn',
    'adopterCount',
    'adopterSexes',
    'adopterLegalStatus',
    'isAdoptedByFosterCarers',
  ],
  'missing-episodes': ['kind', 'startedOn', 'returnedOn'],
  'social-worker-episodes': ['allocationId', 'socialWorkerRef', 'changeReason'],
  'deprivation-of-liberty-orders': ['startedOn', 'endedOn'],
  'health-outcomes': [
    'collectionYear',
    'sdqScore',
    'sdqReason',
    'isConvicted',
    'hasHealthCheck',
    'hasImmunisations',
    'hasTeethCheck',
    'hasHealthAssessment',
    'hasSubstanceMisuse',
    'hasInterventionReceived',
    'hasInterventionOffered',
  ],
  'care-leaver-outcomes': ['collectionYear', 'contact', 'activity', 'accommodation', 'isAccommodationSuitable'],
}

/**
 * The columns the import sets on an existing fact: what 903 carries, plus the carer or worker when the stored one is
 * the import's own placeholder (someone may since have recorded the real one).
 */
function ownedColumns(key: ReturnTableKey, stored: Row): readonly string[] {
  const owned = OWNED_COLUMNS[key]
  const isPlaceholder = (value: unknown) => value === null || (typeof value === 'string' && isImportedId(value))
  if (key === 'placements' && isPlaceholder(stored.carerPersonId)) {
    return [...owned, 'carerPersonId']
  }
  if (key === 'allocations' && isPlaceholder(stored.workerId)) {
    return [...owned, 'workerId']
  }
  return owned
}

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null)

interface TableChanges {
  readonly inserts: Row[]
  readonly updates: { id: string; version: number; values: Record<string, unknown> }[]
  readonly voids: { id: string; version: number }[]
}

type ChildPlan =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'reject'; readonly entryKind: string; readonly message: string }
  | { readonly kind: 'create'; readonly facts: ReturnFacts; readonly rows: ChildRows; readonly people: Person[] }
  | {
      readonly kind: 'update'
      readonly facts: ReturnFacts
      readonly stored: Row
      readonly childValues: Record<string, unknown>
      readonly tables: Readonly<Record<ReturnTableKey, TableChanges>>
      readonly people: Person[]
    }

function planChild(facts: ReturnFacts, state: ImportState): ChildPlan {
  const childId = facts.child.id
  const laChildId = facts.child.localCaseNumber
  const rows = returnFactsToRows(facts, outcomeIds(laChildId))
  const people = rows.people.filter(person => !state.peopleIds.has(person.id))
  const stored = state.children.get(childId)
  const holder = state.caseNumbers.get(laChildId)
  if (stored === undefined && holder !== undefined) {
    return {
      kind: 'reject',
      entryKind: 'case-number-in-use',
      message: `A child with local case number ${laChildId} was recorded in Permanence Planner, not imported; the import does not merge returns into it`,
    }
  }
  if (stored === undefined) {
    return { kind: 'create', facts, rows, people }
  }
  if (stored.voidedAt !== null && stored.voidedAt !== undefined) {
    return {
      kind: 'reject',
      entryKind: 'child-voided',
      message: `The child ${laChildId} was voided in Permanence Planner; the import does not bring them back`,
    }
  }
  const childValues: Record<string, unknown> = {}
  for (const column of OWNED_CHILD_COLUMNS) {
    if (!same(rows.child[column], stored[column])) {
      childValues[column] = rows.child[column]
    }
  }
  const storedWorker = stored.allocatedWorkerId
  if (
    (storedWorker === null || (typeof storedWorker === 'string' && isImportedId(storedWorker))) &&
    !same(storedWorker, rows.child.allocatedWorkerId)
  ) {
    childValues.allocatedWorkerId = rows.child.allocatedWorkerId
  }
  let isChanged = Object.keys(childValues).length > 0 || people.length > 0
  const tables = {} as Record<ReturnTableKey, TableChanges>
  for (const key of RETURN_TABLE_KEYS) {
    const storedRows = state.tables[key].get(childId) ?? []
    const byId = new Map(storedRows.map(row => [row.id, row]))
    const wanted = rows.tables[key]
    const wantedIds = new Set(wanted.map(row => row.id))
    const changes: TableChanges = { inserts: [], updates: [], voids: [] }
    for (const row of wanted) {
      const current = byId.get(row.id)
      if (current === undefined) {
        changes.inserts.push(row)
        continue
      }
      const values: Record<string, unknown> = {}
      for (const column of ownedColumns(key, current)) {
        if (!same(row[column], current[column])) {
          values[column] = row[column] ?? null
        }
      }
      if (current.voidedAt !== null && current.voidedAt !== undefined) {
        // A fact an earlier import voided is back in the returns: restore it.
        Object.assign(values, { voidedAt: null, voidedBy: null, voidReason: null })
      }
      if (Object.keys(values).length > 0) {
        changes.updates.push({ id: row.id, version: current.version as number, values })
      }
    }
    for (const current of storedRows) {
      const isCurrent = current.voidedAt === null || current.voidedAt === undefined
      if (isCurrent && isImportedId(current.id) && !wantedIds.has(current.id)) {
        changes.voids.push({ id: current.id, version: current.version as number })
      }
    }
    isChanged ||= changes.inserts.length + changes.updates.length + changes.voids.length > 0
    tables[key] = changes
  }
  return isChanged ? { kind: 'update', facts, stored, childValues, tables, people } : { kind: 'unchanged' }
}

/** The care record the child would have after the write, to check its invariants before writing. */
function recordAfter(plan: Extract<ChildPlan, { kind: 'update' }>, current: CareRecord): CareRecord {
  const voided = new Set(RETURN_TABLE_KEYS.flatMap(key => plan.tables[key].voids.map(v => v.id)))
  const merge = <T extends { id: string }>(stored: readonly T[], imported: readonly T[]): T[] => {
    const importedIds = new Set(imported.map(item => item.id))
    return [...stored.filter(item => !importedIds.has(item.id) && !voided.has(item.id)), ...imported].sort((a, b) => {
      const x = (a as unknown as { startedOn?: string; heldOn?: string }).startedOn ?? ''
      const y = (b as unknown as { startedOn?: string; heldOn?: string }).startedOn ?? ''
      return x < y ? -1 : x > y ? 1 : 0
    })
  }
  const { facts } = plan
  return {
    ...current,
    child: {
      ...current.child,
      dateOfBirthOn: facts.child.dateOfBirthOn,
      sex: facts.child.sex,
      ethnicity: facts.child.ethnicity,
      upn: facts.child.upn,
      isUnaccompaniedAsylumSeeker: facts.child.isUnaccompaniedAsylumSeeker,
    },
    periodsOfCare: merge(current.periodsOfCare, facts.periodsOfCare),
    legalStatuses: merge(current.legalStatuses, facts.legalStatuses),
    placements: merge(current.placements, facts.placements),
    reviews: merge(current.reviews, facts.reviews),
    allocations: merge(current.allocations, facts.allocations),
    people: [...current.people, ...facts.people.filter(p => !current.people.some(c => c.id === p.id))],
  }
}

function assertValid(op: Operation, record: CareRecord): void {
  const issues = validateCareRecord(record, op.today)
  if (issues.length > 0) {
    throw new RuleViolationError(
      issues.map(issue => domainError(issue.code, [issue.fact, issue.factId, issue.field], issue.params)),
    )
  }
}

/**
 * The statistics target of the import's `ANALYZE` (PostgreSQL's default is 100, and the nightly job uses it): after
 * the first batch, only so that plans use the keys (3,000 rows sampled a table instead of 30,000: ≈70 ms instead of
 * ≈0.5 s); at the end, fine enough for the caseload and dashboards until the night's full analysis (≈0.3 s at
 * 5,000 children instead of ≈0.8 s).
 */
const FIRST_BATCH_STATISTICS = 10
const FINAL_STATISTICS = 30

/** Batches written at once on a PostgreSQL server (a 2-core machine: this process and the server each keep one busy). */
const PARALLEL_BATCHES_ON_A_SERVER = 2

/** The order facts are written in, so that every reference exists first. */
const WRITE_ORDER: readonly ReturnTableKey[] = RETURN_TABLE_KEYS

async function writeChild(
  op: Operation,
  plan: Extract<ChildPlan, { kind: 'create' | 'update' }>,
  options: ImportOptions,
): Promise<void> {
  authoriseAuthority(op, 'returns:import')
  const childId = plan.facts.child.id
  op.concernsChild(childId)
  op.addAuditDetail('source', 'ssda903')
  op.addAuditDetail('change', plan.kind === 'create' ? 'created' : 'updated')
  const context: WriteContext = { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
  await setChangeReason(op.tx, IMPORT_CHANGE_REASON)
  if (plan.kind === 'create') {
    assertValid(op, plan.facts)
    await insertRows(op.tx, context, 'children', [plan.rows.child])
    await insertPeople(op.tx, context, plan.people)
    for (const key of WRITE_ORDER) {
      if (plan.rows.tables[key].length > 0) {
        await insertRows(op.tx, context, key, plan.rows.tables[key])
      }
    }
  } else {
    const current = await loadCareRecord(op.tx, childId)
    if (current === undefined) {
      throw new RuleViolationError([domainError('child-not-found', ['child'])])
    }
    assertValid(op, recordAfter(plan, current))
    const stale = () => new RuleViolationError([domainError('changed-during-import', ['child'])])
    if (Object.keys(plan.childValues).length > 0) {
      if (!(await updateRow(op.tx, context, 'children', childId, plan.stored.version as number, plan.childValues))) {
        throw stale()
      }
    }
    await insertPeople(op.tx, context, plan.people)
    for (const key of WRITE_ORDER) {
      const changes = plan.tables[key]
      if (changes.inserts.length > 0) {
        await insertRows(op.tx, context, key, changes.inserts)
      }
      for (const update of changes.updates) {
        if (!(await updateRow(op.tx, context, key, update.id, update.version, update.values))) {
          throw stale()
        }
      }
      for (const item of changes.voids) {
        if (!(await voidRow(op.tx, context, key, item.id, item.version, IMPORT_VOID_REASON))) {
          throw stale()
        }
      }
    }
  }
  await options.afterChildrenWritten?.(op, [childId], plan.kind === 'create' ? [plan.facts] : undefined)
}

/**
 * Writes a batch of new children in one transaction: one insert per table for the whole batch, and one audit event
 * per child (CHILD_IMPORTED_FROM_SSDA903, naming the child) in the same transaction, besides the batch's own event.
 * Each child was checked against the care-record invariants before, so a failure here is unexpected; the caller then
 * writes the batch's children one by one, so that each stays all or nothing (docs/adr/0052).
 */
async function writeCreates(
  op: Operation,
  plans: readonly Extract<ChildPlan, { kind: 'create' }>[],
  options: ImportOptions,
): Promise<void> {
  authoriseAuthority(op, 'returns:import')
  const childIds = plans.map(plan => plan.facts.child.id)
  op.addAuditDetail('source', 'ssda903')
  op.addAuditDetail('childIds', childIds)
  const context: WriteContext = { authorityId: op.actor.authorityId, userId: op.actor.userId, now: op.now }
  await setChangeReason(op.tx, IMPORT_CHANGE_REASON)
  await insertRows(
    op.tx,
    context,
    'children',
    plans.map(plan => plan.rows.child),
  )
  const people = new Map(plans.flatMap(plan => plan.people.map(person => [person.id, person] as const)))
  await insertPeople(op.tx, context, [...people.values()])
  for (const key of WRITE_ORDER) {
    const rows = plans.flatMap(plan => plan.rows.tables[key])
    if (rows.length > 0) {
      await insertRows(op.tx, context, key, rows)
    }
  }
  await insertAuditEvents(
    op.tx,
    childIds.map(childId => ({
      authorityId: op.actor.authorityId,
      userId: op.actor.userId,
      role: op.actor.role,
      childId,
      action: CHILD_AUDIT_ACTION,
      purpose: null,
      outcome: 'success',
      clientAddress: null,
      requestId: null,
      method: null,
      route: null,
      breakGlassReason: null,
      details: { source: 'ssda903', change: 'created' },
    })),
  )
  await options.afterChildrenWritten?.(
    op,
    childIds,
    plans.map(plan => plan.facts),
  )
}

function rejectionMessage(error: unknown, facts: ReturnFacts): { kind: string; message: string } {
  if (error instanceof RuleViolationError) {
    const starts = new Map<string, string>()
    for (const list of [facts.periodsOfCare, facts.legalStatuses, facts.placements, facts.allocations]) {
      for (const fact of list) {
        starts.set(fact.id, fact.startedOn)
      }
    }
    facts.reviews.forEach(review => starts.set(review.id, review.heldOn))
    const reasons = error.errors.map(e => {
      const [fact, factId, field] = e.path as string[]
      const start = factId === undefined ? undefined : starts.get(factId)
      return `${e.code}${fact ? ` (${fact}${start ? ` starting ${start}` : ''}${field ? `, ${field}` : ''})` : ''}`
    })
    return { kind: 'care-record-rule', message: `The child's facts break care-record rules: ${reasons.join('; ')}` }
  }
  const database = findPostgresError(error)
  return {
    kind: 'write-failed',
    message: `The child could not be written: ${database?.message ?? (error instanceof Error ? error.message : String(error))}`,
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Imports SSDA903 returns into the actor's authority.
 * @param deps - the application's dependencies
 * @param actor - who runs the import (needs `returns:import`)
 * @param folders - one folder of CSV files per collection year
 * @param options - stitching policy, progress, the after-write hook and batch size
 * @returns the report: counts, every refused, rejected or contradictory row, and the children written
 */
export async function importSsda903Returns(
  deps: AppDependencies,
  actor: Actor,
  folders: readonly Ssda903Folder[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const request = (auditAction: string) => ({ actor, policy: 'returns:import' as const, auditAction })
  const entries: ImportReportEntry[] = []
  const years: ImportYear[] = []
  const fileOfTable = new Map<string, string>()
  const parseErrors: ParseError[] = []
  const seenYears = new Set<CollectionYear>()
  for (const folder of folders) {
    if (seenYears.has(folder.year)) {
      entries.push({
        severity: 'refused',
        kind: 'duplicate-year',
        year: folder.year,
        file: folder.label,
        row: null,
        column: null,
        laChildId: null,
        message: `Two folders hold the ${collectionYearLabel(folder.year)} return; import one folder per year`,
      })
    }
    seenYears.add(folder.year)
    const parsed = parseSsda903Files(folder.files, { year: folder.year })
    parseErrors.push(...parsed.errors)
    entries.push(...parsed.errors.map(error => parseEntry(error, folder)))
    years.push({ year: folder.year, tables: parsed.tables })
    for (const file of folder.files) {
      const table = tableOfHeader(file.text)
      if (table !== undefined) {
        fileOfTable.set(`${folder.year}|${table}`, `${folder.label}/${file.name}`)
      }
    }
  }
  const sortedYears = [...seenYears].sort((a, b) => a - b)
  const emptyCounts = (summary: ImportSummary): ImportCounts => ({
    ...summary,
    childrenCreated: 0,
    childrenUpdated: 0,
    childrenUnchanged: 0,
    childrenRejectedOnWrite: 0,
  })
  if (entries.some(entry => entry.severity === 'refused')) {
    const summary = summariseImport({ children: [], problems: [] }, parseErrors)
    await runOperation(deps, request('SSDA903_IMPORT_REFUSED'), op => {
      authoriseAuthority(op, 'returns:import')
      op.addAuditDetail('years', sortedYears)
      op.addAuditDetail('fileErrors', entries.length)
      return Promise.resolve()
    })
    return { isRefused: true, years: sortedYears, counts: emptyCounts(summary), entries, childIdsWritten: [] }
  }

  const stitched = stitchSsda903Years(years, { closedEpisodeChanges: options.closedEpisodeChanges ?? 'later-wins' })
  entries.push(...stitched.problems.map(problem => problemEntry(problem, fileOfTable)))
  const summary = summariseImport(stitched, parseErrors)

  // The team and workers imported children are allocated to.
  const refs = [...new Set(stitched.children.flatMap(child => child.socialWorkerEpisodes.map(e => e.socialWorkerRef)))]
  const workerOf = await runOperation(deps, request('SSDA903_IMPORT_STARTED'), async op => {
    authoriseAuthority(op, 'returns:import')
    op.addAuditDetail('years', sortedYears)
    op.addAuditDetail('children', stitched.children.length)
    const team = await ensureTeam(op.tx, actor.authorityId, {
      team: IMPORTED_TEAM_NAME,
      service: IMPORTED_TEAM_SERVICE,
      teamId: placeholderWorkerId(actor.authorityId, 'team'),
      serviceId: placeholderWorkerId(actor.authorityId, 'service'),
    })
    const known = new Map([...(await loadSocialWorkerRefs(op.tx))].map(([userId, ref]) => [ref, userId]))
    const unknown = refs.filter(ref => !known.has(ref))
    const placeholders = unknown.map(ref => {
      const id = placeholderWorkerId(actor.authorityId, ref)
      return {
        id,
        email: `ssda903-worker-${id}@import.invalid`,
        displayName: `Social worker ${ref} (from SSDA903)`,
        role: 'social-worker',
        teamId: team.teamId,
        serviceId: null,
      }
    })
    await ensureInactiveUsers(op.tx, actor.authorityId, placeholders)
    await ensureSocialWorkerRefs(
      op.tx,
      actor.authorityId,
      placeholders.map((p, i) => ({ userId: p.id, socialWorkerRef: unknown[i]! })),
    )
    unknown.forEach((ref, i) => known.set(ref, placeholders[i]!.id))
    return { workers: known, teamId: team.teamId }
  })

  const desiredFacts = (child: ImportedChild): ReturnFacts => {
    const facts = importedChildToReturnFacts(child)
    const refOf = new Map(child.socialWorkerEpisodes.map(e => [e.id, e.socialWorkerRef]))
    const allocations = facts.allocations.map(allocation => ({
      ...allocation,
      workerId: workerOf.workers.get(refOf.get(allocation.id)!)!,
      teamId: workerOf.teamId,
    }))
    return {
      ...facts,
      child: {
        ...facts.child,
        teamId: workerOf.teamId,
        allocatedWorkerId: allocations.find(a => a.endedOn === null)?.workerId ?? null,
      },
      allocations,
    }
  }

  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
  const childIdsWritten: string[] = []
  const total = stitched.children.length
  const every = options.progressEvery ?? 1000
  // Progress comes between batches, so a batch is never longer than the progress interval.
  const batchSize = options.batchSize ?? Math.min(1000, every)
  const today = deps.clock.today()

  /** Reads one batch's stored state, then writes its children: what it did, for the report in file order. */
  const importBatch = async (children: readonly ImportedChild[]): Promise<BatchOutcome> => {
    const outcome: BatchOutcome = {
      size: children.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      entries: [],
      childIdsWritten: [],
    }
    const batch = children.map(desiredFacts)
    const state = await deps.db.withAuthority({ authorityId: actor.authorityId, userId: actor.userId }, tx =>
      loadImportState(
        tx,
        batch.map(facts => facts.child.id),
        batch.map(facts => facts.child.localCaseNumber),
        batch.flatMap(facts => facts.people.map(person => person.id)),
      ),
    )
    const reject = (facts: ReturnFacts, error: unknown) => {
      outcome.rejected += 1
      const { kind, message } = rejectionMessage(error, facts)
      outcome.entries.push(rejectedEntry(facts, kind, message))
    }
    const creates: Extract<ChildPlan, { kind: 'create' }>[] = []
    const writeOne = async (plan: Extract<ChildPlan, { kind: 'create' | 'update' }>) => {
      try {
        await runOperation(deps, request(CHILD_AUDIT_ACTION), op => writeChild(op, plan, options))
        outcome.childIdsWritten.push(plan.facts.child.id)
        outcome[plan.kind === 'create' ? 'created' : 'updated'] += 1
      } catch (error) {
        if (error instanceof AuditUnavailableError) {
          throw error
        }
        reject(plan.facts, error)
      }
    }
    for (const facts of batch) {
      const plan = planChild(facts, state)
      if (plan.kind === 'unchanged') {
        outcome.unchanged += 1
      } else if (plan.kind === 'reject') {
        outcome.rejected += 1
        outcome.entries.push(rejectedEntry(facts, plan.entryKind, plan.message))
      } else if (plan.kind === 'create') {
        const issues = validateCareRecord(plan.facts, today)
        if (issues.length > 0) {
          reject(
            facts,
            new RuleViolationError(
              issues.map(issue => domainError(issue.code, [issue.fact, issue.factId, issue.field], issue.params)),
            ),
          )
        } else {
          creates.push(plan)
        }
      } else {
        await writeOne(plan)
      }
    }
    if (creates.length > 0) {
      try {
        await runOperation(deps, request('SSDA903_IMPORT_BATCH_WRITTEN'), op => writeCreates(op, creates, options))
        outcome.childIdsWritten.push(...creates.map(plan => plan.facts.child.id))
        outcome.created += creates.length
      } catch (error) {
        if (error instanceof AuditUnavailableError) {
          throw error
        }
        // Something in the batch failed at the database: write its children one by one to find which.
        for (const plan of creates) {
          await writeOne(plan)
        }
      }
    }
    return outcome
  }

  let done = 0
  let reported = -1
  const report = () => {
    reported = done
    options.onProgress?.({
      done,
      total,
      written: counts.created + counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
    })
  }
  // Outcomes are taken in file order, whichever batch finishes first, so the report and progress read the same
  // however many batches run at once.
  const take = (outcome: BatchOutcome) => {
    counts.created += outcome.created
    counts.updated += outcome.updated
    counts.unchanged += outcome.unchanged
    counts.rejected += outcome.rejected
    entries.push(...outcome.entries)
    childIdsWritten.push(...outcome.childIdsWritten)
    done += outcome.size
    if (Math.floor(done / every) > Math.floor((done - outcome.size) / every)) {
      report()
    }
  }
  // Reading, checking and stitching the files comes first, and takes a while for a large authority: say so.
  report()
  const batches: (readonly ImportedChild[])[] = []
  for (let start = 0; start < total; start += batchSize) {
    batches.push(stitched.children.slice(start, start + batchSize))
  }
  // Batches run one at a time until one has written children and the tables have statistics (see
  // analyseReturnTables); then, on a PostgreSQL server, several at once on their own connections, so that the
  // server works on one batch while this process prepares the next (docs/adr/0096). PGlite runs every statement in
  // this thread, so it gains nothing from that and keeps to one.
  const parallel = options.parallelBatches ?? (deps.db.kind === 'postgres' ? PARALLEL_BATCHES_ON_A_SERVER : 1)
  let next = 0
  let analysed = false
  while (next < batches.length && !analysed) {
    const outcome = await importBatch(batches[next]!)
    next += 1
    take(outcome)
    if (outcome.created > 0) {
      await analyseReturnTables(deps.db, FIRST_BATCH_STATISTICS)
      analysed = true
    }
  }
  const rest = batches.slice(next)
  if (rest.length > 0) {
    const running: Promise<BatchOutcome>[] = []
    let failure: unknown = undefined
    const start = (index: number) => {
      const promise = importBatch(rest[index]!)
      // A batch that throws (the audit log unavailable) stops the import; the others still running finish first.
      promise.catch((error: unknown) => {
        failure ??= error
      })
      running[index] = promise
    }
    for (let index = 0; index < Math.min(parallel, rest.length); index++) {
      start(index)
    }
    for (let index = 0; index < rest.length; index++) {
      const outcome = await running[index]!.catch(() => undefined)
      if (outcome === undefined || failure !== undefined) {
        await Promise.allSettled(running)
        throw failure
      }
      take(outcome)
      if (index + parallel < rest.length) {
        start(index + parallel)
      }
    }
    // A PostgreSQL server's autovacuum analyses tables this much changed within its minute's nap; PGlite has none.
    if (deps.db.kind === 'pglite') {
      await analyseReturnTables(deps.db, FINAL_STATISTICS)
    }
  }
  if (reported !== done) {
    report()
  }
  const result: ImportCounts = {
    ...summary,
    childrenImported: counts.created + counts.updated + counts.unchanged,
    childrenRejected: summary.childrenRejected + counts.rejected,
    childrenCreated: counts.created,
    childrenUpdated: counts.updated,
    childrenUnchanged: counts.unchanged,
    childrenRejectedOnWrite: counts.rejected,
  }
  await runOperation(deps, request('SSDA903_IMPORT_FINISHED'), op => {
    authoriseAuthority(op, 'returns:import')
    op.addAuditDetail('years', sortedYears)
    op.addAuditDetail('created', counts.created)
    op.addAuditDetail('updated', counts.updated)
    op.addAuditDetail('unchanged', counts.unchanged)
    op.addAuditDetail('rejected', result.childrenRejected)
    return Promise.resolve()
  })
  return { isRefused: false, years: sortedYears, counts: result, entries, childIdsWritten }
}

/** What one batch did, taken into the report in file order. */
interface BatchOutcome {
  readonly size: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  readonly entries: ImportReportEntry[]
  readonly childIdsWritten: string[]
}

function rejectedEntry(facts: ReturnFacts, kind: string, message: string): ImportReportEntry {
  return {
    severity: 'rejected',
    kind,
    year: null,
    file: null,
    row: null,
    column: null,
    laChildId: facts.child.localCaseNumber,
    message,
  }
}
