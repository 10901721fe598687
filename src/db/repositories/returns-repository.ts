/**
 * Reads and writes what the national returns need (issue 8): a child's `ReturnFacts` (the care record plus the
 * return details of migration 0050), every child's in an authority at once, and the same "as known" at a past
 * moment from the record history. Also the generic row operations the SSDA903 import uses to compare and write
 * facts, the import's placeholder team and workers, social workers' 903 identifiers and the scorecard thresholds.
 *
 * Like the care-record repository, nothing is overwritten: every update moves a row to its next version (the
 * database copies each version to record_versions) and "delete" is a void with a reason.
 */
import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { getTableConfig, type PgColumn, type PgTableWithColumns, type TableConfig } from 'drizzle-orm/pg-core'
import type {
  CareRecord,
  ChildDetails,
  LegalStatusSpell,
  PeriodOfCare,
  Person,
  Placement,
  StatutoryReview,
  WorkerAllocation,
} from '../../domain/children/care-record.ts'
import type {
  AdoptionJourney,
  CareLeaverOutcomes,
  DeprivationOfLibertyOrder,
  HealthOutcomes,
  MissingEpisode,
  PartialCalendarDay,
  PeriodOfCareReturnDetails,
  ReturnFacts,
  SocialWorkerEpisodeDetails,
} from '../../domain/returns/return-facts.ts'
import type { ScorecardThresholds } from '../../domain/returns/scorecard.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Database, Tx } from '../client.ts'
import { queryRows, textArray, uuidArray } from '../raw-sql.ts'
import type { AuditEventRow } from './audit-repository.ts'
import {
  adoptionJourneys,
  auditEvents,
  careLeaverOutcomes,
  children,
  deprivationOfLibertyOrders,
  healthOutcomes,
  legalStatuses,
  missingEpisodes,
  people,
  periodsOfCare,
  placements,
  scorecardThresholds,
  services,
  socialWorkerEpisodes,
  socialWorkerRefs,
  statutoryReviews,
  teams,
  users,
  workerAllocations,
} from '../schema/index.ts'
import { loadCareRecord, type WriteContext } from './care-record-repository.ts'

/** A stored row, keyed by the Drizzle (camelCase) column names. */
export type Row = Record<string, unknown> & { readonly id: string }

/** The per-child tables the returns read and the import writes, besides `children` and `people`. */
export const RETURN_TABLES = {
  'periods-of-care': periodsOfCare,
  'legal-statuses': legalStatuses,
  placements,
  reviews: statutoryReviews,
  allocations: workerAllocations,
  'adoption-journeys': adoptionJourneys,
  'missing-episodes': missingEpisodes,
  'social-worker-episodes': socialWorkerEpisodes,
  'deprivation-of-liberty-orders': deprivationOfLibertyOrders,
  'health-outcomes': healthOutcomes,
  'care-leaver-outcomes': careLeaverOutcomes,
} as const
export type ReturnTableKey = keyof typeof RETURN_TABLES
export const RETURN_TABLE_KEYS = Object.keys(RETURN_TABLES) as ReturnTableKey[]

type AnyTable = PgTableWithColumns<TableConfig> & {
  id: PgColumn
  version: PgColumn
  voidedAt: PgColumn
  childId: PgColumn
}

const tableOf = (key: ReturnTableKey | 'children'): AnyTable =>
  (key === 'children' ? children : RETURN_TABLES[key]) as unknown as AnyTable

/** The columns every versioned table carries that are not facts about the child. */
export const META_COLUMNS: ReadonlySet<string> = new Set([
  'authorityId',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'voidedAt',
  'voidedBy',
  'voidReason',
])

/** Rows per bulk insert: each statement carries its rows as one JSON parameter. */
const BULK_SLICE = 2000

/**
 * Inserts many rows with one statement per slice: the rows travel as one JSON parameter that PostgreSQL expands with
 * jsonb_populate_recordset. Per-row bind parameters cost PGlite about 15 µs each, so a 45-column row took 0.7 ms;
 * this takes under 0.15 ms, triggers and row-level security included (docs/performance.md "National returns").
 * Only the columns present in the first row are written (the rest take their defaults); every row has the same keys.
 * @param tx - the transaction
 * @param table - the Drizzle table
 * @param rows - rows keyed by Drizzle column names
 * @param existing - `skip`: a row whose key is already stored is left out (`ON CONFLICT DO NOTHING`)
 */
