/**
 * The Dorset Golden Rules, the Tameside Appendix 5 template (with its Appendix 4 practice standard) and the Devon
 * principles as executable checks over a plan and its meetings. Auditors (issue 9) and dashboards (issue 5) read
 * them; nothing is refused by them — refusals are in plan-rules.ts and meeting-rules.ts.
 *
 * Each check has a stable rule id, the seed it comes from, an outcome and a plain-English detail:
 * - `met` / `not-met`: judged;
 * - `not-yet-due`: nothing is wrong yet (e.g. the second review has not happened);
 * - `not-applicable`: the rule does not apply to this child (e.g. no siblings).
 * `met` is false only for `not-met`, so counting `!met` counts real gaps (docs/adr/0027-guidance-checks-report-not-refuse.md).
 */
import { addCalendarMonths, compareCalendarDays, formatCalendarDay, type CalendarDay } from '../shared/calendar-day.ts'
import type { Meeting } from '../meetings/meeting.ts'
import type { MeetingKind } from '../meetings/meeting-kinds.ts'
import type { PermanencePlan } from './permanence-plan.ts'
import { OPTION_VOCABULARIES } from './option-vocabularies.ts'
import { DORSET_PLAN_POLICY } from './plan-policy.ts'
import { areChildViewsRecorded, contingencies, hasViableContingency, primaryOptionType } from './plan-queries.ts'
import { optionChangeOf, type SiblingPlanSummary } from './plan-rules.ts'

export const GUIDANCE_POLICY_NAMES = ['dorset', 'tameside', 'devon'] as const
export type GuidancePolicyName = (typeof GUIDANCE_POLICY_NAMES)[number]

export type GuidanceOutcome = 'met' | 'not-met' | 'not-yet-due' | 'not-applicable'

export interface GuidanceCheck {
  /** Stable id, e.g. `dor-next-meeting-booked`. */
  readonly rule: string
  /** The rule in words. */
  readonly title: string
  /** Where it comes from. */
  readonly source: string
  readonly outcome: GuidanceOutcome
  /** False only when the rule is not met. */
  readonly met: boolean
  readonly detail: string
}

/** Facts the checks use when the caller has them. */
export interface GuidanceContext {
  /** Earlier versions of the plan (to find when a plan was first sent or ratified). */
  readonly planHistory?: readonly PermanencePlan[]
  /** People with parental responsibility, from the care record. */
  readonly parentalResponsibilityHolders?: readonly { readonly personId: string; readonly name: string }[]
  /** The current plans of the child's looked-after brothers and sisters. */
  readonly siblingPlans?: readonly SiblingPlanSummary[]
}

function check(rule: string, title: string, source: string, outcome: GuidanceOutcome, detail: string): GuidanceCheck {
  return { rule, title, source, outcome, met: outcome !== 'not-met', detail }
}

function judged(rule: string, title: string, source: string, isMet: boolean, yes: string, no: string): GuidanceCheck {
  return check(rule, title, source, isMet ? 'met' : 'not-met', isMet ? yes : no)
}

function isBlank(value: string): boolean {
  return value.trim() === ''
}

function date(day: CalendarDay): string {
  return formatCalendarDay(day)
}

/** Meetings about the child that have happened (booked dates that have passed and were not cancelled). */
function heldMeetings(meetings: readonly Meeting[], childId: string, kind: MeetingKind, today: CalendarDay): Meeting[] {
  return meetings
    .filter(
      meeting =>
        meeting.kind === kind &&
        meeting.status !== 'cancelled' &&
        meeting.record.childIds.includes(childId) &&
        compareCalendarDays(meeting.record.heldOn, today) <= 0,
    )
    .sort((a, b) => compareCalendarDays(a.record.heldOn, b.record.heldOn))
}

