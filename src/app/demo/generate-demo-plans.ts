/**
 * Permanence planning for a demo authority's children, deterministically from a seed: plans at every stage (none
 * yet, draft, sent on time or late, considered at a PPM, endorsed, ratified at a review, option changed, permanence
 * achieved through special guardianship, adoption, a child arrangements order, return home or long-term fostering
 * with its 12-monthly review), PPMs with actions and the next date booked, sibling groups' shared PPMs, child in care
 * reviews recorded as meetings where a plan was ratified, agency decisions and panel requests — some on time and some
 * drifting (PPMs overdue, actions overdue, no viable contingency, no plan by the second review).
 *
 * Everything is made through the real domain commands (the same rules as the use cases), dated as the events
 * happened, so the demo holds nothing the service would refuse. The demo social worker's caseload is given a child at
 * each stage, and one child with no plan yet whose IRO is the demo IRO, for the browser journey.
 */
import type { CareRecord, StatutoryReview } from '../../domain/children/care-record.ts'
import { actionUpdatesFromReviews, trackAction, type ActionUpdate } from '../../domain/meetings/meeting-actions.ts'
import {
  closeMeeting,
  meetingReference,
  recordMeeting,
  scheduleMeeting,
  type Meeting,
} from '../../domain/meetings/meeting.ts'
import type { MeetingKind } from '../../domain/meetings/meeting-kinds.ts'
import type { MeetingRecordEdit } from '../../domain/meetings/meeting-schemas.ts'
import { recordAdmDecision, type AdmDecision } from '../../domain/panels/adm-decision.ts'
import {
  createPanelRequest,
  decidePanelRequest,
  submitPanelRequest,
  type PanelPolicy,
  type PanelRequest,
} from '../../domain/panels/panel-request.ts'
import type { Actor, DecisionEvent } from '../../domain/plans/decision-event.ts'
import type { OptionType } from '../../domain/plans/permanence-options.ts'
import {
  startPlan,
  startPlanVersion,
  type PermanencePlan,
  type SubmissionRule,
} from '../../domain/plans/permanence-plan.ts'
import {
  endorsePlan,
  ratifyPlan,
  recordOptionChangeConsideredAtReview,
  recordPermanenceAchieved,
  recordPlanConsideredAtPpm,
  sendPlanToManager,
} from '../../domain/plans/plan-lifecycle.ts'
import { primaryOptionType } from '../../domain/plans/plan-queries.ts'
import type { SiblingPlanSummary } from '../../domain/plans/plan-rules.ts'
import { PlanEditSchema, type PlanEdit } from '../../domain/plans/plan-schemas.ts'
import { addCalendarDays, addCalendarMonths, isoWeekday, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { Result } from '../../domain/shared/result.ts'
import type { Journey } from './generate-demo-authority.ts'
import type { Random } from './random.ts'

/** A stage a child's planning has reached (or failed to reach). */
export type PlanningStage =
  'none' | 'draft' | 'sent' | 'considered' | 'endorsed' | 'ratified' | 'option-changed' | 'achieved'

/** Ways planning drifts, on top of the stage. */
export interface Drift {
  readonly sentLate: boolean
  readonly ppmOverdue: boolean
  readonly actionsOverdue: boolean
  readonly noViableContingency: boolean
}

/** The people who act in the demo. */
export interface DemoPlanningStaff {
  readonly names: ReadonlyMap<string, string>
  readonly managerId: string
  readonly admId: string | null
  readonly panelMemberId: string | null
  readonly featuredWorkerId: string
  readonly demoIroId: string
}

/** What the demo writes. */
export interface DemoPlanning {
  readonly plans: PermanencePlan[]
  readonly meetings: { meeting: Meeting; statutoryReviewIds: Record<string, string> }[]
  readonly actionUpdates: (ActionUpdate & { childIds: string[]; sequence: number })[]
  readonly events: DecisionEvent[]
  readonly panelRequests: PanelRequest[]
  readonly admDecisions: AdmDecision[]
  /** Children a panel member is hearing (for the access policy's "assigned"). */
  readonly panelAssignments: { childId: string; userId: string }[]
  /** The stage each child was given, for tests and the README. */
  readonly stages: Map<string, PlanningStage>
}

interface ChildInput {
  readonly record: CareRecord
  readonly journey: Journey
}

function must<T>(result: Result<T, { code: string; path: readonly (string | number)[] }>, what: string): T {
  if (!result.ok) {
    throw new Error(
      `Demo planning: ${what} was refused: ${result.errors.map(e => `${e.code} ${e.path.join('.')}`).join(', ')}`,
    )
  }
  return result.value
}

function weekday(day: CalendarDay): CalendarDay {
  let current = day
  while (isoWeekday(current) > 5) {
    current = addCalendarDays(current, 1)
  }
  return current
}

function earlier(a: CalendarDay, b: CalendarDay): CalendarDay {
  return a < b ? a : b
}

/** The route to permanence each journey takes, and the plan's primary option. */
const PRIMARY: Readonly<Record<Journey, OptionType>> = {
  'section-20-returned-home': 'reunification',
  'section-20-ongoing': 'reunification',
  'newly-looked-after': 'reunification',
  'interim-care-order-in-proceedings': 'special-guardianship',
  'care-order-long-term-fostering': 'long-term-fostering',
  'adoption-placed': 'adoption',
  adopted: 'adoption',
  'special-guardianship': 'special-guardianship',
  'child-arrangements-order': 'child-arrangements-order',
  'teenager-childrens-home': 'residential-care',
  remand: 'reunification',
  drifting: 'long-term-fostering',
}

interface ContentOptions {
  readonly primary: OptionType
  readonly startedOn: CalendarDay
  readonly viableContingency: boolean
  readonly siblingIds: readonly string[]
}

/** Plan content a social worker might write for a child on this journey, naming the child's own family. */
function contentFor(record: CareRecord, options: ContentOptions): PlanEdit {
  const name = record.child.preferredName ?? record.child.givenNames
  const person = (relationship: string) => {
    const link = record.relationships.find(candidate => candidate.relationship === relationship)
    const found = link ? record.people.find(candidate => candidate.id === link.personId) : undefined
    return found
      ? { id: link!.personId, name: `${found.givenNames} ${found.familyName}`, pr: link!.holdsParentalResponsibility }
      : null
  }
  const mother = person('mother')
  const gran = person('grandparent')
  const aunt = person('aunt')
  const carer = person('foster-carer')
  const started = options.startedOn
  const people = [mother, gran, aunt].filter((p): p is NonNullable<typeof p> => p !== null)
  const primary = options.primary
  const isAdoption = primary === 'adoption'
  // Family first ([TAM] §2.3): reunification and the family network are weighed for every child.
  const types: OptionType[] = [
    ...new Set<OptionType>([primary, 'reunification', 'special-guardianship', 'long-term-fostering', 'adoption']),
  ]
  const contingencyType: OptionType = isAdoption
    ? 'long-term-fostering'
    : primary === 'long-term-fostering'
      ? 'residential-care'
      : 'long-term-fostering'
  if (!types.includes(contingencyType)) {
    types.push(contingencyType)
  }
  const parallelType: OptionType | null =
    primary === 'special-guardianship' ? 'reunification' : primary === 'reunification' ? 'special-guardianship' : null
  const optionsList = types.map((type, index) => {
    const isPrimary = type === primary
    const isContingency = type === contingencyType
    const isParallel = type === parallelType && !isAdoption
    const ruledOut = !isPrimary && !isContingency && !isParallel
    return {
      id: `opt-${index + 1}`,
      type,
      isPrimary,
      status: isPrimary
        ? 'being-explored'
        : isContingency
          ? 'contingency'
          : isParallel
            ? 'parallel-track'
            : 'ruled-out',
      description:
        type === 'special-guardianship' && gran
          ? `Special guardianship with ${gran.name}`
          : type === 'reunification' && mother
            ? `Return home to ${mother.name}`
            : '',
      proposedCarerIds: type === 'special-guardianship' && gran ? ['ip-gran'] : [],
      strengths: 'Keeps important relationships; the child’s wishes are known.',
      risks:
        type === 'reunification'
          ? 'Concerns about neglect may recur without support.'
          : 'Change of carer would unsettle the child.',
      meaningForChild: `${name} would ${type === 'reunification' ? 'go home with support' : 'have a settled home with people they know'}.`,
      ruledOutOn: ruledOut ? addCalendarDays(started, -1) : null,
      ruledOutReason: ruledOut ? 'Assessed and not able to meet the child’s needs now.' : '',
      viabilityEvidence:
        isContingency && options.viableContingency ? 'Current carers assessed and willing to care long term.' : '',
      reasonNotPrimary:
        isAdoption && isContingency ? 'Adoption gives lifelong legal security; fostering is the fallback.' : '',
      assessmentIds: isPrimary ? ['as-1'] : [],
    }
  })
  return PlanEditSchema.parse({
    background: `${name} became looked after because of concerns about neglect at home.`,
    intendedOutcomes: `${name} grows up safely in a settled home, keeping in touch with family.`,
    communicationNeeds: { summary: 'Chatty; likes drawing.', firstLanguage: record.child.firstLanguage ?? 'English' },
    legalContext: { summary: record.proceedings.length ? 'In care proceedings.' : 'Accommodated.' },
    placementNeeds: 'A stable home near school.',
    educationNeeds: 'Personal education plan up to date.',
    healthNeeds: 'Health assessment completed.',
    emotionalNeeds: 'Needs routine and reassurance at handovers.',
    keepingInTouch: { currentArrangements: 'Family time every week.', howItIsForTheChild: 'Enjoys it.' },
    importantPeople: people.map((p, index) => ({
      id: p === gran ? 'ip-gran' : `ip-${index + 1}`,
      personId: p.id,
      name: p.name,
      relationshipToChild: p === mother ? 'Mother' : p === gran ? 'Grandmother' : 'Aunt',
      holdsParentalResponsibility: p.pr,
      asCarer: {
        outcome: p === gran ? 'being-assessed' : 'ruled-out',
        notes: p === gran ? 'Assessment under way.' : 'Not able to care full time.',
      },
      asSupport: { outcome: 'positive', notes: '' },
      arrangementsToPromoteRelationship: 'Regular family time.',
    })),
    strengths: 'A strong bond with the grandmother; doing well at school.',
    barriers: 'Parents’ engagement with support is inconsistent.',
    views: {
      child: {
        views: 'I want to stay where I am and see my family.',
        method: 'words-and-pictures',
        capturedOn: started,
        capturedBy: 'Social worker',
      },
      others: [
        { id: 'v-parent', role: 'parent', name: mother?.name ?? 'Parent', views: 'Wants the child home.' },
        { id: 'v-iro', role: 'iro', name: 'Independent reviewing officer', views: 'Supports the plan.' },
      ],
    },
    siblingAssessmentSummary: options.siblingIds.length
      ? 'Together or apart assessment: they should live together.'
      : '',
    siblingPlans: options.siblingIds.map(childId => ({ childId })),
    assessments: [
      {
        id: 'as-1',
        kind:
          primary === 'adoption'
            ? 'child-permanence-report'
            : primary === 'special-guardianship'
              ? 'special-guardianship'
              : 'viability',
        subject: gran?.name ?? carer?.name ?? 'Carers',
        requestedOn: started,
        dueOn: addCalendarDays(started, 84),
      },
    ],
    options: optionsList,
    anticipatedTimescale: {
      permanenceByOn: addCalendarMonths(started, 9),
      explanation: 'After the assessments and any final hearing.',
    },
    decisionSharing: { how: 'Words and pictures, with the child’s carer there.', byWhom: 'The social worker' },
  })
}

/** A builder for one child's planning story, collecting what it makes. */
class Story {
  plan: PermanencePlan | null = null
  readonly versions: PermanencePlan[] = []
  constructor(
    readonly record: CareRecord,
    readonly out: DemoPlanning,
    readonly actors: { sw: Actor; tm: Actor; iro: Actor },
    readonly random: Random,
  ) {}

  get childId(): string {
    return this.record.child.id
  }

  keep(plan: PermanencePlan): void {
    const index = this.versions.findIndex(candidate => candidate.version === plan.version)
    if (index === -1) {
      this.versions.push(plan)
    } else {
      this.versions[index] = plan
    }
    this.plan = plan
  }
}

const SUBMISSION: SubmissionRule = { days: 3, unit: 'calendar-days' }

/**
 * Builds the demo planning for an authority's children.
 * @param random - the seeded random source
 * @param children - each child's care record and journey
 * @param staff - the people who act
 * @param today - the day the demo is as of
 * @param panelPolicy - the authority's panel settings
 * @returns everything to write
 */
export function generateDemoPlanning(
  random: Random,
  children: readonly ChildInput[],
  staff: DemoPlanningStaff,
  today: CalendarDay,
  panelPolicy: PanelPolicy,
): DemoPlanning {
  const out: DemoPlanning = {
    plans: [],
    meetings: [],
    actionUpdates: [],
    events: [],
    panelRequests: [],
    admDecisions: [],
    panelAssignments: [],
    stages: new Map(),
  }
  const actor = (id: string | null, role: Actor['role']): Actor => ({
    id: id ?? staff.managerId,
    role,
    name: (id && staff.names.get(id)) ?? 'Demo staff',
  })
  const tm = actor(staff.managerId, 'team-manager')
  const byId = new Map(children.map(child => [child.record.child.id, child]))
  const done = new Set<string>()
  // The demo social worker's looked-after children, in case-number order, take each stage in turn.
  const featured = children
    .filter(
      child => child.record.child.allocatedWorkerId === staff.featuredWorkerId && isLookedAfter(child.record, today),
    )
    .sort((a, b) => a.record.child.localCaseNumber.localeCompare(b.record.child.localCaseNumber))
  const journeyChild = featured.find(child => child.record.child.allocatedIroId === staff.demoIroId)
  const rotation: PlanningStage[] = [
    'draft',
    'sent',
    'considered',
    'endorsed',
    'ratified',
    'option-changed',
    'achieved',
    'none',
  ]
  const featuredStage = new Map<string, PlanningStage>()
  let turn = 0
  for (const child of featured) {
    if (child === journeyChild) {
      featuredStage.set(child.record.child.id, 'none')
      continue
    }
    featuredStage.set(child.record.child.id, rotation[turn % rotation.length]!)
    turn += 1
  }

  for (const child of children) {
    if (done.has(child.record.child.id)) {
      continue
    }
    const group = [
      child,
      ...child.record.siblings
        .map(link => byId.get(link.siblingChildId))
        .filter((c): c is ChildInput => c !== undefined),
    ].filter(member => !done.has(member.record.child.id) && member.journey === child.journey)
    group.forEach(member => done.add(member.record.child.id))
    const lead = group[0]!
    const stage = featuredStage.get(lead.record.child.id) ?? stageFor(random, lead, today)
    const drift: Drift = {
      sentLate: random.chance(0.3),
      ppmOverdue: lead.journey === 'drifting' || random.chance(0.12),
      actionsOverdue: lead.journey === 'drifting' || random.chance(0.15),
      // Only a plan not yet endorsed can lack a viable contingency: endorsement refuses it.
      noViableContingency:
        lead.journey === 'drifting' && (stage === 'draft' || stage === 'sent' || stage === 'considered'),
    }
    const stories = group.map(
      member =>
        new Story(
          member.record,
          out,
          {
            sw: actor(member.record.child.allocatedWorkerId, 'social-worker'),
            tm,
            iro: actor(member.record.child.allocatedIroId ?? staff.demoIroId, 'iro'),
          },
          random,
        ),
    )
    const achievable = feasibleStage(lead, stage, today)
    for (const story of stories) {
      out.stages.set(story.childId, achievable)
    }
    if (achievable !== 'none') {
      tellStories(stories, lead.journey, achievable, drift, today, random, staff, panelPolicy, actor)
    }
    for (const story of stories) {
      out.plans.push(...story.versions)
    }
  }
  return out
}

function isLookedAfter(record: CareRecord, on: CalendarDay): boolean {
  return record.periodsOfCare.some(period => period.startedOn <= on && (period.endedOn === null || period.endedOn > on))
}

function stageFor(random: Random, child: ChildInput, today: CalendarDay): PlanningStage {
  const reviews = child.record.reviews.length
  switch (child.journey) {
    case 'remand':
      return 'none'
    case 'newly-looked-after':
      return random.chance(0.5) ? 'none' : 'draft'
    case 'section-20-ongoing':
    case 'interim-care-order-in-proceedings':
      return random.weighted([
        ['draft', 2],
        ['sent', 2],
        ['considered', 1],
        ['endorsed', 2],
        ['ratified', reviews >= 2 ? 4 : 0],
      ] as const)
    case 'care-order-long-term-fostering':
      return random.weighted([
        ['ratified', 4],
        ['achieved', 4],
        ['option-changed', 2],
      ] as const)
    case 'teenager-childrens-home':
      return random.weighted([
        ['ratified', 3],
        ['option-changed', 1],
        ['endorsed', 1],
      ] as const)
    case 'adoption-placed':
      return 'ratified'
    case 'adopted':
    case 'special-guardianship':
    case 'child-arrangements-order':
    case 'section-20-returned-home':
      return child.record.periodsOfCare.every(p => p.endedOn !== null && p.endedOn <= today) ? 'achieved' : 'ratified'
    case 'drifting':
      return random.weighted([
        ['none', 4],
        ['draft', 3],
        ['endorsed', 3],
      ] as const)
  }
}

/** The stage a child's dates allow: a ratification needs a review after the PPM, and so on. */
function feasibleStage(child: ChildInput, stage: PlanningStage, today: CalendarDay): PlanningStage {
  const period = [...child.record.periodsOfCare].sort((a, b) => a.startedOn.localeCompare(b.startedOn)).at(-1)
  if (!period) {
    return 'none'
  }
  const start = period.startedOn
  const end = period.endedOn ?? today
  const days =
    (end > today ? today : end) > start ? Number(new Date(end).getTime() - new Date(start).getTime()) / 86_400_000 : 0
  const reviewsAfter = child.record.reviews.filter(
    review => review.heldOn > addCalendarDays(start, 25) && review.heldOn <= today,
  )
  const order: PlanningStage[] = [
    'none',
    'draft',
    'sent',
    'considered',
    'endorsed',
    'ratified',
    'option-changed',
    'achieved',
  ]
  const limit = (wanted: PlanningStage, max: PlanningStage) =>
    order.indexOf(wanted) <= order.indexOf(max) ? wanted : max
  if (days < 12) {
    return limit(stage, 'draft')
  }
  if (days < 30) {
    return limit(stage, 'considered')
  }
  if (stage === 'ratified' && reviewsAfter.length === 0) {
    return 'endorsed'
  }
  if (stage === 'option-changed' && reviewsAfter.length < 2) {
    return reviewsAfter.length === 0 ? 'endorsed' : 'ratified'
  }
  if (stage === 'achieved') {
    const journey = child.journey
    const leavesCare =
      journey === 'adopted' ||
      journey === 'special-guardianship' ||
      journey === 'child-arrangements-order' ||
      journey === 'section-20-returned-home'
    if (leavesCare && period.endedOn === null) {
      return reviewsAfter.length === 0 ? 'endorsed' : 'ratified'
    }
    if (!leavesCare && journey !== 'care-order-long-term-fostering') {
      return reviewsAfter.length === 0 ? 'endorsed' : 'ratified'
    }
  }
  return stage
}

/** Tells the planning story of a child or a sibling group, up to its stage. */
function tellStories(
  stories: readonly Story[],
  journey: Journey,
  stage: PlanningStage,
  drift: Drift,
  today: CalendarDay,
  random: Random,
  staff: DemoPlanningStaff,
  panelPolicy: PanelPolicy,
  actor: (id: string | null, role: Actor['role']) => Actor,
): void {
  const lead = stories[0]!
  const out = lead.out
  const period = [...lead.record.periodsOfCare].sort((a, b) => a.startedOn.localeCompare(b.startedOn)).at(-1)!
  const start = period.startedOn
  const end = period.endedOn ?? addCalendarDays(today, 1)
  const lastDay = earlier(addCalendarDays(end, -1), today)
  const primary: OptionType = stage === 'option-changed' ? 'reunification' : PRIMARY[journey]
  const startedOn = earlier(addCalendarDays(start, 3), lastDay)
  const groupIds = stories.map(story => story.childId)
  const siblingPlans = (self: Story): SiblingPlanSummary[] =>
    stories
      .filter(other => other !== self && other.plan !== null)
      .map(other => ({
        childId: other.childId,
        planId: other.plan!.id,
        primaryOptionType: primaryOptionType(other.plan!.content),
      }))

  for (const story of stories) {
    const content = contentFor(story.record, {
      primary,
      startedOn,
      viableContingency: !drift.noViableContingency,
      siblingIds: groupIds.filter(id => id !== story.childId),
    })
    const started = must(
      startPlan({ planId: story.random.uuid(), childId: story.childId, content }, story.actors.sw, startedOn),
      'start plan',
    )
    story.keep(started.plan)
    out.events.push(started.event)
  }
  if (stage === 'draft') {
    return
  }

  // The first PPM: within about three weeks of care beginning, before the second review ([DOR]; [TAM] App 4).
  const ppmOn = weekday(earlier(addCalendarDays(start, random.int(18, 26)), lastDay))
  const sentOn = earlier(addCalendarDays(ppmOn, drift.sentLate ? -1 : -random.int(4, 7)), ppmOn)
  const sendOn = sentOn < startedOn ? startedOn : sentOn
  const booked = bookMeeting(lead, 'permanence-planning-meeting', ppmOn, groupIds, lead.actors.tm, sendOn)
  for (const story of stories) {
    const sent = must(
      sendPlanToManager(story.plan!, { ppmOn, ppmMeetingId: booked.id }, story.actors.sw, sendOn, {
        rule: SUBMISSION,
        bankHolidays: [],
      }),
      'send plan',
    )
    story.keep(sent.plan)
    out.events.push(sent.event)
  }
  if (stage === 'sent' || ppmOn > today) {
    out.meetings.push({ meeting: booked, statutoryReviewIds: {} })
    return
  }

  // Held: recorded, closed with the next PPM booked, the plan considered.
  let previous = holdPpm(stories, booked, ppmOn, [], drift, today, random)
  for (const story of stories) {
    const considered = must(
      recordPlanConsideredAtPpm(story.plan!, { meetingId: previous.id }, story.actors.tm, ppmOn, {
        meeting: meetingReference(previous),
      }),
      'consider plan',
    )
    story.keep(considered.plan)
    out.events.push(considered.event)
  }
  if (stage === 'considered') {
    return
  }

  const endorsedOn = earlier(addCalendarDays(ppmOn, 1), lastDay)
  for (const story of stories) {
    const endorsed = must(
      endorsePlan(
        story.plan!,
        { reasons: 'Twin tracking with a viable contingency; the child’s views are clear.' },
        story.actors.tm,
        endorsedOn,
        {
          previous: null,
          siblingPlans: siblingPlans(story),
        },
      ),
      'endorse plan',
    )
    story.keep(endorsed.plan)
    out.events.push(endorsed.event)
  }

  // Later PPMs every three months until today (or until drift stops them), each reviewing the last one's actions.
  const ppmsUntil = drift.ppmOverdue ? earlier(addCalendarMonths(ppmOn, random.int(3, 5)), lastDay) : lastDay
  const holdLaterPpms = (from: CalendarDay, until: CalendarDay, everyMonths: number) => {
    let next = previous.record.nextMeetingOn
    while (next !== null && next <= until && next > from) {
      const meeting = bookMeeting(
        lead,
        'permanence-planning-meeting',
        next,
        groupIds,
        lead.actors.tm,
        previous.record.heldOn,
      )
      previous = holdPpm(
        stories,
        meeting,
        next,
        previousActionsOf(previous),
        drift,
        today,
        random,
        everyMonths,
        previous.id,
      )
      next = previous.record.nextMeetingOn
    }
  }

  if (stage === 'endorsed') {
    holdLaterPpms(ppmOn, ppmsUntil, 3)
    return
  }

  // Ratified by the IRO at the first review after endorsement ([TAM] §9.1; [DEV] "at the 2nd CiC Review").
  const reviewsAfter = (day: CalendarDay, story: Story) =>
    story.record.reviews
      .filter(review => review.heldOn > day && review.heldOn <= lastDay)
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
  for (const story of stories) {
    const review = reviewsAfter(endorsedOn, story)[0]
    if (!review) {
      continue
    }
    const meeting = holdReview(story, review)
    const ratified = must(
      ratifyPlan(
        story.plan!,
        { reviewMeetingId: meeting.id, reasons: 'The plan meets the child’s needs and is on track.' },
        story.actors.iro,
        review.heldOn,
        {
          review: meetingReference(meeting),
        },
      ),
      'ratify plan',
    )
    story.keep(ratified.plan)
    out.events.push(ratified.event)
  }

  if (journey === 'adoption-placed' || journey === 'adopted') {
    admDecisions(lead, start, lastDay, staff, actor)
  }

  if (stage === 'option-changed') {
    // Reunification was the plan; at the next review the IRO considers a change to long-term fostering (PP-08).
    const story = lead
    const review = reviewsAfter(endorsedOn, story)[1]
    if (review && story.plan?.status === 'ratified') {
      const changeOn =
        addCalendarDays(review.heldOn, -10) > story.plan.startedOn ? addCalendarDays(review.heldOn, -10) : review.heldOn
      holdLaterPpms(ppmOn, changeOn, 3)
      const current = story.plan
      const content = contentFor(story.record, {
        primary: 'long-term-fostering',
        startedOn: changeOn,
        viableContingency: true,
        siblingIds: [],
      })
      const started = must(
        startPlanVersion(
          current,
          {
            changeReason: 'Return home is no longer safe: the parenting assessment was negative.',
            edit: { options: content.options },
          },
          story.actors.sw,
          changeOn,
        ),
        'new version',
      )
      story.keep(started.plan)
      out.events.push(started.event)
      const meeting = holdReview(story, review)
      const considered = must(
        recordOptionChangeConsideredAtReview(
          story.plan,
          { reviewMeetingId: meeting.id, reasons: 'The review agreed long-term fostering should be the plan.' },
          story.actors.iro,
          review.heldOn,
          {
            review: meetingReference(meeting),
          },
        ),
        'option change at review',
      )
      story.keep(considered.plan)
      out.events.push(considered.event)
      const ppmAt = weekday(earlier(addCalendarDays(review.heldOn, 7), lastDay))
      const sent = must(
        sendPlanToManager(story.plan, { ppmOn: ppmAt, ppmMeetingId: null }, story.actors.sw, review.heldOn, {
          rule: SUBMISSION,
          bankHolidays: [],
        }),
        'send v2',
      )
      story.keep(sent.plan)
      out.events.push(sent.event)
      if (ppmAt <= today) {
        const ppm = bookMeeting(
          story,
          'permanence-planning-meeting',
          ppmAt,
          [story.childId],
          story.actors.tm,
          review.heldOn,
        )
        previous = holdPpm([story], ppm, ppmAt, previousActionsOf(previous), drift, today, random, 3, previous.id)
        const consideredAtPpm = must(
          recordPlanConsideredAtPpm(story.plan, { meetingId: previous.id }, story.actors.tm, ppmAt, {
            meeting: meetingReference(previous),
          }),
          'consider v2',
        )
        story.keep(consideredAtPpm.plan)
        out.events.push(consideredAtPpm.event)
        const endorsed = must(
          endorsePlan(
            story.plan,
            { reasons: 'Long-term fostering with the current carers, considered at the review.' },
            story.actors.tm,
            ppmAt,
            {
              previous: current,
              siblingPlans: [],
            },
          ),
          'endorse v2',
        )
        story.keep(endorsed.plan)
        out.events.push(endorsed.event)
        if (endorsed.superseded) {
          story.keep(endorsed.superseded.plan)
          out.events.push(endorsed.superseded.event)
        }
        story.plan = endorsed.plan
      }
    }
    return
  }

  if (stage === 'achieved') {
    const route = PRIMARY[journey]
    const ltfMatch = lead.record.placements.find(placement => placement.placementType === 'foster-long-term')
    const achievedOn =
      route === 'long-term-fostering'
        ? earlier(ltfMatch?.startedOn ?? addCalendarMonths(start, 12), lastDay)
        : earlier(period.endedOn ?? lastDay, today)
    holdLaterPpms(ppmOn, earlier(addCalendarDays(achievedOn, -1), ppmsUntil), 3)
    for (const story of stories) {
      if (story.plan === null || (story.plan.status !== 'endorsed' && story.plan.status !== 'ratified')) {
        continue
      }
      const achieved = must(
        recordPermanenceAchieved(
          story.plan,
          { achievedOn, route, reasons: '' },
          story.actors.sw,
          earlier(addCalendarDays(achievedOn, 2), today),
        ),
        'permanence achieved',
      )
      story.keep(achieved.plan)
      out.events.push(achieved.event)
    }
    if (route === 'long-term-fostering' && !drift.ppmOverdue) {
      // [DOR] "If permanence is achieved via long-term fostering, a review of the plan and meeting should be held
      // every 12 months"; rules.md PP-05.
      const yearly = bookMeeting(
        lead,
        'permanence-planning-meeting',
        weekday(earlier(addCalendarDays(achievedOn, 14), lastDay)),
        groupIds,
        lead.actors.tm,
        achievedOn,
      )
      if (yearly.record.heldOn > previous.record.heldOn) {
        previous = holdPpm(
          stories,
          yearly,
          yearly.record.heldOn,
          previousActionsOf(previous),
          drift,
          today,
          random,
          12,
          previous.id,
        )
        holdLaterPpms(yearly.record.heldOn, lastDay, 12)
      }
    }
    return
  }

  holdLaterPpms(ppmOn, ppmsUntil, 3)
  if (journey === 'interim-care-order-in-proceedings' && random.chance(0.4)) {
    panelRequest(lead, lastDay, random, staff, panelPolicy)
  }
}

function bookMeeting(
  story: Story,
  kind: MeetingKind,
  heldOn: CalendarDay,
  childIds: readonly string[],
  chair: Actor,
  bookedOn: CalendarDay,
): Meeting {
  return must(
    scheduleMeeting(
      {
        id: story.random.uuid(),
        kind,
        heldOn,
        chair: { name: chair.name, userId: chair.id, role: chair.role === 'iro' ? 'iro' : 'team-manager' },
        childIds: [...childIds],
        previousMeetingId: null,
        purpose:
          kind === 'permanence-planning-meeting'
            ? 'To consider the permanence plan and progress the tracks.'
            : 'Child in care review.',
        invitees: [],
      },
      chair,
      bookedOn < heldOn ? bookedOn : heldOn,
    ),
    `book ${kind} for ${story.childId}`,
  )
}

function previousActionsOf(meeting: Meeting) {
  return meeting.record.actions.map(action => trackAction(meeting, action, [], meeting.record.heldOn))
}

/** Records and closes a PPM: attendance, an outcome per child, decisions, two actions, minutes, the next date. */
function holdPpm(
  stories: readonly Story[],
  booked: Meeting,
  heldOn: CalendarDay,
  previousActions: ReturnType<typeof previousActionsOf>,
  drift: Drift,
  today: CalendarDay,
  random: Random,
  everyMonths = 3,
  previousMeetingId: string | null = null,
): Meeting {
  const lead = stories[0]!
  const out = lead.out
  const nextOn = weekday(addCalendarMonths(heldOn, everyMonths))
  const isLast = nextOn > today
  const leaveOpen = drift.actionsOverdue && isLast
  const edit: MeetingRecordEdit = {
    previousMeetingId,
    invitees: [
      {
        id: 'tm',
        name: lead.actors.tm.name,
        personId: null,
        userId: lead.actors.tm.id,
        role: 'team-manager',
        organisation: '',
        holdsParentalResponsibility: false,
        attendance: 'attended',
        notInvitedReason: '',
        notInvitedAgreedWith: '',
        tellHow: '',
        tellByOn: null,
      },
      {
        id: 'sw',
        name: lead.actors.sw.name,
        personId: null,
        userId: lead.actors.sw.id,
        role: 'social-worker',
        organisation: '',
        holdsParentalResponsibility: false,
        attendance: 'attended',
        notInvitedReason: '',
        notInvitedAgreedWith: '',
        tellHow: '',
        tellByOn: null,
      },
      {
        id: 'iro',
        name: lead.actors.iro.name,
        personId: null,
        userId: lead.actors.iro.id,
        role: 'iro',
        organisation: '',
        holdsParentalResponsibility: false,
        attendance: random.chance(0.8) ? 'attended' : 'sent-apologies',
        notInvitedReason: '',
        notInvitedAgreedWith: '',
        tellHow: '',
        tellByOn: null,
      },
    ],
    actionReviews: previousActions
      .filter(tracked => tracked.status === 'open')
      .map(tracked => ({
        actionId: tracked.action.id,
        fromMeetingId: tracked.meetingId,
        status: 'done' as const,
        comment: 'Done.',
      })),
    childOutcomes: stories.map(story => ({
      childId: story.childId,
      outcome: 'The plan was reviewed; the tracks are progressing.',
      planId: story.plan?.id ?? null,
      planVersion: story.plan?.version ?? null,
      participation: null,
    })),
    decisions: stories.map((story, index) => ({
      id: `d-${index + 1}`,
      childId: story.childId,
      decision: 'Continue with the primary plan and the contingency.',
      reasons: 'Assessments are on track and the child is settled.',
    })),
    actions: [
      {
        id: `a-${heldOn}-1`,
        childId: null,
        description: 'Update the assessments and report back',
        owner: lead.actors.sw.name,
        ownerUserId: lead.actors.sw.id,
        dueOn: addCalendarDays(heldOn, leaveOpen ? 14 : 28),
        status: 'open',
        doneOn: null,
        droppedReason: '',
      },
      {
        id: `a-${heldOn}-2`,
        childId: null,
        description: 'Arrange life story work',
        owner: lead.actors.sw.name,
        ownerUserId: lead.actors.sw.id,
        dueOn: addCalendarDays(heldOn, leaveOpen ? 21 : 56),
        status: 'open',
        doneOn: null,
        droppedReason: '',
      },
    ],
    minutes:
      'The meeting reviewed the permanence plan, the assessments and the child’s views, and agreed the actions below.',
    nextMeetingOn: nextOn,
  }
  const recorded = must(recordMeeting(booked, edit, lead.actors.tm, heldOn), 'record PPM')
  const closed = must(
    closeMeeting(recorded, lead.actors.tm, heldOn, { previousActions, permanenceAchievedChildIds: [] }),
    'close PPM',
  )
  out.meetings.push({ meeting: closed.meeting, statutoryReviewIds: {} })
  out.events.push(closed.event)
  const childIds = closed.meeting.record.childIds
  for (const update of actionUpdatesFromReviews(closed.meeting, previousActions, lead.actors.tm, heldOn)) {
    out.actionUpdates.push({ ...update, childIds: [...childIds], sequence: 2 })
  }
  return closed.meeting
}

/** Records the child in care review the care record already holds as a closed meeting, linked to it. */
function holdReview(story: Story, review: StatutoryReview): Meeting {
  const existing = story.out.meetings.find(
    item => item.meeting.kind === 'statutory-review' && item.statutoryReviewIds[story.childId] === review.id,
  )
  if (existing) {
    return existing.meeting
  }
  const booked = bookMeeting(story, 'statutory-review', review.heldOn, [story.childId], story.actors.iro, review.heldOn)
  const recorded = must(
    recordMeeting(
      booked,
      {
        childOutcomes: [
          {
            childId: story.childId,
            outcome: 'The review considered the permanence plan.',
            planId: null,
            planVersion: null,
            participation: review.participation,
          },
        ],
        minutes:
          'The IRO reviewed the care plan and the permanence plan with the child, the carers and the social worker.',
      },
      story.actors.iro,
      review.heldOn,
    ),
    'record review',
  )
  const closed = must(
    closeMeeting(recorded, story.actors.iro, review.heldOn, { previousActions: [], permanenceAchievedChildIds: [] }),
    'close review',
  )
  story.out.meetings.push({ meeting: closed.meeting, statutoryReviewIds: { [story.childId]: review.id } })
  story.out.events.push(closed.event)
  return closed.meeting
}

function admDecisions(
  story: Story,
  start: CalendarDay,
  lastDay: CalendarDay,
  staff: DemoPlanningStaff,
  actor: (id: string | null, role: Actor['role']) => Actor,
): void {
  if (staff.admId === null) {
    return
  }
  const adm = actor(staff.admId, 'agency-decision-maker')
  const placementDecisionOn = earlier(addCalendarDays(start, 120), lastDay)
  const first = must(
    recordAdmDecision(
      {
        id: story.random.uuid(),
        childId: story.childId,
        kind: 'should-be-placed-for-adoption',
        outcome: 'agreed',
        reasons: 'Adoption is the only plan that meets the child’s lifelong needs.',
        decidedOn: placementDecisionOn,
        panelMeetingId: null,
        panelRecommendation: '',
      },
      adm,
      placementDecisionOn,
      [],
    ),
    'ADM placement decision',
  )
  story.out.admDecisions.push(first.decision)
  story.out.events.push(first.event)
  const placedWith = story.record.placements.find(placement => placement.placementType.startsWith('adoption'))
  if (placedWith && placedWith.startedOn > placementDecisionOn) {
    const matchOn =
      addCalendarDays(placedWith.startedOn, -14) > placementDecisionOn
        ? addCalendarDays(placedWith.startedOn, -14)
        : placedWith.startedOn
    const match = must(
      recordAdmDecision(
        {
          id: story.random.uuid(),
          childId: story.childId,
          kind: 'adoption-match',
          outcome: 'agreed',
          reasons: 'The adopters can meet the child’s needs.',
          decidedOn: matchOn,
          panelMeetingId: null,
          panelRecommendation: '',
        },
        adm,
        matchOn,
        [first.decision],
      ),
      'ADM match',
    )
    story.out.admDecisions.push(match.decision)
    story.out.events.push(match.event)
  }
}

function panelRequest(
  story: Story,
  lastDay: CalendarDay,
  random: Random,
  staff: DemoPlanningStaff,
  policy: PanelPolicy,
): void {
  const costPence = random.pick([150_000, 200_000, 245_000, 680_000])
  const route = costPence > (policy.costThresholdPence ?? Number.MAX_SAFE_INTEGER) ? 'panel' : 'manager'
  const madeOn = addCalendarDays(lastDay, -random.int(5, 20))
  const request = must(
    createPanelRequest(
      {
        id: story.random.uuid(),
        childIds: [story.childId],
        purpose: 'resources',
        details: 'A residential parenting assessment.',
        costPence,
        route,
        panelMeetingId: null,
      },
      story.actors.sw,
      madeOn,
      policy,
    ),
    'panel request',
  )
  const submitted = must(submitPanelRequest(request, story.actors.sw, madeOn, policy), 'submit panel request')
  story.out.events.push(submitted.event)
  if (route === 'manager') {
    const decided = must(
      decidePanelRequest(
        submitted.request,
        {
          outcome: 'approved',
          reasons: 'Within the manager’s limit; needed for the assessment.',
          conditions: [],
          returnOn: null,
          decidedOn: addCalendarDays(madeOn, 2),
          panelMeetingId: null,
        },
        story.actors.tm,
        addCalendarDays(madeOn, 2),
        policy,
      ),
      'manager decision',
    )
    story.out.panelRequests.push(decided.request)
    story.out.events.push(decided.event)
  } else {
    story.out.panelRequests.push(submitted.request)
    if (staff.panelMemberId !== null) {
      story.out.panelAssignments.push({ childId: story.childId, userId: staff.panelMemberId })
    }
  }
}
