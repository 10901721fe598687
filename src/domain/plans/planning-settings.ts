/**
 * An authority's planning settings: which guidance its plans are checked against, its words for the options, how
 * long before the PPM the plan reaches the team manager, the PPM and long-term fostering cadences, and its panel
 * money threshold. Policy data, not code (rules.md §3; docs/adr/0061-planning-settings-per-authority.md).
 *
 * An authority without stored settings gets the defaults of its policy pack: the seeded authorities' own rules
 * (plan-policy.ts, panel-request.ts), and for the national pack no local timings and the one money threshold the
 * seeds give (Devon: over £2,000, and issuing proceedings, go to panel), so that requests are routed rather than
 * decided by whoever happens to be asked.
 */
import { z } from 'zod'
import { choiceSchema, reasonSchema, type FieldLabel } from '../shared/input.ts'
import { DEVON_PANEL_POLICY, NO_PANEL_THRESHOLD_POLICY, type PanelPolicy } from '../panels/panel-request.ts'
import { PANEL_PURPOSE_VALUES, type PanelPurpose } from '../panels/panel-schemas.ts'
import { GUIDANCE_POLICY_NAMES, type GuidancePolicyName } from './guidance-checks.ts'
import { VOCABULARY_NAMES, type VocabularyName } from './option-vocabularies.ts'
import { DEVON_PLAN_POLICY, DORSET_PLAN_POLICY, TAMESIDE_PLAN_POLICY, type PlanPolicy } from './plan-policy.ts'

export interface PlanningSettings {
  /** The guidance the plan is checked against (guidance-checks.ts); null when the authority has none. */
  readonly guidancePolicy: GuidancePolicyName | null
  readonly plan: PlanPolicy
  readonly panel: PanelPolicy
}

/** No local rules: the national baseline has no PP-03 paperwork deadline or PPM cadence (rules.md §3). */
export const NATIONAL_PLAN_POLICY: PlanPolicy = {
  name: 'national',
  vocabulary: 'national',
  planToManagerBeforePpm: null,
  planToManagerUnitConfirmed: true,
  ppmEveryMonths: null,
  reviewAfterLongTermFosteringMonths: null,
}

/**
 * The settings an authority gets when it has stored none.
 * @param policyPack - the authority's policy pack (`national`, `devon`, `dorset`, `tameside`)
 * @returns the defaults
 */
export function defaultPlanningSettings(policyPack: string): PlanningSettings {
  switch (policyPack) {
    case 'devon':
      return { guidancePolicy: 'devon', plan: DEVON_PLAN_POLICY, panel: DEVON_PANEL_POLICY }
    case 'dorset':
      return { guidancePolicy: 'dorset', plan: DORSET_PLAN_POLICY, panel: NO_PANEL_THRESHOLD_POLICY }
    case 'tameside':
      return { guidancePolicy: 'tameside', plan: TAMESIDE_PLAN_POLICY, panel: NO_PANEL_THRESHOLD_POLICY }
    default:
      return { guidancePolicy: null, plan: NATIONAL_PLAN_POLICY, panel: DEVON_PANEL_POLICY }
  }
}

/** The stored form of the settings (one row per authority). */
export interface PlanningSettingsRecord {
  readonly guidancePolicy: string | null
  readonly vocabulary: string
  readonly planToManagerDays: number | null
  readonly planToManagerUnit: string | null
  readonly planToManagerUnitConfirmed: boolean
  readonly ppmEveryMonths: number | null
  readonly ltfReviewMonths: number | null
  readonly panelCostThresholdPence: number | null
  readonly purposesAlwaysToPanel: readonly string[]
}

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value)
}

/**
 * Reads stored settings (values the database's CHECK constraints allow), falling back to the pack's defaults for
 * nothing: a stored row is the authority's whole decision.
 * @param record - the stored row
 * @param policyPack - the authority's policy pack, for the settings' name
 * @returns the settings
 */