interface Facts {
  readonly plan: PermanencePlan
  readonly versions: readonly PermanencePlan[]
  readonly ppms: readonly Meeting[]
  readonly reviews: readonly Meeting[]
  readonly latestPpm: Meeting | undefined
  readonly previousPpm: Meeting | undefined
  readonly secondReview: Meeting | undefined
  readonly today: CalendarDay
  readonly context: GuidanceContext
  readonly meetings: readonly Meeting[]
}

function earliestSentOn(versions: readonly PermanencePlan[]): CalendarDay | null {
  return (
    versions
      .map(version => version.submission?.sentOn ?? null)
      .filter((day): day is CalendarDay => day !== null)
      .sort()[0] ?? null
  )
}

function earliestRatifiedOn(versions: readonly PermanencePlan[]): CalendarDay | null {
  return (
    versions
      .map(version => version.ratification?.on ?? null)
      .filter((day): day is CalendarDay => day !== null)
      .sort()[0] ?? null
  )
}

// ---- checks shared by more than one authority ----

function onePrimary(facts: Facts, rule: string, source: string): GuidanceCheck {
  const count = facts.plan.content.options.filter(option => option.isPrimary).length
  return judged(
    rule,
    'Only one permanence option chosen',
    source,
    count === 1,
    'One option is the primary plan.',
    count === 0 ? 'No option is chosen as the primary plan.' : `${count} options are marked as the primary plan.`,
  )
}

function viableContingency(facts: Facts, rule: string, source: string): GuidanceCheck {
  const fallbacks = contingencies(facts.plan.content)
  return judged(
    rule,
    'Contingency plan recorded, with how we know it is viable',
    source,
    hasViableContingency(facts.plan.content),
    'A viable contingency plan is recorded.',
    fallbacks.length === 0
      ? 'No contingency plan is recorded.'
      : 'The contingency plan does not say how we know it is viable, or an assessment found it is not.',
  )
}

function actionsHaveTimescales(facts: Facts, rule: string, source: string): GuidanceCheck {
  const title = 'Actions have an owner and a timescale'
  if (facts.latestPpm === undefined) {
    return check(rule, title, source, 'not-yet-due', 'No permanence planning meeting has been held yet.')
  }
  const missing = facts.latestPpm.record.actions.filter(action => isBlank(action.owner) || action.dueOn === null)
  return judged(
    rule,
    title,
    source,
    missing.length === 0,
    `Every action from the meeting on ${date(facts.latestPpm.record.heldOn)} has an owner and a due date.`,
    `${missing.length} action(s) from the meeting on ${date(facts.latestPpm.record.heldOn)} have no owner or due date.`,
  )
}

function nextMeetingBooked(facts: Facts, rule: string, source: string): GuidanceCheck {
  const title = 'Next meeting booked'
  const latest = facts.latestPpm
  if (latest === undefined) {
    return check(rule, title, source, 'not-yet-due', 'No permanence planning meeting has been held yet.')
  }
  if (latest.record.nextMeetingOn !== null) {
    return check(rule, title, source, 'met', `The next meeting is booked for ${date(latest.record.nextMeetingOn)}.`)
  }
  if (facts.plan.permanenceAchieved !== null && !isBlank(latest.record.noNextMeetingReason)) {
    return check(rule, title, source, 'met', 'Permanence is achieved and no further meeting is needed.')
  }
  return check(rule, title, source, 'not-met', `The meeting on ${date(latest.record.heldOn)} booked no next meeting.`)
}

function childViews(facts: Facts, rule: string, source: string): GuidanceCheck {
  return judged(
    rule,
    'The child’s views are recorded',
    source,
    areChildViewsRecorded(facts.plan.content),
    'The child’s views, or why they could not be given, are recorded.',
    'The child’s views are not recorded.',
  )
}

