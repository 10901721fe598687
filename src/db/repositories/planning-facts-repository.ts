/**
 * The planning facts the timescale engine needs for one child or many, read in the transaction the caller is in
 * (so a recompute after a plan or meeting write sees that write). See domain/plans/planning-facts.ts for the shape.
 */
import { inArray } from 'drizzle-orm'
import type { ActionUpdate } from '../../domain/meetings/meeting-actions.ts'
import type { AdmDecision } from '../../domain/panels/adm-decision.ts'
import { planningFactsFor, type PlanningFacts } from '../../domain/plans/planning-facts.ts'
import {
  defaultPlanningSettings,
  planningSettingsFromRecord,
  type PlanningSettings,
} from '../../domain/plans/planning-settings.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Tx } from '../client.ts'
import { admDecisions } from '../schema/index.ts'
import { listActionUpdates, listMeetingsForChildren } from './meetings-repository.ts'
import { loadAuthority } from './organisation-repository.ts'
import { loadPlanningSettingsRow, loadPlanVersionsForChildren } from './plans-repository.ts'

/**
 * The authority's planning settings: the stored ones, else its policy pack's defaults.
 * @param tx - a transaction in the authority
 * @returns the settings
 */
export async function loadPlanningSettings(tx: Tx): Promise<PlanningSettings> {
  const authority = await loadAuthority(tx)
  const pack = authority?.policyPack ?? 'national'
  const row = await loadPlanningSettingsRow(tx)
  return row ? planningSettingsFromRecord(row, pack) : defaultPlanningSettings(pack)
}

/**
 * Planning facts for many children at once (a daily refresh, a dashboard): four queries, whatever the number.
 * @param tx - a transaction in the authority
 * @param childIds - the children
 * @param today - today, for overdue actions and upcoming meetings
 * @returns the facts of each child, by child id (children with nothing recorded get empty facts)
 */
export async function loadPlanningFactsForChildren(
  tx: Tx,
  childIds: readonly string[],
  today: CalendarDay,
): Promise<Map<string, PlanningFacts>> {
  const settings = await loadPlanningSettings(tx)
  const plans = await loadPlanVersionsForChildren(tx, childIds)
  const meetings = await listMeetingsForChildren(tx, childIds)
  const updates: ActionUpdate[] = await listActionUpdates(
    tx,
    meetings.map(stored => stored.meeting.id),
  )
  const decisions =
    childIds.length === 0
      ? []
      : await tx
          .select({ childId: admDecisions.childId, decision: admDecisions.decision })
          .from(admDecisions)
          .where(inArray(admDecisions.childId, [...childIds]))
  const result = new Map<string, PlanningFacts>()
  for (const childId of childIds) {
    const own = meetings.filter(stored => stored.meeting.record.childIds.includes(childId)).map(s => s.meeting)
    const ownIds = new Set(own.map(meeting => meeting.id))
    result.set(
      childId,
      planningFactsFor(childId, {
        planVersions: (plans.get(childId) ?? []).map(stored => stored.plan),
        meetings: own,
        actionUpdates: updates.filter(update => ownIds.has(update.meetingId)),
        admDecisions: decisions.filter(row => row.childId === childId).map(row => row.decision as AdmDecision),
        policy: settings.plan,
        today,
      }),
    )
  }
  return result
}

/**
 * Planning facts for one child: what the timescale engine's case history takes about permanence meetings, plans,
 * permanence achieved, policy events and agency decisions, with the fuller plan and meeting facts.
 * @param tx - a transaction in the authority
 * @param childId - the child
 * @param today - today, for overdue actions and upcoming meetings
 * @returns the facts
 */
export async function loadPlanningFacts(tx: Tx, childId: string, today: CalendarDay): Promise<PlanningFacts> {
  return (await loadPlanningFactsForChildren(tx, [childId], today)).get(childId)!
}
