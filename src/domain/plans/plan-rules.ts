/**
 * The rules of a permanence plan's balance sheet.
 *
 * - {@link validatePlanStructure}: what every version must satisfy at every stage, checked on each edit.
 * - {@link validatePlanForEndorsement}: what a plan must have before a team manager can endorse it ([DOR], [TAM],
 *   CPPCR 2010 reg 32(2), Re B [2013] UKSC 33).
 *
 * Both return every broken rule at once (not the first), each with a stable code and the path of the field, so a
 * form can show them all beside the fields.
 */
import { compareCalendarDays, type CalendarDay } from '../shared/calendar-day.ts'
import { domainError } from '../shared/result.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import { FAMILY_NETWORK_OPTION_TYPES, type OptionType } from './permanence-options.ts'
import type { PlanError } from './plan-errors.ts'
import {
  areChildViewsRecorded,
  assessmentsFor,
  contingencies,
  primaryOption,
  primaryOptionType,
} from './plan-queries.ts'
import type { PlanContent } from './plan-schemas.ts'

function isBlank(value: string): boolean {
  return value.trim() === ''
}

function checkUniqueIds(
  items: readonly { readonly id: string }[],
  listName: string,
  errors: PlanError[],
  key: (item: { readonly id: string }) => string = item => item.id,
): void {
  const seen = new Set<string>()
  items.forEach((item, index) => {
    const id = key(item)
    if (seen.has(id)) {
      errors.push(domainError('duplicate-id', ['content', listName, index, 'id'], { id }))
    }
    seen.add(id)
  })
}

function checkNotFuture(
  day: CalendarDay | null,
  path: readonly (string | number)[],
  today: CalendarDay,
  errors: PlanError[],
): void {
  if (day !== null && compareCalendarDays(day, today) > 0) {
    errors.push(domainError('date-in-future', path, { today }))
  }
}

/**
 * Checks the rules every plan version satisfies at every stage.
 * @param plan - the version, with any edit applied
 * @param today - today's date, for "not in the future"
 * @returns the broken rules (empty when sound)
 */
export function validatePlanStructure(plan: PermanencePlan, today: CalendarDay): PlanError[] {
  const errors: PlanError[] = []
  const content = plan.content

  checkUniqueIds(content.options, 'options', errors)
  checkUniqueIds(content.assessments, 'assessments', errors)
  checkUniqueIds(content.importantPeople, 'importantPeople', errors)
  checkUniqueIds(content.keyDates, 'keyDates', errors)
  checkUniqueIds(content.views.others, 'views.others', errors)
  checkUniqueIds(
    content.siblingPlans.map(sibling => ({ id: sibling.childId })),
    'siblingPlans',
    errors,
  )

  // [DOR] Golden Rules: "Only choose one Permanence option and elaborate in the plan when parallel planning."
  const primaries = content.options.flatMap((option, index) => (option.isPrimary ? [index] : []))
  for (const index of primaries.slice(1)) {
    errors.push(domainError('more-than-one-primary-option', ['content', 'options', index, 'isPrimary']))
  }

  const assessmentIds = new Set(content.assessments.map(assessment => assessment.id))
  const personIds = new Set(content.importantPeople.map(person => person.id))

  content.options.forEach((option, index) => {
    const path = ['content', 'options', index]
    // The primary plan is worked on ("being explored") until it is achieved; it cannot also be the fallback or
    // have been ruled out.
    if (option.isPrimary && option.status !== 'being-explored' && option.status !== 'achieved') {
      errors.push(domainError('primary-option-status-not-allowed', [...path, 'status'], { status: option.status }))
    }
    if (option.status === 'ruled-out') {
      // [TAM] §5: "an analysis of the options chosen and discounted"; §10.7 reasons legible to the adult.
      if (isBlank(option.ruledOutReason)) {
        errors.push(domainError('option-ruled-out-without-reason', [...path, 'ruledOutReason']))
      }
      if (option.ruledOutOn === null) {
        errors.push(domainError('option-ruled-out-without-date', [...path, 'ruledOutOn']))
      }
    }
    checkNotFuture(option.ruledOutOn, [...path, 'ruledOutOn'], today, errors)
    // Only the permanence-achieved command marks an option achieved, so the date and route are always recorded.
    if (option.status === 'achieved' && plan.permanenceAchieved?.optionId !== option.id) {
      errors.push(domainError('option-achieved-without-permanence-recorded', [...path, 'status']))
    }
    option.assessmentIds.forEach((id, idIndex) => {
      if (!assessmentIds.has(id)) {
        errors.push(domainError('unknown-assessment', [...path, 'assessmentIds', idIndex], { id }))
      }
    })
    option.proposedCarerIds.forEach((id, idIndex) => {
      if (!personIds.has(id)) {
        errors.push(domainError('unknown-important-person', [...path, 'proposedCarerIds', idIndex], { id }))
      }
    })
  })

  content.assessments.forEach((assessment, index) => {
    const path = ['content', 'assessments', index]
    if (assessment.requestedOn !== null && assessment.dueOn !== null && assessment.dueOn < assessment.requestedOn) {
      errors.push(domainError('assessment-due-before-requested', [...path, 'dueOn']))
    }
    if (
      assessment.requestedOn !== null &&
      assessment.completedOn !== null &&
      assessment.completedOn < assessment.requestedOn
    ) {
      errors.push(domainError('assessment-completed-before-requested', [...path, 'completedOn']))
    }
    if (assessment.outcome !== 'pending' && assessment.outcome !== 'withdrawn' && assessment.completedOn === null) {
      errors.push(domainError('assessment-outcome-without-completion-date', [...path, 'completedOn']))
    }
    checkNotFuture(assessment.completedOn, [...path, 'completedOn'], today, errors)
  })

  content.importantPeople.forEach((person, index) => {
    const path = ['content', 'importantPeople', index]
    if (isBlank(person.name)) {
      errors.push(domainError('important-person-name-missing', [...path, 'name']))
    }
    // [TAM] App 5: "how they have been considered to care for and or support the child".
    for (const role of ['asCarer', 'asSupport'] as const) {
      if (person[role].outcome === 'ruled-out' && isBlank(person[role].notes)) {
        errors.push(domainError('important-person-ruled-out-without-reason', [...path, role, 'notes']))
      }
    }
  })

  checkNotFuture(content.views.child.capturedOn, ['content', 'views', 'child', 'capturedOn'], today, errors)
  content.views.others.forEach((view, index) =>
    checkNotFuture(view.capturedOn, ['content', 'views', 'others', index, 'capturedOn'], today, errors),
  )

  content.siblingPlans.forEach((sibling, index) => {
    if (sibling.childId === plan.childId) {
      errors.push(domainError('sibling-plan-is-own-plan', ['content', 'siblingPlans', index, 'childId']))
    }
  })

  return errors
}

