/**
 * Stores permanence plans (one row per version, docs/adr/0020 and 0060), the decision events made about plans,
 * meetings, panels and actions, and each authority's planning settings. A plan version is kept whole as JSONB; the
 * columns beside it (status, primary option, dates) are derived from it here, on every write, so they cannot drift.
 * Every update is conditional on the row version the user saw (security REL-02).
 */
import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { DecisionEvent } from '../../domain/plans/decision-event.ts'
import type { PermanencePlan } from '../../domain/plans/permanence-plan.ts'
import type { PlanningSettingsRecord } from '../../domain/plans/planning-settings.ts'
import { hasViableContingency, primaryOptionType } from '../../domain/plans/plan-queries.ts'
import type { Tx } from '../client.ts'
import { decisionEvents, periodsOfCare, permanencePlans, planningSettings, siblingLinks } from '../schema/index.ts'

/** Who is writing, and when. */
export interface PlanningWriteContext {
  readonly authorityId: string
  readonly userId: string | null
  readonly now: Date
}

/** What a conditional update found. */
export type RowUpdateOutcome =
  | { readonly kind: 'updated'; readonly version: number }
  | { readonly kind: 'stale'; readonly currentVersion: number }
  | { readonly kind: 'missing' }

/** A stored plan version: the domain model and the row that holds it. */
export interface StoredPlanVersion {
  readonly rowId: string
  /** The row version, for If-Match and the form's hidden version. */
  readonly rowVersion: number
  readonly plan: PermanencePlan
  readonly updatedAt: Date
}

/** A stored decision event: the domain event with the id and instant storage gave it. */
export interface StoredDecisionEvent extends DecisionEvent {
  readonly id: string
  readonly recordedAt: Date
}

function planColumns(plan: PermanencePlan) {
  return {
    status: plan.status,
    primaryOptionType: primaryOptionType(plan.content),
    hasViableContingency: hasViableContingency(plan.content),
    startedOn: plan.startedOn,
    sentToManagerOn: plan.submission?.sentOn ?? null,
    consideredAtPpmOn: plan.consideredAtPpm?.heldOn ?? null,
    endorsedOn: plan.endorsement?.on ?? null,
    ratifiedOn: plan.ratification?.on ?? null,
    supersededOn: plan.supersession?.on ?? null,
    permanenceAchievedOn: plan.permanenceAchieved?.on ?? null,
    plan: plan as unknown as Record<string, unknown>,
  }
}

function toStored(row: typeof permanencePlans.$inferSelect): StoredPlanVersion {
  return { rowId: row.id, rowVersion: row.version, plan: row.plan as PermanencePlan, updatedAt: row.updatedAt }
}

/**
 * Every version of a child's plan, oldest first (voided versions left out).
 * @param tx - the transaction
 * @param childId - the child
 * @returns the versions
 */
export async function loadPlanVersions(tx: Tx, childId: string): Promise<StoredPlanVersion[]> {
  const rows = await tx
    .select()
    .from(permanencePlans)
    .where(and(eq(permanencePlans.childId, childId), isNull(permanencePlans.voidedAt)))
    .orderBy(asc(permanencePlans.planVersion))
  return rows.map(toStored)
}

/**
 * Every version of the plans of several children, oldest first, by child.
 * @param tx - the transaction
 * @param childIds - the children
 * @returns the versions of each child that has a plan
 */
export async function loadPlanVersionsForChildren(
  tx: Tx,
  childIds: readonly string[],
): Promise<Map<string, StoredPlanVersion[]>> {
  const result = new Map<string, StoredPlanVersion[]>()
  if (childIds.length === 0) {
    return result
  }
  const rows = await tx
    .select()
    .from(permanencePlans)
    .where(and(inArray(permanencePlans.childId, [...childIds]), isNull(permanencePlans.voidedAt)))
    .orderBy(asc(permanencePlans.childId), asc(permanencePlans.planVersion))
  for (const row of rows) {
    const list = result.get(row.childId) ?? []
    list.push(toStored(row))
    result.set(row.childId, list)
  }
  return result
}

/**
 * Inserts new plan versions (a first plan, a new version, or many for the demo).
 * @param tx - the transaction
 * @param context - who and when
 * @param plans - the versions
 * @returns the stored versions (row version 1)
 */