async function bulkInsert(
  tx: Tx,
  table: AnyTable | typeof auditEvents | typeof people | typeof users | typeof socialWorkerRefs,
  rows: readonly object[],
  existing: 'fail' | 'skip' = 'fail',
) {
  if (rows.length === 0) {
    return
  }
  const columns = Object.entries(getTableColumns(table as AnyTable)).filter(
    ([key]) => (rows[0] as Record<string, unknown>)[key] !== undefined,
  )
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '))
  const name = sql.raw(`"${getTableConfig(table as AnyTable).name}"`)
  for (let i = 0; i < rows.length; i += BULK_SLICE) {
    const json = rows.slice(i, i + BULK_SLICE).map(row => {
      // A key left out is NULL, as an explicit null would be; most columns are empty, and every key costs parsing.
      const record: Record<string, unknown> = {}
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key]
        if (value !== null && value !== undefined) {
          record[column.name] = value
        }
      }
      return record
    })
    await tx.execute(
      sql`INSERT INTO ${name} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${name}, ${JSON.stringify(json)}::jsonb)${existing === 'skip' ? sql` ON CONFLICT DO NOTHING` : sql``}`,
    )
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows ↔ ReturnFacts

/** One child's rows: the children row, per-table fact rows, and the people (carers) the placements name. */
export interface ChildRows {
  readonly child: Row
  readonly tables: Readonly<Record<ReturnTableKey, readonly Row[]>>
  readonly people: readonly Person[]
}

const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

/** Gives OC2 and OC3 rows, one per child and collection year, their ids. */
export type OutcomeIdFunction = (kind: 'oc2' | 'oc3', collectionYear: number) => string

/**
 * The rows that store a child's ReturnFacts (what the returns read; proceedings, orders, relationships, siblings and
 * living arrangements are not return facts and are left alone).
 * @param facts - the child's facts
 * @param outcomeId - ids for the OC2 and OC3 rows (they have none in the domain: one per child and year)
 * @returns rows keyed by Drizzle column names, without authority or audit columns
 */
export function returnFactsToRows(facts: ReturnFacts, outcomeId: OutcomeIdFunction): ChildRows {
  const childId = facts.child.id
  const details = facts.returnDetails
  const periodDetails = new Map(details.periodsOfCare.map(d => [d.periodOfCareId, d]))
  const swDetails = new Map(details.socialWorkerEpisodes.map(d => [d.allocationId, d]))
  const child: Row = {
    ...facts.child,
    restrictionPermittedUserIds: [...facts.child.restrictionPermittedUserIds],
    isMother: details.isMother,
    firstChildBornOn: details.firstChildBornOn,
    uascCeasedOn: details.uascCeasedOn,
  }
  const withChild = <T extends { id: string }>(items: readonly T[], map: (item: T) => Record<string, unknown>) =>
    items.map(item => ({ ...map(item), id: item.id, childId }))
  return {
    child,
    people: facts.people,
    tables: {
      'periods-of-care': withChild(facts.periodsOfCare, p => {
        const more = periodDetails.get(p.id)
        return {
          startedOn: p.startedOn,
          endedOn: p.endedOn,
          reasonEnded: p.reasonEnded,
          categoryOfNeed: p.categoryOfNeed,
          previousPermanence: p.previousPermanence,
          previousPermanenceAuthority: more?.previousPermanenceAuthority ?? null,
          previousPermanenceOn: more?.previousPermanenceOn ?? null,
          homePostcode: more?.homePostcode ?? null,
        }
      }),
      'legal-statuses': withChild(facts.legalStatuses, s => ({
        status: s.status,
        startedOn: s.startedOn,
        endedOn: s.endedOn,
      })),
      placements: withChild(facts.placements, p => ({
        placementType: p.placementType,
        carerPersonId: p.carerPersonId,
        providerName: p.providerName,
        providerType: p.providerType,
        postcode: p.postcode,
        ofstedUrn: p.ofstedUrn,
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        reasonEnded: p.reasonEnded,
        isIntendedUntilEighteen: p.isIntendedUntilEighteen,
      })),
      reviews: withChild(facts.reviews, r => ({
        heldOn: r.heldOn,
        participation: r.participation,
        chairedById: r.chairedById,
        broughtForwardReason: r.broughtForwardReason,
        notes: r.notes,
      })),
      allocations: withChild(facts.allocations, a => ({
        workerId: a.workerId,
        teamId: a.teamId,
        startedOn: a.startedOn,
        endedOn: a.endedOn,
        reasonEnded: a.reasonEnded,
      })),
      'adoption-journeys': withChild(details.adoptionJourneys, j => ({
        decidedOn: j.decidedOn,
        decisionCeasedOn: j.decisionCeasedOn,
        decisionCeasedReason: j.decisionCeasedReason,
        placementOrderOn: j.placementOrderOn,
        matchedOn: j.matchedOn,
        placedOn: j.placedOn,
        adoptionOrderOn: j.adoptionOrderOn,
        fosteringForAdoptionOn: j.fosteringForAdoptionOn,
        adopterCount: j.adopters?.count ?? null,
        adopterSexes: j.adopters?.sexes ?? null,
        adopterLegalStatus: j.adopters?.legalStatus ?? null,
        isAdoptedByFosterCarers: j.isAdoptedByFosterCarers,
        familyId: j.familyId,
      })),
      'missing-episodes': withChild(details.missingEpisodes, m => ({
        kind: m.kind,
        startedOn: m.startedOn,
        returnedOn: m.returnedOn,
        wasReturnInterviewOffered: m.wasReturnInterviewOffered,
        wasReturnInterviewAccepted: m.wasReturnInterviewAccepted,
      })),
      // One row per allocation, keyed by the allocation's id.
      'social-worker-episodes': facts.allocations.flatMap(a => {
        const sw = swDetails.get(a.id)
        return sw === undefined
          ? []
          : [
              {
                id: a.id,
                childId,
                allocationId: a.id,
                socialWorkerRef: sw.socialWorkerRef,
                changeReason: sw.changeReason,
              },
            ]
      }),
      'deprivation-of-liberty-orders': withChild(details.deprivationOfLibertyOrders, o => ({
        startedOn: o.startedOn,
        endedOn: o.endedOn,
      })),
      'health-outcomes': details.healthOutcomes.map(h => ({
        ...h,
        id: outcomeId('oc2', h.collectionYear),
        childId,
      })),
      'care-leaver-outcomes': details.careLeaverOutcomes.map(c => ({
        ...c,
        id: outcomeId('oc3', c.collectionYear),
        childId,
      })),
    },
  }
}