export function planningSettingsFromRecord(record: PlanningSettingsRecord, policyPack: string): PlanningSettings {
  const vocabulary: VocabularyName = isOneOf(VOCABULARY_NAMES, record.vocabulary) ? record.vocabulary : 'national'
  const unit = record.planToManagerUnit
  return {
    guidancePolicy: isOneOf(GUIDANCE_POLICY_NAMES, record.guidancePolicy) ? record.guidancePolicy : null,
    plan: {
      name: policyPack,
      vocabulary,
      planToManagerBeforePpm:
        record.planToManagerDays === null || (unit !== 'calendar-days' && unit !== 'working-days')
          ? null
          : { days: record.planToManagerDays, unit },
      planToManagerUnitConfirmed: record.planToManagerUnitConfirmed,
      ppmEveryMonths: record.ppmEveryMonths,
      reviewAfterLongTermFosteringMonths: record.ltfReviewMonths,
    },
    panel: {
      costThresholdPence: record.panelCostThresholdPence,
      purposesAlwaysToPanel: record.purposesAlwaysToPanel.filter((purpose): purpose is PanelPurpose =>
        isOneOf(PANEL_PURPOSE_VALUES, purpose),
      ),
    },
  }
}

/**
 * The stored form of some settings.
 * @param settings - the settings
 * @returns the row's values
 */
export function planningSettingsToRecord(settings: PlanningSettings): PlanningSettingsRecord {
  return {
    guidancePolicy: settings.guidancePolicy,
    vocabulary: settings.plan.vocabulary,
    planToManagerDays: settings.plan.planToManagerBeforePpm?.days ?? null,
    planToManagerUnit: settings.plan.planToManagerBeforePpm?.unit ?? null,
    planToManagerUnitConfirmed: settings.plan.planToManagerUnitConfirmed,
    ppmEveryMonths: settings.plan.ppmEveryMonths,
    ltfReviewMonths: settings.plan.reviewAfterLongTermFosteringMonths,
    panelCostThresholdPence: settings.panel.costThresholdPence,
    purposesAlwaysToPanel: [...settings.panel.purposesAlwaysToPanel],
  }
}

const whole = (min: number, max: number) =>
  z
    .number({
      error: issue =>
        issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'required' : 'invalid-type',
    })
    .int({ error: 'not-whole-number' })
    .min(min)
    .max(max)

/**
 * What an administrator sends to change the settings: the whole stored form, and why. The limits are the database's
 * (0020_permanence-planning.sql); a number of days needs its unit, and an unconfirmed unit is allowed but reported
 * (ADR 0013).
 */
export const PlanningSettingsChangeSchema = z.strictObject({
  guidancePolicy: choiceSchema(GUIDANCE_POLICY_NAMES).nullable(),
  vocabulary: choiceSchema(VOCABULARY_NAMES),
  planToManagerDays: whole(0, 60).nullable(),
  planToManagerUnit: choiceSchema(['calendar-days', 'working-days']).nullable(),
  planToManagerUnitConfirmed: z.boolean({ error: 'required' }),
  ppmEveryMonths: whole(1, 24).nullable(),
  ltfReviewMonths: whole(1, 36).nullable(),
  panelCostThresholdPence: whole(0, 1_000_000_000).nullable(),
  purposesAlwaysToPanel: z.array(choiceSchema(PANEL_PURPOSE_VALUES)).max(PANEL_PURPOSE_VALUES.length),
  reason: reasonSchema,
})
export type PlanningSettingsChange = z.output<typeof PlanningSettingsChangeSchema>

/** How the settings' fields are named in messages. */
export const PLANNING_SETTINGS_LABELS: Readonly<Record<string, FieldLabel>> = {
  guidancePolicy: { noun: 'the guidance plans are checked against', name: 'Guidance', isChoice: true },
  vocabulary: { noun: 'the words used for the permanence options', name: 'Vocabulary', isChoice: true },
  planToManagerDays: {
    noun: 'how many days before the PPM the plan reaches the team manager',
    name: 'Days before the PPM',
  },
  planToManagerUnit: { noun: 'whether those are calendar or working days', name: 'Unit of days', isChoice: true },
  planToManagerUnitConfirmed: { noun: 'whether the unit is confirmed', name: 'Unit confirmed', isChoice: true },
  ppmEveryMonths: { noun: 'how often PPMs are held, in months', name: 'PPM cadence' },
  ltfReviewMonths: { noun: 'how often a long-term fostering plan is reviewed, in months', name: 'LTF review cadence' },
  panelCostThresholdPence: { noun: 'the panel cost threshold in pence', name: 'Panel cost threshold' },
  purposesAlwaysToPanel: { noun: 'the purposes that always go to panel', name: 'Purposes always to panel' },
  reason: { noun: 'the reason for the change', name: 'Reason' },
}
