/**
 * Viewing and changing an authority's planning settings (policy data: ADR 0061) through the API. A change is checked,
 * stored as the next version with who and why in the audit trail, and every child's due dates are recomputed in the
 * same transaction (the PPM cadence and the paperwork rule feed the timescale engine through the planning facts).
 */
import { loadPlanningSettingsRow, savePlanningSettingsRow } from '../../db/repositories/plans-repository.ts'
import { loadAuthority } from '../../db/repositories/organisation-repository.ts'
import {
  planningSettingsToRecord,
  defaultPlanningSettings,
  type PlanningSettingsChange,
  type PlanningSettingsRecord,
} from '../../domain/plans/planning-settings.ts'
import { InputError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from '../timescales/evaluate-and-store.ts'
import { planningContextOf } from './plan-support.ts'

export interface PlanningSettingsView {
  /** 0 while the authority follows its policy pack's defaults. */
  readonly version: number
  readonly isDefault: boolean
  readonly policyPack: string
  readonly settings: PlanningSettingsRecord
}

/**
 * The authority's planning settings, stored or its policy pack's defaults.
 * @param op - the operation
 * @returns the settings and their version
 */
export async function viewPlanningSettings(op: Operation): Promise<PlanningSettingsView> {
  authoriseAuthority(op, 'policy:view')
  const policyPack = (await loadAuthority(op.tx))?.policyPack ?? 'national'
  const row = await loadPlanningSettingsRow(op.tx)
  if (!row) {
    return {
      version: 0,
      isDefault: true,
      policyPack,
      settings: planningSettingsToRecord(defaultPlanningSettings(policyPack)),
    }
  }
  const { version, ...settings } = row
  return {
    version,
    isDefault: false,
    policyPack,
    settings: {
      guidancePolicy: settings.guidancePolicy,
      vocabulary: settings.vocabulary,
      planToManagerDays: settings.planToManagerDays,
      planToManagerUnit: settings.planToManagerUnit,
      planToManagerUnitConfirmed: settings.planToManagerUnitConfirmed,
      ppmEveryMonths: settings.ppmEveryMonths,
      ltfReviewMonths: settings.ltfReviewMonths,
      panelCostThresholdPence: settings.panelCostThresholdPence,
      purposesAlwaysToPanel: settings.purposesAlwaysToPanel,
    },
  }
}

/**
 * Replaces the authority's planning settings.
 * @param op - the operation
 * @param expectedVersion - the version the change is based on (0 for the pack's defaults)
 * @param change - the settings and why
 * @returns the new version and how many children's due dates were recomputed
 */
export async function changePlanningSettings(
  op: Operation,
  expectedVersion: number,
  change: PlanningSettingsChange,
): Promise<{ version: number; childrenRecomputed: number }> {
  authoriseAuthority(op, 'policy:manage')
  const { reason, ...settings } = change
  if ((settings.planToManagerDays === null) !== (settings.planToManagerUnit === null)) {
    throw new InputError([
      settings.planToManagerDays === null
        ? {
            path: 'planToManagerDays',
            code: 'days-need-a-unit',
            message: 'Enter how many days before the PPM the plan reaches the team manager, or remove the unit',
          }
        : {
            path: 'planToManagerUnit',
            code: 'days-need-a-unit',
            message: 'Select whether the days before the PPM are calendar or working days',
          },
    ])
  }
  const current = (await loadPlanningSettingsRow(op.tx))?.version ?? 0
  if (current !== expectedVersion) {
    throw new StaleVersionError(expectedVersion, current)
  }
  await savePlanningSettingsRow(op.tx, planningContextOf(op), settings)
  op.addAuditDetail('reason', reason)
  op.addAuditDetail('settings', settings)
  const childrenRecomputed = await evaluateAndStore(op.tx, op.actor.authorityId, op.today, 'all')
  return { version: current + 1, childrenRecomputed }
}