function pick<T>(row: Row, keys: readonly string[]): T {
  const result: Record<string, unknown> = {}
  for (const key of keys) {
    result[key] = nullable(row[key])
  }
  return result as T
}

const PERIOD_KEYS = ['id', 'version', 'startedOn', 'endedOn', 'reasonEnded', 'categoryOfNeed', 'previousPermanence']
const SPELL_KEYS = ['id', 'version', 'status', 'startedOn', 'endedOn']
const PLACEMENT_KEYS = [
  'id',
  'version',
  'placementType',
  'carerPersonId',
  'providerName',
  'providerType',
  'postcode',
  'ofstedUrn',
  'startedOn',
  'endedOn',
  'reasonEnded',
  'isIntendedUntilEighteen',
]
const REVIEW_KEYS = ['id', 'version', 'heldOn', 'participation', 'chairedById', 'broughtForwardReason', 'notes']
const ALLOCATION_KEYS = ['id', 'version', 'workerId', 'teamId', 'startedOn', 'endedOn', 'reasonEnded']
const CHILD_KEYS = [
  'id',
  'version',
  'givenNames',
  'familyName',
  'preferredName',
  'dateOfBirthOn',
  'sex',
  'ethnicity',
  'firstLanguage',
  'needsInterpreter',
  'religion',
  'hasDisability',
  'disabilityDetails',
  'communicationNeeds',
  'localCaseNumber',
  'upn',
  'isUnaccompaniedAsylumSeeker',
  'dateOfDeathOn',
  'teamId',
  'allocatedWorkerId',
  'allocatedIroId',
  'sensitivity',
  'restrictionCategory',
  'restrictionOwnerId',
  'restrictionReviewOn',
  'restrictionPermittedUserIds',
]

const byStart = <T extends { startedOn: string; id: string }>(a: T, b: T) =>
  a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** The rows of one child, current (not voided), as read from the tables. */
export interface StoredChildRows {
  readonly child: Row
  readonly tables: Partial<Record<ReturnTableKey, Row[]>>
}

/**
 * Assembles ReturnFacts from a child's stored rows.
 * @param stored - the rows (voided rows already left out)
 * @param workerRefs - the 903 identifier of each worker that has one (fallback for allocations without details)
 * @returns the facts (proceedings, orders, relationships, people, siblings, living arrangements and events empty)
 */