export async function insertPlanVersions(
  tx: Tx,
  context: PlanningWriteContext,
  plans: readonly PermanencePlan[],
): Promise<StoredPlanVersion[]> {
  const stored = plans.map(plan => ({ rowId: randomUUID(), rowVersion: 1, plan, updatedAt: context.now }))
  for (let i = 0; i < stored.length; i += 200) {
    await tx.insert(permanencePlans).values(
      stored.slice(i, i + 200).map(s => ({
        id: s.rowId,
        authorityId: context.authorityId,
        childId: s.plan.childId,
        planId: s.plan.id,
        planVersion: s.plan.version,
        version: 1,
        ...planColumns(s.plan),
        createdAt: context.now,
        createdBy: context.userId,
        updatedAt: context.now,
        updatedBy: context.userId,
      })),
    )
  }
  return stored
}

/**
 * Writes a changed plan version, if its row is still at the version the user saw.
 * @param tx - the transaction
 * @param context - who and when
 * @param rowId - the version's row
 * @param expectedRowVersion - the row version the change is based on
 * @param plan - the changed version
 * @returns the outcome
 */
export async function updatePlanVersion(
  tx: Tx,
  context: PlanningWriteContext,
  rowId: string,
  expectedRowVersion: number,
  plan: PermanencePlan,
): Promise<RowUpdateOutcome> {
  return updatePlanRow(tx, context, rowId, expectedRowVersion, planColumns(plan))
}

/**
 * Changes a plan version's row if it is still at the version the user saw and not voided: the next row version,
 * with who and when.
 * @param tx - the transaction
 * @param context - who and when
 * @param rowId - the version's row
 * @param expectedRowVersion - the row version the change is based on
 * @param columns - what changes
 * @returns the outcome
 */
async function updatePlanRow(
  tx: Tx,
  context: PlanningWriteContext,
  rowId: string,
  expectedRowVersion: number,
  columns: Partial<typeof permanencePlans.$inferInsert>,
): Promise<RowUpdateOutcome> {
  const updated = await tx
    .update(permanencePlans)
    .set({ ...columns, version: expectedRowVersion + 1, updatedAt: context.now, updatedBy: context.userId })
    .where(
      and(
        eq(permanencePlans.id, rowId),
        eq(permanencePlans.version, expectedRowVersion),
        isNull(permanencePlans.voidedAt),
      ),
    )
    .returning({ version: permanencePlans.version })
  if (updated[0]) {
    return { kind: 'updated', version: updated[0].version }
  }
  const [current] = await tx
    .select({ version: permanencePlans.version })
    .from(permanencePlans)
    .where(and(eq(permanencePlans.id, rowId), isNull(permanencePlans.voidedAt)))
  return current ? { kind: 'stale', currentVersion: current.version } : { kind: 'missing' }
}

/**
 * Appends decision events (never changed afterwards).
 * @param tx - the transaction
 * @param context - when (the actor is in each event)
 * @param events - the events
 */
export async function insertDecisionEvents(
  tx: Tx,
  context: PlanningWriteContext,
  events: readonly DecisionEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 200) {
    await tx.insert(decisionEvents).values(
      events.slice(i, i + 200).map(event => ({
        id: randomUUID(),
        authorityId: context.authorityId,
        kind: event.kind,
        subjectType: event.subject.type,
        subjectId: event.subject.id,
        subjectVersion: event.subject.version,
        childIds: [...event.childIds],
        decidedById: event.decidedBy.id,
        decidedByRole: event.decidedBy.role,
        decidedByName: event.decidedBy.name,
        decidedOn: event.decidedOn,
        recordedOn: event.recordedOn,
        recordedAt: context.now,
        reasons: event.reasons,
        details: event.details,
      })),
    )
  }
}

/**
 * The decisions about a child (their plan, their meetings, their panel requests and agency decisions), oldest
 * first.
 * @param tx - the transaction
 * @param childId - the child
 * @returns the events
 */
