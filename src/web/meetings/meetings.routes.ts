/**
 * The meetings pages: a child's meetings, actions, panel requests and agency decisions; booking a meeting; the
 * meeting recorder (attendance, people with parental responsibility not invited, the review of the last meeting's
 * actions, an outcome per child, decisions with reasons, actions with owners and dates, minutes, the next date) and
 * closing it; correcting a closed meeting (a new version with the reason; the closed one is kept); cancelling; and
 * updating an action. Forms keep every answer on error.
 */
import type { FastifyRequest } from 'fastify'
import { listChildAuditActions, type TrackedAuditAction } from '../../app/audits/list-child-audit-actions.ts'
import { AUDIT_DOMAIN_LABELS } from '../../domain/audits/audit-domains.ts'
import { cancelMeeting } from '../../app/meetings/cancel-meeting.ts'
import { closeMeeting } from '../../app/meetings/close-meeting.ts'
import { correctMeeting } from '../../app/meetings/correct-meeting.ts'
import { listChildMeetings, type ChildMeetings } from '../../app/meetings/list-child-meetings.ts'
import { recordMeeting } from '../../app/meetings/record-meeting.ts'
import { scheduleMeeting } from '../../app/meetings/schedule-meeting.ts'
import { updateMeetingAction } from '../../app/meetings/update-meeting-action.ts'
import { viewMeeting, type MeetingView } from '../../app/meetings/view-meeting.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import { REVIEW_PARTICIPATION } from '../../domain/children/codes.ts'
import {
  ACTION_STATUSES,
  ATTENDANCE,
  MEETING_KIND_VALUES,
  MEETING_KINDS,
  PARTICIPANT_ROLES,
  type MeetingKind,
} from '../../domain/meetings/meeting-kinds.ts'
import { MeetingRecordEditSchema, ScheduleMeetingSchema } from '../../domain/meetings/meeting-schemas.ts'
import { ADM_DECISION_KINDS, PANEL_OUTCOMES, PANEL_PURPOSES } from '../../domain/panels/panel-schemas.ts'
import { PANEL_REQUEST_STATUSES } from '../../domain/panels/panel-request.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { childHeaderView } from '../plans/child-header.view-model.ts'
import {
  collectRefusal,
  ErrorList,
  formAction,
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
import { childIdOf, idParam, STALE_MEETING } from '../plans/page-support.ts'
import { planPaths } from '../plans/plan-paths.ts'
import { formToMeetingEdit, MEETING_LISTS, meetingToForm } from './meeting-form.ts'
import { panelPages } from './panels.routes.ts'

const pairs = (table: Readonly<Record<string, string | { label: string }>>) =>
  Object.entries(table).map(([value, label]) => ({ value, text: typeof label === 'string' ? label : label.label }))

/** The chair's role each kind of meeting expects ([DOR]; [TAM] App 4; CPPCR 2010 reg 36). */
const DEFAULT_CHAIR: Partial<Record<MeetingKind, string>> = {
  'permanence-planning-meeting': 'team-manager',
  'statutory-review': 'iro',
  'agency-decision': 'agency-decision-maker',
}

function meetingChoices() {
  return {
    kinds: pairs(MEETING_KINDS),
    roles: pairs(PARTICIPANT_ROLES),
    attendance: pairs(ATTENDANCE),
    actionStatuses: pairs(ACTION_STATUSES),
    participation: Object.entries(REVIEW_PARTICIPATION).map(([value, label]) => ({
      value,
      text: `${value}: ${label}`,
    })),
  }
}

function listPage(
  list: ChildMeetings,
  today: CalendarDay,
  auditActions: readonly TrackedAuditAction[] = [],
): PageResult {
  const child = childHeaderView(list.child, today)
  const childId = list.child.id
  const names = (ids: readonly string[]) => ids.map(id => list.childNames[id] ?? 'another child').join(', ')
  const meetings = [...list.meetings].reverse().map(({ meeting }) => ({
    href: planPaths.meeting(childId, meeting.id),
    kind: MEETING_KINDS[meeting.kind].label,
    heldOn: meeting.record.heldOn,
    status: meeting.status,
    statusTag:
      meeting.status === 'closed'
        ? { text: 'Closed', classes: 'govuk-tag--green' }
        : meeting.status === 'cancelled'
          ? { text: 'Cancelled', classes: 'govuk-tag--grey' }
          : meeting.record.heldOn < today
            ? { text: 'Not closed', classes: 'govuk-tag--orange' }
            : { text: 'Booked', classes: 'govuk-tag--blue' },
    children: meeting.record.childIds.length > 1 ? names(meeting.record.childIds) : '',
    nextMeetingOn: meeting.record.nextMeetingOn,
  }))
  return {
    template: 'meetings/meetings.njk',
    context: {
      childHeader: child,
      pageTitle: `Meetings and actions – ${child.name}`,
      meetings,
      actions: list.actions.map(tracked => ({
        description: tracked.action.description,
        owner: tracked.action.owner,
        dueOn: tracked.action.dueOn,
        meeting: `${MEETING_KINDS[tracked.meetingKind].label}, ${tracked.meetingHeldOn}`,
        meetingHeldOn: tracked.meetingHeldOn,
        status: ACTION_STATUSES[tracked.status],
        tag:
          tracked.status === 'done'
            ? { text: 'Done', classes: 'govuk-tag--green' }
            : tracked.status === 'dropped'
              ? { text: 'Dropped', classes: 'govuk-tag--grey' }
              : tracked.isOverdue
                ? { text: 'Overdue', classes: 'govuk-tag--red' }
                : { text: 'Open', classes: 'govuk-tag--blue' },
        href: planPaths.actionUpdate(childId, tracked.meetingId, tracked.action.id),
      })),
      panelRequests: list.panelRequests.map(({ request }) => ({
        href: planPaths.panelRequest(childId, request.id),
        purpose: PANEL_PURPOSES[request.purpose],
        cost: request.costPence === null ? '' : `£${(request.costPence / 100).toFixed(2)}`,
        status: PANEL_REQUEST_STATUSES[request.status],
        outcome: request.decisions.at(-1) ? PANEL_OUTCOMES[request.decisions.at(-1)!.outcome] : '',
      })),
      admDecisions: list.admDecisions.map(decision => ({
        kind: ADM_DECISION_KINDS[decision.kind],
        outcome: decision.outcome === 'agreed' ? 'Agreed' : 'Not agreed',
        decidedOn: decision.decidedOn,
        by: decision.decidedBy.name,
        reasons: decision.reasons,
      })),
      // Actions that case-file audit findings set on the child's record (issue 9).
      auditActions: auditActions.map(a => ({
        description: a.description,
        domain: AUDIT_DOMAIN_LABELS[a.domain],
        owner: a.ownerName,
        dueOn: a.dueOn,
        tag:
          a.status === 'done'
            ? { text: 'Done', classes: 'govuk-tag--green' }
            : a.status === 'dropped'
              ? { text: 'Dropped', classes: 'govuk-tag--grey' }
              : a.isOverdue
                ? { text: 'Overdue', classes: 'govuk-tag--red' }
                : { text: 'Open', classes: 'govuk-tag--blue' },
        href: `/children/${childId}/audit-actions/${a.id}`,
      })),
      permissions: list.permissions,
      newMeetingHref: planPaths.newMeeting(childId),
      newPanelRequestHref: planPaths.newPanelRequest(childId),
      newAdmDecisionHref: planPaths.newAdmDecision(childId),
    },
  }
}

function newMeetingPage(list: ChildMeetings, today: CalendarDay, values: FormObject, errors = new ErrorList()) {
  const child = childHeaderView(list.child, today)
  return {
    template: 'meetings/meeting-new.njk',
    context: {
      childHeader: child,
      pageTitle: `Book or record a meeting – ${child.name}`,
      action: planPaths.newMeeting(list.child.id),
      cancelHref: planPaths.meetings(list.child.id),
      values,
      choices: meetingChoices(),
      children: [
        { value: list.child.id, text: child.name },
        ...list.siblings.map(sibling => ({ value: sibling.childId, text: sibling.name })),
      ],
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function bookMeeting(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const childId = childIdOf(request)
  await authoriseChild(op, childId, 'meeting:record')
  const list = await listChildMeetings(op, childId)
  const form = nestedForm(request)
  const errors = new ErrorList()
  const kind = text(form.kind)
  if (kind === '') {
    errors.add('kind', 'Select the kind of meeting')
  }
  const heldOn = readDate(form.heldOn, 'the date of the meeting')
  if (!heldOn.ok) {
    errors.add('heldOn-day', heldOn.message)
  } else if (heldOn.value === null) {
    errors.add('heldOn-day', 'Enter the date of the meeting')
  }
  const chair = group(form.chair)
  const parsed = ScheduleMeetingSchema.safeParse({
    kind,
    heldOn: heldOn.ok ? heldOn.value : null,
    // Unless chosen, the chair's role is the one the kind of meeting expects, else the role of whoever books it.
    chair: {
      name: text(chair.name),
      role:
        text(chair.role) ||
        DEFAULT_CHAIR[kind as MeetingKind] ||
        (op.actor.role in PARTICIPANT_ROLES ? op.actor.role : ''),
    },
    childIds: [childId, ...listOf(form.childIds).filter(id => id !== childId)],
    purpose: text(form.purpose),
  })
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, {
      kind: { noun: 'the kind of meeting', name: 'Kind of meeting', isChoice: true },
      role: { noun: 'the chair’s role', name: 'Chair’s role', isChoice: true },
      name: { noun: 'the name of the chair', name: 'Chair' },
    })
  }
  if (errors.isEmpty && parsed.success) {
    try {
      const booked = await scheduleMeeting(op, childId, parsed.data)
      return { redirect: planPaths.meeting(childId, booked.meetingId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_MEETING)
      throw new PageWithErrors(newMeetingPage(list, op.today, form, errors), outcome)
    }
  }
  throw new PageWithErrors(newMeetingPage(list, op.today, form, errors))
}

function listOf(value: FormObject[string] | undefined): string[] {
  return list(value)
}

/** What the meeting page is for: recording an open meeting, correcting a closed one, or reading it. */
type RecorderMode = 'record' | 'correct'

function recorderPage(
  view: MeetingView,
  today: CalendarDay,
  values: FormObject,
  rowVersion: number | string,
  errors = new ErrorList(),
  mode: RecorderMode = 'record',
  actorRole = '',
): PageResult {
  const child = childHeaderView(view.child, today)
  const meeting = view.meeting
  const childId = view.child.id
  const correcting = mode === 'correct'
  const canRecord = view.permissions.canRecordMeetings && meeting.status === 'open'
  const chairRoles: readonly string[] | null = MEETING_KINDS[meeting.kind].chairRoles
  // Only those who may chair this kind of meeting may correct it once closed (the domain refuses anyone else).
  const canCorrect =
    view.permissions.canRecordMeetings &&
    meeting.status === 'closed' &&
    (chairRoles === null || chairRoles.includes(actorRole))
  const kindLabel = MEETING_KINDS[meeting.kind].label
  return {
    template: canRecord || correcting ? 'meetings/meeting-recorder.njk' : 'meetings/meeting.njk',
    context: {
      childHeader: child,
      pageTitle: `${correcting ? 'Correct the record: ' : ''}${kindLabel}, ${meeting.record.heldOn} – ${child.name}`,
      kindLabel,
      meeting,
      correcting,
      isPpm: meeting.kind === 'permanence-planning-meeting',
      isReview: meeting.kind === 'statutory-review',
      action: correcting
        ? planPaths.meetingAction(childId, meeting.id, 'correct')
        : planPaths.meeting(childId, meeting.id),
      cancelHref: correcting
        ? planPaths.meeting(childId, meeting.id)
        : planPaths.meetingAction(childId, meeting.id, 'cancel'),
      correctHref: canCorrect ? planPaths.meetingAction(childId, meeting.id, 'correct') : undefined,
      meetingsHref: planPaths.meetings(childId),
      minutesPdf: planPaths.minutesDocument(childId, meeting.id, 'pdf'),
      minutesDocx: planPaths.minutesDocument(childId, meeting.id, 'docx'),
      rowVersion,
      values,
      choices: meetingChoices(),
      childNames: view.childNames,
      children: meeting.record.childIds.map(id => ({ value: id, text: view.childNames[id] ?? 'Another child' })),
      plans: Object.fromEntries(
        Object.entries(view.plans).map(([id, plan]) => [id, { version: plan.version, status: plan.status }]),
      ),
      previousActions: Object.fromEntries(
        view.previousActions.map(tracked => [
          tracked.action.id,
          { description: tracked.action.description, owner: tracked.action.owner, dueOn: tracked.action.dueOn },
        ]),
      ),
      actions: view.actions.map(tracked => ({
        description: tracked.action.description,
        owner: tracked.action.owner,
        dueOn: tracked.action.dueOn,
        child: tracked.action.childId ? (view.childNames[tracked.action.childId] ?? '') : 'All',
        status: ACTION_STATUSES[tracked.status],
        isOverdue: tracked.isOverdue,
        href: planPaths.actionUpdate(childId, meeting.id, tracked.action.id),
      })),
      labels: { roles: PARTICIPANT_ROLES, attendance: ATTENDANCE, participation: REVIEW_PARTICIPATION },
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function showMeeting(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const childId = childIdOf(request)
  const view = await viewMeeting(op, childId, idParam(request, 'meetingId'))
  return recorderPage(
    view,
    op.today,
    meetingToForm(view.meeting, view.previousActions, view.plans),
    view.rowVersion,
    new ErrorList(),
    'record',
    op.actor.role,
  )
}

function changeMeetingRows(form: FormObject, action: string): boolean {
  for (const [key, blank] of Object.entries(MEETING_LISTS)) {
    if (action === `add-${key}`) {
      form[key] = [...rows(form[key]), blank()]
      return true
    }
    if (action.startsWith(`remove-${key}-`)) {
      const index = Number(action.slice(`remove-${key}-`.length))
      form[key] = rows(form[key]).filter((_row, position) => position !== index)
      return true
    }
  }
  return false
}

/**
 * Reads the recorder's form into a meeting edit, adding an error for each field that is wrong.
 * @param form - the submitted form
 * @param view - the meeting as loaded
 * @param errors - where field errors go
 * @returns the schema's verdict on the edit
 */
function readMeetingEdit(form: FormObject, view: MeetingView, errors: ErrorList) {
  const edit = formToMeetingEdit(form, view.meeting, view.plans, errors)
  const parsed = MeetingRecordEditSchema.strict().safeParse(edit)
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, {
      role: { noun: 'their role', name: 'Role', isChoice: true },
      attendance: { noun: 'whether they attended', name: 'Attendance', isChoice: true },
      status: { noun: 'the action’s status', name: 'Status', isChoice: true },
      name: { noun: 'the name', name: 'Name' },
    })
  }
  return parsed
}

/**
 * What every post of the recorder starts from: the child (authorised to record meetings), the meeting as loaded,
 * and the submitted form with the row version it was loaded at.
 * @param op - the operation
 * @param request - the request
 * @returns the child, meeting, view, form and row version
 */
async function recorderPost(op: Operation, request: FastifyRequest) {
  const childId = childIdOf(request)
  const meetingId = idParam(request, 'meetingId')
  await authoriseChild(op, childId, 'meeting:record')
  const view = await viewMeeting(op, childId, meetingId)
  const form = nestedForm(request)
  return { childId, meetingId, view, form, rowVersion: formVersion(form) }
}

async function saveMeeting(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const { childId, meetingId, view, form, rowVersion } = await recorderPost(op, request)
  const action = formAction(form)
  if (changeMeetingRows(form, action)) {
    return recorderPage(view, op.today, form, rowVersion)
  }
  const errors = new ErrorList()
  const parsed = readMeetingEdit(form, view, errors)
  if (errors.isEmpty && parsed.success) {
    try {
      const saved = await recordMeeting(op, childId, meetingId, rowVersion, parsed.data)
      if (action === 'close') {
        await closeMeeting(op, childId, meetingId, saved.rowVersion)
        return { redirect: planPaths.meetings(childId) }
      }
      return { redirect: planPaths.meeting(childId, meetingId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_MEETING)
      throw new PageWithErrors(recorderPage(view, op.today, form, rowVersion, errors), outcome)
    }
  }
  throw new PageWithErrors(recorderPage(view, op.today, form, rowVersion, errors))
}

async function showCorrection(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const childId = childIdOf(request)
  await authoriseChild(op, childId, 'meeting:record')
  const view = await viewMeeting(op, childId, idParam(request, 'meetingId'))
  if (view.meeting.status !== 'closed') {
    return { redirect: planPaths.meeting(childId, view.meeting.id) }
  }
  const values = { ...meetingToForm(view.meeting, view.previousActions, view.plans), reason: '' }
  return recorderPage(view, op.today, values, view.rowVersion, new ErrorList(), 'correct', op.actor.role)
}

/**
 * Saves a correction to a closed meeting: the whole record as corrected, with the reason. The closed version stays in
 * the meeting's history (security D4); a corrected review corrects the care record too.
 * @param op - the operation
 * @param request - the request
 * @returns a redirect to the corrected meeting, or the form again with what is wrong
 */
async function saveCorrection(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const { childId, meetingId, view, form, rowVersion } = await recorderPost(op, request)
  const page = (errors = new ErrorList()) =>
    recorderPage(view, op.today, form, rowVersion, errors, 'correct', op.actor.role)
  if (changeMeetingRows(form, formAction(form))) {
    return page()
  }
  const errors = new ErrorList()
  const parsed = readMeetingEdit(form, view, errors)
  const reason = text(form.reason)
  if (reason === '') {
    errors.add('reason', 'Enter why the record is being corrected')
  }
  if (errors.isEmpty && parsed.success) {
    try {
      await correctMeeting(op, childId, meetingId, rowVersion, { edit: parsed.data, reason })
      return { redirect: planPaths.meeting(childId, meetingId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_MEETING)
      throw new PageWithErrors(page(errors), outcome)
    }
  }
  throw new PageWithErrors(page(errors))
}

function cancelPage(view: MeetingView, today: CalendarDay, values: FormObject, errors = new ErrorList()) {
  const child = childHeaderView(view.child, today)
  return {
    template: 'meetings/meeting-cancel.njk',
    context: {
      childHeader: child,
      pageTitle: `Cancel the meeting – ${child.name}`,
      kindLabel: MEETING_KINDS[view.meeting.kind].label,
      meeting: view.meeting,
      action: planPaths.meetingAction(view.child.id, view.meeting.id, 'cancel'),
      backHref: planPaths.meeting(view.child.id, view.meeting.id),
      rowVersion: text(values.rowVersion) || view.rowVersion,
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function actionPage(
  view: MeetingView,
  actionId: string,
  today: CalendarDay,
  values: FormObject,
  errors = new ErrorList(),
) {
  const tracked = view.actions.find(candidate => candidate.action.id === actionId)
  if (!tracked) {
    throw new NotFoundError('Action')
  }
  const child = childHeaderView(view.child, today)
  return {
    template: 'meetings/action-update.njk',
    context: {
      childHeader: child,
      pageTitle: `Update an action – ${child.name}`,
      tracked: {
        description: tracked.action.description,
        owner: tracked.action.owner,
        dueOn: tracked.action.dueOn,
        status: ACTION_STATUSES[tracked.status],
        isOverdue: tracked.isOverdue,
        meeting: `${MEETING_KINDS[view.meeting.kind].label}, ${view.meeting.record.heldOn}`,
      },
      action: planPaths.actionUpdate(view.child.id, view.meeting.id, actionId),
      backHref: planPaths.meetings(view.child.id),
      version: text(values.version) || tracked.version,
      values: { status: tracked.status, on: toFormDate(today), ...values },
      choices: meetingChoices(),
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

export const meetingPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/meetings',
    policy: 'child:view',
    audit: 'MEETINGS_VIEWED',
    handle: async (op, request) =>
      listPage(
        await listChildMeetings(op, childIdOf(request)),
        op.today,
        (await listChildAuditActions(op, childIdOf(request))).actions,
      ),
  },
  {
    method: 'GET',
    url: '/children/:childId/meetings/new',
    policy: 'meeting:record',
    audit: 'MEETINGS_VIEWED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'meeting:record')
      const list = await listChildMeetings(op, childId)
      const query = (request.query as Record<string, unknown>).kind
      const kind = typeof query === 'string' ? query : ''
      const chosen = (MEETING_KIND_VALUES as readonly string[]).includes(kind) ? (kind as MeetingKind) : ''
      return newMeetingPage(list, op.today, {
        kind: chosen,
        heldOn: toFormDate(op.today),
        chair: {
          name: op.actor.displayName,
          role: chosen === '' ? '' : (DEFAULT_CHAIR[chosen] ?? ''),
        },
        childIds: [childId],
      })
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/meetings/new',
    policy: 'meeting:record',
    audit: 'MEETING_BOOKED',
    handle: bookMeeting,
  },
  {
    method: 'GET',
    url: '/children/:childId/meetings/:meetingId',
    policy: 'child:view',
    audit: 'MEETING_VIEWED',
    handle: showMeeting,
  },
  {
    method: 'POST',
    url: '/children/:childId/meetings/:meetingId',
    policy: 'meeting:record',
    audit: 'MEETING_RECORDED',
    handle: saveMeeting,
  },
  {
    method: 'GET',
    url: '/children/:childId/meetings/:meetingId/correct',
    policy: 'meeting:record',
    audit: 'MEETING_VIEWED',
    handle: showCorrection,
  },
  {
    method: 'POST',
    url: '/children/:childId/meetings/:meetingId/correct',
    policy: 'meeting:record',
    audit: 'MEETING_CORRECTED',
    handle: saveCorrection,
  },
  {
    method: 'GET',
    url: '/children/:childId/meetings/:meetingId/cancel',
    policy: 'meeting:record',
    audit: 'MEETING_VIEWED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'meeting:record')
      return cancelPage(await viewMeeting(op, childId, idParam(request, 'meetingId')), op.today, {})
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/meetings/:meetingId/cancel',
    policy: 'meeting:record',
    audit: 'MEETING_CANCELLED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      const meetingId = idParam(request, 'meetingId')
      await authoriseChild(op, childId, 'meeting:record')
      const view = await viewMeeting(op, childId, meetingId)
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields(['reasons'])
      try {
        await cancelMeeting(op, childId, meetingId, formVersion(form), { reasons: text(form.reasons) })
        return { redirect: planPaths.meetings(childId) }
      } catch (error) {
        const outcome = collectRefusal(error, errors, STALE_MEETING)
        throw new PageWithErrors(cancelPage(view, op.today, form, errors), outcome)
      }
    },
  },
  {
    method: 'GET',
    url: '/children/:childId/meetings/:meetingId/actions/:actionId',
    policy: 'meeting:record',
    audit: 'MEETING_VIEWED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'meeting:record')
      const view = await viewMeeting(op, childId, idParam(request, 'meetingId'))
      return actionPage(view, String((request.params as Record<string, unknown>).actionId), op.today, {})
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/meetings/:meetingId/actions/:actionId',
    policy: 'meeting:record',
    audit: 'ACTION_UPDATED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      const meetingId = idParam(request, 'meetingId')
      const actionId = String((request.params as Record<string, unknown>).actionId)
      await authoriseChild(op, childId, 'meeting:record')
      const view = await viewMeeting(op, childId, meetingId)
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields(['status', 'on-day', 'note'])
      const on = readDate(form.on, 'the date')
      if (!on.ok || on.value === null) {
        errors.add('on-day', on.ok ? 'Enter the date' : on.message)
      }
      const status = text(form.status)
      if (!['open', 'done', 'dropped'].includes(status)) {
        errors.add('status', 'Select where the action stands')
      }
      if (errors.isEmpty && on.ok && on.value !== null) {
        try {
          await updateMeetingAction(op, childId, meetingId, actionId, formVersion(form, 'version'), {
            status: status as 'open' | 'done' | 'dropped',
            on: on.value,
            note: text(form.note),
          })
          return { redirect: planPaths.meetings(childId) }
        } catch (error) {
          const outcome = collectRefusal(error, errors, STALE_MEETING)
          throw new PageWithErrors(actionPage(view, actionId, op.today, form, errors), outcome)
        }
      }
      throw new PageWithErrors(actionPage(view, actionId, op.today, form, errors))
    },
  },
  ...panelPages,
]
