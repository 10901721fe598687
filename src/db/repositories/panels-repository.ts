/**
 * Stores panel requests (versioned, every decision kept inside the request), the agency decision maker's decisions
 * (append-only) and the child's "My plan" (versioned).
 */
import { randomUUID } from 'node:crypto'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { MyPlan } from '../../domain/plans/compose-my-plan.ts'
import type { Actor } from '../../domain/plans/decision-event.ts'
import type { AdmDecision } from '../../domain/panels/adm-decision.ts'
import type { PanelRequest } from '../../domain/panels/panel-request.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Tx } from '../client.ts'
import { admDecisions, childAssignments, myPlans, panelRequests } from '../schema/index.ts'
import type { PlanningWriteContext, RowUpdateOutcome } from './plans-repository.ts'

/** A stored panel request and its row version. */
export interface StoredPanelRequest {
  readonly rowVersion: number
  readonly request: PanelRequest
}

function requestColumns(request: PanelRequest) {
  return {
    childId: request.childIds[0]!,
    childIds: [...request.childIds],
    status: request.status,
    purpose: request.purpose,
    route: request.route,
    costPence: request.costPence,
    request: request as unknown as Record<string, unknown>,
  }
}

/**
 * The panel requests about a child, oldest first.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the requests
 */
export async function listPanelRequests(tx: Tx, childId: string): Promise<StoredPanelRequest[]> {
  const rows = await tx
    .select()
    .from(panelRequests)
    .where(and(sql`${panelRequests.childIds} @> ARRAY[${childId}]::uuid[]`, isNull(panelRequests.voidedAt)))
    .orderBy(asc(panelRequests.createdAt))
  return rows.map(row => ({ rowVersion: row.version, request: row.request as PanelRequest }))
}

/**
 * One panel request.
 * @param tx - the transaction
 * @param requestId - the request
 * @returns the request, or undefined
 */
export async function loadPanelRequest(tx: Tx, requestId: string): Promise<StoredPanelRequest | undefined> {
  const [row] = await tx
    .select()
    .from(panelRequests)
    .where(and(eq(panelRequests.id, requestId), isNull(panelRequests.voidedAt)))
  return row ? { rowVersion: row.version, request: row.request as PanelRequest } : undefined
}

/**
 * Inserts panel requests.
 * @param tx - the transaction
 * @param context - who and when
 * @param requests - the requests
 */
export async function insertPanelRequests(
  tx: Tx,
  context: PlanningWriteContext,
  requests: readonly PanelRequest[],
): Promise<void> {
  if (requests.length === 0) {
    return
  }
  await tx.insert(panelRequests).values(
    requests.map(request => ({
      id: request.id,
      authorityId: context.authorityId,
      version: 1,
      ...requestColumns(request),
      createdAt: context.now,
      createdBy: context.userId,
      updatedAt: context.now,
      updatedBy: context.userId,
    })),
  )
}

/**
 * Writes a changed request, if its row is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param request - the changed request
 * @param expectedRowVersion - the row version the change is based on
 * @returns the outcome
 */
