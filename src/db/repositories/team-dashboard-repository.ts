/**
 * The team dashboard's counts and the children behind them, worked out in the database (ADR 0093): one row per
 * child of the team from the stored timescale items and drift measures, the current plan version and the actions set
 * at closed meetings with their latest update, then counted by worker or listed a page at a time. Nothing of the
 * team's meetings, actions or items is loaded into Node.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { queryRows } from '../raw-sql.ts'

/** What the dashboard counts; `any` is "children to look at" (any of the others but `children`). */
export const TEAM_MEASURES = [
  'children',
  'any',
  'overdue',
  'no-plan',
  'meetings',
  'proceedings',
  'actions',
  'contingency',
] as const
export type TeamMeasure = (typeof TEAM_MEASURES)[number]

/** Rules whose lateness is a permanence planning meeting overdue. */
const MEETING_RULES = ['PP-02', 'PP-04', 'PP-05', 'PP-06']

/** The counts for one worker's children ('none' for children not allocated). */
export interface WorkerCounts {
  readonly workerId: string
  readonly workerName: string
  readonly children: number
  readonly childrenWithOverdueItems: number
  /** PP-01 overdue or met late. */
  readonly childrenWithNoPlanBySecondReview: number
  readonly childrenWithPlanningMeetingOverdue: number
  /** Open proceedings past 26 weeks (a child may have more than one). */
  readonly proceedingsPast26Weeks: number
  readonly childrenWithActionsOverdue: number
  readonly plansWithoutViableContingency: number
  /** Children with anything to look at. */
  readonly childrenToLookAt: number
}

/** One child as the lists show them, with what makes them count. */
export interface TeamChildRow {
  readonly childId: string
  readonly givenNames: string
  readonly familyName: string
  readonly workerId: string
  readonly workerName: string
  /** Rules overdue, sorted. */
  readonly overdueRules: readonly string[]
  /** PP-01's status when overdue or met late. */
  readonly permanencePlanLate: 'overdue' | 'met-late' | null
  readonly proceedingsPast26Weeks: number
  readonly overdueActions: number
  readonly noViableContingency: boolean
}

/**
 * One row per child of the team that has stored timescales: what is overdue, the proceedings and the overdue actions
 * from the drift measures stored with the child's timescale items (the same evaluation, redone after every change to
 * the child's plan, meetings or actions and for each new day), and the current plan's contingency.
 * @param teamId - the team
 * @returns the `WITH` clause defining `team_child`
 */
export function teamChildren(teamId: string): SQL {
  const meetingRules = sql.join(
    MEETING_RULES.map(rule => sql`${rule}`),
    sql`, `,
  )
  // Each part joins children by team (not a list of ids) so that the planner knows the sizes and hashes the joins.
  const team = sql`c.team_id = ${teamId} AND c.voided_at IS NULL`
  return sql`
    WITH plans AS (
      SELECT DISTINCT ON (p.child_id) p.child_id,
             p.permanence_achieved_on IS NULL AND NOT p.has_viable_contingency AS no_contingency
        FROM permanence_plans p
        JOIN children c ON c.id = p.child_id AND ${team}
       WHERE p.voided_at IS NULL
       ORDER BY p.child_id, p.plan_version DESC
    ),
    team_child AS (
      SELECT c.id AS child_id, c.given_names, c.family_name,
             coalesce(c.allocated_worker_id::text, 'none') AS worker_id,
             coalesce(w.display_name, 'Not allocated') AS worker_name,
             ARRAY(SELECT jsonb_array_elements_text(ct.drift -> 'overdueRules') ORDER BY 1) AS overdue_rules,
             CASE WHEN ct.drift ->> 'planStatus' IN ('overdue', 'met-late') THEN ct.drift ->> 'planStatus' END AS plan_late,
             coalesce(ct.drift -> 'overdueRules' ?| ARRAY[${meetingRules}]::text[], false) AS meeting_overdue,
             (SELECT count(*)::int FROM jsonb_array_elements(ct.drift -> 'proceedings') p
               WHERE p ->> 'concludedOn' IS NULL AND (p ->> 'isPast26Weeks')::boolean) AS proceedings_past_26,
             coalesce((ct.drift ->> 'overdueActions')::int, 0) AS overdue_actions,
             coalesce(pl.no_contingency, false) AS no_contingency
        FROM children c
        JOIN child_timescales ct ON ct.child_id = c.id
        LEFT JOIN users w ON w.id = c.allocated_worker_id
        LEFT JOIN plans pl ON pl.child_id = c.id
       WHERE ${team}
    )`
}

/**
 * Turns PostgreSQL's just-in-time compilation off for the rest of the transaction: at 5,000 children the statement's
 * estimated cost passes `jit_above_cost`, and compiling it took longer than running it (≈190 against ≈105 ms).
 * @param tx - the transaction
 */
async function withoutJit(tx: Tx): Promise<void> {
  await tx.execute(sql`SET LOCAL jit = off`)
}