export function rowsToReturnFacts(stored: StoredChildRows, workerRefs: ReadonlyMap<string, string>): ReturnFacts {
  const rows = (key: ReturnTableKey) => stored.tables[key] ?? []
  const periods = rows('periods-of-care')
    .map(row => pick<PeriodOfCare>(row, PERIOD_KEYS))
    .sort(byStart)
  const periodDetails: PeriodOfCareReturnDetails[] = rows('periods-of-care').map(row => ({
    periodOfCareId: row.id,
    homePostcode: nullable(row.homePostcode as string | null),
    previousPermanenceAuthority: nullable(row.previousPermanenceAuthority as string | null),
    previousPermanenceOn: nullable(row.previousPermanenceOn as PartialCalendarDay | null),
  }))
  const allocations = rows('allocations')
    .map(row => pick<WorkerAllocation>(row, ALLOCATION_KEYS))
    .sort(byStart)
  const swByAllocation = new Map(rows('social-worker-episodes').map(row => [row.allocationId as string, row]))
  const socialWorkerEpisodes: SocialWorkerEpisodeDetails[] = allocations.flatMap(allocation => {
    const row = swByAllocation.get(allocation.id)
    if (row !== undefined) {
      return [
        {
          allocationId: allocation.id,
          socialWorkerRef: row.socialWorkerRef as string,
          changeReason: nullable(row.changeReason as SocialWorkerEpisodeDetails['changeReason']),
        },
      ]
    }
    const ref = workerRefs.get(allocation.workerId)
    return ref === undefined ? [] : [{ allocationId: allocation.id, socialWorkerRef: ref, changeReason: null }]
  })
  const journeys: AdoptionJourney[] = rows('adoption-journeys')
    .map(row => ({
      id: row.id,
      decidedOn: row.decidedOn as CalendarDay,
      decisionCeasedOn: nullable(row.decisionCeasedOn as CalendarDay | null),
      decisionCeasedReason: nullable(row.decisionCeasedReason as AdoptionJourney['decisionCeasedReason']),
      placementOrderOn: nullable(row.placementOrderOn as CalendarDay | null),
      matchedOn: nullable(row.matchedOn as CalendarDay | null),
      placedOn: nullable(row.placedOn as CalendarDay | null),
      adoptionOrderOn: nullable(row.adoptionOrderOn as CalendarDay | null),
      fosteringForAdoptionOn: nullable(row.fosteringForAdoptionOn as CalendarDay | null),
      adopters:
        row.adopterCount === null || row.adopterCount === undefined
          ? null
          : {
              count: row.adopterCount === 2 ? (2 as const) : (1 as const),
              sexes: row.adopterSexes as NonNullable<AdoptionJourney['adopters']>['sexes'],
              legalStatus: row.adopterLegalStatus as NonNullable<AdoptionJourney['adopters']>['legalStatus'],
            },
      isAdoptedByFosterCarers: nullable(row.isAdoptedByFosterCarers as boolean | null),
      familyId: nullable(row.familyId as string | null),
    }))
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0))
  const missing: MissingEpisode[] = rows('missing-episodes')
    .map(row => ({
      id: row.id,
      kind: row.kind as MissingEpisode['kind'],
      startedOn: row.startedOn as CalendarDay,
      returnedOn: nullable(row.returnedOn as CalendarDay | null),
      wasReturnInterviewOffered: nullable(row.wasReturnInterviewOffered as boolean | null),
      wasReturnInterviewAccepted: nullable(row.wasReturnInterviewAccepted as boolean | null),
    }))
    .sort(byStart)
  const dolos: DeprivationOfLibertyOrder[] = rows('deprivation-of-liberty-orders')
    .map(row => ({
      id: row.id,
      startedOn: row.startedOn as CalendarDay,
      endedOn: nullable(row.endedOn as CalendarDay | null),
    }))
    .sort(byStart)
  const health: HealthOutcomes[] = rows('health-outcomes')
    .map(row =>
      pick<HealthOutcomes>(row, [
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
      ]),
    )
    .sort((a, b) => a.collectionYear - b.collectionYear)
  const leavers: CareLeaverOutcomes[] = rows('care-leaver-outcomes')
    .map(row =>
      pick<CareLeaverOutcomes>(row, [
        'collectionYear',
        'contact',
        'activity',
        'accommodation',
        'isAccommodationSuitable',
      ]),
    )
    .sort((a, b) => a.collectionYear - b.collectionYear)
  const child = pick<ChildDetails>(stored.child, CHILD_KEYS)
  return {
    child: { ...child, restrictionPermittedUserIds: child.restrictionPermittedUserIds ?? [] },
    periodsOfCare: periods,
    legalStatuses: rows('legal-statuses')
      .map(row => pick<LegalStatusSpell>(row, SPELL_KEYS))
      .sort(byStart),
    placements: rows('placements')
      .map(row => pick<Placement>(row, PLACEMENT_KEYS))
      .sort(byStart),
    reviews: rows('reviews')
      .map(row => pick<StatutoryReview>(row, REVIEW_KEYS))
      .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id < b.id ? -1 : 1)),
    proceedings: [],
    orders: [],
    relationships: [],
    people: [],
    siblings: [],
    allocations,
    livingArrangements: [],
    events: [],
    returnDetails: {
      isMother: nullable(stored.child.isMother as boolean | null),
      firstChildBornOn: nullable(stored.child.firstChildBornOn as CalendarDay | null),
      uascCeasedOn: nullable(stored.child.uascCeasedOn as CalendarDay | null),
      periodsOfCare: periodDetails,
      adoptionJourneys: journeys,
      missingEpisodes: missing,
      socialWorkerEpisodes,
      deprivationOfLibertyOrders: dolos,
      healthOutcomes: health,
      careLeaverOutcomes: leavers,
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/**
 * The 903 identifier of every social worker that has one.
 * @param tx - the transaction
 * @returns worker id → SW_ID
 */
export async function loadSocialWorkerRefs(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx
    .select({ userId: socialWorkerRefs.userId, ref: socialWorkerRefs.socialWorkerRef })
    .from(socialWorkerRefs)
  return new Map(rows.map(row => [row.userId, row.ref]))
}

async function currentRows(tx: Tx, key: ReturnTableKey, childIds: readonly string[] | undefined): Promise<Row[]> {
  const table = tableOf(key)
  const where =
    childIds === undefined ? isNull(table.voidedAt) : and(isNull(table.voidedAt), inArray(table.childId, [...childIds]))
  return (await tx.select().from(table).where(where)) as Row[]
}

function groupByChild(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>()
  for (const row of rows) {
    const childId = row.childId as string
    const list = grouped.get(childId)
    if (list === undefined) {
      grouped.set(childId, [row])
    } else {
      list.push(row)
    }
  }
  return grouped
}

/**
 * The children with an adoption journey (not voided): the only ones the adoption scorecard can count.
 * @param tx - the transaction
 * @returns their ids
 */
export async function listChildrenWithAdoptionJourneys(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ childId: adoptionJourneys.childId })
    .from(adoptionJourneys)
    .where(isNull(adoptionJourneys.voidedAt))
  return rows.map(row => row.childId)
}

