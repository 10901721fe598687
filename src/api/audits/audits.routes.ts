/**
 * The case-file audits API (issue 9): audit rounds (set up by a quality-assurance lead, with a sample drawn by rule),
 * each case's facts, audit form and moderation (saved as versions: If-Match is the number of versions seen, W/"0"
 * for the first), actions from findings, withdrawing a case and cancelling a round (ADR 0082), the learning brief
 * (JSON, PDF, DOCX) and a child's audit actions.
 * Auditors see only the rounds and cases that name them; everything else is "not found".
 */
import { addAuditAction } from '../../app/audits/add-audit-action.ts'
import { cancelAuditRound } from '../../app/audits/cancel-audit-round.ts'
import { closeAuditRound } from '../../app/audits/close-audit-round.ts'
import { createAuditRound } from '../../app/audits/create-audit-round.ts'
import { exportLearningBriefDocument } from '../../app/audits/export-learning-brief-document.ts'
import { listAuditRounds } from '../../app/audits/list-audit-rounds.ts'
import { listChildAuditActions } from '../../app/audits/list-child-audit-actions.ts'
import { reassignAuditCase } from '../../app/audits/reassign-audit-case.ts'
import { saveAuditForm } from '../../app/audits/save-audit-form.ts'
import { saveModeration } from '../../app/audits/save-moderation.ts'
import { updateAuditAction } from '../../app/audits/update-audit-action.ts'
import { viewAuditCase } from '../../app/audits/view-audit-case.ts'
import { viewAuditRound } from '../../app/audits/view-audit-round.ts'
import { viewLearningBrief } from '../../app/audits/view-learning-brief.ts'
import { withdrawAuditCase } from '../../app/audits/withdraw-audit-case.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import {
  AuditActionCreateSchema,
  AuditActionUpdateSchema,
  AuditFormSchema,
  AuditRoundCreateSchema,
  CancelRoundSchema,
  CloseRoundSchema,
  ModerationFormSchema,
  ReassignCaseSchema,
  WithdrawCaseSchema,
} from '../../domain/audits/audit-schemas.ts'
import { apiRoute, type ApiRoute } from '../../http/api-route.ts'
import { download } from '../plans/plans.routes.ts'
import { ChildParamsSchema, FormatQuerySchema } from '../plans/plans.schema.ts'
import { presentBrief, presentCase, presentRound } from './audits.presenter.ts'
import { CaseParamsSchema, ChildActionParamsSchema, RoundParamsSchema } from './audits.schema.ts'

const BASE = '/api/v1/audit-rounds'
const TAGS = ['Case-file audits']
const LABELS = {
  title: { noun: 'the title of the round', name: 'Title' },
  theme: { noun: 'the theme', name: 'Theme' },
  auditorIds: { noun: 'the auditors', name: 'Auditors', isChoice: true },
  moderationPercent: { noun: 'the share of cases to moderate', name: 'Share to moderate' },
  deadlineOn: { noun: 'the deadline', name: 'Deadline' },
  size: { noun: 'the number of children in the sample', name: 'Sample size' },
  seed: { noun: 'the random seed', name: 'Random seed' },
  childIds: { noun: 'the children to audit', name: 'Children', isChoice: true },
  ownerId: { noun: 'who owns the action', name: 'Owner', isChoice: true },
  dueOn: { noun: 'the date the action is due', name: 'Due date' },
  auditorId: { noun: 'the auditor', name: 'Auditor', isChoice: true },
  moderatorId: { noun: 'the moderator', name: 'Moderator', isChoice: true },
  description: { noun: 'what needs to be done', name: 'Action' },
}
const WITHDRAW_LABELS = { reason: { noun: 'why the case is being withdrawn', name: 'Reason' } }
const CANCEL_LABELS = { reason: { noun: 'why the round is being cancelled', name: 'Reason' } }