/** The condition for a child to count under each measure, over `team_child`. */
const MEASURE_CONDITION: Record<TeamMeasure, SQL> = {
  children: sql`true`,
  any: sql`(cardinality(overdue_rules) > 0 OR proceedings_past_26 > 0 OR overdue_actions > 0 OR no_contingency)`,
  overdue: sql`cardinality(overdue_rules) > 0`,
  'no-plan': sql`plan_late IS NOT NULL`,
  meetings: sql`meeting_overdue`,
  proceedings: sql`proceedings_past_26 > 0`,
  actions: sql`overdue_actions > 0`,
  contingency: sql`no_contingency`,
}

const CHILD_COLUMNS = sql`child_id::text AS "childId", given_names AS "givenNames", family_name AS "familyName",
  worker_id AS "workerId", worker_name AS "workerName", overdue_rules AS "overdueRules",
  plan_late AS "permanencePlanLate", proceedings_past_26 AS "proceedingsPast26Weeks",
  overdue_actions AS "overdueActions", no_contingency AS "noViableContingency"`
const CHILD_ORDER = sql`worker_name, given_names, family_name, child_id`

/**
 * The team's counts by worker, and the first of its children to look at, in one statement (the team's rows are
 * worked out once).
 * @param tx - the transaction
 * @param teamId - the team
 * @param firstChildren - how many children to look at to list
 * @returns one entry per worker with children in the team, by name; the first children to look at and how many
 */
export async function loadTeamDashboard(
  tx: Tx,
  teamId: string,
  firstChildren: number,
): Promise<{ byWorker: WorkerCounts[]; children: TeamChildRow[]; childrenToLookAt: number }> {
  const count = (measure: TeamMeasure) => sql`count(*) FILTER (WHERE ${MEASURE_CONDITION[measure]})::int`
  await withoutJit(tx)
  const [row] = await queryRows<{ byWorker: WorkerCounts[] | null; children: TeamChildRow[] | null; total: number }>(
    tx,
    sql`${teamChildren(teamId)},
    by_worker AS (
      SELECT worker_id AS "workerId", worker_name AS "workerName",
             count(*)::int AS "children",
             ${count('overdue')} AS "childrenWithOverdueItems",
             ${count('no-plan')} AS "childrenWithNoPlanBySecondReview",
             ${count('meetings')} AS "childrenWithPlanningMeetingOverdue",
             sum(proceedings_past_26)::int AS "proceedingsPast26Weeks",
             ${count('actions')} AS "childrenWithActionsOverdue",
             ${count('contingency')} AS "plansWithoutViableContingency",
             ${count('any')} AS "childrenToLookAt"
        FROM team_child
       GROUP BY worker_id, worker_name
    ),
    first_children AS (
      SELECT ${CHILD_COLUMNS} FROM team_child WHERE ${MEASURE_CONDITION.any} ORDER BY ${CHILD_ORDER} LIMIT ${firstChildren}
    )
    SELECT (SELECT json_agg(w ORDER BY w."workerName", w."workerId") FROM by_worker w) AS "byWorker",
           (SELECT json_agg(f ORDER BY f."workerName", f."givenNames", f."familyName", f."childId") FROM first_children f) AS children,
           (SELECT count(*)::int FROM team_child WHERE ${MEASURE_CONDITION.any}) AS total`,
  )
  return { byWorker: row?.byWorker ?? [], children: row?.children ?? [], childrenToLookAt: row?.total ?? 0 }
}

/**
 * A page of the team's children who count under a measure, by worker then name.
 * @param tx - the transaction
 * @param query - what to list
 * @param query.teamId - the team
 * @param query.measure - which count's children
 * @param query.workerId - one worker's children ('none': not allocated), or all the team's
 * @param query.limit - how many
 * @param query.offset - how many to skip
 * @returns the page and how many there are in all
 */
export async function listTeamChildren(
  tx: Tx,
  query: {
    teamId: string
    measure: TeamMeasure
    workerId?: string | undefined
    limit: number
    offset: number
  },
): Promise<{ total: number; rows: TeamChildRow[] }> {
  await withoutJit(tx)
  const rows = await queryRows<TeamChildRow & { total: number }>(
    tx,
    sql`${teamChildren(query.teamId)}
      SELECT ${CHILD_COLUMNS}, count(*) OVER ()::int AS total
        FROM team_child
       WHERE ${MEASURE_CONDITION[query.measure]}
         ${query.workerId === undefined ? sql`` : sql`AND worker_id = ${query.workerId}`}
       ORDER BY ${CHILD_ORDER}
       LIMIT ${query.limit} OFFSET ${query.offset}`,
  )
  if (rows.length === 0 && query.offset > 0) {
    // Past the last page: how many there are, for the pager.
    const [counted] = await queryRows<{ total: number }>(
      tx,
      sql`${teamChildren(query.teamId)}
        SELECT count(*)::int AS total FROM team_child
         WHERE ${MEASURE_CONDITION[query.measure]}
           ${query.workerId === undefined ? sql`` : sql`AND worker_id = ${query.workerId}`}`,
    )
    return { total: counted?.total ?? 0, rows: [] }
  }
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) }
}
