/**
 * The documents page: the plan (each version) and each meeting's minutes to download as PDF or DOCX, headed with
 * the authority's name; and "My plan": composed from the plan in plain words, edited by the social worker, marked as
 * shared. Every download is audited as an export of the child's record.
 */
import type { FastifyRequest } from 'fastify'
import { exportMinutesDocument } from '../../app/documents/export-minutes-document.ts'
import { exportMyPlanDocument } from '../../app/documents/export-my-plan-document.ts'
import { exportPlanDocument } from '../../app/documents/export-plan-document.ts'
import type { DocumentFormat } from '../../app/documents/document-file.ts'
import { composeMyPlanDraft } from '../../app/plans/compose-my-plan-draft.ts'
import { editMyPlan } from '../../app/plans/edit-my-plan.ts'
import { markMyPlanShared } from '../../app/plans/mark-my-plan-shared.ts'
import { viewChildDocuments, type ChildDocuments } from '../../app/plans/view-child-documents.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import { MEETING_KINDS } from '../../domain/meetings/meeting-kinds.ts'
import { MyPlanSchema } from '../../domain/plans/compose-my-plan.ts'
import { PLAN_STATUSES } from '../../domain/plans/permanence-plan.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { childHeaderView } from '../plans/child-header.view-model.ts'
import {
  collectRefusal,
  ErrorList,
  formAction,
  formVersion,
  nestedForm,
  readDate,
  rows,
  text,
  toFormDate,
  type FormObject,
} from '../plans/form-data.ts'
import { childIdOf, idParam } from '../plans/page-support.ts'
import { planPaths } from '../plans/plan-paths.ts'

const STALE_MY_PLAN =
  'Someone else has changed “My plan” since you opened it, so your changes were not saved. Open the page again to see their changes.'

function formatOf(request: FastifyRequest): DocumentFormat {
  const format = String((request.params as Record<string, unknown>).format)
  if (format !== 'pdf' && format !== 'docx') {
    throw new NotFoundError('Document')
  }
  return format
}

