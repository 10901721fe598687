/**
 * Writes a demo authority's permanence planning (generate-demo-plans.ts) after its children: settings, plans,
 * meetings, action updates, decisions, panel requests and agency decisions, in one transaction as the system user.
 */
import { setChangeReason, type Database } from '../../db/client.ts'
import { insertActionUpdates, insertMeetings } from '../../db/repositories/meetings-repository.ts'
import { loadUsers, listUsersWithRoles } from '../../db/repositories/organisation-repository.ts'
import { assignPanelMembers, insertAdmDecisions, insertPanelRequests } from '../../db/repositories/panels-repository.ts'
import { loadPlanningSettings } from '../../db/repositories/planning-facts-repository.ts'
import {
  insertDecisionEvents,
  insertPlanVersions,
  savePlanningSettingsRow,
} from '../../db/repositories/plans-repository.ts'
import { DEVON_PANEL_POLICY } from '../../domain/panels/panel-request.ts'
import { planningSettingsToRecord, type PlanningSettings } from '../../domain/plans/planning-settings.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { DemoChild } from './generate-demo-authority.ts'
import { generateDemoPlanning, type PlanningStage } from './generate-demo-plans.ts'
import { seededRandom } from './random.ts'

/**
 * The planning settings of a demo authority: Northshire follows the Dorset Golden Rules (the plan to the team manager
 * 3 days before the PPM, PPMs every 3 months, long-term fostering reviewed every 12 months) with Devon's panel
 * threshold, so the demo shows every check; Southvale keeps its policy pack's defaults.
 * @param code - the authority's code
 * @returns the settings, or null for the defaults
 */
export function demoPlanningSettings(code: string): PlanningSettings | null {
  if (code !== 'northshire') {
    return null
  }
  return {
    guidancePolicy: 'dorset',
    plan: {
      name: 'northshire',
      vocabulary: 'national',
      planToManagerBeforePpm: { days: 3, unit: 'calendar-days' },
      planToManagerUnitConfirmed: true,
      ppmEveryMonths: 3,
      reviewAfterLongTermFosteringMonths: 12,
    },
    panel: DEVON_PANEL_POLICY,
  }
}

/**
 * Builds and writes a demo authority's planning.
 * @param db - the database
 * @param input - the authority, its system user, its children, the demo accounts, the settings to store, the seed
 * @param input.authorityId - the authority
 * @param input.systemUserId - the user the demo writes as
 * @param input.children - the children, as generated
 * @param input.featuredWorkerId - the demo social worker
 * @param input.demoIroId - the demo IRO
 * @param input.settings - planning settings to store (null: the policy pack's defaults)
 * @param input.seed - the random seed
 * @param input.today - the day the demo is as of
 * @returns the stage each child was given
 */
export async function seedDemoPlanning(
  db: Database,
  input: {
    readonly authorityId: string
    readonly systemUserId: string
    readonly children: readonly DemoChild[]
    readonly featuredWorkerId: string
    readonly demoIroId: string
    readonly settings: PlanningSettings | null
    readonly seed: number
    readonly today: CalendarDay
  },
): Promise<Map<string, PlanningStage>> {
  return db.withAuthority({ authorityId: input.authorityId, userId: input.systemUserId }, async tx => {
    await setChangeReason(tx, 'Demo data')
    const context = { authorityId: input.authorityId, userId: input.systemUserId, now: new Date() }
    if (input.settings) {
      await savePlanningSettingsRow(tx, context, planningSettingsToRecord(input.settings))
    }
    const settings = await loadPlanningSettings(tx)
    const staff = await listUsersWithRoles(tx, ['team-manager', 'agency-decision-maker', 'panel-member'])
    const workerIds = [
      ...new Set(input.children.flatMap(c => [c.record.child.allocatedWorkerId, c.record.child.allocatedIroId])),
    ]
    const named = await loadUsers(tx, [
      ...workerIds.filter((id): id is string => id !== null),
      input.demoIroId,
      ...staff.map(user => user.id),
    ])
    const first = (role: string) => staff.find(user => user.role === role)?.id ?? null
    const planning = generateDemoPlanning(
      seededRandom(input.seed),
      input.children,
      {
        names: new Map(named.map(user => [user.id, user.displayName])),
        managerId: first('team-manager') ?? input.systemUserId,
        admId: first('agency-decision-maker'),
        panelMemberId: first('panel-member'),
        featuredWorkerId: input.featuredWorkerId,
        demoIroId: input.demoIroId,
      },
      input.today,
      settings.panel,
    )
    await insertPlanVersions(tx, context, planning.plans)
    await insertMeetings(tx, context, planning.meetings)
    await insertActionUpdates(tx, context, planning.actionUpdates)
    await insertDecisionEvents(tx, context, planning.events)
    await insertPanelRequests(tx, context, planning.panelRequests)
    await insertAdmDecisions(tx, context, planning.admDecisions)
    await assignPanelMembers(tx, context, planning.panelAssignments)
    return planning.stages
  })
}