function anticipatedTimescale(facts: Facts, rule: string, source: string): GuidanceCheck {
  const timescale = facts.plan.content.anticipatedTimescale
  return judged(
    rule,
    'Anticipated timescale for permanence',
    source,
    timescale.permanenceByOn !== null || !isBlank(timescale.explanation),
    timescale.permanenceByOn !== null
      ? `Permanence is expected by ${date(timescale.permanenceByOn)}.`
      : 'The anticipated timescale is described.',
    'No anticipated timescale for permanence is recorded.',
  )
}

function decisionShared(facts: Facts, rule: string, source: string): GuidanceCheck {
  const sharing = facts.plan.content.decisionSharing
  return judged(
    rule,
    'How and by whom the decision will be shared with the child',
    source,
    !isBlank(sharing.how) && !isBlank(sharing.byWhom),
    `${sharing.byWhom} will share the decision with the child.`,
    'The plan does not say how, and by whom, the decision will be shared with the child.',
  )
}

function planByTheSecondReview(facts: Facts, rule: string, source: string, title: string): GuidanceCheck {
  const second = facts.secondReview
  const ratifiedOn = earliestRatifiedOn(facts.versions)
  if (second === undefined) {
    return ratifiedOn !== null
      ? check(rule, title, source, 'met', `The plan was ratified on ${date(ratifiedOn)}.`)
      : check(rule, title, source, 'not-yet-due', 'The second child in care review has not been held yet.')
  }
  return judged(
    rule,
    title,
    source,
    ratifiedOn !== null && ratifiedOn <= second.record.heldOn,
    `The plan was ratified by the second review on ${date(second.record.heldOn)}.`,
    `The plan was not ratified at or before the second review on ${date(second.record.heldOn)}.`,
  )
}

// ---- Dorset: Golden Rules and "The Meeting" ----

const DOR = '[DOR] Dorset Permanence Plan and PPM Guidance'

