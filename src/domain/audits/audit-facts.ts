/**
 * The facts the system already holds about a child, set out at the top of each domain of the audit form so that the
 * auditor judges rather than searches: was there a plan by the second review, is the contingency recorded and
 * viable, were options ruled out with reasons, were planning meetings on time, are the child's views recorded, and so
 * on. Each fact says where it came from. A fact the system does not hold (the Together-or-Apart assessment, life
 * story work, until the child's-network work records them) is shown honestly as "not recorded in this system";
 * such facts come from pluggable sources (src/app/audits/audit-fact-sources.ts) so that they can be filled in later
 * without changing the form.
 */
import { compareCalendarDays, addCalendarMonths, type CalendarDay } from '../shared/calendar-day.ts'
import type { AuditDomain } from './audit-domains.ts'

/** The answer to a fact's question, framed so that "yes" is what good practice looks like. */
export type FactAnswer = 'yes' | 'no' | 'partly' | 'not-applicable' | 'not-recorded'

export const FACT_ANSWER_LABELS: Readonly<Record<FactAnswer, string>> = {
  yes: 'Yes',
  no: 'No',
  partly: 'Partly',
  'not-applicable': 'Does not apply',
  'not-recorded': 'Not recorded in this system',
}

export interface AuditFact {
  /** A stable id, which a pluggable source may use to supply the fact instead. */
  readonly id: string
  readonly domain: AuditDomain
  readonly question: string
  readonly answer: FactAnswer
  readonly detail: string
  /** Where the fact comes from ("Care record: statutory reviews", "Permanence plan", …). */
  readonly source: string
}

/** What the facts are worked out from (plain data, loaded by the use case). */
export interface AuditFactInput {
  readonly today: CalendarDay
  /** The child's periods of care, any order. */
  readonly periodsOfCare: readonly { readonly startedOn: CalendarDay; readonly endedOn: CalendarDay | null }[]
  readonly reviews: readonly { readonly heldOn: CalendarDay; readonly participation: string | null }[]
  readonly placements: readonly { readonly startedOn: CalendarDay; readonly endedOn: CalendarDay | null }[]
  readonly siblingCount: number
  /** Brothers and sisters in care who are not placed with the child (null when the system cannot tell). */
  readonly siblingsLivingApart: number | null
  readonly plan: {
    readonly firstEndorsedOn: CalendarDay | null
    readonly firstRatifiedOn: CalendarDay | null
    readonly primaryOptionLabel: string | null
    readonly contingencies: number
    readonly hasViableContingency: boolean
    readonly optionsConsidered: number
    readonly optionsRuledOut: number
    readonly optionsRuledOutWithReason: number
    readonly assessments: number
    readonly assessmentsCompleted: number
    readonly areChildViewsRecorded: boolean
    readonly familyMembersConsideredAsCarers: number
    readonly siblingAssessmentSummary: string
    readonly anticipatedPermanenceByOn: CalendarDay | null
    readonly permanenceAchievedOn: CalendarDay | null
  } | null
  /** Permanence planning meetings held (closed), earliest first, with the next date set at each. */
  readonly planningMeetings: readonly { readonly heldOn: CalendarDay; readonly nextOn: CalendarDay | null }[]
  readonly openActions: number
  readonly overdueActions: number
}

const CARE = 'Care record'
const PLAN = 'Permanence plan'
const MEETINGS = 'Meetings and actions'

function fact(
  id: string,
  domain: AuditDomain,
  question: string,
  answer: FactAnswer,
  detail: string,
  source: string,
): AuditFact {
  return { id, domain, question, answer, detail, source }
}

function currentPeriodStart(input: AuditFactInput): CalendarDay | null {
  const sorted = [...input.periodsOfCare].sort((a, b) => compareCalendarDays(a.startedOn, b.startedOn))
  return sorted.at(-1)?.startedOn ?? null
}

