/**
 * Panel requests and agency decisions as pages: making a request (routed by the authority's cost threshold), the
 * request with every decision on it, the panel's or manager's decision, and the agency decision maker's decision.
 */
import type { FastifyRequest } from 'fastify'
import { createPanelRequest } from '../../app/panels/create-panel-request.ts'
import { decidePanelRequest } from '../../app/panels/decide-panel-request.ts'
import { recordAdmDecision } from '../../app/panels/record-adm-decision.ts'
import { submitPanelRequest } from '../../app/panels/submit-panel-request.ts'
import { viewPanelRequest } from '../../app/panels/view-panel-request.ts'
import type { StoredPanelRequest } from '../../app/plans/types.ts'
import { planningPermissions, type PlanningPermissions } from '../../app/plans/plan-support.ts'
import { loadChildHeader, type ChildHeader } from '../../app/plans/child-header.ts'
import { planningSettingsFor } from '../../app/plans/planning-settings.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import type { PlanningSettings } from '../../domain/plans/planning-settings.ts'
import {
  ADM_DECISION_KINDS,
  PANEL_OUTCOMES,
  PANEL_PURPOSES,
  PANEL_ROUTES,
  type AdmDecisionKind,
  type PanelOutcome,
  type PanelPurpose,
  type PanelRoute,
} from '../../domain/panels/panel-schemas.ts'
import { PANEL_REQUEST_STATUSES } from '../../domain/panels/panel-request.ts'
import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { childHeaderView } from '../plans/child-header.view-model.ts'
import {
  collectRefusal,
  ErrorList,
  formVersion,
  nestedForm,
  readDate,
  text,
  toFormDate,
  type FormObject,
} from '../plans/form-data.ts'
import { childIdOf, idParam } from '../plans/page-support.ts'
import { planPaths } from '../plans/plan-paths.ts'
import { penceFromPounds } from './meeting-form.ts'

/** The dates of a decision's form, named in the messages about them. */
const DECISION_DATE_LABELS = {
  decidedOn: { noun: 'the date of the decision', name: 'Date of the decision' },
  returnOn: { noun: 'the date it comes back', name: 'The date it comes back' },
}

const STALE_REQUEST =
  'Someone else has changed this request since you opened it, so your changes were not saved. Open it again to see the other changes.'

const pairs = (table: Readonly<Record<string, string>>) =>
  Object.entries(table).map(([value, label]) => ({ value, text: label }))

