/**
 * Plain-English messages for the plan rule codes, written the GOV.UK way: say what to do ("Enter the reason this
 * option was ruled out"), never "invalid" (house style §3.3). Adapters import these maps; the domain never returns
 * text. `{name}` placeholders are filled from the error's params by {@link formatMessage}.
 */
import type { PlanErrorCode } from './plan-errors.ts'

/** Messages for the codes the input schemas put on zod issues (schema-primitives.ts). */
export const INPUT_ERROR_MESSAGES = {
  required: 'Enter or select a value',
  'invalid-date': 'Enter a real date, for example 27 3 2026',
  'invalid-type': 'Enter text',
  'too-long': 'Shorten this text',
  'money-not-whole-pence': 'Enter the cost in pounds and pence, for example 2,150.50',
  'money-negative': 'Enter a cost of £0 or more',
} as const

export const PLAN_ERROR_MESSAGES: Readonly<Record<PlanErrorCode, string>> = {
  'duplicate-id': 'This item appears twice. Remove one of them',
  'more-than-one-primary-option': 'Choose only one option as the primary plan',
  'primary-option-status-not-allowed':
    'The primary plan cannot be a contingency or ruled out. Choose another option as the primary plan, or change this option’s status',
  'option-ruled-out-without-reason': 'Enter the reason this option was ruled out',
  'option-ruled-out-without-date': 'Enter the date this option was ruled out',
  'option-achieved-without-permanence-recorded':
    'Record that permanence was achieved, with its date, instead of marking the option achieved',
  'date-in-future': 'The date must be today or in the past',
  'unknown-assessment': 'Choose an assessment from this plan',
  'unknown-important-person': 'Choose a person from the people important to the child',
  'assessment-due-before-requested': 'The due date must be the same as or after the date the assessment was requested',
  'assessment-completed-before-requested':
    'The date the assessment was completed must be the same as or after the date it was requested',
  'assessment-outcome-without-completion-date': 'Enter the date the assessment was completed',
  'important-person-name-missing': 'Enter the name of the person',
  'important-person-ruled-out-without-reason': 'Enter why this person was ruled out',
  'sibling-plan-is-own-plan': 'Choose a brother or sister, not the child this plan is for',
  'no-primary-option': 'Choose one option as the primary plan',
  'no-contingency': 'Add a contingency plan: what will happen if the primary plan cannot be achieved',
  'contingency-without-viability-evidence': 'Enter how you know the contingency plan is viable',
  'contingency-assessed-not-viable':
    'An assessment linked to the contingency plan was negative. Choose a contingency plan that is viable',
  'adoption-primary-option-not-ruled-out':
    'When adoption is the plan, rule out every other option with a reason, or keep it as the contingency plan',
  'adoption-primary-alternative-not-considered':
    'When adoption is the plan, show that returning home, family and friends care and long-term fostering were each considered',
  'contingency-without-reason-not-primary': 'Enter why this contingency is not the plan, when adoption is the plan',
  'child-views-not-recorded': 'Enter the child’s views, or why they could not be given',
  'anticipated-timescale-missing': 'Enter when permanence is expected to be achieved',
  'decision-sharing-not-recorded': 'Enter how the decision will be shared with the child, and by whom',
  'option-change-not-considered-at-review':
    'The permanence option has changed since the plan was ratified. Record that the change was considered at a child in care review, or why that was not reasonably practicable',
  'sibling-plan-not-referenced': 'Add the plan of each brother or sister in care to this plan',
  'sibling-plan-difference-without-reason':
    'Enter why this child’s plan is different from their brother’s or sister’s plan',
  'transition-not-allowed': 'This cannot be done to the plan at its current stage',
  'role-not-permitted': 'Your role cannot do this',
  'reasons-required': 'Enter the reasons for this decision',
  'meeting-not-a-ppm': 'Choose a permanence planning meeting',
  'meeting-not-a-statutory-review': 'Choose a child in care review',
  'meeting-not-about-this-child': 'Choose a meeting about this child',
  'meeting-in-future': 'Choose a meeting that has already taken place',
  'review-before-endorsement': 'Choose a review held on or after the date the plan was endorsed',
  'previous-version-required': 'The version of the plan this one replaces could not be found. Try again',
  'previous-version-not-current':
    'The plan has changed since this version was started. Start a new version from the current plan',
  'no-option-change-to-consider': 'The permanence option has not changed since the plan was last ratified',
  'achieved-route-not-primary':
    'Permanence can only be recorded as achieved by the primary plan. Change the plan first if the route was different',
  'ppm-before-plan-started':
    'The date of the permanence planning meeting must be on or after the date the plan was started',
}

/**
 * Fills `{name}` placeholders in a message from an error's params; unknown placeholders are left as they are.
 * @param template - the message
 * @param params - values by name
 * @returns the message with values filled in
 */
export function formatMessage(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (params === undefined) {
    return template
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  )
}