function planBySecondReview(input: AuditFactInput): AuditFact {
  const question = 'Was there a permanence plan by the second review?'
  const start = currentPeriodStart(input)
  const reviews = input.reviews
    .filter(r => start === null || compareCalendarDays(r.heldOn, start) >= 0)
    .sort((a, b) => compareCalendarDays(a.heldOn, b.heldOn))
  const planOn = input.plan?.firstEndorsedOn ?? input.plan?.firstRatifiedOn ?? null
  const second = reviews[1]
  if (!second) {
    return fact(
      'plan-by-second-review',
      'plans',
      question,
      'not-applicable',
      `The second review has not been held yet (${reviews.length} held in this period of care). ${planOn ? `Plan endorsed on ${planOn}.` : 'No plan endorsed yet.'}`,
      `${CARE}: statutory reviews; ${PLAN}`,
    )
  }
  const inTime = planOn !== null && compareCalendarDays(planOn, second.heldOn) <= 0
  return fact(
    'plan-by-second-review',
    'plans',
    question,
    inTime ? 'yes' : 'no',
    `Second review held on ${second.heldOn}; ${planOn ? `plan first endorsed on ${planOn}` : 'no plan has been endorsed'}.`,
    `${CARE}: statutory reviews; ${PLAN}`,
  )
}

function planningMeetingsOnTime(input: AuditFactInput): AuditFact {
  const question = 'Were permanence planning meetings held on time?'
  const held = input.planningMeetings
  if (held.length === 0) {
    return fact(
      'planning-meetings-on-time',
      'decision-making',
      question,
      'no',
      'No permanence planning meeting has been held.',
      MEETINGS,
    )
  }
  let late = 0
  for (let i = 1; i < held.length; i += 1) {
    const due = held[i - 1]!.nextOn
    if (due === null || compareCalendarDays(held[i]!.heldOn, due) > 0) {
      late += 1
    }
  }
  const last = held.at(-1)!
  const isNextOverdue = last.nextOn === null || compareCalendarDays(last.nextOn, input.today) < 0
  const answer: FactAnswer =
    late === 0 && !isNextOverdue ? 'yes' : late + (isNextOverdue ? 1 : 0) >= held.length ? 'no' : 'partly'
  return fact(
    'planning-meetings-on-time',
    'decision-making',
    question,
    answer,
    `${held.length} held; ${late} later than the date set at the meeting before; ${last.nextOn ? `next set for ${last.nextOn}${isNextOverdue ? ' (passed without a meeting)' : ''}` : 'no next date set'}.`,
    MEETINGS,
  )
}

/**
 * Works out the facts the system holds for the audit form.
 * @param input - the child's record, plan and meetings, as plain data
 * @returns the facts, in the order of the domains
 */
