/**
 * The plan's lifecycle steps as pages: each a short form (a date, a meeting, reasons) that acts on the latest version
 * or the version in force, and goes back to the plan. The same use cases as the API, so the same rules refuse.
 */
import type { FastifyRequest } from 'fastify'
import type { PlanChangeResult } from '../../app/plans/change-plan-version.ts'
import { declinePlanRatification } from '../../app/plans/decline-plan-ratification.ts'
import { endorsePlan } from '../../app/plans/endorse-plan.ts'
import { ratifyPlan } from '../../app/plans/ratify-plan.ts'
import { recordOptionChangeNotPracticable } from '../../app/plans/record-option-change-not-practicable.ts'
import { recordOptionChangeReview } from '../../app/plans/record-option-change-review.ts'
import { recordPermanenceAchieved } from '../../app/plans/record-permanence-achieved.ts'
import { returnPlanToDraft } from '../../app/plans/return-plan-to-draft.ts'
import { sendPlanToManager } from '../../app/plans/send-plan-to-manager.ts'
import { startNewPlanVersion } from '../../app/plans/start-new-plan-version.ts'
import { viewPermanencePlan, type PlanOverview } from '../../app/plans/view-permanence-plan.ts'
import { withdrawPlan } from '../../app/plans/withdraw-plan.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import type { ChildAction } from '../../domain/access/policies.ts'
import { MEETING_KINDS } from '../../domain/meetings/meeting-kinds.ts'
import { OPTION_TYPE_VALUES, type OptionType } from '../../domain/plans/permanence-options.ts'
import { primaryOption } from '../../domain/plans/plan-queries.ts'
import { formatCalendarDay, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { deleteDraftPlanVersion } from '../../app/plans/delete-draft-plan-version.ts'
import { childHeaderView } from './child-header.view-model.ts'
import { collectRefusal, ErrorList, formVersion, nestedForm, readDate, text, type FormObject } from './form-data.ts'
import { childIdOf, STALE_PLAN } from './page-support.ts'
import { optionName, planSummary } from './plan.view-model.ts'
import { planPaths } from './plan-paths.ts'

type Field = 'reasons' | 'ppm' | 'review' | 'achieved' | 'changeReason'

interface ActionSpec {
  readonly path: string
  readonly policy: ChildAction
  readonly audit: string
  readonly title: string
  readonly intro: string
  readonly submit: string
  /** Which version the step acts on. */
  readonly target: 'latest' | 'inForce'
  readonly fields: readonly Field[]
  readonly reasonsLabel?: string
  readonly showReadiness?: boolean
  run(
    op: Operation,
    childId: string,
    version: number,
    rowVersion: number,
    form: FormObject,
    errors: ErrorList,
  ): Promise<PlanChangeResult> | null
}

/** The fields an action page can show; errors about the rest of the plan point at the page. */
const FIELD_IDS = ['reasons', 'ppmOn-day', 'ppmMeetingId', 'reviewMeetingId', 'achievedOn-day', 'route', 'changeReason']

function reasons(form: FormObject): { reasons: string } {
  return { reasons: text(form.reasons) }
}

const ACTIONS: readonly ActionSpec[] = [
  {
    path: 'send',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_SENT_TO_MANAGER',
    title: 'Send the plan to the team manager',
    intro:
      'The team manager considers the plan at the permanence planning meeting (PPM). Send it in good time: the authority’s guidance may say how many days before the meeting.',
    submit: 'Send to the team manager',
    target: 'latest',
    fields: ['ppm'],
    showReadiness: true,
    run: (op, childId, version, rowVersion, form, errors) => {
      const reading = readDate(form.ppmOn, 'the date of the meeting')
      if (!reading.ok || reading.value === null) {
        errors.add('ppmOn-day', reading.ok ? 'Enter the date of the permanence planning meeting' : reading.message)
        return null
      }
      const meetingId = text(form.ppmMeetingId)
      return sendPlanToManager(op, childId, version, rowVersion, {
        ppmOn: reading.value,
        ppmMeetingId: meetingId === '' ? null : meetingId,
      })
    },
  },
  {
    path: 'delete',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_DELETED',
    title: 'Delete this draft',
    intro:
      'Delete a plan started in error, before it is sent to the team manager. It is kept in the record’s history with your reason, and a new plan can be started.',
    submit: 'Delete the draft',
    target: 'latest',
    fields: ['reasons'],
    reasonsLabel: 'Why is this draft being deleted?',
    run: (op, childId, version, rowVersion, form) =>
      deleteDraftPlanVersion(op, childId, version, rowVersion, text(form.reasons)),
  },
  {
    path: 'withdraw',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_WITHDRAWN',
    title: 'Take the plan back',
    intro: 'Take the plan back from the team manager to change it. The plan goes back to draft.',
    submit: 'Take the plan back',
    target: 'latest',
    fields: ['reasons'],
    reasonsLabel: 'Why are you taking the plan back?',
    run: (op, childId, version, rowVersion, form) => withdrawPlan(op, childId, version, rowVersion, reasons(form)),
  },
  {
    path: 'return',
    policy: 'plan:endorse',
    audit: 'PERMANENCE_PLAN_RETURNED',
    title: 'Return the plan for changes',
    intro: 'The plan goes back to the social worker as a draft, with your reasons.',
    submit: 'Return the plan',
    target: 'latest',
    fields: ['reasons'],
    reasonsLabel: 'What needs to change, and why?',
    run: (op, childId, version, rowVersion, form) => returnPlanToDraft(op, childId, version, rowVersion, reasons(form)),
  },
  {
    path: 'endorse',
    policy: 'plan:endorse',
    audit: 'PERMANENCE_PLAN_ENDORSED',
    title: 'Endorse the plan',
    intro:
      'Endorse the plan the permanence planning meeting considered. It needs one primary plan, a viable contingency, the child’s views, the anticipated timescale and how the decision will be shared with the child.',
    submit: 'Endorse the plan',
    target: 'latest',
    fields: ['reasons'],
    reasonsLabel: 'Your reasons for endorsing this plan',
    showReadiness: true,
    run: (op, childId, version, rowVersion, form) => endorsePlan(op, childId, version, rowVersion, reasons(form)),
  },
  {
    path: 'ratify',
    policy: 'plan:ratify',
    audit: 'PERMANENCE_PLAN_RATIFIED',
    title: 'Ratify the plan at a child in care review',
    intro:
      'Choose the child in care review at which the plan was ratified. Record the review first if it is not listed.',
    submit: 'Ratify the plan',
    target: 'inForce',
    fields: ['review', 'reasons'],
    reasonsLabel: 'Your reasons for ratifying the plan',
    run: (op, childId, version, rowVersion, form) =>
      ratifyPlan(op, childId, version, rowVersion, { reviewMeetingId: text(form.reviewMeetingId), ...reasons(form) }),
  },
  {
    path: 'decline',
    policy: 'plan:ratify',
    audit: 'PERMANENCE_PLAN_RATIFICATION_DECLINED',
    title: 'Decline to ratify the plan',
    intro: 'The plan stays endorsed, and your challenge is kept with it for the team to act on.',
    submit: 'Decline to ratify',
    target: 'inForce',
    fields: ['review', 'reasons'],
    reasonsLabel: 'Why the plan cannot be ratified yet',
    run: (op, childId, version, rowVersion, form) =>
      declinePlanRatification(op, childId, version, rowVersion, {
        reviewMeetingId: text(form.reviewMeetingId),
        ...reasons(form),
      }),
  },
  {
    path: 'option-change-review',
    policy: 'plan:ratify',
    audit: 'OPTION_CHANGE_CONSIDERED_AT_REVIEW',
    title: 'Record the review that considered the change of option',
    intro:
      'A change of permanence option must be considered at a child in care review before it is made, unless that is not reasonably practicable (Care Planning Regulations 2010, regulation 32(2)).',
    submit: 'Record the review',
    target: 'latest',
    fields: ['review', 'reasons'],
    reasonsLabel: 'What the review concluded about the change',
    run: (op, childId, version, rowVersion, form) =>
      recordOptionChangeReview(op, childId, version, rowVersion, {
        reviewMeetingId: text(form.reviewMeetingId),
        ...reasons(form),
      }),
  },
  {
    path: 'option-change-not-practicable',
    policy: 'plan:endorse',
    audit: 'OPTION_CHANGE_NOT_PRACTICABLE_RECORDED',
    title: 'Record why the change of option could not wait for a review',
    intro: 'Only when considering the change at a child in care review first is not reasonably practicable.',
    submit: 'Record the reasons',
    target: 'latest',
    fields: ['reasons'],
    reasonsLabel: 'Why the change could not wait for a review',
    run: (op, childId, version, rowVersion, form) =>
      recordOptionChangeNotPracticable(op, childId, version, rowVersion, reasons(form)),
  },
  {
    path: 'new-version',
    policy: 'plan:edit',
    audit: 'PERMANENCE_PLAN_VERSION_STARTED',
    title: 'Start a new version of the plan',
    intro:
      'The plan in force stays in force until the new version is endorsed. A change of permanence option must be considered at a child in care review first.',
    submit: 'Start a new version',
    target: 'inForce',
    fields: ['changeReason'],
    run: (op, childId, _version, rowVersion, form) =>
      startNewPlanVersion(op, childId, rowVersion, { changeReason: text(form.changeReason) }),
  },
  {
    path: 'achieved',
    policy: 'plan:edit',
    audit: 'PERMANENCE_ACHIEVED_RECORDED',
    title: 'Record that permanence was achieved',
    intro:
      'Permanence is achieved by the primary plan. For long-term fostering the plan is still reviewed, on the authority’s cadence.',
    submit: 'Record permanence achieved',
    target: 'inForce',
    fields: ['achieved'],
    run: (op, childId, version, rowVersion, form, errors) => {
      const reading = readDate(form.achievedOn, 'the date permanence was achieved')
      if (!reading.ok || reading.value === null) {
        errors.add('achievedOn-day', reading.ok ? 'Enter the date permanence was achieved' : reading.message)
        return null
      }
      const route = text(form.route)
      if (!(OPTION_TYPE_VALUES as readonly string[]).includes(route)) {
        errors.add('route', 'Select how permanence was achieved')
        return null
      }
      return recordPermanenceAchieved(op, childId, version, rowVersion, {
        achievedOn: reading.value,
        route: route as OptionType,
        reasons: text(form.reasons),
      })
    },
  },
]

function meetingChoices(overview: PlanOverview, spec: ActionSpec) {
  const label = (heldOn: CalendarDay, kind: keyof typeof MEETING_KINDS) =>
    `${MEETING_KINDS[kind].label}, ${formatCalendarDay(heldOn)}`
  return {
    reviews: overview.meetings
      .filter(meeting => meeting.kind === 'statutory-review' && meeting.status === 'closed')
      .reverse()
      .map(meeting => ({ value: meeting.id, text: label(meeting.record.heldOn, meeting.kind) })),
    ppms: spec.fields.includes('ppm')
      ? overview.meetings
          .filter(meeting => meeting.kind === 'permanence-planning-meeting' && meeting.status === 'open')
          .map(meeting => ({
            value: meeting.id,
            text: label(meeting.record.heldOn, meeting.kind),
            heldOn: meeting.record.heldOn,
          }))
      : [],
  }
}

function actionPage(
  overview: PlanOverview,
  spec: ActionSpec,
  today: CalendarDay,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const target = (spec.target === 'latest' ? overview.latest : overview.inForce)!
  const vocabulary = overview.settings.plan.vocabulary
  const child = childHeaderView(overview.child, today)
  const primary = primaryOption(target.plan.content)
  return {
    template: 'plans/plan-action.njk',
    status: errors.isEmpty ? 200 : 400,
    context: {
      childHeader: child,
      pageTitle: `${spec.title} – ${child.name}`,
      spec: {
        title: spec.title,
        intro: spec.intro,
        submit: spec.submit,
        fields: spec.fields,
        reasonsLabel: spec.reasonsLabel,
      },
      action: planPaths.action(overview.child.id, spec.path),
      overviewHref: planPaths.plan(overview.child.id),
      meetingHref: planPaths.newMeeting(overview.child.id),
      planVersion: target.plan.version,
      rowVersion: text(values.rowVersion) || target.rowVersion,
      summary: planSummary(target.plan, vocabulary),
      readiness: spec.showReadiness ? overview.readiness.length : 0,
      routes: OPTION_TYPE_VALUES.map(value => ({ value, text: optionName(vocabulary, value) })),
      defaultRoute: primary?.type ?? '',
      ...meetingChoices(overview, spec),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function actionPages(spec: ActionSpec): WebPage[] {
  const load = async (op: Operation, request: FastifyRequest) => {
    const childId = childIdOf(request)
    await authoriseChild(op, childId, spec.policy)
    return { childId, overview: await viewPermanencePlan(op, childId) }
  }
  return [
    {
      method: 'GET',
      url: `/children/:childId/plan/${spec.path}`,
      policy: spec.policy,
      audit: 'PERMANENCE_PLAN_VIEWED',
      handle: async (op, request) => {
        const { childId, overview } = await load(op, request)
        if (!(spec.target === 'latest' ? overview.latest : overview.inForce)) {
          return { redirect: planPaths.plan(childId) }
        }
        return actionPage(overview, spec, op.today, {})
      },
    },
    {
      method: 'POST',
      url: `/children/:childId/plan/${spec.path}`,
      policy: spec.policy,
      audit: spec.audit,
      handle: async (op, request) => {
        const { childId, overview } = await load(op, request)
        const form = nestedForm(request)
        const errors = new ErrorList().onlyFields(FIELD_IDS)
        const target = spec.target === 'latest' ? overview.latest : overview.inForce
        if (!target) {
          return { redirect: planPaths.plan(childId) }
        }
        try {
          const running = spec.run(op, childId, target.plan.version, formVersion(form), form, errors)
          if (running !== null) {
            await running
            return { redirect: planPaths.plan(childId) }
          }
        } catch (error) {
          const outcome = collectRefusal(error, errors, STALE_PLAN)
          throw new PageWithErrors(actionPage(overview, spec, op.today, form, errors), outcome)
        }
        throw new PageWithErrors(actionPage(overview, spec, op.today, form, errors))
      },
    },
  ]
}

export const planActionPages: readonly WebPage[] = ACTIONS.flatMap(actionPages)
