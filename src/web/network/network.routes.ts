/**
 * The network pages (issue 7): the child's family and network (cultural genogram, ecomap, each with a table of the
 * same facts; brothers and sisters and the Together-or-Apart warnings; family meetings; assessments with the
 * temporary-approval clock; SGO notices and who could apply for which order and when; life story work), family time
 * (plans, planned against actual for each review, sessions, suspensions and the 7-day rule), a form for each thing
 * recorded, and the manager's list of sibling groups split without an assessment. Forms work without JavaScript and
 * keep every answer on error.
 */
import type { FastifyRequest } from 'fastify'
import { ZodError, type z } from 'zod'
import { addCareRecordFact } from '../../app/children/add-care-record-fact.ts'
import { addNetworkRecord } from '../../app/network/add-network-record.ts'
import { changeNetworkRecord } from '../../app/network/change-network-record.ts'
import { endFamilyTimePlan } from '../../app/network/end-family-time-plan.ts'
import { RuleViolationError } from '../../app/shared/errors.ts'
import { voidNetworkRecord } from '../../app/network/void-network-record.ts'
import { loadChildNetworkRecord } from '../../app/network/network-support.ts'
import { listSplitSiblingGroups } from '../../app/network/list-split-sibling-groups.ts'
import { viewChildNetwork, type ChildNetworkView } from '../../app/network/view-child-network.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import { CARE_RECORD_FIELD_LABELS, FACT_CREATE_SCHEMAS } from '../../domain/children/care-record-inputs.ts'
import { CLOSENESS, RELATIONSHIPS, SEXES, SIBLING_KINDS, SIDES_OF_FAMILY } from '../../domain/children/codes.ts'
import {
  ASSESSMENT_OUTCOMES,
  CANCELLED_BY,
  FAMILY_MEETING_KINDS,
  FAMILY_TIME_MODES,
  FAMILY_TIME_PERIODS,
  FamilyTimePlanEndSchema,
  KINSHIP_ASSESSMENT_KINDS,
  LIFE_STORY_KINDS,
  LIFE_STORY_STATUSES,
  NETWORK_CREATE_SCHEMAS,
  NETWORK_FIELD_LABELS,
  NETWORK_UPDATE_SCHEMAS,
  OFFER_KINDS,
  SESSION_OUTCOMES,
  SUPERVISION_LEVELS,
  TOGETHER_OR_APART,
  type NetworkKind,
} from '../../domain/network/network-inputs.ts'
import { checkFamilyTimePlanEnd } from '../../domain/network/network-rules.ts'
import { SIBLING_WARNING_TEXT } from '../../domain/network/siblings.ts'
import type { DomainError } from '../../domain/shared/result.ts'
import { ageInYears, formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { childHeaderView } from '../plans/child-header.view-model.ts'
import {
  collectRefusal,
  ErrorList,
  formVersion,
  group,
  list,
  nestedForm,
  readDate,
  rows,
  text,
  toFormDate,
  type FormObject,
} from '../plans/form-data.ts'
import { childIdOf, idParam } from '../plans/page-support.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { ecomapSvg, genogramSvg, isOnGenogram, type DrawnPerson } from './network-drawings.ts'

export const networkPaths = {
  network: (childId: string) => `/children/${childId}/network`,
  familyTime: (childId: string) => `/children/${childId}/family-time`,
  form: (childId: string, form: string) => `/children/${childId}/network/${form}/new`,
  change: (childId: string, form: string, id: string) => `/children/${childId}/network/${form}/${id}/change`,
  remove: (childId: string, form: string, id: string) => `/children/${childId}/network/${form}/${id}/remove`,
  endPlan: (childId: string, id: string) => `/children/${childId}/network/family-time-plans/${id}/end`,
  splitSiblings: () => '/sibling-groups/split',
} as const

const pairs = (table: Readonly<Record<string, string>>) =>
  Object.entries(table).map(([value, t]) => ({ value, text: t }))
const STALE = 'Someone else changed this record first. Check it and try again.'

const STATE_TAGS: Record<string, { text: string; classes: string }> = {
  done: { text: 'Done', classes: 'govuk-tag--green' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--orange' },
  upcoming: { text: 'Upcoming', classes: 'govuk-tag--blue' },
}

const ELIGIBILITY_TEXT: Record<string, string> = {
  'eligible-now': 'Can apply now',
  'eligible-from': 'Can apply from',
  'needs-leave': 'Needs the court’s leave',
  'not-eligible': 'Cannot apply',
}
const ORDER_TEXT: Record<string, string> = {
  'child-arrangements-order': 'Child arrangements order',
  'special-guardianship-order': 'Special guardianship order',
  'adoption-order': 'Adoption order',
}

function culturalText(p: { culture?: string | null; religion?: string | null; language?: string | null }) {
  const parts = [p.culture, p.religion, p.language].filter((x): x is string => typeof x === 'string' && x !== '')
  return parts.length === 0 ? null : parts.join(', ')
}

function personNameOf(view: ChildNetworkView, id: string | null | undefined): string {
  const member = view.members.find(m => m.person.id === id)
  return member ? `${member.person.givenNames} ${member.person.familyName}` : 'Someone not in the network'
}

function drawn(view: ChildNetworkView, today: CalendarDay): DrawnPerson[] {
  return view.members.map(({ person, relationship }) => ({
    id: person.id,
    name: `${person.givenNames} ${person.familyName}`,
    relationship: relationship.relationship,
    relationshipLabel: RELATIONSHIPS[relationship.relationship],
    sex: person.sex,
    isDeceased: person.isDeceased ?? false,
    holdsParentalResponsibility: relationship.holdsParentalResponsibility,
    closeness: relationship.closeness ?? null,
    sideOfFamily: relationship.sideOfFamily ?? null,
    ageText: person.dateOfBirthOn ? `Age ${ageInYears(person.dateOfBirthOn, today)}` : null,
    culturalText: culturalText(person),
    organisation: person.organisation,
  }))
}

function networkPage(view: ChildNetworkView, today: CalendarDay): PageResult {
  const child = childHeaderView(view.child, today)
  const childId = view.child.id
  const people = drawn(view, today)
  const childFacts = view.record.child
  const drawnChild = {
    name: child.name,
    sex: childFacts.sex,
    ageText: `Age ${child.age}`,
    culturalText: culturalText({ religion: childFacts.religion, language: childFacts.firstLanguage }),
  }
  const siblings = view.siblings.map(s => ({
    name: s.otherName ?? 'A brother or sister',
    href: s.otherName ? `/children/${s.otherId}/network` : null,
    kindLabel: SIBLING_KINDS[s.kind],
    livesTogether: s.livesTogether,
    together: s.livesTogether === null ? 'Not known' : s.livesTogether ? 'Together' : 'Apart',
    assessment: s.assessment
      ? {
          outcome: TOGETHER_OR_APART[s.assessment.outcome],
          assessedOn: s.assessment.assessedOn,
          reasons: s.assessment.reasons,
          contactPlan: s.assessment.contactPlan,
        }
      : null,
    warnings: s.warnings.map(w => SIBLING_WARNING_TEXT[w]),
  }))
  const timescale = (rule: string) => view.timescaleItems.find(i => i.rule === rule) ?? null
  return {
    template: 'network/network.njk',
    context: {
      childHeader: child,
      pageTitle: `Family and network – ${child.name}`,
      genogram: genogramSvg(drawnChild, people, siblings),
      ecomap: ecomapSvg(drawnChild, people),
      hasEcomap: people.some(p => !isOnGenogram(p.relationship)),
      family: people.filter(p => isOnGenogram(p.relationship) || !['professional', 'teacher'].includes(p.relationship)),
      members: view.members.map(({ person, relationship }) => ({
        name: `${person.givenNames} ${person.familyName}`,
        relationship: RELATIONSHIPS[relationship.relationship],
        onGenogram: isOnGenogram(relationship.relationship),
        side: relationship.sideOfFamily ? SIDES_OF_FAMILY[relationship.sideOfFamily] : '',
        closeness: relationship.closeness ? CLOSENESS[relationship.closeness] : 'Not recorded',
        parentalResponsibility: relationship.holdsParentalResponsibility,
        cultural: culturalText(person) ?? '',
        strengths: relationship.strengths ?? '',
        risks: relationship.risks ?? '',
        organisation: person.organisation ?? '',
        isDeceased: person.isDeceased ?? false,
        sex: person.sex ? SEXES[person.sex] : 'Not known',
      })),
      siblings,
      familyMeetings: [...view.familyMeetings].reverse().map(m => ({
        changeHref: networkPaths.change(childId, 'family-meetings', m.id),
        kind: FAMILY_MEETING_KINDS[m.kind as keyof typeof FAMILY_MEETING_KINDS],
        heldOn: m.heldOn,
        attendees: [
          ...(m.attendeePersonIds as string[]).map(id => personNameOf(view, id)),
          ...(m.otherAttendees ? [m.otherAttendees as string] : []),
        ].join(', '),
        offers: (m.offers as { personId: string | null; kind: keyof typeof OFFER_KINDS; details: string | null }[]).map(
          o => ({
            who: o.personId ? personNameOf(view, o.personId) : 'The family',
            what: OFFER_KINDS[o.kind],
            details: o.details ?? '',
          }),
        ),
        familyPlan: m.familyPlan ?? '',
      })),
      assessments: view.kinshipAssessments.map(a => ({
        changeHref: networkPaths.change(childId, 'kinship-assessments', a.id),
        person: personNameOf(view, a.personId as string),
        kind: KINSHIP_ASSESSMENT_KINDS[a.kind as keyof typeof KINSHIP_ASSESSMENT_KINDS],
        startedOn: a.startedOn,
        dueOn: a.dueOn,
        completedOn: a.completedOn,
        outcome: a.outcome ? ASSESSMENT_OUTCOMES[a.outcome as keyof typeof ASSESSMENT_OUTCOMES] : 'Not yet',
        option: view.planOptions.find(o => o.id === a.planOptionId)?.label ?? '',
        temporaryApprovalOn: a.temporaryApprovalOn,
        extension: a.extensionGrantedOn
          ? `${String(a.extensionWeeks)} weeks, granted ${a.extensionGrantedOn as string}`
          : '',
      })),
      connectedClock: [timescale('CON-01'), timescale('CON-02')].filter(i => i !== null && i.dueOn !== null),
      sgoNotices: view.sgoNotices.map(n => ({
        changeHref: networkPaths.change(childId, 'sgo-notices', n.id),
        person: personNameOf(view, n.personId as string),
        givenOn: n.givenOn,
        earliestApplicationOn: n.earliestApplicationOn,
      })),
      legalRoutes: view.legalRoutes
        .filter(r => r.results.length > 0)
        .map(r => ({
          person: personNameOf(view, r.personId),
          relationship: RELATIONSHIPS[view.members.find(m => m.person.id === r.personId)!.relationship.relationship],
          results: r.results.map(e => ({
            order: ORDER_TEXT[e.order ?? ''] ?? e.order,
            status: ELIGIBILITY_TEXT[e.status] ?? e.status,
            isOpen: e.status === 'eligible-now' || e.status === 'eligible-from',
            from: e.status === 'eligible-from' ? e.from : null,
            route: e.route,
            explanation: e.explanation,
            reasons: e.reasons,
          })),
        })),
      lifeStory: view.lifeStory.map(item => ({
        changeHref: networkPaths.change(childId, 'life-story-work', item.id),
        kind: LIFE_STORY_KINDS[item.kind as keyof typeof LIFE_STORY_KINDS],
        owner: item.owner,
        dueOn: item.dueOn,
        status: LIFE_STORY_STATUSES[item.status as keyof typeof LIFE_STORY_STATUSES],
        tag: STATE_TAGS[item.state],
      })),
      canEdit: view.canEdit,
      links: {
        person: networkPaths.form(childId, 'people'),
        meeting: networkPaths.form(childId, 'family-meetings'),
        assessment: networkPaths.form(childId, 'kinship-assessments'),
        sgoNotice: networkPaths.form(childId, 'sgo-notices'),
        siblingAssessment: networkPaths.form(childId, 'sibling-assessments'),
        lifeStory: networkPaths.form(childId, 'life-story-work'),
      },
    },
  }
}

/** How often family time happens under a plan: "2 times a month". */
function frequencyText(plan: ChildNetworkView['familyTime'][number]['plan']): string {
  const times = plan.sessionsPerPeriod as number
  return `${String(times)} ${times === 1 ? 'time' : 'times'} ${FAMILY_TIME_PERIODS[plan.period as keyof typeof FAMILY_TIME_PERIODS]}`
}

function familyTimePage(view: ChildNetworkView, today: CalendarDay): PageResult {
  const child = childHeaderView(view.child, today)
  const childId = view.child.id
  return {
    template: 'network/family-time.njk',
    context: {
      childHeader: child,
      pageTitle: `Family time – ${child.name}`,
      // Running plans first: an ended plan is kept (with its sessions and planned against actual) but is history.
      plans: [...view.familyTime.filter(f => f.isOpen), ...view.familyTime.filter(f => !f.isOpen)].map(f => ({
        changeHref: networkPaths.change(childId, 'family-time-plans', f.plan.id),
        endHref: f.isOpen ? networkPaths.endPlan(childId, f.plan.id) : null,
        isOpen: f.isOpen,
        withName: f.withName,
        mode: FAMILY_TIME_MODES[f.plan.mode as keyof typeof FAMILY_TIME_MODES],
        frequency: frequencyText(f.plan),
        duration: f.plan.durationMinutes ? `${f.plan.durationMinutes as number} minutes` : 'Not set',
        venue: f.plan.venue ?? '',
        supervision: SUPERVISION_LEVELS[f.plan.supervision as keyof typeof SUPERVISION_LEVELS],
        transport: f.plan.transport ?? '',
        purpose: f.plan.purpose,
        workingAgreement: f.plan.workingAgreement ?? '',
        workingAgreementOn: f.plan.workingAgreementOn,
        section34OrderOn: f.plan.section34OrderOn,
        startedOn: f.plan.startedOn,
        endedOn: f.plan.endedOn,
        isSuspended: f.isSuspended,
        plannedVersusActual: [...f.plannedVersusActual].reverse().map(row => ({
          ...row,
          cancelledBy: Object.entries(row.cancelledBy)
            .map(([who, n]) => `${CANCELLED_BY[who as keyof typeof CANCELLED_BY] ?? who}: ${n}`)
            .join(', '),
        })),
        sessions: [...f.sessions].reverse().map(s => ({
          changeHref: networkPaths.change(childId, 'family-time-sessions', s.id),
          occurredOn: s.occurredOn,
          outcome: SESSION_OUTCOMES[s.outcome as keyof typeof SESSION_OUTCOMES],
          cancelledBy: s.cancelledBy ? CANCELLED_BY[s.cancelledBy as keyof typeof CANCELLED_BY] : '',
          childExperience: s.childExperience ?? '',
        })),
        suspensions: f.suspensions.map(s => ({
          changeHref: networkPaths.change(childId, 'family-time-suspensions', s.id),
          suspendedOn: s.suspendedOn,
          resumedOn: s.resumedOn,
          reason: s.reason,
          legalAdviceOn: s.legalAdviceOn,
          section34OrderOn: s.section34OrderOn,
          path: s.path,
        })),
      })),
      hasOpenPlan: view.familyTime.some(f => f.isOpen),
      kit01: view.timescaleItems.filter(i => i.rule === 'KIT-01'),
      canEdit: view.canEdit,
      links: {
        plan: networkPaths.form(childId, 'family-time-plans'),
        session: networkPaths.form(childId, 'family-time-sessions'),
        suspension: networkPaths.form(childId, 'family-time-suspensions'),
      },
    },
  }
}

// Forms -----------------------------------------------------------------------------------------------------------

interface FormSpec {
  readonly form: string
  readonly template: string
  readonly title: string
  readonly tab: 'network' | 'family-time'
  /** The form's choices, from the network (and the form's values, for the record being corrected). */
  readonly choices: (view: ChildNetworkView, values: FormObject) => Record<string, unknown>
  /** Reads the form into the input the schema parses; date problems go straight to `errors`. */
  readonly read: (form: FormObject, errors: ErrorList, view: ChildNetworkView) => Record<string, unknown>
  readonly save: (op: Operation, childId: string, input: Record<string, unknown>) => Promise<unknown>
  readonly schema: z.ZodType
  readonly back: (childId: string) => string
  /** Fields the form does not show, kept from the stored record when it is corrected. */
  readonly keep?: readonly string[]
}

function day(form: FormObject, name: string, label: string, errors: ErrorList): string | null {
  const reading = readDate(form[name], label)
  if (!reading.ok) {
    errors.add(`${name}-day`, reading.message)
    return null
  }
  return reading.value
}

function whole(form: FormObject, name: string): number | string | null {
  const value = text(form[name]).trim()
  if (value === '') {
    return null
  }
  return /^\d{1,6}$/.test(value) ? Number(value) : value
}

const orNull = (value: string) => (value.trim() === '' ? null : value)

const peopleChoices = (view: ChildNetworkView) =>
  view.members.map(m => ({
    value: m.person.id,
    text: `${m.person.givenNames} ${m.person.familyName} (${RELATIONSHIPS[m.relationship.relationship].toLowerCase()})`,
  }))

const networkRecord =
  (kind: NetworkKind) =>
  (op: Operation, childId: string, input: Record<string, unknown>): Promise<unknown> =>
    addNetworkRecord(op, childId, kind, input as never)

const OFFER_ROWS = 3

/** The person form names the person, not the child. */
const PERSON_LABELS = {
  givenNames: { noun: 'their given names', name: 'Given names' },
  familyName: { noun: 'their family name', name: 'Family name' },
  dateOfBirthOn: { noun: 'their date of birth', name: 'Their date of birth' },
}

/** The labels of every network form's fields, for the messages that name them. */
const FORM_LABELS = { ...CARE_RECORD_FIELD_LABELS, ...NETWORK_FIELD_LABELS, ...PERSON_LABELS }

const FORMS: readonly FormSpec[] = [
  {
    form: 'people',
    template: 'network/person-new.njk',
    title: 'Add someone to the network',
    tab: 'network',
    choices: () => ({
      relationships: pairs(RELATIONSHIPS),
      sexes: pairs(SEXES),
      closeness: pairs(CLOSENESS),
      sides: pairs(SIDES_OF_FAMILY),
    }),
    read: (form, errors) => ({
      person: {
        givenNames: text(form.givenNames),
        familyName: text(form.familyName),
        dateOfBirthOn: day(form, 'dateOfBirthOn', 'their date of birth', errors),
        sex: orNull(text(form.sex)),
        organisation: orNull(text(form.organisation)),
        culture: orNull(text(form.culture)),
        religion: orNull(text(form.religion)),
        language: orNull(text(form.language)),
        isDeceased: list(form.isDeceased).includes('yes'),
      },
      relationship: text(form.relationship),
      holdsParentalResponsibility: text(form.holdsParentalResponsibility) === 'yes',
      closeness: orNull(text(form.closeness)),
      sideOfFamily: orNull(text(form.sideOfFamily)),
      strengths: orNull(text(form.strengths)),
      risks: orNull(text(form.risks)),
      notes: null,
    }),
    save: (op, childId, input) => addCareRecordFact(op, childId, 'relationships', input as never),
    schema: FACT_CREATE_SCHEMAS.relationships,
    back: networkPaths.network,
  },
  {
    form: 'family-meetings',
    template: 'network/family-meeting-new.njk',
    title: 'Record a family network meeting or family group conference',
    tab: 'network',
    choices: view => ({
      kinds: pairs(FAMILY_MEETING_KINDS),
      people: peopleChoices(view),
      offers: pairs(OFFER_KINDS),
      offerRows: [...Array(OFFER_ROWS).keys()],
    }),
    read: (form, errors) => ({
      kind: text(form.kind),
      heldOn: day(form, 'heldOn', 'the date of the meeting', errors),
      attendeePersonIds: list(form.attendeePersonIds),
      otherAttendees: orNull(text(form.otherAttendees)),
      offers: rows(form.offers)
        .filter(row => text(row.kind) !== '' || text(row.personId) !== '' || text(row.details) !== '')
        .map(row => ({
          personId: orNull(text(row.personId)),
          kind: text(row.kind),
          details: orNull(text(row.details)),
        })),
      familyPlan: orNull(text(form.familyPlan)),
    }),
    save: networkRecord('family-meetings'),
    schema: NETWORK_CREATE_SCHEMAS['family-meetings'],
    back: networkPaths.network,
  },
  {
    form: 'kinship-assessments',
    template: 'network/kinship-assessment-new.njk',
    title: 'Record a viability or connected person assessment',
    tab: 'network',
    choices: view => ({
      kinds: pairs(KINSHIP_ASSESSMENT_KINDS),
      outcomes: pairs(ASSESSMENT_OUTCOMES),
      people: peopleChoices(view),
      options: view.planOptions.map(o => ({ value: o.id, text: o.label })),
    }),
    read: (form, errors) => ({
      personId: text(form.personId),
      kind: text(form.kind),
      startedOn: day(form, 'startedOn', 'the date the assessment started', errors),
      dueOn: day(form, 'dueOn', 'the date it is due', errors),
      completedOn: day(form, 'completedOn', 'the date it was completed', errors),
      outcome: orNull(text(form.outcome)),
      planOptionId: orNull(text(form.planOptionId)),
      temporaryApprovalOn: day(form, 'temporaryApprovalOn', 'the date temporary approval began', errors),
      extensionGrantedOn: day(form, 'extensionGrantedOn', 'the date the extension was granted', errors),
      extensionWeeks: whole(form, 'extensionWeeks'),
      untilReviewOutcome: false,
      fullApprovalOn: day(form, 'fullApprovalOn', 'the date of full approval', errors),
      summary: orNull(text(form.summary)),
    }),
    save: networkRecord('kinship-assessments'),
    schema: NETWORK_CREATE_SCHEMAS['kinship-assessments'],
    back: networkPaths.network,
    keep: ['untilReviewOutcome'],
  },
  {
    form: 'sgo-notices',
    template: 'network/sgo-notice-new.njk',
    title: 'Record notice of an intended special guardianship application',
    tab: 'network',
    choices: view => ({ people: peopleChoices(view) }),
    read: (form, errors) => ({
      personId: text(form.personId),
      givenOn: day(form, 'givenOn', 'the date notice was given', errors),
    }),
    save: networkRecord('sgo-notices'),
    schema: NETWORK_CREATE_SCHEMAS['sgo-notices'],
    back: networkPaths.network,
  },
  {
    form: 'sibling-assessments',
    template: 'network/sibling-assessment-new.njk',
    title: 'Record a Together or Apart assessment',
    tab: 'network',
    choices: view => ({
      outcomes: pairs(TOGETHER_OR_APART),
      siblings: view.siblings.map(s => ({ value: s.otherId, text: s.otherName ?? 'A brother or sister' })),
    }),
    read: (form, errors, view) => {
      const childId = view.child.id
      const pairRows = view.siblings.map((s, i) => {
        const row = group(rows(form.pairs)[i] ?? {})
        return {
          childId,
          siblingChildId: s.otherId,
          outcome: text(row.outcome),
          reasons: text(row.reasons),
          contactPlan: orNull(text(row.contactPlan)),
        }
      })
      return {
        childIds: [childId, ...view.siblings.map(s => s.otherId)],
        assessedOn: day(form, 'assessedOn', 'the date of the assessment', errors),
        pairs: pairRows,
      }
    },
    save: networkRecord('sibling-assessments'),
    schema: NETWORK_CREATE_SCHEMAS['sibling-assessments'],
    back: networkPaths.network,
  },
  {
    form: 'life-story-work',
    template: 'network/life-story-new.njk',
    title: 'Add life story work',
    tab: 'network',
    choices: () => ({ kinds: pairs(LIFE_STORY_KINDS), statuses: pairs(LIFE_STORY_STATUSES) }),
    read: (form, errors) => ({
      kind: text(form.kind),
      owner: text(form.owner),
      dueOn: day(form, 'dueOn', 'the due date', errors),
      status: text(form.status),
      completedOn: day(form, 'completedOn', 'the date it was completed', errors),
      notes: orNull(text(form.notes)),
    }),
    save: networkRecord('life-story-work'),
    schema: NETWORK_CREATE_SCHEMAS['life-story-work'],
    back: networkPaths.network,
  },
  {
    form: 'family-time-plans',
    template: 'network/family-time-plan-new.njk',
    title: 'Plan family time',
    tab: 'family-time',
    choices: view => ({
      people: peopleChoices(view),
      siblings: view.siblings.map(s => ({ value: s.otherId, text: s.otherName ?? 'A brother or sister' })),
      modes: pairs(FAMILY_TIME_MODES),
      periods: pairs(FAMILY_TIME_PERIODS),
      supervision: pairs(SUPERVISION_LEVELS),
    }),
    read: (form, errors) => ({
      personId: orNull(text(form.personId)),
      siblingChildId: orNull(text(form.siblingChildId)),
      mode: text(form.mode),
      sessionsPerPeriod: whole(form, 'sessionsPerPeriod') ?? undefined,
      period: text(form.period),
      durationMinutes: whole(form, 'durationMinutes'),
      venue: orNull(text(form.venue)),
      supervision: text(form.supervision),
      transport: orNull(text(form.transport)),
      purpose: text(form.purpose),
      workingAgreement: orNull(text(form.workingAgreement)),
      workingAgreementOn: day(form, 'workingAgreementOn', 'the date the working agreement was signed', errors),
      section34OrderOn: day(form, 'section34OrderOn', 'the date of the section 34 order', errors),
      startedOn: day(form, 'startedOn', 'the date the plan starts', errors),
      // Shown only when correcting a plan: a new plan has not ended (an open plan is ended from its own page).
      endedOn: day(form, 'endedOn', 'the date the plan ended', errors),
    }),
    save: networkRecord('family-time-plans'),
    schema: NETWORK_CREATE_SCHEMAS['family-time-plans'],
    back: networkPaths.familyTime,
  },
  {
    form: 'family-time-sessions',
    template: 'network/family-time-session-new.njk',
    title: 'Record a family time session',
    tab: 'family-time',
    // A session may be recorded late, for a plan that has since ended; the plan's end is shown beside it.
    choices: view => ({
      plans: view.familyTime.map(f => ({
        value: f.plan.id,
        text: f.isOpen
          ? `With ${f.withName}`
          : `With ${f.withName} (ended ${formatCalendarDay(f.plan.endedOn as CalendarDay)})`,
      })),
      outcomes: pairs(SESSION_OUTCOMES),
      cancelledBy: pairs(CANCELLED_BY),
    }),
    read: (form, errors) => ({
      planId: text(form.planId),
      occurredOn: day(form, 'occurredOn', 'the date of the session', errors),
      outcome: text(form.outcome),
      cancelledBy: orNull(text(form.cancelledBy)),
      childExperience: orNull(text(form.childExperience)),
    }),
    save: networkRecord('family-time-sessions'),
    schema: NETWORK_CREATE_SCHEMAS['family-time-sessions'],
    back: networkPaths.familyTime,
  },
  {
    form: 'family-time-suspensions',
    template: 'network/family-time-suspension-new.njk',
    title: 'Suspend family time',
    tab: 'family-time',
    // Only running plans can be suspended; a suspension being corrected keeps its own plan.
    choices: (view, values) => ({
      plans: view.familyTime
        .filter(f => f.isOpen || f.plan.id === text(values.planId))
        .map(f => ({ value: f.plan.id, text: `With ${f.withName}` })),
      legalStatus: view.child.legalStatus,
    }),
    read: (form, errors) => ({
      planId: text(form.planId),
      suspendedOn: day(form, 'suspendedOn', 'the date family time was suspended', errors),
      resumedOn: day(form, 'resumedOn', 'the date family time resumed', errors),
      reason: text(form.reason),
      notifiedOn: day(form, 'notifiedOn', 'the date people were told in writing', errors),
      legalAdviceOn: day(form, 'legalAdviceOn', 'the date legal advice was sought', errors),
      section34OrderOn: day(form, 'section34OrderOn', 'the date of the section 34(4) order', errors),
    }),
    save: networkRecord('family-time-suspensions'),
    schema: NETWORK_CREATE_SCHEMAS['family-time-suspensions'],
    back: networkPaths.familyTime,
  },
]

function formPage(
  spec: FormSpec,
  view: ChildNetworkView,
  today: CalendarDay,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const child = childHeaderView(view.child, today)
  return {
    template: spec.template,
    context: {
      childHeader: child,
      childTab: spec.tab,
      pageTitle: `${spec.title} – ${child.name}`,
      title: spec.title,
      action: networkPaths.form(view.child.id, spec.form),
      cancelHref: spec.back(view.child.id),
      values,
      choices: spec.choices(view, values),
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function formPages(spec: FormSpec): WebPage[] {
  const audit = spec.form === 'people' ? 'CARE_RECORD_FACT_ADDED' : 'NETWORK_RECORD_ADDED'
  return [
    {
      method: 'GET',
      url: `/children/:childId/network/${spec.form}/new`,
      policy: 'child:edit',
      audit: 'NETWORK_FORM_VIEWED',
      handle: async (op, request) => {
        const childId = childIdOf(request)
        await authoriseChild(op, childId, 'child:edit')
        return formPage(spec, await viewChildNetwork(op, childId), op.today, {})
      },
    },
    {
      method: 'POST',
      url: `/children/:childId/network/${spec.form}/new`,
      policy: 'child:edit',
      audit,
      handle: async (op, request) => {
        const childId = childIdOf(request)
        await authoriseChild(op, childId, 'child:edit')
        const view = await viewChildNetwork(op, childId)
        const form = nestedForm(request)
        const errors = new ErrorList().withLabels(FORM_LABELS)
        const input = spec.read(form, errors, view)
        const parsed = spec.schema.safeParse(input)
        if (!parsed.success) {
          errors.addSchemaErrors(parsed.error, FORM_LABELS)
        }
        if (errors.isEmpty && parsed.success) {
          try {
            await spec.save(op, childId, parsed.data as Record<string, unknown>)
            return { redirect: spec.back(childId) }
          } catch (error) {
            const outcome = collectRefusal(error, errors, STALE)
            throw new PageWithErrors(formPage(spec, view, op.today, form, errors), outcome)
          }
        }
        throw new PageWithErrors(formPage(spec, view, op.today, form, errors))
      },
    },
  ]
}

// Corrections ------------------------------------------------------------------------------------------------------

/**
 * Network records a user corrects or removes from the web. A Together-or-Apart assessment is not among them: a new
 * assessment of the pair supersedes the last (the latest wins), and the API corrects one recorded in error.
 */
const CORRECTABLE = FORMS.filter(
  (spec): spec is FormSpec & { form: Exclude<NetworkKind, 'sibling-assessments'> } =>
    spec.form !== 'people' && spec.form !== 'sibling-assessments',
)

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const NOT_FIELDS = new Set(['id', 'version', 'childId', 'createdAt'])

/**
 * A stored record as the values of its form: days as day, month and year; numbers as text; nested rows alike.
 * @param value - the record or one of its values
 * @returns the form's values
 */
function recordToForm(value: unknown): unknown {
  if (typeof value === 'string') {
    return ISO_DAY.test(value) ? toFormDate(value) : value
  }
  if (typeof value === 'number') {
    return String(value)
  }
  if (value === null || value === undefined) {
    return ''
  }
  if (Array.isArray(value)) {
    return value.map(recordToForm)
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !NOT_FIELDS.has(key))
        .map(([key, v]) => [key, recordToForm(v)]),
    )
  }
  return value
}

/**
 * The child (authorised to edit) and the record of theirs the address names.
 * @param op - the operation
 * @param kind - the kind of record
 * @param request - the request
 * @returns the child's id and the record
 */
async function authorisedRecord(op: Operation, kind: NetworkKind, request: FastifyRequest) {
  const childId = childIdOf(request)
  await authoriseChild(op, childId, 'child:edit')
  return { childId, row: await loadChildNetworkRecord(op, childId, kind, idParam(request, 'recordId')) }
}

function correctionPage(
  spec: FormSpec,
  view: ChildNetworkView,
  today: CalendarDay,
  recordId: string,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const page = formPage(spec, view, today, values, errors)
  const title = `Correct this record: ${spec.title.charAt(0).toLowerCase()}${spec.title.slice(1)}`
  return {
    ...page,
    context: {
      ...page.context,
      pageTitle: `${title} – ${childHeaderView(view.child, today).name}`,
      title,
      correcting: true,
      action: networkPaths.change(view.child.id, spec.form, recordId),
      removeHref: networkPaths.remove(view.child.id, spec.form, recordId),
    },
  }
}

function removePage(
  spec: FormSpec,
  view: ChildNetworkView,
  today: CalendarDay,
  recordId: string,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const child = childHeaderView(view.child, today)
  return {
    template: 'network/remove.njk',
    context: {
      childHeader: child,
      childTab: spec.tab,
      pageTitle: `Remove a record made in error – ${child.name}`,
      what: spec.title.replace(/^(Add|Record|Plan|Suspend) /, ''),
      action: networkPaths.remove(view.child.id, spec.form, recordId),
      cancelHref: networkPaths.change(view.child.id, spec.form, recordId),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function correctionPages(spec: (typeof CORRECTABLE)[number]): WebPage[] {
  const kind = spec.form
  const base = `/children/:childId/network/${kind}/:recordId`
  return [
    {
      method: 'GET',
      url: `${base}/change`,
      policy: 'child:edit',
      audit: 'NETWORK_FORM_VIEWED',
      handle: async (op, request) => {
        const { childId, row } = await authorisedRecord(op, kind, request)
        const values = { ...(recordToForm(row) as FormObject), version: String(row.version) }
        return correctionPage(spec, await viewChildNetwork(op, childId), op.today, row.id, values)
      },
    },
    {
      method: 'POST',
      url: `${base}/change`,
      policy: 'child:edit',
      audit: 'NETWORK_RECORD_CHANGED',
      handle: async (op, request) => {
        const { childId, row } = await authorisedRecord(op, kind, request)
        const view = await viewChildNetwork(op, childId)
        const form = nestedForm(request)
        const errors = new ErrorList().withLabels(FORM_LABELS)
        const fields = spec.read(form, errors, view)
        for (const key of spec.keep ?? []) {
          fields[key] = row[key]
        }
        const why = text(form.correctionReason)
        if (why === '') {
          errors.add('correctionReason', 'Enter why you are correcting this record')
        } else if (why.length < 3 || why.length > 500) {
          errors.add('correctionReason', 'The reason must be between 3 and 500 characters')
        }
        // A suspension's own reason is a field; the reason for correcting it is `changeReason` (the API's names).
        const reasonKey = kind === 'family-time-suspensions' ? 'changeReason' : 'reason'
        const parsed = NETWORK_UPDATE_SCHEMAS[kind].safeParse({ ...fields, [reasonKey]: why })
        if (!parsed.success) {
          // The reason for the correction was checked above, under its own field.
          const issues = parsed.error.issues.filter(issue => issue.path[0] !== reasonKey)
          errors.addSchemaErrors(new ZodError(issues), { ...NETWORK_FIELD_LABELS })
        }
        const page = () => correctionPage(spec, view, op.today, row.id, form, errors)
        if (errors.isEmpty && parsed.success) {
          try {
            await changeNetworkRecord(op, childId, kind, row.id, formVersion(form, 'version'), parsed.data as never)
            return { redirect: spec.back(childId) }
          } catch (error) {
            throw new PageWithErrors(page(), collectRefusal(error, errors, STALE))
          }
        }
        throw new PageWithErrors(page())
      },
    },
    {
      method: 'GET',
      url: `${base}/remove`,
      policy: 'child:edit',
      audit: 'NETWORK_FORM_VIEWED',
      handle: async (op, request) => {
        const { childId, row } = await authorisedRecord(op, kind, request)
        return removePage(spec, await viewChildNetwork(op, childId), op.today, row.id, {
          version: String(row.version),
        })
      },
    },
    {
      method: 'POST',
      url: `${base}/remove`,
      policy: 'child:edit',
      audit: 'NETWORK_RECORD_VOIDED',
      handle: async (op, request) => {
        const { childId, row } = await authorisedRecord(op, kind, request)
        const form = nestedForm(request)
        const errors = new ErrorList().withLabels(FORM_LABELS)
        const why = text(form.reason)
        if (why.length < 3 || why.length > 500) {
          errors.add(
            'reason',
            why === '' ? 'Enter why the record is being removed' : 'The reason must be between 3 and 500 characters',
          )
        }
        if (errors.isEmpty) {
          try {
            await voidNetworkRecord(op, childId, kind, row.id, formVersion(form, 'version'), why)
            return { redirect: spec.back(childId) }
          } catch (error) {
            const outcome = collectRefusal(error, errors, STALE)
            throw new PageWithErrors(
              removePage(spec, await viewChildNetwork(op, childId), op.today, row.id, form, errors),
              outcome,
            )
          }
        }
        throw new PageWithErrors(removePage(spec, await viewChildNetwork(op, childId), op.today, row.id, form, errors))
      },
    },
  ]
}

// Ending a family time plan -----------------------------------------------------------------------------------------

/** What to say about each rule the end of a plan can break, naming the field (house style §3.3). */
function endMessage(error: DomainError, startedOn: CalendarDay): string | undefined {
  switch (error.code) {
    case 'date-in-future':
      return 'The date the plan ended must be today or in the past'
    case 'end-before-start':
      return `The date the plan ended must be after the date it started, ${formatCalendarDay(startedOn)}`
    case 'plan-already-ended':
      return `This plan has already ended, on ${formatCalendarDay(String(error.params?.endedOn) as CalendarDay)}. To change the date it ended, correct the plan`
    default:
      return undefined
  }
}

function addEndErrors(errors: ErrorList, found: readonly DomainError[], startedOn: CalendarDay): void {
  for (const error of found) {
    const message = endMessage(error, startedOn)
    if (message === undefined) {
      errors.addDomainErrors([error])
    } else {
      errors.add('endedOn-day', message)
    }
  }
}

function endPlanPage(
  view: ChildNetworkView,
  today: CalendarDay,
  plan: ChildNetworkView['familyTime'][number],
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const child = childHeaderView(view.child, today)
  return {
    template: 'network/family-time-plan-end.njk',
    context: {
      childHeader: child,
      childTab: 'family-time',
      pageTitle: `End the family time plan with ${plan.withName} – ${child.name}`,
      withName: plan.withName,
      mode: FAMILY_TIME_MODES[plan.plan.mode as keyof typeof FAMILY_TIME_MODES],
      frequency: frequencyText(plan.plan),
      startedOn: plan.plan.startedOn,
      action: networkPaths.endPlan(view.child.id, plan.plan.id),
      cancelHref: networkPaths.familyTime(view.child.id),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

/**
 * The page to end a running family time plan (the day it ended and why), and its form: one request, one
 * transaction, one audit event; the end is a new version of the plan, through the correction of network records.
 */
const endPlanPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/network/family-time-plans/:recordId/end',
    policy: 'child:edit',
    audit: 'NETWORK_FORM_VIEWED',
    handle: async (op, request) => {
      const { childId, row } = await authorisedRecord(op, 'family-time-plans', request)
      const view = await viewChildNetwork(op, childId)
      const plan = view.familyTime.find(f => f.plan.id === row.id)!
      if (!plan.isOpen) {
        // Nothing to ask: an ended plan's end date is changed by correcting the plan.
        return { redirect: networkPaths.familyTime(childId) }
      }
      return endPlanPage(view, op.today, plan, { version: String(row.version) })
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/network/family-time-plans/:recordId/end',
    policy: 'child:edit',
    audit: 'FAMILY_TIME_PLAN_ENDED',
    handle: async (op, request) => {
      const { childId, row } = await authorisedRecord(op, 'family-time-plans', request)
      const view = await viewChildNetwork(op, childId)
      const plan = view.familyTime.find(f => f.plan.id === row.id)!
      const startedOn = row.startedOn as CalendarDay
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields(['endedOn-day', 'reason'])
      const reading = readDate(form.endedOn, 'the date the plan ended')
      if (!reading.ok) {
        errors.add('endedOn-day', reading.message)
      } else if (reading.value === null) {
        errors.add('endedOn-day', 'Enter the date the plan ended')
      } else {
        const endedBefore = (row.endedOn as CalendarDay | null) ?? null
        addEndErrors(
          errors,
          checkFamilyTimePlanEnd({ startedOn, endedOn: endedBefore }, reading.value, op.today),
          startedOn,
        )
      }
      const why = text(form.reason).trim()
      if (why === '') {
        errors.add('reason', 'Enter why the plan is ending')
      } else if (why.length < 3 || why.length > 500) {
        errors.add('reason', 'The reason must be between 3 and 500 characters')
      }
      const page = () => endPlanPage(view, op.today, plan, form, errors)
      const parsed = FamilyTimePlanEndSchema.safeParse({ endedOn: reading.ok ? reading.value : null, reason: why })
      if (!parsed.success && errors.isEmpty) {
        errors.addSchemaErrors(parsed.error, NETWORK_FIELD_LABELS)
      }
      if (errors.isEmpty && parsed.success) {
        try {
          await endFamilyTimePlan(op, childId, row.id, formVersion(form, 'version'), parsed.data)
          return { redirect: networkPaths.familyTime(childId) }
        } catch (error) {
          if (error instanceof RuleViolationError) {
            addEndErrors(errors, error.errors, startedOn)
            throw new PageWithErrors(page())
          }
          throw new PageWithErrors(page(), collectRefusal(error, errors, STALE))
        }
      }
      throw new PageWithErrors(page())
    },
  },
]

async function showNetwork(op: Operation, request: FastifyRequest): Promise<PageResult> {
  return networkPage(await viewChildNetwork(op, childIdOf(request)), op.today)
}

async function showFamilyTime(op: Operation, request: FastifyRequest): Promise<PageResult> {
  return familyTimePage(await viewChildNetwork(op, childIdOf(request)), op.today)
}

async function showSplitSiblings(op: Operation): Promise<PageResult> {
  const groups = await listSplitSiblingGroups(op)
  return {
    template: 'network/split-siblings.njk',
    context: {
      pageTitle: 'Brothers and sisters living apart without an assessment',
      groups: groups.map(g => {
        const names = new Map(g.children.map(c => [c.id, c.name]))
        return {
          children: g.children.map(c => ({ ...c, href: networkPaths.network(c.id) })),
          pairs: g.pairs.map(p => ({
            between: `${names.get(p.childId) ?? 'A child'} and ${names.get(p.siblingChildId) ?? 'a child'}`,
            kind: SIBLING_KINDS[p.kind],
            warnings: p.warnings.map(w => SIBLING_WARNING_TEXT[w]),
          })),
        }
      }),
    },
  }
}

export const networkPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/network',
    policy: 'child:view',
    audit: 'CHILD_NETWORK_VIEWED',
    handle: showNetwork,
  },
  {
    method: 'GET',
    url: '/children/:childId/family-time',
    policy: 'child:view',
    audit: 'CHILD_NETWORK_VIEWED',
    handle: showFamilyTime,
  },
  ...FORMS.flatMap(formPages),
  ...CORRECTABLE.flatMap(correctionPages),
  ...endPlanPages,
  {
    method: 'GET',
    url: '/sibling-groups/split',
    policy: 'dashboard:team',
    audit: 'SPLIT_SIBLING_GROUPS_VIEWED',
    handle: showSplitSiblings,
  },
]