export function auditFactsFor(input: AuditFactInput): AuditFact[] {
  const plan = input.plan
  const facts: AuditFact[] = []
  const noPlan = (id: string, domain: AuditDomain, question: string) =>
    fact(id, domain, question, 'no', 'The child has no permanence plan in this system.', PLAN)
  facts.push(
    plan
      ? fact(
          'assessments-completed',
          'assessment',
          'Are the assessments that inform the options completed?',
          plan.assessments === 0 ? 'no' : plan.assessmentsCompleted === plan.assessments ? 'yes' : 'partly',
          `${plan.assessments} assessment${plan.assessments === 1 ? '' : 's'} recorded in the plan, ${plan.assessmentsCompleted} completed.`,
          PLAN,
        )
      : noPlan('assessments-completed', 'assessment', 'Are the assessments that inform the options completed?'),
  )
  facts.push(planBySecondReview(input))
  facts.push(
    plan
      ? fact(
          'contingency-viable',
          'plans',
          'Is a contingency recorded, and is it viable?',
          plan.contingencies === 0 ? 'no' : plan.hasViableContingency ? 'yes' : 'partly',
          plan.contingencies === 0
            ? 'No contingency is recorded.'
            : `${plan.contingencies} contingenc${plan.contingencies === 1 ? 'y' : 'ies'} recorded; ${plan.hasViableContingency ? 'at least one with evidence it is viable' : 'none with evidence it is viable'}.`,
          PLAN,
        )
      : noPlan('contingency-viable', 'plans', 'Is a contingency recorded, and is it viable?'),
  )
  facts.push(planningMeetingsOnTime(input))
  facts.push(
    fact(
      'actions-on-time',
      'decision-making',
      'Are actions from meetings done on time?',
      input.overdueActions === 0 ? 'yes' : 'no',
      `${input.openActions} open action${input.openActions === 1 ? '' : 's'}, ${input.overdueActions} overdue.`,
      MEETINGS,
    ),
  )
  const start = currentPeriodStart(input)
  const reviewsInPeriod = input.reviews
    .filter(r => start === null || compareCalendarDays(r.heldOn, start) >= 0)
    .sort((a, b) => compareCalendarDays(a.heldOn, b.heldOn))
  const lastReview = reviewsInPeriod.at(-1)
  facts.push(
    fact(
      'child-participated-in-review',
      'reviews',
      'Did the child take part in their last review?',
      lastReview === undefined
        ? 'not-applicable'
        : lastReview.participation === null
          ? 'not-recorded'
          : lastReview.participation === 'PN0'
            ? 'not-applicable'
            : lastReview.participation === 'PN7'
              ? 'no'
              : 'yes',
      lastReview === undefined
        ? 'No review held in this period of care.'
        : `${reviewsInPeriod.length} review${reviewsInPeriod.length === 1 ? '' : 's'} in this period of care; the last on ${lastReview.heldOn}, participation ${lastReview.participation ?? 'not recorded'}.`,
      `${CARE}: statutory reviews`,
    ),
  )
  facts.push(
    plan
      ? fact(
          'child-views-recorded',
          'family-solutions-and-participation',
          "Are the child's views recorded?",
          plan.areChildViewsRecorded ? 'yes' : 'no',
          plan.areChildViewsRecorded
            ? 'The plan records the child’s views, or why they could not be gathered.'
            : 'The plan does not record the child’s views.',
          PLAN,
        )
      : noPlan('child-views-recorded', 'family-solutions-and-participation', "Are the child's views recorded?"),
  )
  facts.push(
    plan
      ? fact(
          'family-network-considered',
          'family-solutions-and-participation',
          'Was the family network considered to care for the child?',
          plan.familyMembersConsideredAsCarers > 0 ? 'yes' : 'no',
          `${plan.familyMembersConsideredAsCarers} important ${plan.familyMembersConsideredAsCarers === 1 ? 'person' : 'people'} considered as a carer.`,
          PLAN,
        )
      : noPlan(
          'family-network-considered',
          'family-solutions-and-participation',
          'Was the family network considered to care for the child?',
        ),
  )
  facts.push(
    plan
      ? fact(
          'options-ruled-out-with-reasons',
          'options-considered',
          'Were options ruled out with reasons?',
          plan.optionsRuledOut === 0
            ? plan.optionsConsidered > 1
              ? 'not-applicable'
              : 'no'
            : plan.optionsRuledOutWithReason === plan.optionsRuledOut
              ? 'yes'
              : 'partly',
          `${plan.optionsConsidered} option${plan.optionsConsidered === 1 ? '' : 's'} considered; ${plan.optionsRuledOut} ruled out, ${plan.optionsRuledOutWithReason} with a reason.`,
          PLAN,
        )
      : noPlan('options-ruled-out-with-reasons', 'options-considered', 'Were options ruled out with reasons?'),
  )
  facts.push(
    fact(
      'sibling-assessment-in-plan',
      'siblings',
      'Where brothers or sisters live apart, does the plan say why (together or apart)?',
      input.siblingCount === 0
        ? 'not-applicable'
        : plan && plan.siblingAssessmentSummary.trim() !== ''
          ? 'yes'
          : input.siblingsLivingApart === 0
            ? 'not-applicable'
            : 'no',
      input.siblingCount === 0
        ? 'No brothers or sisters are recorded.'
        : `${input.siblingCount} brother${input.siblingCount === 1 ? ' or sister' : 's or sisters'} recorded${input.siblingsLivingApart === null ? '' : `, ${input.siblingsLivingApart} living apart from the child`}; ${plan && plan.siblingAssessmentSummary.trim() !== '' ? 'the plan summarises the together-or-apart assessment' : 'the plan has no together-or-apart summary'}.`,
      `${CARE}: siblings; ${PLAN}`,
    ),
  )
  const yearAgo = addCalendarMonths(input.today, -12)
  const movesInYear = input.placements.filter(
    p => compareCalendarDays(p.startedOn, yearAgo) > 0 && compareCalendarDays(p.startedOn, input.today) <= 0,
  ).length
  const moves = Math.max(0, movesInYear - (start !== null && compareCalendarDays(start, yearAgo) > 0 ? 1 : 0))
  facts.push(
    fact(
      'placement-stability',
      'stability',
      'Has the child had no more than one placement move in the last 12 months?',
      moves <= 1 ? 'yes' : 'no',
      `${moves} placement move${moves === 1 ? '' : 's'} in the last 12 months.`,
      `${CARE}: placements`,
    ),
  )
  facts.push(
    plan
      ? fact(
          'permanence-on-track',
          'outcomes-for-the-child',
          'Is permanence achieved, or on track for the date the plan set?',
          plan.permanenceAchievedOn
            ? 'yes'
            : plan.anticipatedPermanenceByOn === null
              ? 'no'
              : compareCalendarDays(plan.anticipatedPermanenceByOn, input.today) >= 0
                ? 'yes'
                : 'no',
          plan.permanenceAchievedOn
            ? `Permanence achieved on ${plan.permanenceAchievedOn}.`
            : plan.anticipatedPermanenceByOn
              ? `Anticipated by ${plan.anticipatedPermanenceByOn}.`
              : 'The plan sets no date for permanence.',
          PLAN,
        )
      : noPlan(
          'permanence-on-track',
          'outcomes-for-the-child',
          'Is permanence achieved, or on track for the date the plan set?',
        ),
  )
  facts.push(
    plan
      ? fact(
          'permanence-option',
          'permanence',
          'Is a permanence option chosen and endorsed?',
          plan.primaryOptionLabel && plan.firstEndorsedOn ? 'yes' : plan.primaryOptionLabel ? 'partly' : 'no',
          plan.primaryOptionLabel
            ? `${plan.primaryOptionLabel}${plan.firstEndorsedOn ? `, first endorsed on ${plan.firstEndorsedOn}` : ', not yet endorsed'}.`
            : 'No primary option chosen.',
          PLAN,
        )
      : noPlan('permanence-option', 'permanence', 'Is a permanence option chosen and endorsed?'),
  )
  return facts
}

/**
 * A fact this system does not hold: shown honestly, so the auditor knows to look elsewhere.
 * @param id - the fact's id
 * @param domain - its domain
 * @param question - its question
 * @returns the fact, answered "not recorded in this system"
 */
export function notRecordedHere(id: string, domain: AuditDomain, question: string): AuditFact {
  return {
    id,
    domain,
    question,
    answer: 'not-recorded',
    detail: 'This system does not record this yet: check the case file.',
    source: 'Not recorded in this system',
  }
}

/**
 * Puts facts from pluggable sources in with the built-in ones: a source's fact replaces a built-in fact with the
 * same id, and other facts are added after the built-in facts of their domain.
 * @param builtIn - the built-in facts
 * @param extra - facts from other sources
 * @returns the facts, grouped in domain order
 */
export function mergeFacts(builtIn: readonly AuditFact[], extra: readonly AuditFact[]): AuditFact[] {
  const byId = new Map(extra.map(f => [f.id, f]))
  const merged = builtIn.map(f => byId.get(f.id) ?? f)
  const added = extra.filter(f => !builtIn.some(b => b.id === f.id))
  return [...merged, ...added]
}
