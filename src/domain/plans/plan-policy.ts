/**
 * The per-authority settings the plan rules read (rules.md §3). The lead's policy store supplies them; the three
 * seeded authorities are here as data so tests and the demo can use them.
 *
 * Where a source gives a number with no unit ([DOR] "3 days") the unit is our assumption and `unitConfirmed` is
 * false, so screens can say so (rules.md §5 T6, §7 Q8).
 */
import type { SubmissionRule } from './permanence-plan.ts'
import type { VocabularyName } from './option-vocabularies.ts'

export interface PlanPolicy {
  readonly name: string
  /** Which words to use for the options. */
  readonly vocabulary: VocabularyName
  /** How long before the PPM the plan reaches the team manager (rules.md PP-03); null when there is no rule. */
  readonly planToManagerBeforePpm: SubmissionRule | null
  /** Whether the authority has confirmed the unit of {@link planToManagerBeforePpm}. */
  readonly planToManagerUnitConfirmed: boolean
  /** PPM cadence until permanence is achieved (rules.md PP-04); null when none is set. */
  readonly ppmEveryMonths: number | null
  /** Review of the plan and a meeting after permanence through long-term fostering (rules.md PP-05). */
  readonly reviewAfterLongTermFosteringMonths: number | null
}

/** [DOR] Golden Rules and "The Meeting". */
export const DORSET_PLAN_POLICY: PlanPolicy = {
  name: 'dorset',
  vocabulary: 'dorset',
  planToManagerBeforePpm: { days: 3, unit: 'calendar-days' },
  planToManagerUnitConfirmed: false,
  ppmEveryMonths: 3,
  reviewAfterLongTermFosteringMonths: 12,
}

/** [DEV] One Minute Guide: no paperwork deadline or PPM cadence; review at Permanence Panel. */
export const DEVON_PLAN_POLICY: PlanPolicy = {
  name: 'devon',
  vocabulary: 'devon',
  planToManagerBeforePpm: null,
  planToManagerUnitConfirmed: true,
  ppmEveryMonths: null,
  reviewAfterLongTermFosteringMonths: null,
}

/** [TAM] App 4: PPM between each statutory review; no paperwork deadline. */
export const TAMESIDE_PLAN_POLICY: PlanPolicy = {
  name: 'tameside',
  vocabulary: 'tameside',
  planToManagerBeforePpm: null,
  planToManagerUnitConfirmed: true,
  ppmEveryMonths: null,
  reviewAfterLongTermFosteringMonths: null,
}
