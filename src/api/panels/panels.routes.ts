/**
 * The panels API: requests to the permanence panel (routed by the authority's cost threshold, rules.md PP-09), the
 * panel's (or a manager's) decisions, and the agency decision maker's decisions.
 */
import { createPanelRequest } from '../../app/panels/create-panel-request.ts'
import { decidePanelRequest } from '../../app/panels/decide-panel-request.ts'
import { listChildPanelRequests } from '../../app/panels/list-child-panel-requests.ts'
import { recordAdmDecision } from '../../app/panels/record-adm-decision.ts'
import { submitPanelRequest } from '../../app/panels/submit-panel-request.ts'
import { viewPanelRequest } from '../../app/panels/view-panel-request.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { ChildParamsSchema } from '../plans/plans.schema.ts'
import {
  AdmDecisionBodySchema,
  PanelDecisionBodySchema,
  PanelRequestBodySchema,
  PanelRequestParamsSchema,
} from './panels.schema.ts'

const BASE = '/api/v1/children/:childId'
const TAGS = ['Panels and agency decisions']

export const panelRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: `${BASE}/panel-requests`,
    summary: "The child's panel requests, each with every decision made on it",
    tags: TAGS,
    policy: 'child:view',
    audit: 'PANEL_REQUESTS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => {
      const { panelRequests } = await listChildPanelRequests(op, params.childId)
      return { body: { panelRequests: panelRequests.map(s => ({ rowVersion: s.rowVersion, ...s.request })) } }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/panel-requests`,
    summary: 'Make a panel request (purpose, cost in pence, route); over the authority’s threshold it must go to panel',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'PANEL_REQUEST_MADE',
    params: ChildParamsSchema,
    body: PanelRequestBodySchema,
    handle: async (op, { params, body }) => {
      const result = await createPanelRequest(op, params.childId, body)
      return {
        status: 201,
        body: result,
        version: result.rowVersion,
        location: `/api/v1/children/${params.childId}/panel-requests/${result.requestId}`,
      }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/panel-requests/:requestId`,
    summary: 'One panel request (ETag: its rowVersion)',
    tags: TAGS,
    policy: 'child:view',
    audit: 'PANEL_REQUEST_VIEWED',
    params: PanelRequestParamsSchema,
    handle: async (op, { params }) => {
      const stored = await viewPanelRequest(op, params.childId, params.requestId)
      return { body: { rowVersion: stored.rowVersion, ...stored.request }, version: stored.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/panel-requests/:requestId/submit`,
    summary: 'Submit a draft request for decision (If-Match required)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'PANEL_REQUEST_SUBMITTED',
    params: PanelRequestParamsSchema,
    needsVersion: true,
    handle: async (op, { params, version }) => {
      const result = await submitPanelRequest(op, params.childId, params.requestId, version)
      return { body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/panel-requests/:requestId/decisions`,
    summary:
      'Record the panel’s decision (panel member) or, below the threshold, the manager’s, with reasons and any conditions (If-Match required)',
    tags: TAGS,
    policy: 'decision:record',
    audit: 'PANEL_DECISION_RECORDED',
    params: PanelRequestParamsSchema,
    body: PanelDecisionBodySchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await decidePanelRequest(op, params.childId, params.requestId, version, body)
      return { status: 201, body: result, version: result.rowVersion }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/adm-decisions`,
    summary: "The agency decision maker's decisions about the child",
    tags: TAGS,
    policy: 'child:view',
    audit: 'ADM_DECISIONS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({
      body: { admDecisions: (await listChildPanelRequests(op, params.childId)).admDecisions },
    }),
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/adm-decisions`,
    summary: "Record the agency decision maker's decision, with reasons (immutable)",
    tags: TAGS,
    policy: 'decision:record',
    audit: 'ADM_DECISION_RECORDED',
    params: ChildParamsSchema,
    body: AdmDecisionBodySchema,
    handle: async (op, { params, body }) => ({
      status: 201,
      body: await recordAdmDecision(op, params.childId, body),
    }),
  }),
] as unknown as ApiRoute<never, never, never>[]