export async function listDecisionEvents(tx: Tx, childId: string): Promise<StoredDecisionEvent[]> {
  const rows = await tx
    .select()
    .from(decisionEvents)
    .where(sql`${decisionEvents.childIds} @> ARRAY[${childId}]::uuid[]`)
    .orderBy(asc(decisionEvents.recordedAt), asc(decisionEvents.decidedOn))
  return rows.map(row => ({
    id: row.id,
    kind: row.kind as DecisionEvent['kind'],
    subject: {
      type: row.subjectType as DecisionEvent['subject']['type'],
      id: row.subjectId,
      version: row.subjectVersion,
    },
    childIds: row.childIds,
    decidedBy: {
      id: row.decidedById ?? '',
      role: row.decidedByRole as DecisionEvent['decidedBy']['role'],
      name: row.decidedByName,
    },
    decidedOn: row.decidedOn as DecisionEvent['decidedOn'],
    recordedOn: row.recordedOn as DecisionEvent['recordedOn'],
    reasons: row.reasons,
    details: row.details as DecisionEvent['details'],
    recordedAt: row.recordedAt,
  }))
}

/** An authority's stored planning settings (absent: the defaults of its policy pack). */
export type PlanningSettingsRow = typeof planningSettings.$inferSelect

/**
 * The authority's stored planning settings.
 * @param tx - the transaction
 * @returns the row, or undefined when the authority uses its policy pack's defaults
 */
export async function loadPlanningSettingsRow(tx: Tx): Promise<PlanningSettingsRow | undefined> {
  const [row] = await tx.select().from(planningSettings).limit(1)
  return row
}

/**
 * Voids a plan version (a draft started in error): the row stays, marked voided with who, when and why; its history
 * keeps every earlier state.
 * @param tx - the transaction
 * @param context - who and when
 * @param rowId - the version's row
 * @param expectedRowVersion - the row version the user saw
 * @param reason - why
 * @returns the outcome
 */
export async function voidPlanVersion(
  tx: Tx,
  context: PlanningWriteContext,
  rowId: string,
  expectedRowVersion: number,
  reason: string,
): Promise<RowUpdateOutcome> {
  return updatePlanRow(tx, context, rowId, expectedRowVersion, {
    voidedAt: context.now,
    voidedBy: context.userId,
    voidReason: reason,
  })
}

/**
 * Stores the authority's planning settings (replacing any earlier ones).
 * @param tx - the transaction
 * @param context - who and when
 * @param settings - the settings
 */
export async function savePlanningSettingsRow(
  tx: Tx,
  context: PlanningWriteContext,
  settings: PlanningSettingsRecord,
): Promise<void> {
  const values = { ...settings, purposesAlwaysToPanel: [...settings.purposesAlwaysToPanel] }
  await tx
    .insert(planningSettings)
    .values({
      ...values,
      authorityId: context.authorityId,
      version: 1,
      updatedAt: context.now,
      updatedBy: context.userId,
    })
    .onConflictDoUpdate({
      target: planningSettings.authorityId,
      set: {
        ...values,
        version: sql`${planningSettings.version} + 1`,
        updatedAt: context.now,
        updatedBy: context.userId,
      },
    })
}

/**
 * The brothers and sisters of a child, as linked in the care record.
 * @param tx - the transaction
 * @param childId - the child
 * @returns their ids
 */
export async function loadSiblingIds(tx: Tx, childId: string): Promise<string[]> {
  const rows = await tx
    .select({ a: siblingLinks.childId, b: siblingLinks.siblingChildId })
    .from(siblingLinks)
    .where(
      and(
        or(eq(siblingLinks.childId, childId), eq(siblingLinks.siblingChildId, childId)),
        isNull(siblingLinks.voidedAt),
      ),
    )
  return rows.map(row => (row.a === childId ? row.b : row.a))
}

/**
 * Which of some children are looked after on a day (in an unvoided period of care).
 * @param tx - the transaction
 * @param childIds - the children
 * @param on - the day
 * @returns the ids of those looked after
 */
export async function loadLookedAfterChildIds(tx: Tx, childIds: readonly string[], on: string): Promise<string[]> {
  if (childIds.length === 0) {
    return []
  }
  const rows = await tx
    .selectDistinct({ childId: periodsOfCare.childId })
    .from(periodsOfCare)
    .where(
      and(
        inArray(periodsOfCare.childId, [...childIds]),
        isNull(periodsOfCare.voidedAt),
        sql`${periodsOfCare.startedOn} <= ${on}`,
        sql`(${periodsOfCare.endedOn} IS NULL OR ${periodsOfCare.endedOn} > ${on})`,
      ),
    )
  return rows.map(row => row.childId)
}