function pounds(pence: number | null): string {
  return pence === null ? 'Not costed' : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`
}

function thresholdWords(settings: PlanningSettings): string {
  const threshold = settings.panel.costThresholdPence
  const purposes = settings.panel.purposesAlwaysToPanel.map(purpose => PANEL_PURPOSES[purpose].toLowerCase())
  const parts = [
    threshold === null ? null : `requests costing more than ${pounds(threshold)}`,
    purposes.length === 0 ? null : `every request for ${purposes.join(' or ')}`,
  ].filter((part): part is string => part !== null)
  return parts.length === 0
    ? 'The authority has no panel threshold: a manager may decide any request.'
    : `In this authority ${parts.join(', and ')} must go to panel.`
}

function newRequestPage(
  child: ChildHeader,
  settings: PlanningSettings,
  today: CalendarDay,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const header = childHeaderView(child, today)
  return {
    template: 'meetings/panel-request-new.njk',
    context: {
      childHeader: header,
      pageTitle: `Make a panel request – ${header.name}`,
      action: planPaths.newPanelRequest(child.id),
      backHref: planPaths.meetings(child.id),
      threshold: thresholdWords(settings),
      purposes: pairs(PANEL_PURPOSES),
      routes: pairs(PANEL_ROUTES),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function requestPage(
  child: ChildHeader,
  stored: StoredPanelRequest,
  permissions: PlanningPermissions,
  today: CalendarDay,
  values: FormObject,
  errors = new ErrorList(),
): PageResult {
  const header = childHeaderView(child, today)
  const request = stored.request
  return {
    template: 'meetings/panel-request.njk',
    context: {
      childHeader: header,
      pageTitle: `Panel request – ${header.name}`,
      request: {
        purpose: PANEL_PURPOSES[request.purpose],
        details: request.details,
        cost: pounds(request.costPence),
        route: PANEL_ROUTES[request.route],
        status: PANEL_REQUEST_STATUSES[request.status],
        isDraft: request.status === 'draft',
        canDecide: permissions.canRecordDecisions && (request.status === 'submitted' || request.status === 'deferred'),
        canSubmit: permissions.canEditPlan && request.status === 'draft',
        createdOn: request.createdOn,
        createdBy: request.createdBy.name,
        decisions: request.decisions.map(decision => ({
          outcome: PANEL_OUTCOMES[decision.outcome],
          reasons: decision.reasons,
          conditions: decision.conditions,
          returnOn: decision.returnOn,
          decidedOn: decision.decidedOn,
          by: decision.decidedBy.name,
        })),
      },
      outcomes: pairs(PANEL_OUTCOMES),
      action: planPaths.panelRequest(child.id, request.id),
      submitAction: `${planPaths.panelRequest(child.id, request.id)}/submit`,
      backHref: planPaths.meetings(child.id),
      rowVersion: text(values.rowVersion) || stored.rowVersion,
      values: { decidedOn: toFormDate(today), ...values },
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function loadRequest(op: Operation, request: FastifyRequest) {
  const childId = childIdOf(request)
  const stored = await viewPanelRequest(op, childId, idParam(request, 'requestId'))
  return {
    childId,
    stored,
    child: await loadChildHeader(op, childId),
    permissions: await planningPermissions(op, childId),
  }
}

function admPage(child: ChildHeader, today: CalendarDay, values: FormObject, errors = new ErrorList()): PageResult {
  const header = childHeaderView(child, today)
  return {
    template: 'meetings/adm-decision-new.njk',
    context: {
      childHeader: header,
      pageTitle: `Record an agency decision – ${header.name}`,
      action: planPaths.newAdmDecision(child.id),
      backHref: planPaths.meetings(child.id),
      kinds: pairs(ADM_DECISION_KINDS),
      values: { decidedOn: toFormDate(today), ...values },
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

export const panelPages: readonly WebPage[] = [
  {
    method: 'GET',
    url: '/children/:childId/panel-requests/new',
    policy: 'plan:edit',
    audit: 'PANEL_REQUESTS_VIEWED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'plan:edit')
      return newRequestPage(await loadChildHeader(op, childId), await planningSettingsFor(op), op.today, {
        route: 'panel',
      })
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/panel-requests/new',
    policy: 'plan:edit',
    audit: 'PANEL_REQUEST_MADE',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'plan:edit')
      const child = await loadChildHeader(op, childId)
      const settings = await planningSettingsFor(op)
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields(['purpose', 'details', 'cost', 'route', 'submit'])
      const purpose = text(form.purpose)
      const route = text(form.route)
      const cost = penceFromPounds(text(form.cost))
      if (!(purpose in PANEL_PURPOSES)) {
        errors.add('purpose', 'Select what the request is for')
      }
      if (!(route in PANEL_ROUTES)) {
        errors.add('route', 'Select who decides the request')
      }
      if (cost === undefined) {
        errors.add('cost', 'Enter the cost in pounds and pence, for example 2,150.50')
      }
      if (errors.isEmpty && cost !== undefined) {
        try {
          const made = await createPanelRequest(op, childId, {
            childIds: [childId],
            purpose: purpose as PanelPurpose,
            details: text(form.details),
            costPence: cost,
            route: route as PanelRoute,
            panelMeetingId: null,
            submit: text(form.submit) === 'yes',
          })
          return { redirect: planPaths.panelRequest(childId, made.requestId) }
        } catch (error) {
          const outcome = collectRefusal(error, errors, STALE_REQUEST)
          throw new PageWithErrors(newRequestPage(child, settings, op.today, form, errors), outcome)
        }
      }
      throw new PageWithErrors(newRequestPage(child, settings, op.today, form, errors))
    },
  },
  {
    method: 'GET',
    url: '/children/:childId/panel-requests/:requestId',
    policy: 'child:view',
    audit: 'PANEL_REQUEST_VIEWED',
    handle: async (op, request) => {
      const { child, stored, permissions } = await loadRequest(op, request)
      return requestPage(child, stored, permissions, op.today, {})
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/panel-requests/:requestId/submit',
    policy: 'plan:edit',
    audit: 'PANEL_REQUEST_SUBMITTED',
    handle: async (op, request) => {
      const { childId, child, stored, permissions } = await loadRequest(op, request)
      await authoriseChild(op, childId, 'plan:edit')
      const form = nestedForm(request)
      const errors = new ErrorList().onlyFields([])
      try {
        await submitPanelRequest(op, childId, stored.request.id, formVersion(form))
        return { redirect: planPaths.panelRequest(childId, stored.request.id) }
      } catch (error) {
        const outcome = collectRefusal(error, errors, STALE_REQUEST)
        throw new PageWithErrors(requestPage(child, stored, permissions, op.today, form, errors), outcome)
      }
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/panel-requests/:requestId',
    policy: 'decision:record',
    audit: 'PANEL_DECISION_RECORDED',
    handle: async (op, request) => {
      const { childId, child, stored, permissions } = await loadRequest(op, request)
      await authoriseChild(op, childId, 'decision:record')
      const form = nestedForm(request)
      const errors = new ErrorList()
        .onlyFields(['outcome', 'reasons', 'conditions', 'returnOn-day', 'decidedOn-day'])
        .withLabels(DECISION_DATE_LABELS)
      const outcome = text(form.outcome)
      if (!(outcome in PANEL_OUTCOMES)) {
        errors.add('outcome', 'Select the decision')
      }
      const decidedOn = readDate(form.decidedOn, 'the date of the decision')
      if (!decidedOn.ok || decidedOn.value === null) {
        errors.add('decidedOn-day', decidedOn.ok ? 'Enter the date of the decision' : decidedOn.message)
      }
      const returnOn = readDate(form.returnOn, 'the date it comes back')
      if (!returnOn.ok) {
        errors.add('returnOn-day', returnOn.message)
      }
      if (errors.isEmpty && decidedOn.ok && decidedOn.value !== null && returnOn.ok) {
        try {
          await decidePanelRequest(op, childId, stored.request.id, formVersion(form), {
            outcome: outcome as PanelOutcome,
            reasons: text(form.reasons),
            conditions: text(form.conditions)
              .split('\n')
              .map(line => line.trim())
              .filter(line => line !== ''),
            returnOn: returnOn.value,
            decidedOn: decidedOn.value,
            panelMeetingId: null,
          })
          return { redirect: planPaths.panelRequest(childId, stored.request.id) }
        } catch (error) {
          const refusal = collectRefusal(error, errors, STALE_REQUEST)
          throw new PageWithErrors(requestPage(child, stored, permissions, op.today, form, errors), refusal)
        }
      }
      throw new PageWithErrors(requestPage(child, stored, permissions, op.today, form, errors))
    },
  },
  {
    method: 'GET',
    url: '/children/:childId/adm-decisions/new',
    policy: 'decision:record',
    audit: 'ADM_DECISIONS_VIEWED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'decision:record')
      return admPage(await loadChildHeader(op, childId), op.today, {})
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/adm-decisions/new',
    policy: 'decision:record',
    audit: 'ADM_DECISION_RECORDED',
    handle: async (op, request) => {
      const childId = childIdOf(request)
      await authoriseChild(op, childId, 'decision:record')
      const child = await loadChildHeader(op, childId)
      const form = nestedForm(request)
      const errors = new ErrorList()
        .onlyFields(['kind', 'outcome', 'reasons', 'decidedOn-day'])
        .withLabels(DECISION_DATE_LABELS)
      const kind = text(form.kind)
      const outcome = text(form.outcome)
      if (!(kind in ADM_DECISION_KINDS)) {
        errors.add('kind', 'Select what was decided')
      }
      if (outcome !== 'agreed' && outcome !== 'not-agreed') {
        errors.add('outcome', 'Select whether it was agreed')
      }
      const decidedOn = readDate(form.decidedOn, 'the date of the decision')
      if (!decidedOn.ok || decidedOn.value === null) {
        errors.add('decidedOn-day', decidedOn.ok ? 'Enter the date of the decision' : decidedOn.message)
      }
      if (errors.isEmpty && decidedOn.ok && decidedOn.value !== null) {
        try {
          await recordAdmDecision(op, childId, {
            kind: kind as AdmDecisionKind,
            outcome: outcome as 'agreed' | 'not-agreed',
            reasons: text(form.reasons),
            decidedOn: decidedOn.value,
            panelMeetingId: null,
            panelRecommendation: '',
          })
          return { redirect: planPaths.meetings(childId) }
        } catch (error) {
          const refusal = collectRefusal(error, errors, STALE_REQUEST)
          throw new PageWithErrors(admPage(child, op.today, form, errors), refusal)
        }
      }
      throw new PageWithErrors(admPage(child, op.today, form, errors))
    },
  },
]
