/**
 * The meetings API: a child's meetings and decision points (a sibling group's meeting is reached through any of its
 * children), recording and closing them, corrections, cancellations, actions and their updates, and the minutes as
 * PDF or DOCX. Changes to an existing meeting or action need `If-Match` (412 stale, 428 missing).
 */
import { cancelMeeting } from '../../app/meetings/cancel-meeting.ts'
import { closeMeeting } from '../../app/meetings/close-meeting.ts'
import { correctMeeting } from '../../app/meetings/correct-meeting.ts'
import { listChildMeetings } from '../../app/meetings/list-child-meetings.ts'
import { recordMeeting } from '../../app/meetings/record-meeting.ts'
import { scheduleMeeting } from '../../app/meetings/schedule-meeting.ts'
import { updateMeetingAction } from '../../app/meetings/update-meeting-action.ts'
import { viewMeeting } from '../../app/meetings/view-meeting.ts'
import { exportMinutesDocument } from '../../app/documents/export-minutes-document.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { download } from '../plans/plans.routes.ts'
import { ChildParamsSchema, FormatQuerySchema } from '../plans/plans.schema.ts'
import { presentAction, presentChildMeetings, presentMeeting } from './meetings.presenter.ts'
import {
  ActionParamsSchema,
  ActionUpdateBodySchema,
  CancelMeetingBodySchema,
  CorrectMeetingBodySchema,
  MeetingParamsSchema,
  MeetingRecordBodySchema,
  ScheduleMeetingBodySchema,
} from './meetings.schema.ts'

const BASE = '/api/v1/children/:childId'
const TAGS = ['Meetings and actions']

export const meetingRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: `${BASE}/meetings`,
    summary: "The child's meetings and decision points, and the actions set at them",
    tags: TAGS,
    policy: 'child:view',
    audit: 'MEETINGS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({ body: presentChildMeetings(await listChildMeetings(op, params.childId)) }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/meetings`,
    summary: 'Book a meeting about the child or their sibling group (PPM, child in care review, panel, …)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'MEETING_BOOKED',
    params: ChildParamsSchema,
    body: ScheduleMeetingBodySchema,
    handle: async (op, { params, body }) => {
      const childIds = body.childIds.length === 0 ? [params.childId] : body.childIds
      const result = await scheduleMeeting(op, params.childId, { ...body, childIds })
      return {
        status: 201,
        body: result,
        version: result.rowVersion,
        location: `/api/v1/children/${params.childId}/meetings/${result.meetingId}`,
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/meetings/:meetingId`,
    summary: 'One meeting, with its actions and the previous meeting’s actions (ETag: its rowVersion)',
    tags: TAGS,
    policy: 'child:view',
    audit: 'MEETING_VIEWED',
    params: MeetingParamsSchema,
    handle: async (op, { params }) => {
      const view = await viewMeeting(op, params.childId, params.meetingId)
      return { body: presentMeeting(view), version: view.rowVersion }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/meetings/:meetingId`,
    summary: 'Record what happened at an open meeting: each part given replaces that part (If-Match required)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'MEETING_RECORDED',
    params: MeetingParamsSchema,
    body: MeetingRecordBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await recordMeeting(op, params.childId, params.meetingId, version, body)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/meetings/:meetingId/close`,
    summary:
      'Close the meeting, by its chair (a PPM needs the next one booked; a child in care review is recorded in the care record) (If-Match required)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'MEETING_CLOSED',
    params: MeetingParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const result = await closeMeeting(op, params.childId, params.meetingId, version)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/meetings/:meetingId/cancel`,
    summary: 'Cancel an open meeting, with reasons (If-Match required)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'MEETING_CANCELLED',
    params: MeetingParamsSchema,
    body: CancelMeetingBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await cancelMeeting(op, params.childId, params.meetingId, version, body)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/meetings/:meetingId/corrections`,
    summary: 'Correct a closed meeting: a new version with the reason; the closed one is kept (If-Match required)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'MEETING_CORRECTED',
    params: MeetingParamsSchema,
    body: CorrectMeetingBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await correctMeeting(op, params.childId, params.meetingId, version, body)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/meetings/:meetingId/minutes`,
    summary: 'The minutes as PDF or DOCX, headed with the authority’s name',
    tags: TAGS,
    policy: 'child:view',
    audit: 'MINUTES_EXPORTED',
    params: MeetingParamsSchema,
    query: FormatQuerySchema,
    handle: async (op, { params, query }) =>
      download(await exportMinutesDocument(op, params.childId, params.meetingId, query.format)),
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/actions`,
    summary: "The actions set at the child's closed meetings, earliest due first, overdue ones marked",
    tags: TAGS,
    policy: 'child:view',
    audit: 'ACTIONS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({
      body: { actions: (await listChildMeetings(op, params.childId)).actions.map(presentAction) },
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/meetings/:meetingId/actions/:actionId/updates`,
    summary: 'Mark an action done, dropped (with a reason) or open again (If-Match: the action’s version)',
    tags: TAGS,
    policy: 'meeting:record',
    audit: 'ACTION_UPDATED',
    params: ActionParamsSchema,
    body: ActionUpdateBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await updateMeetingAction(op, params.childId, params.meetingId, params.actionId, version, body)
      return { status: 201, body: result, version: result.version }
    },
  }),
] as unknown as ApiRoute<never, never, never>[]
