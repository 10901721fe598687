/**
 * Background work for a running server: every night just after midnight (Europe/London) each child's due dates are
 * recomputed for the new day, so "overdue" and "due soon" move on even when nobody touches a record (issue 3 §7),
 * and then each authority's dashboard snapshot is computed for the new day (ADR 0093). Jobs run on pg-boss in the
 * same database.
 */
import type { Database } from '../../db/client.ts'
import { analyseDatabase } from '../../db/maintenance.ts'
import { startJobQueue, type PgBoss } from '../../db/job-queue.ts'
import type { Clock } from '../../domain/shared/clock.ts'
import { refreshAuthoritySnapshots } from '../dashboards/view-authority-dashboard.ts'
import { refreshTimescales } from '../timescales/refresh-timescales.ts'

export const TIMESCALES_REFRESH_QUEUE = 'timescales-refresh'

export interface BackgroundJobs {
  /** Runs the nightly refresh and snapshots now (used at start-up when the stored answers are from an earlier day). */
  refreshNow(): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts the job queue, schedules the nightly refresh and starts its worker.
 * @param db - the database
 * @param clock - the clock, for "today"
 * @param log - where to report
 * @returns a handle to stop the jobs
 */
export async function startBackgroundJobs(
  db: Database,
  clock: Clock,
  log: (message: string) => void,
): Promise<BackgroundJobs> {
  const boss: PgBoss = await startJobQueue(db)
  await boss.createQueue(TIMESCALES_REFRESH_QUEUE)
  await boss.schedule(TIMESCALES_REFRESH_QUEUE, '5 0 * * *', {}, { tz: 'Europe/London' })
  const refresh = async () => {
    const started = Date.now()
    const today = clock.today()
    const counts = await refreshTimescales(db, today)
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
    log(`Timescales refreshed for ${total} children in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    // The planner's statistics (PGlite has no autovacuum), then the dashboards' daily figures.
    await analyseDatabase(db)
    const snapshotsStarted = Date.now()
    const authorities = await refreshAuthoritySnapshots(db, today)
    log(
      `Dashboard snapshots computed for ${authorities} authorities in ${((Date.now() - snapshotsStarted) / 1000).toFixed(1)} s`,
    )
  }
  await boss.work(TIMESCALES_REFRESH_QUEUE, async () => {
    await refresh()
  })
  return {
    refreshNow: refresh,
    stop: () => boss.stop({ graceful: true, wait: true }),
  }
}