function dorsetChecks(facts: Facts): GuidanceCheck[] {
  const { plan, today } = facts
  const checks: GuidanceCheck[] = []

  // "Every child in our care must have a permanence plan (PP) and a permanence planning meeting (PPM) held before the
  // second CIC review."
  {
    const rule = 'dor-pp-and-ppm-before-second-review'
    const title = 'PP and PPM before the second CIC review'
    const source = `${DOR}, Golden Rules`
    const sentOn = earliestSentOn(facts.versions)
    const second = facts.secondReview
    if (second === undefined) {
      const done = sentOn !== null && facts.ppms.length > 0
      checks.push(
        check(
          rule,
          title,
          source,
          done ? 'met' : 'not-yet-due',
          done
            ? 'A plan and a PPM are in place; the second review has not been held yet.'
            : 'The second review has not been held yet; a plan and a PPM are needed before it.',
        ),
      )
    } else {
      const ppmBefore = facts.ppms.some(ppm => ppm.record.heldOn < second.record.heldOn)
      const planBefore = sentOn !== null && sentOn < second.record.heldOn
      checks.push(
        judged(
          rule,
          title,
          source,
          ppmBefore && planBefore,
          `A plan and a PPM were in place before the second review on ${date(second.record.heldOn)}.`,
          `Before the second review on ${date(second.record.heldOn)}: ${planBefore ? 'a plan was written' : 'no plan was sent to the team manager'}, ${ppmBefore ? 'a PPM was held' : 'no PPM was held'}.`,
        ),
      )
    }
  }

  // "Social worker completes the PP and Team manager chairs the PPM."
  {
    const rule = 'dor-tm-chairs-ppm'
    const title = 'Team manager chairs the PPM'
    const source = `${DOR}, Golden Rules`
    const notTm = facts.ppms.filter(ppm => ppm.record.chair.role !== 'team-manager')
    checks.push(
      facts.ppms.length === 0
        ? check(rule, title, source, 'not-yet-due', 'No PPM has been held yet.')
        : judged(
            rule,
            title,
            source,
            notTm.length === 0,
            'Every PPM was chaired by a team manager.',
            `${notTm.length} PPM(s) were not chaired by a team manager.`,
          ),
    )
  }

  // "Social Worker sends PP to their Team manager (TM) … 3 days in advance of the permanence planning meeting."
  {
    const rule = 'dor-pp-sent-before-ppm'
    const title = 'PP sent to the TM 3 days before the PPM'
    const source = `${DOR}, Golden Rules; rules.md PP-03`
    const submission = [...facts.versions]
      .sort((a, b) => b.version - a.version)
      .find(version => version.submission !== null)?.submission
    if (submission === undefined || submission === null) {
      checks.push(check(rule, title, source, 'not-yet-due', 'The plan has not been sent to the team manager yet.'))
    } else if (submission.isLate === null) {
      checks.push(check(rule, title, source, 'not-applicable', 'No deadline for sending the plan is set.'))
    } else {
      checks.push(
        judged(
          rule,
          title,
          source,
          !submission.isLate,
          `Sent on ${date(submission.sentOn)} for the PPM on ${date(submission.ppmOn)}: on time.`,
          `Sent on ${date(submission.sentOn)} for the PPM on ${date(submission.ppmOn)}: ${submission.daysLate ?? 0} day(s) late.`,
        ),
      )
    }
  }

  // "Review PP every 3 month via PPM until permanence is achieved this is best practice."
  {
    const rule = 'dor-ppm-every-3-months'
    const title = 'PPM every 3 months until permanence'
    const source = `${DOR}, Golden Rules; rules.md PP-04`
    const months = DORSET_PLAN_POLICY.ppmEveryMonths ?? 3
    if (plan.permanenceAchieved !== null) {
      checks.push(check(rule, title, source, 'not-applicable', 'Permanence is achieved.'))
    } else if (facts.latestPpm === undefined) {
      checks.push(check(rule, title, source, 'not-yet-due', 'No PPM has been held yet.'))
    } else {
      const dueOn = addCalendarMonths(facts.latestPpm.record.heldOn, months)
      checks.push(
        judged(
          rule,
          title,
          source,
          today <= dueOn,
          `The last PPM was on ${date(facts.latestPpm.record.heldOn)}; the next is due by ${date(dueOn)}.`,
          `The last PPM was on ${date(facts.latestPpm.record.heldOn)}; another was due by ${date(dueOn)}.`,
        ),
      )
    }
  }

  // "Invite the QARO and those with Parental Responsibility … record the decision … if those with Parental
  // responsibility are not invited … when and how they will be informed."
  {
    const rule = 'dor-qaro-and-pr-invited'
    const title = 'QARO and PR holders invited or reason recorded'
    const source = `${DOR}, Golden Rules`
    const latest = facts.latestPpm
    if (latest === undefined) {
      checks.push(check(rule, title, source, 'not-yet-due', 'No PPM has been held yet.'))
    } else {
      const invitees = latest.record.invitees
      const gaps: string[] = []
      if (!invitees.some(invitee => invitee.role === 'iro' && invitee.attendance !== 'not-invited')) {
        gaps.push('the QARO was not invited')
      }
      for (const invitee of invitees) {
        if (
          invitee.holdsParentalResponsibility &&
          invitee.attendance === 'not-invited' &&
          (isBlank(invitee.notInvitedReason) || isBlank(invitee.tellHow) || invitee.tellByOn === null)
        ) {
          gaps.push(
            `${invitee.name} (parental responsibility) was not invited and the reason or plan to tell them is missing`,
          )
        }
      }
      for (const holder of facts.context.parentalResponsibilityHolders ?? []) {
        if (!invitees.some(invitee => invitee.personId === holder.personId)) {
          gaps.push(`${holder.name} (parental responsibility) is not on the list of people invited or not invited`)
        }
      }
      checks.push(
        judged(
          rule,
          title,
          source,
          gaps.length === 0,
          `For the PPM on ${date(latest.record.heldOn)} the QARO and everyone with parental responsibility were invited, or the reason was recorded.`,
          `For the PPM on ${date(latest.record.heldOn)}: ${gaps.join('; ')}.`,
        ),
      )
    }
  }

  // "Incorporate the views of all involved"; "the plan must set out their views and wishes"; "Capture parents'
  // views"; "Must include the views of the QARO."
  {
    const rule = 'dor-views-recorded'
    const title = 'Views of the child, parents and QARO recorded'
    const source = `${DOR}, Golden Rules; Views and Contributions`
    const others = plan.content.views.others
    const missing: string[] = []
    if (!areChildViewsRecorded(plan.content)) {
      missing.push('the child')
    }
    if (!others.some(view => view.role === 'parent' && !isBlank(view.views))) {
      missing.push('parents')
    }
    if (!others.some(view => view.role === 'iro' && !isBlank(view.views))) {
      missing.push('the QARO')
    }
    checks.push(
      judged(
        rule,
        title,
        source,
        missing.length === 0,
        'The views of the child, the parents and the QARO are recorded.',
        `Views not recorded: ${missing.join(', ')}.`,
      ),
    )
  }

  // "Consider all permanence options; narrow them in further reviews until permanence is achieved."
  {
    const rule = 'dor-all-options-considered'
    const title = 'All four permanence options considered'
    const source = `${DOR}, Golden Rules; The Meeting`
    const types = new Set(plan.content.options.map(option => option.type))
    const missing = OPTION_VOCABULARIES.dorset.filter(entry => !entry.covers.some(type => types.has(type)))
    checks.push(
      judged(
        rule,
        title,
        source,
        missing.length === 0,
        'Reunification, Staying Put/Long-Term Fostering, Special Guardianship and Adoption/Early Permanence are all in the balance sheet (considered, chosen or ruled out).',
        `Not yet considered: ${missing.map(entry => entry.label).join(', ')}.`,
      ),
    )
  }

  checks.push(onePrimary(facts, 'dor-one-permanence-option', `${DOR}, Golden Rules`))
  checks.push(viableContingency(facts, 'dor-contingency-recorded', `${DOR}, Conclusion and Recommendations`))
  checks.push(actionsHaveTimescales(facts, 'dor-actions-have-timescales', `${DOR}, The Meeting`))
  checks.push(nextMeetingBooked(facts, 'dor-next-meeting-booked', `${DOR}, The Meeting; rules.md PP-07`))

  // "If permanence is achieved via long-term fostering, a review of the plan and meeting should be held every 12
  // months."
  {
    const rule = 'dor-ltf-review-12-months'
    const title = 'Long-term fostering reviewed every 12 months'
    const source = `${DOR}, The Meeting; rules.md PP-05`
    const achieved = plan.permanenceAchieved
    if (achieved === null || achieved.route !== 'long-term-fostering') {
      checks.push(
        check(rule, title, source, 'not-applicable', 'Permanence has not been achieved through long-term fostering.'),
      )
    } else {
      const lastPpmOn = facts.latestPpm?.record.heldOn
      const anchor = lastPpmOn !== undefined && lastPpmOn > achieved.on ? lastPpmOn : achieved.on
      const dueOn = addCalendarMonths(anchor, DORSET_PLAN_POLICY.reviewAfterLongTermFosteringMonths ?? 12)
      checks.push(
        judged(
          rule,
          title,
          source,
          today <= dueOn,
          `The next review of the plan is due by ${date(dueOn)}.`,
          `A review of the plan was due by ${date(dueOn)}.`,
        ),
      )
    }
  }

  // "Any change of permanence option should be ratified in a Child in Care review."
  {
    const rule = 'dor-option-change-at-review'
    const title = 'Change of permanence option taken to a CIC review'
    const source = `${DOR}, The Meeting; CPPCR 2010 reg 32(2); rules.md PP-08`
    const change = optionChangeOf(plan)
    if (change === null) {
      checks.push(
        check(
          rule,
          title,
          source,
          'not-applicable',
          'The permanence option has not changed since the plan was last ratified.',
        ),
      )
    } else {
      const evidence = plan.optionChange
      const ok =
        evidence !== null &&
        evidence.toType === change.toType &&
        (evidence.consideredAtReview !== null || evidence.notReasonablyPracticable !== null)
      checks.push(
        judged(
          rule,
          title,
          source,
          ok,
          evidence?.consideredAtReview
            ? `The change was considered at the review on ${date(evidence.consideredAtReview.on)}.`
            : 'Considering the change at a review first was not reasonably practicable; the reason is recorded.',
          'The change of permanence option has not been considered at a child in care review.',
        ),
      )
    }
  }

  // "The meeting must capture all key dates for hearings, applications and assessments."
  {
    const rule = 'dor-key-dates-captured'
    const title = 'Key dates for assessments captured'
    const source = `${DOR}, The Meeting`
    const undated = plan.content.assessments.filter(
      assessment => assessment.dueOn === null && assessment.completedOn === null,
    )
    checks.push(
      plan.content.assessments.length === 0
        ? check(rule, title, source, 'not-applicable', 'No assessments are recorded.')
        : judged(
            rule,
            title,
            source,
            undated.length === 0,
            'Every assessment has a due or completed date.',
            `${undated.length} assessment(s) have no due date.`,
          ),
    )
  }
  return checks
}