/**
 * Every (or some) children's ReturnFacts in the authority, with one query per table whatever the number of
 * children (20,000 children load in a few seconds). Children in LA child ID order.
 * @param tx - the transaction
 * @param options - limit to some children
 * @param options.childIds - these children only
 * @returns the facts
 */
export async function loadAuthorityReturnFacts(
  tx: Tx,
  options: { readonly childIds?: readonly string[] } = {},
): Promise<ReturnFacts[]> {
  const childIds = options.childIds
  if (childIds !== undefined && childIds.length === 0) {
    return []
  }
  const childRows = (await tx
    .select()
    .from(children)
    .where(
      childIds === undefined
        ? isNull(children.voidedAt)
        : and(isNull(children.voidedAt), inArray(children.id, [...childIds])),
    )
    .orderBy(asc(children.localCaseNumber))) as Row[]
  const tables: Partial<Record<ReturnTableKey, Map<string, Row[]>>> = {}
  // One query at a time: a transaction is one connection.
  for (const key of RETURN_TABLE_KEYS) {
    tables[key] = groupByChild(await currentRows(tx, key, childIds))
  }
  const refs = await loadSocialWorkerRefs(tx)
  return childRows.map(child =>
    rowsToReturnFacts(
      {
        child,
        tables: Object.fromEntries(RETURN_TABLE_KEYS.map(key => [key, tables[key]!.get(child.id) ?? []])),
      },
      refs,
    ),
  )
}

/** The return tables whose current rows a loaded care record already holds (with every column the returns read). */
const CARE_RECORD_PARTS: Partial<Record<ReturnTableKey, keyof CareRecord>> = {
  'periods-of-care': 'periodsOfCare',
  'legal-statuses': 'legalStatuses',
  placements: 'placements',
  reviews: 'reviews',
  allocations: 'allocations',
}

/**
 * One child's ReturnFacts, as {@link loadAuthorityReturnFacts} gives them, for a care record just loaded: only the
 * return tables the record does not hold are read (the child's page checks the return without reading the record
 * twice).
 * @param tx - the transaction
 * @param record - the child's current care record (loadCareRecord)
 * @returns the facts
 */
export async function loadChildReturnFacts(tx: Tx, record: CareRecord): Promise<ReturnFacts> {
  const tables: Partial<Record<ReturnTableKey, Row[]>> = {}
  for (const key of RETURN_TABLE_KEYS) {
    const part = CARE_RECORD_PARTS[key]
    tables[key] =
      part === undefined ? await currentRows(tx, key, [record.child.id]) : (record[part] as unknown as Row[])
  }
  return rowsToReturnFacts({ child: record.child as unknown as Row, tables }, await loadSocialWorkerRefs(tx))
}

/**
 * One child's ReturnFacts, with the whole care record (people, orders, relationships … as the care record has them).
 * @param tx - the transaction
 * @param childId - the child
 * @returns the facts, or undefined when there is no such child
 */
export async function loadReturnFacts(tx: Tx, childId: string): Promise<ReturnFacts | undefined> {
  const record = await loadCareRecord(tx, childId)
  if (record === undefined) {
    return undefined
  }
  const [facts] = await loadAuthorityReturnFacts(tx, { childIds: [childId] })
  if (facts === undefined) {
    return undefined
  }
  return { ...record, returnDetails: facts.returnDetails }
}