export const auditRoutes: readonly ApiRoute<never, never, never>[] = [
  apiRoute({
    method: 'GET',
    url: BASE,
    summary: 'The audit rounds you lead, audit or moderate in',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_ROUNDS_VIEWED',
    handle: async op => {
      const { rounds, canCreate } = await listAuditRounds(op)
      return { body: { canCreate, rounds: rounds.map(s => ({ ...s.round, ...s, round: undefined })) } }
    },
  }),
  apiRoute({
    method: 'POST',
    url: BASE,
    summary:
      'Set up an audit round: theme, sample rule (random, stratified by team or legal status, or named), auditors, moderation share, deadline',
    tags: TAGS,
    policy: 'qa:manage-rounds',
    audit: 'AUDIT_ROUND_CREATED',
    body: AuditRoundCreateSchema,
    labels: LABELS,
    handle: async (op, { body }) => {
      const result = await createAuditRound(op, body)
      return { status: 201, body: result, version: result.version, location: `${BASE}/${result.roundId}` }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:roundId`,
    summary: 'One round: every case for its lead, your own cases for an auditor or moderator (ETag: its version)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_VIEWED',
    params: RoundParamsSchema,
    handle: async (op, { params }) => {
      const view = await viewAuditRound(op, params.roundId)
      return { body: presentRound(view), version: view.round.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:roundId/close`,
    summary:
      'Close the round (its lead; a reason if cases are outstanding). Auditors stop seeing its children (If-Match)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_CLOSED',
    params: RoundParamsSchema,
    body: CloseRoundSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await closeAuditRound(op, params.roundId, version, body)
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:roundId/cancel`,
    summary:
      'Cancel an open round, with the reason (its lead): it moves to the cancelled rounds, nothing in it can change, it has no learning brief, and its auditors stop seeing its children. A closed round cannot be cancelled (If-Match: the round’s version)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_CANCELLED',
    params: RoundParamsSchema,
    body: CancelRoundSchema,
    labels: CANCEL_LABELS,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await cancelAuditRound(op, params.roundId, version, body)
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:roundId/cases/:caseId`,
    summary:
      'One case: the facts the system holds by domain, every version of the audit and moderation, actions (ETag: audit versions)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_VIEWED',
    params: CaseParamsSchema,
    handle: async (op, { params }) => {
      const view = await viewAuditCase(op, params.roundId, params.caseId)
      return { body: presentCase(view), version: view.audit.length }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/:roundId/cases/:caseId/audit`,
    summary:
      'Save or submit the audit form, by the case’s auditor (If-Match: the number of versions seen, W/"0" first)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_FORM_SAVED',
    params: CaseParamsSchema,
    body: AuditFormSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await saveAuditForm(op, params.roundId, params.caseId, version, {
        judgements: body.domains,
        submit: body.submit,
        changeReason: body.changeReason,
      })
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'PUT',
    url: `${BASE}/:roundId/cases/:caseId/moderation`,
    summary:
      'Save or submit the moderation, by the second auditor: each grade agreed, or changed with a reason (If-Match: moderation versions seen)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_MODERATION_SAVED',
    params: CaseParamsSchema,
    body: ModerationFormSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await saveModeration(op, params.roundId, params.caseId, version, {
        judgements: body.domains,
        submit: body.submit,
        changeReason: body.changeReason,
      })
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:roundId/cases/:caseId/reassign`,
    summary:
      'Give a case to another auditor or moderator, with the reason (the round’s lead; a submitted stage keeps its author; If-Match: the case’s version)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_REASSIGNED',
    params: CaseParamsSchema,
    body: ReassignCaseSchema,
    labels: LABELS,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await reassignAuditCase(op, params.roundId, params.caseId, version, body)
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:roundId/cases/:caseId/withdraw`,
    summary:
      'Withdraw a case from the round, with the reason (the round’s lead, while it is open): it stays listed as withdrawn with its history, leaves the counts and the learning brief, cannot be audited, moderated or reassigned, and its auditor and moderator stop seeing the child (If-Match: the case’s version)',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_WITHDRAWN',
    params: CaseParamsSchema,
    body: WithdrawCaseSchema,
    labels: WITHDRAW_LABELS,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await withdrawAuditCase(op, params.roundId, params.caseId, version, body)
      return { body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'POST',
    url: `${BASE}/:roundId/cases/:caseId/actions`,
    summary: 'Turn a finding into an action on the child’s record, with an owner and a due date',
    tags: TAGS,
    policy: 'qa:audit',
    audit: 'AUDIT_ACTION_SET',
    params: CaseParamsSchema,
    body: AuditActionCreateSchema,
    labels: LABELS,
    handle: async (op, { params, body }) => {
      const result = await addAuditAction(op, params.roundId, params.caseId, body)
      return { status: 201, body: result, version: result.version }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:roundId/learning-brief`,
    summary: 'The round’s learning brief, computed from the grades (a draft for the lead while the round is open)',
    tags: TAGS,
    policy: 'qa:view-briefs',
    audit: 'LEARNING_BRIEF_VIEWED',
    params: RoundParamsSchema,
    handle: async (op, { params }) => {
      const view = await viewLearningBrief(op, params.roundId)
      if (!view) {
        throw new NotFoundError('Audit round')
      }
      return { body: presentBrief(view) }
    },
  }),
  apiRoute({
    method: 'GET',
    url: `${BASE}/:roundId/learning-brief/document`,
    summary: 'The learning brief as PDF or DOCX (format=pdf|docx)',
    tags: TAGS,
    policy: 'qa:view-briefs',
    audit: 'LEARNING_BRIEF_EXPORTED',
    params: RoundParamsSchema,
    query: FormatQuerySchema,
    handle: async (op, { params, query }) =>
      download(await exportLearningBriefDocument(op, params.roundId, query.format)),
  }),
  apiRoute({
    method: 'GET',
    url: '/api/v1/children/:childId/audit-actions',
    summary: 'Actions that case-file audit findings set on the child’s record',
    tags: TAGS,
    policy: 'child:view',
    audit: 'AUDIT_ACTIONS_VIEWED',
    params: ChildParamsSchema,
    handle: async (op, { params }) => ({ body: (await listChildAuditActions(op, params.childId)).actions }),
  }),
  apiRoute({
    method: 'PUT',
    url: '/api/v1/children/:childId/audit-actions/:actionId',
    summary: 'Mark an audit action done, dropped (with a reason) or open again (If-Match: its version)',
    tags: TAGS,
    policy: 'plan:edit',
    audit: 'AUDIT_ACTION_UPDATED',
    params: ChildActionParamsSchema,
    body: AuditActionUpdateSchema,
    needsVersion: true,
    handle: async (op, { params, body, version }) => {
      const result = await updateAuditAction(op, params.childId, params.actionId, version, body)
      return { body: result, version: result.version }
    },
  }),
] as unknown as ApiRoute<never, never, never>[]