// ---- Tameside: Appendix 5 template and Appendix 4 practice standard ----

const TAM5 = '[TAM] Tameside Permanency Procedure, Appendix 5 template'
const TAM4 = '[TAM] Tameside Permanency Procedure, Appendix 4 practice standard'

function tamesideChecks(facts: Facts): GuidanceCheck[] {
  const { plan } = facts
  const content = plan.content
  const checks: GuidanceCheck[] = []
  const latest = facts.latestPpm

  {
    const rule = 'tam-meeting-date-and-attendees'
    const title = 'Date of meeting and attendees'
    if (latest === undefined) {
      checks.push(check(rule, title, TAM5, 'not-yet-due', 'No permanency planning meeting has been held yet.'))
    } else {
      const attended = latest.record.invitees.filter(invitee => invitee.attendance === 'attended').length
      checks.push(
        judged(
          rule,
          title,
          TAM5,
          attended > 0,
          `Meeting on ${date(latest.record.heldOn)}; ${attended} attendee(s) recorded.`,
          `Meeting on ${date(latest.record.heldOn)}; no attendees are recorded.`,
        ),
      )
    }
  }

  {
    const rule = 'tam-review-of-last-actions'
    const title = 'Review of actions set at the last meeting'
    if (latest === undefined || facts.previousPpm === undefined) {
      checks.push(
        check(rule, title, TAM5, 'not-applicable', 'There is no earlier meeting whose actions need reviewing.'),
      )
    } else {
      const reviewed = new Set(latest.record.actionReviews.map(review => review.actionId))
      const missed = facts.previousPpm.record.actions.filter(
        action => action.status === 'open' && !reviewed.has(action.id),
      )
      checks.push(
        judged(
          rule,
          title,
          TAM5,
          missed.length === 0,
          `Every action from the meeting on ${date(facts.previousPpm.record.heldOn)} was reviewed.`,
          `${missed.length} action(s) from the meeting on ${date(facts.previousPpm.record.heldOn)} were not reviewed.`,
        ),
      )
    }
  }

  checks.push(
    judged(
      'tam-why-meeting-held',
      'Why the meeting is held: background and intended outcomes',
      TAM5,
      !isBlank(content.background) && !isBlank(content.intendedOutcomes),
      'The background and the intended outcomes for the child are recorded.',
      'The background or the intended outcomes for the child are missing.',
    ),
  )

  {
    const people = content.importantPeople
    const unconsidered = people.filter(
      person =>
        person.asCarer.outcome === 'not-yet-considered' ||
        person.asSupport.outcome === 'not-yet-considered' ||
        isBlank(person.arrangementsToPromoteRelationship),
    )
    checks.push(
      judged(
        'tam-important-people',
        'People important to the child, and how each was considered',
        TAM5,
        people.length > 0 && unconsidered.length === 0,
        `${people.length} important people, each considered to care for and to support the child, with arrangements for the relationship.`,
        people.length === 0
          ? 'No people important to the child are recorded.'
          : `${unconsidered.length} important people have not been considered as carer and support, or have no arrangements for the relationship.`,
      ),
    )
  }

  checks.push(
    judged(
      'tam-strengths',
      'Current strengths',
      TAM5,
      !isBlank(content.strengths),
      'Strengths are recorded.',
      'Strengths are not recorded.',
    ),
  )
  checks.push(
    judged(
      'tam-barriers',
      'Barriers to achieving permanency',
      TAM5,
      !isBlank(content.barriers),
      'Barriers are recorded.',
      'Barriers are not recorded.',
    ),
  )
  checks.push(childViews(facts, 'tam-child-views', TAM5))

  {
    const incomplete = content.options.filter(
      option => isBlank(option.strengths) || isBlank(option.risks) || isBlank(option.meaningForChild),
    )
    checks.push(
      judged(
        'tam-options-strengths-risks',
        'Each option: strengths, risks and what it would mean for the child',
        TAM5,
        content.options.length > 0 && incomplete.length === 0,
        `All ${content.options.length} options set out strengths, risks and what they would mean for the child.`,
        content.options.length === 0
          ? 'No options are recorded.'
          : `${incomplete.length} option(s) lack strengths, risks or what they would mean for the child.`,
      ),
    )
  }

  checks.push(
    content.siblingPlans.length === 0
      ? check(
          'tam-sibling-assessment',
          'What the sibling assessment tells us',
          TAM5,
          'not-applicable',
          'No brothers or sisters in the plan.',
        )
      : judged(
          'tam-sibling-assessment',
          'What the sibling assessment tells us',
          TAM5,
          !isBlank(content.siblingAssessmentSummary),
          'The sibling assessment is summarised.',
          'The plan has brothers or sisters but no sibling assessment summary.',
        ),
  )

  {
    const siblings = facts.context.siblingPlans
    if (siblings === undefined || siblings.length === 0) {
      checks.push(
        check(
          'tam-sibling-plans-explained',
          'Differences between siblings’ plans explained',
          TAM5,
          'not-applicable',
          'No sibling plans to compare.',
        ),
      )
    } else {
      const own = primaryOptionType(content)
      const unexplained = siblings.filter(sibling => {
        const reference = content.siblingPlans.find(candidate => candidate.childId === sibling.childId)
        return reference === undefined || (sibling.primaryOptionType !== own && isBlank(reference.reasonPlansDiffer))
      })
      checks.push(
        judged(
          'tam-sibling-plans-explained',
          'Differences between siblings’ plans explained',
          TAM5,
          unexplained.length === 0,
          'Each sibling’s plan is referenced and any difference is explained.',
          `${unexplained.length} sibling plan(s) are not referenced or differ without a reason.`,
        ),
      )
    }
  }

  checks.push(viableContingency(facts, 'tam-contingency-viable', `${TAM5}; §10.3`))
  checks.push(anticipatedTimescale(facts, 'tam-anticipated-timescale', TAM5))
  checks.push(actionsHaveTimescales(facts, 'tam-actions-with-timescales', TAM5))
  checks.push(decisionShared(facts, 'tam-decision-shared-with-child', TAM5))
  checks.push(nextMeetingBooked(facts, 'tam-date-of-next-meeting', TAM5))
  checks.push(
    planByTheSecondReview(
      facts,
      'tam-plan-ratified-at-second-review',
      `[TAM] §9.1; ${TAM4}`,
      'Plan ratified at the second review',
    ),
  )

  // "Between each statutory Looked After Child review … until permanency has been achieved."
  {
    const rule = 'tam-ppm-between-reviews'
    const title = 'A PPM between each pair of statutory reviews'
    const reviews = facts.reviews
    if (reviews.length < 2) {
      checks.push(check(rule, title, TAM4, 'not-yet-due', 'Fewer than two reviews have been held.'))
    } else {
      const gaps: string[] = []
      for (let index = 1; index < reviews.length; index += 1) {
        const from = reviews[index - 1]!.record.heldOn
        const to = reviews[index]!.record.heldOn
        if (plan.permanenceAchieved !== null && plan.permanenceAchieved.on <= from) {
          continue
        }
        if (!facts.ppms.some(ppm => ppm.record.heldOn > from && ppm.record.heldOn < to)) {
          gaps.push(`${date(from)} to ${date(to)}`)
        }
      }
      checks.push(
        judged(
          rule,
          title,
          TAM4,
          gaps.length === 0,
          'A PPM was held between each pair of reviews.',
          `No PPM between the reviews: ${gaps.join('; ')}.`,
        ),
      )
    }
  }
  return checks
}