/** The current primary option type of a brother's or sister's plan, for comparing plans in a sibling group. */
export interface SiblingPlanSummary {
  readonly childId: string
  readonly planId: string
  readonly primaryOptionType: OptionType | null
}

/**
 * Alternatives that must appear in the balance sheet (ruled out, or kept as a contingency with a reason it is not
 * the plan) before adoption can be the plan: return to parents, a family-network option, and long-term fostering
 * ([TAM] §2.3 order of preference; §8.7 "only when nothing else will do"; Re B [2013] UKSC 33; docs/adr/0023).
 */
export const RE_B_ALTERNATIVES: readonly { readonly key: string; readonly types: readonly OptionType[] }[] = [
  { key: 'reunification', types: ['reunification'] },
  { key: 'family-network', types: FAMILY_NETWORK_OPTION_TYPES },
  { key: 'long-term-fostering', types: ['long-term-fostering'] },
]

function checkAdoptionNothingElseWillDo(content: PlanContent, errors: PlanError[]): void {
  content.options.forEach((option, index) => {
    if (option.isPrimary) {
      return
    }
    const path = ['content', 'options', index]
    if (option.status === 'contingency') {
      if (isBlank(option.reasonNotPrimary)) {
        errors.push(domainError('contingency-without-reason-not-primary', [...path, 'reasonNotPrimary']))
      }
    } else if (option.status !== 'ruled-out') {
      errors.push(domainError('adoption-primary-option-not-ruled-out', [...path, 'status'], { type: option.type }))
    }
  })
  for (const alternative of RE_B_ALTERNATIVES) {
    const considered = content.options.some(option => !option.isPrimary && alternative.types.includes(option.type))
    if (!considered) {
      errors.push(
        domainError('adoption-primary-alternative-not-considered', ['content', 'options'], {
          alternative: alternative.key,
        }),
      )
    }
  }
}

/**
 * Checks what a plan needs before a team manager endorses it.
 * @param plan - the version to endorse
 * @param siblingPlans - the current plans of the child's looked-after brothers and sisters
 * @returns the broken rules (empty when the plan can be endorsed)
 */