/**
 * Every child's ReturnFacts as the database knew them at a moment, rebuilt from the record history
 * (record_versions): for each record, its latest version changed before `before`; a record first written by a bulk
 * load (`backfillReasons`, e.g. an SSDA903 import bringing in earlier years' returns) counts from its first version,
 * because the authority knew those facts at the time even though this system learned them later (ADR 0051).
 * Records voided at that moment are left out.
 * @param tx - the transaction
 * @param before - the moment (exclusive)
 * @param backfillReasons - change reasons of bulk loads whose first version counts as known from the start
 * @returns the facts, in LA child ID order
 */
export async function loadReturnFactsAsKnown(
  tx: Tx,
  before: Date,
  backfillReasons: readonly string[],
): Promise<ReturnFacts[]> {
  const asKnown = async (tableName: string, table: AnyTable): Promise<Row[]> => {
    const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const)
    const reasons = sql.join(
      backfillReasons.map(reason => sql`${reason}`),
      sql`, `,
    )
    const backfill: SQL =
      backfillReasons.length === 0 ? sql`false` : sql`(version = 1 AND change_reason IN (${reasons}))`
    const versions = await queryRows<{ data: Record<string, unknown> }>(
      tx,
      sql`SELECT DISTINCT ON (record_id) data FROM record_versions
          WHERE table_name = ${tableName} AND (changed_at < ${before.toISOString()}::timestamptz OR ${backfill})
          ORDER BY record_id, version DESC`,
    )
    return versions
      .map(({ data }) => {
        const row: Record<string, unknown> = {}
        for (const [key, name] of columns) {
          row[key] = data[name] ?? null
        }
        return row as Row
      })
      .filter(row => row.voidedAt === null)
  }
  const childRows = (await asKnown('children', children as unknown as AnyTable)).sort((a, b) =>
    (a.localCaseNumber as string) < (b.localCaseNumber as string) ? -1 : 1,
  )
  const tables: Partial<Record<ReturnTableKey, Map<string, Row[]>>> = {}
  for (const key of RETURN_TABLE_KEYS) {
    const table = tableOf(key)
    tables[key] = groupByChild(await asKnown(getTableConfig(table).name, table))
  }
  const refs = await loadSocialWorkerRefs(tx)
  return childRows.map(child =>
    rowsToReturnFacts(
      {
        child,
        tables: Object.fromEntries(RETURN_TABLE_KEYS.map(key => [key, tables[key]!.get(child.id) ?? []])),
      },
      refs,
    ),
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Generic row operations for the import

/** Everything stored for some children, voided rows included (the import compares against them). */
export interface ImportState {
  readonly children: ReadonlyMap<string, Row>
  readonly tables: Readonly<Record<ReturnTableKey, ReadonlyMap<string, Row[]>>>
  /** Children with these local case numbers, whatever their id. */
  readonly caseNumbers: ReadonlyMap<string, string>
  /** People (carers) that already exist, by id. */
  readonly peopleIds: ReadonlySet<string>
}

/**
 * Loads, with one query per table, what is stored for a batch of children the import is about to write.
 * @param tx - the transaction
 * @param childIds - the children's ids
 * @param caseNumbers - their local case numbers
 * @param personIds - the people their placements name
 * @returns the stored rows
 */
export async function loadImportState(
  tx: Tx,
  childIds: readonly string[],
  caseNumbers: readonly string[],
  personIds: readonly string[],
): Promise<ImportState> {
  const childRows =
    childIds.length === 0
      ? []
      : ((await tx
          .select()
          .from(children)
          .where(sql`${children.id} = ANY(${uuidArray(childIds)})`)) as Row[])
  const byCaseNumber =
    caseNumbers.length === 0
      ? []
      : await tx
          .select({ id: children.id, caseNumber: children.localCaseNumber })
          .from(children)
          .where(sql`${children.localCaseNumber} = ANY(${textArray(caseNumbers)})`)
  const tables = {} as Record<ReturnTableKey, Map<string, Row[]>>
  for (const key of RETURN_TABLE_KEYS) {
    const table = tableOf(key)
    tables[key] =
      childIds.length === 0
        ? new Map<string, Row[]>()
        : groupByChild(
            (await tx
              .select()
              .from(table)
              .where(sql`${table.childId} = ANY(${uuidArray(childIds)})`)) as Row[],
          )
  }
  const existingPeople =
    personIds.length === 0
      ? []
      : await tx
          .select({ id: people.id })
          .from(people)
          .where(sql`${people.id} = ANY(${uuidArray(personIds)})`)
  return {
    children: new Map(childRows.map(row => [row.id, row])),
    tables,
    caseNumbers: new Map(byCaseNumber.map(row => [row.caseNumber, row.id])),
    peopleIds: new Set(existingPeople.map(p => p.id)),
  }
}

function metaFor(context: WriteContext) {
  return {
    version: 1,
    authorityId: context.authorityId,
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  }
}

/**
 * Inserts new rows (version 1) into one of the return tables, or `children`.
 * @param tx - the transaction
 * @param context - who and when
 * @param key - the table
 * @param rows - the rows
 */
export async function insertRows(
  tx: Tx,
  context: WriteContext,
  key: ReturnTableKey | 'children',
  rows: readonly Row[],
): Promise<void> {
  const meta = metaFor(context)
  await bulkInsert(
    tx,
    tableOf(key),
    rows.map(row => ({ ...row, ...meta })),
  )
}

/**
 * Appends audit events in one statement per slice (the SSDA903 import writes one per child it writes, in the same
 * transaction as the child's facts).
 * @param tx - the transaction of the work being audited
 * @param events - the events
 */
export async function insertAuditEvents(tx: Tx, events: readonly AuditEventRow[]): Promise<void> {
  await bulkInsert(tx, auditEvents, events)
}

/**
 * Inserts people (placeholder carers), version 1.
 * @param tx - the transaction
 * @param context - who and when
 * @param newPeople - the people
 */
export async function insertPeople(tx: Tx, context: WriteContext, newPeople: readonly Person[]): Promise<void> {
  const meta = metaFor(context)
  await bulkInsert(
    tx,
    people,
    newPeople.map(person => ({ ...person, ...meta })),
  )
}

/**
 * Moves a row to its next version with changed values, if it is still at `expectedVersion` (voided rows too, so an
 * import can restore a fact it voided earlier).
 * @param tx - the transaction
 * @param context - who and when
 * @param key - the table
 * @param id - the row
 * @param expectedVersion - the version the change is based on
 * @param values - the changed columns
 * @returns whether the row was updated
 */
export async function updateRow(
  tx: Tx,
  context: WriteContext,
  key: ReturnTableKey | 'children',
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<boolean> {
  const table = tableOf(key)
  const updated = await tx
    .update(table)
    .set({ ...values, version: expectedVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ id: table.id })
  return updated.length === 1
}

/**
 * Voids a row: it stays in the history with who, when and why, but no longer counts.
 * @param tx - the transaction
 * @param context - who and when
 * @param key - the table
 * @param id - the row
 * @param expectedVersion - the version the void is based on
 * @param reason - why
 * @returns whether the row was voided
 */
export async function voidRow(
  tx: Tx,
  context: WriteContext,
  key: ReturnTableKey,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<boolean> {
  return updateRow(tx, context, key, id, expectedVersion, {
    voidedAt: context.now,
    voidedBy: context.userId,
    voidReason: reason,
  })
}

/**
 * Refreshes the planner's statistics for the tables the import writes (owner-level maintenance). PGlite has no
 * autovacuum, so a table filled in one session keeps the statistics of its empty start, and the cached plans of its
 * foreign-key checks scan it whole: an import slowed down with every batch until its tables were analysed. The due-date
 * tables too: without statistics, replacing 1,000 children's items read every item of the authority (1.2 s a batch at
 * 20,000 children) instead of using the key.
 * @param db - the database
 * @param statisticsTarget - how fine the statistics are (PostgreSQL's `default_statistics_target`, default 100: 300
 *   times as many rows sampled a table)
 */
export async function analyseReturnTables(db: Database, statisticsTarget = 100): Promise<void> {
  const names = [
    'children',
    'people',
    'users',
    'teams',
    'social_worker_refs',
    ...RETURN_TABLE_KEYS.map(key => getTableConfig(tableOf(key)).name),
    'timescale_items',
    'child_timescales',
  ]
  await db.exec(
    `BEGIN; SET LOCAL default_statistics_target = ${statisticsTarget}; ` +
      `ANALYZE ${names.map(name => `"${name}"`).join(', ')}; COMMIT`,
  )
}

// ---------------------------------------------------------------------------------------------------------------
// The import's placeholder team and workers; social workers' 903 identifiers

/**
 * Finds a team by name, or creates it in a service (found by name, or created).
 * @param tx - the transaction
 * @param authorityId - the authority
 * @param names - the team and service names, and the ids to give them if they are created
 * @param names.team - the team's name
 * @param names.service - the service's name
 * @param names.teamId - the id for a new team
 * @param names.serviceId - the id for a new service
 * @returns the team's id and its service's id
 */
export async function ensureTeam(
  tx: Tx,
  authorityId: string,
  names: { team: string; service: string; teamId: string; serviceId: string },
): Promise<{ teamId: string; serviceId: string }> {
  const [existing] = await tx
    .select({ id: teams.id, serviceId: teams.serviceId })
    .from(teams)
    .where(eq(teams.name, names.team))
  if (existing) {
    return { teamId: existing.id, serviceId: existing.serviceId }
  }
  let [service] = await tx.select({ id: services.id }).from(services).where(eq(services.name, names.service))
  if (!service) {
    await tx.insert(services).values({ id: names.serviceId, authorityId, name: names.service })
    service = { id: names.serviceId }
  }
  await tx.insert(teams).values({ id: names.teamId, authorityId, serviceId: service.id, name: names.team })
  return { teamId: names.teamId, serviceId: service.id }
}

/** A placeholder or system user to create if missing. */
export interface PlaceholderUser {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: string
  readonly teamId: string | null
  readonly serviceId: string | null
}

/**
 * Creates users that do not exist yet (by id). They cannot sign in: no password, not active.
 * @param tx - the transaction
 * @param authorityId - the authority
 * @param placeholders - the users
 * @returns the ids created
 */
export async function ensureInactiveUsers(
  tx: Tx,
  authorityId: string,
  placeholders: readonly PlaceholderUser[],
): Promise<string[]> {
  if (placeholders.length === 0) {
    return []
  }
  const existing = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.id} = ANY(${uuidArray(placeholders.map(p => p.id))})`)
    ).map(row => row.id),
  )
  const missing = placeholders.filter(p => !existing.has(p.id))
  await bulkInsert(
    tx,
    users,
    missing.map(p => ({
      id: p.id,
      authorityId,
      email: p.email,
      displayName: p.displayName,
      role: p.role,
      teamId: p.teamId,
      serviceId: p.serviceId,
      isActive: false,
    })),
  )
  return missing.map(p => p.id)
}

/**
 * Records workers' 903 identifiers (SW_ID), leaving existing ones as they are.
 * @param tx - the transaction
 * @param authorityId - the authority
 * @param refs - worker id and SW_ID
 */
export async function ensureSocialWorkerRefs(
  tx: Tx,
  authorityId: string,
  refs: readonly { readonly userId: string; readonly socialWorkerRef: string }[],
): Promise<void> {
  await bulkInsert(
    tx,
    socialWorkerRefs,
    refs.map(ref => ({ ...ref, authorityId })),
    'skip',
  )
}

/**
 * The users with these email addresses.
 * @param tx - the transaction
 * @param emails - the addresses
 * @returns email → user id
 */
export async function findUsersByEmail(tx: Tx, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) {
    return new Map()
  }
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...emails]))
  return new Map(rows.map(row => [row.email, row.id]))
}

/**
 * Team and worker names, for Annex A list 8.
 * @param tx - the transaction
 * @returns team names and user display names by id
 */
export async function loadStaffNames(
  tx: Tx,
): Promise<{ teams: ReadonlyMap<string, string>; users: ReadonlyMap<string, string> }> {
  const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams)
  const userRows = await tx.select({ id: users.id, name: users.displayName }).from(users)
  return {
    teams: new Map(teamRows.map(row => [row.id, row.name])),
    users: new Map(userRows.map(row => [row.id, row.name])),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scorecard thresholds

export interface StoredThresholds {
  readonly thresholds: ScorecardThresholds
  /** 0 when the authority has not set its own (the defaults apply). */
  readonly version: number
  readonly id: string | null
}

/**
 * The authority's scorecard thresholds, if it has set them.
 * @param tx - the transaction
 * @returns the thresholds and their version, or undefined
 */
export async function loadScorecardThresholds(tx: Tx): Promise<StoredThresholds | undefined> {
  const [row] = await tx.select().from(scorecardThresholds).where(isNull(scorecardThresholds.voidedAt))
  return row
    ? {
        thresholds: { a1Days: row.a1Days, a2Days: row.a2Days, a3Months: row.a3Months },
        version: row.version,
        id: row.id,
      }
    : undefined
}

/**
 * Sets the authority's scorecard thresholds, if they are still at the version the user saw (0: never set).
 * @param tx - the transaction
 * @param context - who and when
 * @param thresholds - the new thresholds
 * @param expectedVersion - the version the change is based on
 * @param newId - the id to use when none are stored yet
 * @returns the new version, or the current version when the change was stale
 */
export async function saveScorecardThresholds(
  tx: Tx,
  context: WriteContext,
  thresholds: ScorecardThresholds,
  expectedVersion: number,
  newId: string,
): Promise<{ readonly kind: 'saved' | 'stale'; readonly version: number }> {
  const current = await loadScorecardThresholds(tx)
  const currentVersion = current?.version ?? 0
  if (currentVersion !== expectedVersion) {
    return { kind: 'stale', version: currentVersion }
  }
  if (current === undefined) {
    await tx.insert(scorecardThresholds).values({ id: newId, ...thresholds, ...metaFor(context) })
    return { kind: 'saved', version: 1 }
  }
  await tx
    .update(scorecardThresholds)
    .set({ ...thresholds, version: currentVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(and(eq(scorecardThresholds.id, current.id!), eq(scorecardThresholds.version, currentVersion)))
  return { kind: 'saved', version: currentVersion + 1 }
}
