/**
 * The stable codes of every permanence-plan rule. Messages for them are in plan-messages.ts; adapters map codes to
 * text, never the domain.
 */
import type { DomainError } from '../shared/result.ts'

/** Rules that hold for every version at every stage, checked on each edit. */
export type PlanStructureErrorCode =
  | 'duplicate-id'
  | 'more-than-one-primary-option'
  | 'primary-option-status-not-allowed'
  | 'option-ruled-out-without-reason'
  | 'option-ruled-out-without-date'
  | 'option-achieved-without-permanence-recorded'
  | 'date-in-future'
  | 'unknown-assessment'
  | 'unknown-important-person'
  | 'assessment-due-before-requested'
  | 'assessment-completed-before-requested'
  | 'assessment-outcome-without-completion-date'
  | 'important-person-name-missing'
  | 'important-person-ruled-out-without-reason'
  | 'sibling-plan-is-own-plan'

/** Rules a plan must meet before a team manager can endorse it. */
export type PlanEndorsementErrorCode =
  | 'no-primary-option'
  | 'no-contingency'
  | 'contingency-without-viability-evidence'
  | 'contingency-assessed-not-viable'
  | 'adoption-primary-option-not-ruled-out'
  | 'adoption-primary-alternative-not-considered'
  | 'contingency-without-reason-not-primary'
  | 'child-views-not-recorded'
  | 'anticipated-timescale-missing'
  | 'decision-sharing-not-recorded'
  | 'option-change-not-considered-at-review'
  | 'sibling-plan-not-referenced'
  | 'sibling-plan-difference-without-reason'

/** Refusals of lifecycle commands. */
export type PlanLifecycleErrorCode =
  | 'transition-not-allowed'
  | 'role-not-permitted'
  | 'reasons-required'
  | 'meeting-not-a-ppm'
  | 'meeting-not-a-statutory-review'
  | 'meeting-not-about-this-child'
  | 'meeting-in-future'
  | 'review-before-endorsement'
  | 'previous-version-required'
  | 'previous-version-not-current'
  | 'no-option-change-to-consider'
  | 'achieved-route-not-primary'
  | 'ppm-before-plan-started'

export type PlanErrorCode = PlanStructureErrorCode | PlanEndorsementErrorCode | PlanLifecycleErrorCode

export type PlanError = DomainError<PlanErrorCode>