export function validatePlanForEndorsement(
  plan: PermanencePlan,
  siblingPlans: readonly SiblingPlanSummary[],
): PlanError[] {
  const errors: PlanError[] = []
  const content = plan.content
  const primary = primaryOption(content)
  const primaryCount = content.options.filter(option => option.isPrimary).length

  // [DOR] Golden Rules "Only choose one Permanence option"; rules.md §3.
  if (primaryCount === 0) {
    errors.push(domainError('no-primary-option', ['content', 'options']))
  } else if (primaryCount > 1) {
    errors.push(domainError('more-than-one-primary-option', ['content', 'options']))
  }

  // [TAM] §3 "Every child … should have a permanency plan and a viable contingency plan"; App 5 "What is the
  // contingency permanency plan and how do we know it is viable?"; [DOR] "Ensure there is clear contingency planning".
  const fallbacks = contingencies(content)
  if (fallbacks.length === 0) {
    errors.push(domainError('no-contingency', ['content', 'options']))
  }
  for (const option of fallbacks) {
    const index = content.options.indexOf(option)
    if (isBlank(option.viabilityEvidence)) {
      errors.push(
        domainError('contingency-without-viability-evidence', ['content', 'options', index, 'viabilityEvidence']),
      )
    } else if (assessmentsFor(content, option).some(assessment => assessment.outcome === 'negative')) {
      errors.push(domainError('contingency-assessed-not-viable', ['content', 'options', index, 'assessmentIds']))
    }
  }

  if (primary?.type === 'adoption') {
    checkAdoptionNothingElseWillDo(content, errors)
  }

  // [DOR] "the plan must set out their views and wishes"; [TAM] App 5 "What are the views of the child?".
  if (!areChildViewsRecorded(content)) {
    errors.push(domainError('child-views-not-recorded', ['content', 'views', 'child', 'views']))
  }
  // [TAM] App 5 "What is the anticipated timescale for achieving permanency?"
  if (content.anticipatedTimescale.permanenceByOn === null && isBlank(content.anticipatedTimescale.explanation)) {
    errors.push(domainError('anticipated-timescale-missing', ['content', 'anticipatedTimescale', 'permanenceByOn']))
  }
  // [TAM] App 5 "How will any decision made be shared with the child and by whom?"
  if (isBlank(content.decisionSharing.how) || isBlank(content.decisionSharing.byWhom)) {
    errors.push(domainError('decision-sharing-not-recorded', ['content', 'decisionSharing', 'how']))
  }

  // CPPCR 2010 reg 32(2); rules.md PP-08: a change of permanence option is considered at a review before it takes
  // effect, unless that is not reasonably practicable (docs/adr/0021).
  const change = optionChangeOf(plan)
  if (change !== null) {
    const evidence = plan.optionChange
    const evidenced =
      evidence !== null &&
      evidence.toType === change.toType &&
      (evidence.consideredAtReview !== null || evidence.notReasonablyPracticable !== null)
    if (!evidenced) {
      errors.push(
        domainError('option-change-not-considered-at-review', ['optionChange'], {
          fromType: change.fromType ?? '',
          toType: change.toType,
        }),
      )
    }
  }

  // [TAM] App 5 note: "if more than one child the permanency plan may not be the same for all the sibling group";
  // the plans show each other, and a difference is explained.
  const ownType = primaryOptionType(content)
  for (const sibling of siblingPlans) {
    const index = content.siblingPlans.findIndex(reference => reference.childId === sibling.childId)
    if (index === -1) {
      errors.push(domainError('sibling-plan-not-referenced', ['content', 'siblingPlans'], { childId: sibling.childId }))
      continue
    }
    const reference = content.siblingPlans[index]!
    if (sibling.primaryOptionType !== ownType && isBlank(reference.reasonPlansDiffer)) {
      errors.push(
        domainError('sibling-plan-difference-without-reason', ['content', 'siblingPlans', index, 'reasonPlansDiffer'], {
          childId: sibling.childId,
        }),
      )
    }
  }

  return errors
}

/**
 * The change of permanence option this version would make, against the last ratified version: the primary option
 * type differs (docs/adr/0021). A different carer under the same type is not a change of option.
 * @param plan - the version
 * @returns the change, or null when there is none (or nothing ratified yet, or no single primary option)
 */
export function optionChangeOf(plan: PermanencePlan): { fromType: OptionType | null; toType: OptionType } | null {
  const toType = primaryOptionType(plan.content)
  if (plan.lastRatified === null || toType === null || toType === plan.lastRatified.primaryOptionType) {
    return null
  }
  return { fromType: plan.lastRatified.primaryOptionType, toType }
}