function documentsPage(
  documents: ChildDocuments,
  today: CalendarDay,
  values: { myPlan?: FormObject; share?: FormObject } = {},
  errors = new ErrorList(),
): PageResult {
  const child = childHeaderView(documents.child, today)
  const childId = documents.child.id
  const myPlan = documents.myPlan
  return {
    template: 'documents/documents.njk',
    context: {
      childHeader: child,
      pageTitle: `Documents – ${child.name}`,
      versions: [...documents.versions].reverse().map(stored => ({
        version: stored.plan.version,
        status: PLAN_STATUSES[stored.plan.status],
        isInForce: stored.plan.version === documents.inForce?.plan.version,
        pdf: planPaths.planDocument(childId, 'pdf', stored.plan.version),
        docx: planPaths.planDocument(childId, 'docx', stored.plan.version),
      })),
      meetings: documents.meetings.map(meeting => ({
        title: `${MEETING_KINDS[meeting.kind].label}, ${meeting.record.heldOn}`,
        heldOn: meeting.record.heldOn,
        kind: MEETING_KINDS[meeting.kind].label,
        isFinal: meeting.status === 'closed',
        pdf: planPaths.minutesDocument(childId, meeting.id, 'pdf'),
        docx: planPaths.minutesDocument(childId, meeting.id, 'docx'),
      })),
      canEdit: documents.permissions.canEditPlan,
      hasPlanInForce: documents.inForce?.plan.status === 'endorsed' || documents.inForce?.plan.status === 'ratified',
      myPlan: myPlan
        ? {
            rowVersion: myPlan.rowVersion,
            planVersion: myPlan.planVersion,
            composedOn: myPlan.composedOn,
            shared: myPlan.shared,
            pdf: planPaths.myPlanDocument(childId, 'pdf'),
            docx: planPaths.myPlanDocument(childId, 'docx'),
          }
        : null,
      myPlanValues: values.myPlan ?? { sections: myPlan?.myPlan.sections ?? [] },
      shareValues: values.share ?? { sharedOn: toFormDate(today), sharedWith: '' },
      composeAction: planPaths.myPlan(childId, 'compose'),
      editAction: planPaths.myPlan(childId, 'edit'),
      shareAction: planPaths.myPlan(childId, 'share'),
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function loadForEditing(op: Operation, request: FastifyRequest) {
  const childId = childIdOf(request)
  await authoriseChild(op, childId, 'plan:edit')
  return { childId, documents: await viewChildDocuments(op, childId) }
}

export const documentPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/documents',
    policy: 'child:view',
    audit: 'DOCUMENTS_VIEWED',
    handle: async (op, request) => documentsPage(await viewChildDocuments(op, childIdOf(request)), op.today),
  },
  {
    method: 'GET',
    url: '/children/:childId/documents/plan/:format',
    policy: 'child:view',
    audit: 'PERMANENCE_PLAN_EXPORTED',
    handle: async (op, request) => {
      const version = Number((request.query as Record<string, unknown>).version)
      const file = await exportPlanDocument(
        op,
        childIdOf(request),
        formatOf(request),
        Number.isInteger(version) && version > 0 ? version : undefined,
      )
      return { file }
    },
  },
  {
    method: 'GET',
    url: '/children/:childId/documents/minutes/:meetingId/:format',
    policy: 'child:view',
    audit: 'MINUTES_EXPORTED',
    handle: async (op, request) => ({
      file: await exportMinutesDocument(op, childIdOf(request), idParam(request, 'meetingId'), formatOf(request)),
    }),
  },
  {
    method: 'GET',
    url: '/children/:childId/documents/my-plan/:format',
    policy: 'child:view',
    audit: 'MY_PLAN_EXPORTED',
    handle: async (op, request) => ({ file: await exportMyPlanDocument(op, childIdOf(request), formatOf(request)) }),
  },
  {
    method: 'POST',
    url: '/children/:childId/documents/my-plan/compose',
    policy: 'plan:edit',
    audit: 'MY_PLAN_COMPOSED',
    handle: async (op, request) => {
      const { childId, documents } = await loadForEditing(op, request)
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields([])
      try {
        await composeMyPlanDraft(op, childId, documents.myPlan ? formVersion(form) : null)
        return { redirect: `${planPaths.documents(childId)}#my-plan` }
      } catch (error) {
        const outcome = collectRefusal(error, errors, STALE_MY_PLAN)
        throw new PageWithErrors(documentsPage(documents, op.today, {}, errors), outcome)
      }
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/documents/my-plan/edit',
    policy: 'plan:edit',
    audit: 'MY_PLAN_EDITED',
    handle: async (op, request) => {
      const { childId, documents } = await loadForEditing(op, request)
      const form = nestedForm(request)
      const action = formAction(form)
      const sections = rows(form.sections).map(row => ({ heading: text(row.heading), text: text(row.text) }))
      if (action === 'add-section') {
        return documentsPage(documents, op.today, {
          myPlan: { ...form, sections: [...sections, { heading: '', text: '' }] },
        })
      }
      if (action.startsWith('remove-section-')) {
        const index = Number(action.slice('remove-section-'.length))
        return documentsPage(documents, op.today, {
          myPlan: { ...form, sections: sections.filter((_section, position) => position !== index) },
        })
      }
      const errors = new ErrorList()
      sections.forEach((section, index) => {
        if (section.heading.trim() === '') {
          errors.add(`sections-${index}-heading`, 'Enter a heading for this part')
        }
      })
      const parsed = MyPlanSchema.safeParse({ sections })
      if (!parsed.success) {
        errors.addSchemaErrors(parsed.error)
      }
      if (errors.isEmpty && parsed.success) {
        try {
          await editMyPlan(op, childId, formVersion(form), parsed.data)
          return { redirect: `${planPaths.documents(childId)}#my-plan` }
        } catch (error) {
          const outcome = collectRefusal(error, errors, STALE_MY_PLAN)
          throw new PageWithErrors(documentsPage(documents, op.today, { myPlan: form }, errors), outcome)
        }
      }
      throw new PageWithErrors(documentsPage(documents, op.today, { myPlan: form }, errors))
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/documents/my-plan/share',
    policy: 'plan:edit',
    audit: 'MY_PLAN_SHARED',
    handle: async (op, request) => {
      const { childId, documents } = await loadForEditing(op, request)
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields(['sharedOn-day', 'sharedWith'])
      const sharedOn = readDate(form.sharedOn, 'the date it was shared')
      if (!sharedOn.ok || sharedOn.value === null) {
        errors.add('sharedOn-day', sharedOn.ok ? 'Enter the date it was shared' : sharedOn.message)
      }
      if (errors.isEmpty && sharedOn.ok && sharedOn.value !== null) {
        try {
          await markMyPlanShared(op, childId, formVersion(form), {
            sharedOn: sharedOn.value,
            sharedWith: text(form.sharedWith),
          })
          return { redirect: `${planPaths.documents(childId)}#my-plan` }
        } catch (error) {
          const outcome = collectRefusal(error, errors, STALE_MY_PLAN)
          throw new PageWithErrors(documentsPage(documents, op.today, { share: form }, errors), outcome)
        }
      }
      throw new PageWithErrors(documentsPage(documents, op.today, { share: form }, errors))
    },
  },
]