// ---- Devon: One Minute Guide ----

const DEV = '[DEV] Devon One Minute Guide to Permanence'

function devonChecks(facts: Facts): GuidanceCheck[] {
  const checks: GuidanceCheck[] = []
  checks.push(
    planByTheSecondReview(
      facts,
      'dev-plan-at-second-review',
      `${DEV}, Review`,
      'Plan established at the second CiC review',
    ),
  )
  {
    const held = ['family-group-conference', 'family-network-meeting'].some(kind =>
      facts.meetings.some(
        meeting =>
          meeting.kind === kind &&
          meeting.status !== 'cancelled' &&
          meeting.record.childIds.includes(facts.plan.childId) &&
          meeting.record.heldOn <= facts.today,
      ),
    )
    checks.push(
      judged(
        'dev-family-group-conference',
        'Family network explored through a family group conference',
        `${DEV}, Family`,
        held,
        'A family group conference or family network meeting has been held.',
        'No family group conference or family network meeting has been held.',
      ),
    )
  }
  checks.push(onePrimary(facts, 'dev-one-primary-plan', `${DEV}, Twin track or parallel planning`))
  checks.push(viableContingency(facts, 'dev-contingency', `${DEV}, Twin track or parallel planning`))
  checks.push(childViews(facts, 'dev-child-voice', `${DEV}, Voice`))
  return checks
}

