/**
 * The authority dashboard's figures (ADR 0093): the permanence measures (time to permanence by route, the options
 * mix of children in care, quarterly trends — src/domain/dashboards/authority-measures.ts) and the adoption
 * scorecard for each cohort the page offers, computed once a day per authority and stored as a snapshot: by the
 * nightly timescale refresh, else by the first request of the day, and again on "Recalculate now". Counts only, no
 * child named; the scorecard's children are recorded in the audit event as when it was computed on each request.
 */
import type { Database, Tx } from '../../db/client.ts'
import { listAuthorities } from '../../db/repositories/admin-repository.ts'
import { loadCarePeriods, loadCurrentPlans } from '../../db/repositories/dashboard-repository.ts'
import {
  loadSnapshot,
  pruneSnapshots,
  saveSnapshot,
  type SnapshotTrigger,
  type StoredSnapshot,
} from '../../db/repositories/dashboard-snapshots-repository.ts'
import { loadScorecardThresholds } from '../../db/repositories/returns-repository.ts'
import { authorityMeasures, type AuthorityMeasures } from '../../domain/dashboards/authority-measures.ts'
import { collectionYearOf, type CollectionYear } from '../../domain/returns/collection-year.ts'
import { scoreCohort, type CohortScorecard, type ScorecardThresholds } from '../../domain/returns/scorecard.ts'
import { addCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { loadScorecardInputs, type AdoptionScorecardView } from '../returns/view-adoption-scorecard.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'

/** The payload's shape: a snapshot stored by an earlier release in another shape is computed again. */
const PAYLOAD_FORMAT = 1

/** What a snapshot stores: everything the page's figures and charts are drawn from. */
export interface AuthoritySnapshotPayload {
  readonly format: number
  readonly measures: AuthorityMeasures
  /** The adoption scorecard of each cohort the page offers, by its last collection year. */
  readonly scorecards: Readonly<Record<string, CohortScorecard>>
  readonly thresholds: ScorecardThresholds
  /** 0 while the authority uses the default thresholds. */
  readonly thresholdsVersion: number
}

export interface AuthorityDashboard {
  readonly asOf: CalendarDay
  readonly computedAt: Date
  readonly trigger: SnapshotTrigger
  readonly computationMs: number
  readonly measures: AuthorityMeasures
  readonly cohortYears: readonly CollectionYear[]
  readonly scorecard: AdoptionScorecardView
}

/**
 * The cohorts the dashboard offers: three collection years ending with the year in progress or one of the four
 * before it.
 * @param today - today
 * @returns the cohorts' last years, latest first
 */
export function dashboardCohortYears(today: CalendarDay): CollectionYear[] {
  const current = collectionYearOf(today)
  return [current, current - 1, current - 2, current - 3, current - 4]
}

/**
 * Computes the authority's figures as at a day from the stored facts.
 * @param tx - a transaction in the authority
 * @param today - the day
 * @returns the snapshot's payload
 */
export async function computeAuthoritySnapshot(tx: Tx, today: CalendarDay): Promise<AuthoritySnapshotPayload> {
  const [periods, plans] = [await loadCarePeriods(tx), await loadCurrentPlans(tx)]
  const { stored, thresholds, facts } = await loadScorecardInputs(tx)
  const scorecards: Record<string, CohortScorecard> = {}
  for (const year of dashboardCohortYears(today)) {
    scorecards[String(year)] = scoreCohort(facts, year, thresholds)
  }
  return {
    format: PAYLOAD_FORMAT,
    measures: authorityMeasures({ today, periods, plans }),
    scorecards,
    thresholds,
    thresholdsVersion: stored?.version ?? 0,
  }
}

/**
 * Computes and stores the authority's snapshot for a day, replacing any earlier one that day.
 * @param tx - a transaction in the authority
 * @param authorityId - the authority
 * @param today - the day
 * @param trigger - what asked for it
 * @param userId - who asked for it (none for the nightly job)
 * @returns the stored snapshot
 */
export async function storeAuthoritySnapshot(
  tx: Tx,
  authorityId: string,
  today: CalendarDay,
  trigger: SnapshotTrigger,
  userId: string | null,
): Promise<StoredSnapshot> {
  const started = performance.now()
  const payload = await computeAuthoritySnapshot(tx, today)
  const computationMs = Math.round(performance.now() - started)
  const computedAt = await saveSnapshot(tx, {
    authorityId,
    kind: 'authority',
    asOf: today,
    trigger,
    userId,
    computationMs,
    payload: payload as unknown as Record<string, unknown>,
  })
  return { asOf: today, computedAt, trigger, computationMs, payload: payload as unknown as Record<string, unknown> }
}

/**
 * The authority dashboard as at the start of today: today's snapshot, computed now if the nightly job has not run
 * (or the scorecard thresholds changed since). The scorecard's cohort and children are recorded in the audit event.
 * @param op - the operation (needs `dashboard:authority`)
 * @param toYear - the last collection year of the scorecard's cohort (default: the last complete one)
 * @returns the figures and when they were computed
 */
export async function viewAuthorityDashboard(op: Operation, toYear?: CollectionYear): Promise<AuthorityDashboard> {
  authoriseAuthority(op, 'dashboard:authority')
  const cohortYears = dashboardCohortYears(op.today)
  const year = toYear !== undefined && cohortYears.includes(toYear) ? toYear : collectionYearOf(op.today) - 1
  const thresholdsVersion = (await loadScorecardThresholds(op.tx))?.version ?? 0
  const found = await loadSnapshot(op.tx, 'authority', op.today)
  const stored = found?.payload as unknown as AuthoritySnapshotPayload | undefined
  const snapshot =
    found !== undefined && stored?.format === PAYLOAD_FORMAT && stored.thresholdsVersion === thresholdsVersion
      ? found
      : await storeAuthoritySnapshot(op.tx, op.actor.authorityId, op.today, 'on-request', op.actor.userId)
  const payload = snapshot.payload as unknown as AuthoritySnapshotPayload
  const cohort = payload.scorecards[String(year)] as CohortScorecard
  op.addAuditDetail('toYear', year)
  op.addAuditDetail(
    'childIds',
    cohort.children.map(child => child.childId),
  )
  return {
    asOf: snapshot.asOf,
    computedAt: snapshot.computedAt,
    trigger: snapshot.trigger,
    computationMs: snapshot.computationMs,
    measures: payload.measures,
    cohortYears,
    scorecard: {
      cohort,
      thresholds: payload.thresholds,
      thresholdsVersion: payload.thresholdsVersion,
      isDefaultThresholds: payload.thresholdsVersion === 0,
    },
  }
}

/**
 * "Recalculate now": recomputes today's snapshot from the facts as they stand.
 * @param op - the operation (needs `dashboard:recalculate`)
 * @returns when it was computed and how long it took
 */
export async function recalculateAuthorityDashboard(
  op: Operation,
): Promise<{ computedAt: Date; computationMs: number }> {
  authoriseAuthority(op, 'dashboard:recalculate')
  const snapshot = await storeAuthoritySnapshot(op.tx, op.actor.authorityId, op.today, 'recalculated', op.actor.userId)
  op.addAuditDetail('asOf', op.today)
  op.addAuditDetail('computationMs', snapshot.computationMs)
  return { computedAt: snapshot.computedAt, computationMs: snapshot.computationMs }
}

/** Days of snapshots kept: a derived cache, pruned by the nightly job (the figures come from the facts). */
export const SNAPSHOT_DAYS_KEPT = 31

/**
 * The nightly job's part: each authority's snapshot for the new day, one transaction per authority, and those older
 * than {@link SNAPSHOT_DAYS_KEPT} days deleted.
 * @param db - the database
 * @param today - the day
 * @returns the number of authorities
 */
export async function refreshAuthoritySnapshots(db: Database, today: CalendarDay): Promise<number> {
  const authorities = await listAuthorities(db)
  for (const authority of authorities) {
    await db.withAuthority(
      { authorityId: authority.authorityId, changeReason: 'Dashboard snapshot computed' },
      async tx => {
        await storeAuthoritySnapshot(tx, authority.authorityId, today, 'nightly', null)
        await pruneSnapshots(tx, addCalendarDays(today, -SNAPSHOT_DAYS_KEPT))
      },
    )
  }
  return authorities.length
}
