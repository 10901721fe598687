/**
 * The authority's planning settings, as the use cases need them (stored, or the policy pack's defaults:
 * domain/plans/planning-settings.ts). Not a use case: callers have authorised already.
 */
import { loadPlanningSettings } from '../../db/repositories/planning-facts-repository.ts'
import type { PlanningSettings } from '../../domain/plans/planning-settings.ts'
import type { Operation } from '../shared/run-operation.ts'

/**
 * The settings of the user's authority.
 * @param op - the operation
 * @returns the settings
 */
export async function planningSettingsFor(op: Operation): Promise<PlanningSettings> {
  return loadPlanningSettings(op.tx)
}