/**
 * Checks a plan and its meetings against an authority's guidance.
 * @param plan - the version of the child's plan in force (or being prepared)
 * @param meetings - the meetings about the child (PPMs, reviews, family meetings; others are ignored)
 * @param policyName - whose guidance: `dorset` (Golden Rules), `tameside` (Appendix 5 and 4) or `devon`
 * @param today - today's date
 * @param context - earlier plan versions, parental responsibility holders and sibling plans, when known
 * @returns one check per rule, in the guidance's order
 */
export function checkPlanAgainstGuidance(
  plan: PermanencePlan,
  meetings: readonly Meeting[],
  policyName: GuidancePolicyName,
  today: CalendarDay,
  context: GuidanceContext = {},
): GuidanceCheck[] {
  const ppms = heldMeetings(meetings, plan.childId, 'permanence-planning-meeting', today)
  const reviews = heldMeetings(meetings, plan.childId, 'statutory-review', today)
  const versions = [...(context.planHistory ?? []).filter(version => version.version !== plan.version), plan]
  const facts: Facts = {
    plan,
    versions,
    ppms,
    reviews,
    latestPpm: ppms.at(-1),
    previousPpm: ppms.at(-2),
    secondReview: reviews[1],
    today,
    context,
    meetings,
  }
  switch (policyName) {
    case 'dorset':
      return dorsetChecks(facts)
    case 'tameside':
      return tamesideChecks(facts)
    case 'devon':
      return devonChecks(facts)
  }
}