export async function updatePanelRequest(
  tx: Tx,
  context: PlanningWriteContext,
  request: PanelRequest,
  expectedRowVersion: number,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(panelRequests)
    .set({
      ...requestColumns(request),
      version: expectedRowVersion + 1,
      updatedAt: context.now,
      updatedBy: context.userId,
    })
    .where(
      and(
        eq(panelRequests.id, request.id),
        eq(panelRequests.version, expectedRowVersion),
        isNull(panelRequests.voidedAt),
      ),
    )
    .returning({ version: panelRequests.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = await tx
    .select({ version: panelRequests.version })
    .from(panelRequests)
    .where(and(eq(panelRequests.id, request.id), isNull(panelRequests.voidedAt)))
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * The agency decision maker's decisions about a child, oldest first.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the decisions
 */
export async function listAdmDecisions(tx: Tx, childId: string): Promise<AdmDecision[]> {
  const rows = await tx
    .select({ decision: admDecisions.decision })
    .from(admDecisions)
    .where(eq(admDecisions.childId, childId))
    .orderBy(asc(admDecisions.decidedOn), asc(admDecisions.recordedAt))
  return rows.map(row => row.decision as AdmDecision)
}

/**
 * Appends agency decisions.
 * @param tx - the transaction
 * @param context - who and when
 * @param decisions - the decisions
 */
export async function insertAdmDecisions(
  tx: Tx,
  context: PlanningWriteContext,
  decisions: readonly AdmDecision[],
): Promise<void> {
  if (decisions.length === 0) {
    return
  }
  await tx.insert(admDecisions).values(
    decisions.map(decision => ({
      id: decision.id,
      authorityId: context.authorityId,
      childId: decision.childId,
      kind: decision.kind,
      outcome: decision.outcome,
      decidedOn: decision.decidedOn,
      decision: decision as unknown as Record<string, unknown>,
      recordedAt: context.now,
    })),
  )
}

/** The child's "My plan" as stored: the edited sections and whether (and how) it was shared. */
export interface StoredMyPlan {
  readonly id: string
  readonly rowVersion: number
  readonly childId: string
  readonly planId: string
  readonly planVersion: number
  readonly myPlan: MyPlan
  readonly composedOn: CalendarDay
  readonly shared: {
    readonly on: CalendarDay
    readonly withWhom: string
    readonly by: Pick<Actor, 'id' | 'name'>
  } | null
  readonly updatedAt: Date
}

/**
 * The child's "My plan", if one has been composed.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the stored copy, or undefined
 */
export async function loadMyPlan(tx: Tx, childId: string): Promise<StoredMyPlan | undefined> {
  const [row] = await tx
    .select()
    .from(myPlans)
    .where(and(eq(myPlans.childId, childId), isNull(myPlans.voidedAt)))
  if (!row) {
    return undefined
  }
  return {
    id: row.id,
    rowVersion: row.version,
    childId: row.childId,
    planId: row.planId,
    planVersion: row.planVersion,
    myPlan: { sections: row.sections as MyPlan['sections'] },
    composedOn: row.composedOn as CalendarDay,
    shared:
      row.sharedOn === null
        ? null
        : {
            on: row.sharedOn as CalendarDay,
            withWhom: row.sharedWith ?? '',
            by: { id: row.sharedById ?? '', name: row.sharedByName ?? '' },
          },
    updatedAt: row.updatedAt,
  }
}

/** What a write of "My plan" sets. */
export interface MyPlanValues {
  readonly planId: string
  readonly planVersion: number
  readonly myPlan: MyPlan
  readonly composedOn: CalendarDay
  readonly shared: StoredMyPlan['shared']
}

function myPlanColumns(values: MyPlanValues) {
  return {
    planId: values.planId,
    planVersion: values.planVersion,
    sections: values.myPlan.sections as unknown as Record<string, unknown>[],
    composedOn: values.composedOn,
    sharedOn: values.shared?.on ?? null,
    sharedWith: values.shared?.withWhom ?? null,
    sharedById: values.shared?.by.id ?? null,
    sharedByName: values.shared?.by.name ?? null,
  }
}

/**
 * Stores a child's first "My plan".
 * @param tx - the transaction
 * @param context - who and when
 * @param childId - the child
 * @param values - the sections and where they came from
 * @returns the new row's id
 */
export async function insertMyPlan(
  tx: Tx,
  context: PlanningWriteContext,
  childId: string,
  values: MyPlanValues,
): Promise<string> {
  const id = randomUUID()
  await tx.insert(myPlans).values({
    id,
    authorityId: context.authorityId,
    childId,
    version: 1,
    ...myPlanColumns(values),
    createdAt: context.now,
    createdBy: context.userId,
    updatedAt: context.now,
    updatedBy: context.userId,
  })
  return id
}

/**
 * Writes a changed "My plan", if its row is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param id - the row
 * @param expectedRowVersion - the version the change is based on
 * @param values - the new values
 * @returns the outcome
 */
export async function updateMyPlan(
  tx: Tx,
  context: PlanningWriteContext,
  id: string,
  expectedRowVersion: number,
  values: MyPlanValues,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(myPlans)
    .set({
      ...myPlanColumns(values),
      version: expectedRowVersion + 1,
      updatedAt: context.now,
      updatedBy: context.userId,
    })
    .where(and(eq(myPlans.id, id), eq(myPlans.version, expectedRowVersion), isNull(myPlans.voidedAt)))
    .returning({ version: myPlans.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = await tx
    .select({ version: myPlans.version })
    .from(myPlans)
    .where(and(eq(myPlans.id, id), isNull(myPlans.voidedAt)))
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Names panel members as hearing children's cases (the access policy's "assigned" relationship for a panel).
 * @param tx - the transaction
 * @param context - who and when
 * @param assignments - which member hears which child
 */
export async function assignPanelMembers(
  tx: Tx,
  context: PlanningWriteContext,
  assignments: readonly { childId: string; userId: string; requestId?: string }[],
): Promise<void> {
  if (assignments.length === 0) {
    return
  }
  await tx.insert(childAssignments).values(
    assignments.map(assignment => ({
      id: randomUUID(),
      authorityId: context.authorityId,
      childId: assignment.childId,
      userId: assignment.userId,
      kind: 'panel',
      sourceId: assignment.requestId ?? null,
      startedAt: context.now,
    })),
  )
}

/**
 * Ends the panel members' assignments that a panel request made (once it is decided).
 * @param tx - the transaction
 * @param context - who and when
 * @param requestId - the request
 */
export async function endPanelAssignments(tx: Tx, context: PlanningWriteContext, requestId: string): Promise<void> {
  await tx
    .update(childAssignments)
    .set({ endedAt: context.now })
    .where(
      and(
        eq(childAssignments.kind, 'panel'),
        eq(childAssignments.sourceId, requestId),
        isNull(childAssignments.endedAt),
      ),
    )
}
