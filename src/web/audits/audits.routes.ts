/**
 * The case-file audit pages (issue 9): the rounds a quality-assurance auditor works in, setting up a round, a round's
 * cases, the audit form for one child (the facts the system holds at the top of each domain), moderation, actions
 * from findings, reassigning or withdrawing a case and closing or cancelling a round (ADR 0082), the learning brief
 * with its charts and tables, and the list of final briefs.
 * Forms work without JavaScript and keep every answer on error.
 */
import type { FastifyRequest } from 'fastify'
import { addAuditAction } from '../../app/audits/add-audit-action.ts'
import { cancelAuditRound } from '../../app/audits/cancel-audit-round.ts'
import { closeAuditRound } from '../../app/audits/close-audit-round.ts'
import { createAuditRound } from '../../app/audits/create-audit-round.ts'
import { exportLearningBriefDocument } from '../../app/audits/export-learning-brief-document.ts'
import { listAuditRounds } from '../../app/audits/list-audit-rounds.ts'
import { listChildAuditActions } from '../../app/audits/list-child-audit-actions.ts'
import { listLearningBriefs } from '../../app/audits/list-learning-briefs.ts'
import { reassignAuditCase, viewCaseReassignment, type ReassignmentView } from '../../app/audits/reassign-audit-case.ts'
import { saveAuditForm } from '../../app/audits/save-audit-form.ts'
import { saveModeration } from '../../app/audits/save-moderation.ts'
import { updateAuditAction } from '../../app/audits/update-audit-action.ts'
import { viewAuditCase, type CaseView } from '../../app/audits/view-audit-case.ts'
import { viewAuditRound } from '../../app/audits/view-audit-round.ts'
import { viewAuditRoundForm, type AuditRoundFormOptions } from '../../app/audits/view-audit-round-form.ts'
import { viewCaseWithdrawal, type CaseWithdrawalView } from '../../app/audits/view-case-withdrawal.ts'
import { viewLearningBrief } from '../../app/audits/view-learning-brief.ts'
import { viewRoundCancellation, type RoundCancellationView } from '../../app/audits/view-round-cancellation.ts'
import { withdrawAuditCase } from '../../app/audits/withdraw-audit-case.ts'
import { NotFoundError } from '../../app/shared/errors.ts'
import { authoriseChild, type Operation } from '../../app/shared/run-operation.ts'
import {
  AUDIT_DOMAIN_LABELS,
  AUDIT_DOMAIN_QUESTIONS,
  AUDIT_DOMAINS,
  AUDIT_GRADE_LABELS,
  AUDIT_GRADES,
  type AuditDomain,
} from '../../domain/audits/audit-domains.ts'
import { FACT_ANSWER_LABELS } from '../../domain/audits/audit-facts.ts'
import {
  caseChangeErrors,
  type AuditError,
  type AuditJudgements,
  type ModerationJudgements,
} from '../../domain/audits/audit-round.ts'
import {
  AuditFormSchema,
  CancelRoundSchema,
  ModerationFormSchema,
  ReassignCaseSchema,
  WithdrawCaseSchema,
} from '../../domain/audits/audit-schemas.ts'
import type { SampleRule } from '../../domain/audits/audit-sample.ts'
import { compareCalendarDays, type CalendarDay } from '../../domain/shared/calendar-day.ts'
import { messageFor } from '../../http/error-messages.ts'
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
  text,
  toFormDate,
  type FormObject,
} from '../plans/form-data.ts'
import { childIdOf, idParam } from '../plans/page-support.ts'
import { PageWithErrors, type PageResult, type WebPage } from '../web-route.ts'
import { auditPaths } from './audit-paths.ts'
import { learningBriefViewModel } from './learning-brief.view-model.ts'

const STALE_AUDIT =
  'Someone else has saved this since you opened it, so your changes were not saved. Your answers are below: open the case again to see the other changes, then make yours.'

const GRADE_CHOICES = AUDIT_GRADES.map(g => ({ value: g, text: AUDIT_GRADE_LABELS[g] }))
const DOMAIN_CHOICES = AUDIT_DOMAINS.map(d => ({ value: d, text: AUDIT_DOMAIN_LABELS[d] }))

const AUDIT_STATUS_TAGS = {
  'not-started': { text: 'Not started', classes: 'govuk-tag--grey' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--yellow' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--green' },
} as const
const MODERATION_STATUS_TAGS = {
  'not-chosen': { text: 'Not chosen', classes: 'govuk-tag--grey' },
  'waiting-for-audit': { text: 'Waiting for the audit', classes: 'govuk-tag--grey' },
  'not-started': { text: 'Not started', classes: 'govuk-tag--blue' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--yellow' },
  moderated: { text: 'Moderated', classes: 'govuk-tag--green' },
} as const
const ANSWER_TAGS = {
  yes: 'govuk-tag--green',
  no: 'govuk-tag--red',
  partly: 'govuk-tag--yellow',
  'not-applicable': 'govuk-tag--grey',
  'not-recorded': 'govuk-tag--grey',
} as const

// ---------------------------------------------------------------- rounds

const ROUND_STATUS_TAGS = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--orange' },
} as const

async function roundsPage(op: Operation): Promise<PageResult> {
  const { rounds, canCreate } = await listAuditRounds(op)
  const rows = rounds.map(s => ({
    status: s.round.status,
    href: auditPaths.round(s.round.id),
    title: s.round.title,
    theme: s.round.theme,
    dateOn:
      s.round.status === 'open'
        ? s.round.deadlineOn
        : s.round.status === 'closed'
          ? s.round.closedOn
          : (s.round.cancellation?.cancelledOn ?? null),
    isOverdue: s.round.status === 'open' && compareCalendarDays(s.round.deadlineOn, op.today) < 0,
    cancellationReason: s.round.cancellation?.reason ?? null,
    statusTag: ROUND_STATUS_TAGS[s.round.status],
    role: s.isLead ? 'Lead' : 'Auditor',
    cases: s.cases,
    audited: s.audited,
    moderated: s.moderated,
    toDo: s.myCasesToAudit + s.myCasesToModerate,
  }))
  // Open rounds first (the work to do); a cancelled round leaves them and is listed under its own heading.
  const groupOf = (status: 'open' | 'closed' | 'cancelled', caption: string, dateHeader: string) => ({
    caption,
    dateHeader,
    isOpen: status === 'open',
    rounds: rows.filter(r => r.status === status).map(r => ({ ...r, status: r.statusTag })),
  })
  return {
    template: 'audits/audit-rounds.njk',
    context: {
      pageTitle: 'Case-file audits',
      canCreate,
      newHref: auditPaths.newRound(),
      briefsHref: auditPaths.briefs(),
      hasRounds: rows.length > 0,
      groups: [
        groupOf('open', 'Open rounds', 'Deadline'),
        groupOf('closed', 'Closed rounds', 'Closed on'),
        groupOf('cancelled', 'Cancelled rounds', 'Cancelled on'),
      ],
    },
  }
}

// ---------------------------------------------------------------- new round

const SAMPLE_KINDS = [
  {
    value: 'random',
    text: 'Random sample',
    hint: 'Children drawn at random with the seed below, so the draw can be repeated and checked',
  },
  {
    value: 'stratified-team',
    text: 'Stratified by team',
    hint: 'Each team’s share of the sample in proportion to its share of the children',
  },
  {
    value: 'stratified-legal-status',
    text: 'Stratified by legal status',
    hint: 'Each legal status’s share in proportion',
  },
  { value: 'named', text: 'Named children', hint: 'The children whose case numbers you list' },
]

function newRoundPage(options: AuditRoundFormOptions, values: FormObject, errors = new ErrorList()): PageResult {
  return {
    template: 'audits/audit-round-new.njk',
    context: {
      pageTitle: 'Set up an audit round',
      action: auditPaths.newRound(),
      backHref: auditPaths.rounds(),
      candidates: options.candidates,
      auditors: options.auditors.map(a => ({ value: a.id, text: a.displayName })),
      previousRounds: options.previousRounds.map(r => ({ value: r.id, text: `${r.title} (${r.theme})` })),
      sampleKinds: SAMPLE_KINDS,
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(value.trim())) {
    return null
  }
  const n = Number(value.trim())
  return n >= min && n <= max ? n : null
}

async function createRound(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const options = await viewAuditRoundForm(op)
  const form = nestedForm(request)
  const errors = new ErrorList()
  const title = text(form.title).trim()
  const theme = text(form.theme).trim()
  const sample = group(form.sampleRule)
  const kind = text(sample.kind)
  if (title === '') {
    errors.add('title', 'Enter the title of the round')
  } else if (title.length > 200) {
    errors.add('title', 'Title must be 200 characters or fewer')
  }
  if (theme === '') {
    errors.add('theme', 'Enter the theme of the round, for example Permanence')
  }
  let rule: SampleRule | null = null
  let caseNumbers: string[] = []
  if (!SAMPLE_KINDS.some(k => k.value === kind)) {
    errors.add('sampleRule-kind', 'Select how the children are chosen')
  } else if (kind === 'named') {
    caseNumbers = text(sample.caseNumbers)
      .split(/[\s,]+/)
      .map(n => n.trim())
      .filter(n => n !== '')
    if (caseNumbers.length === 0) {
      errors.add('sampleRule-caseNumbers', 'Enter the case numbers of the children to audit')
    }
    rule = { kind: 'named', childIds: [] }
  } else {
    const size = wholeNumber(text(sample.size), 1, 500)
    const seed = wholeNumber(text(sample.seed), 0, 2_147_483_647)
    if (size === null) {
      errors.add('sampleRule-size', 'Enter the number of children in the sample, from 1 to 500')
    }
    if (seed === null) {
      errors.add('sampleRule-seed', 'Enter the random seed, a whole number such as 2026')
    }
    if (size !== null && seed !== null) {
      rule =
        kind === 'random'
          ? { kind: 'random', size, seed }
          : { kind: 'stratified', by: kind === 'stratified-team' ? 'team' : 'legal-status', size, seed }
    }
  }
  const auditorIds = list(form.auditorIds)
  if (auditorIds.length === 0) {
    errors.add('auditorIds', 'Select at least one auditor')
  }
  const moderationPercent = wholeNumber(text(form.moderationPercent), 0, 100)
  if (moderationPercent === null) {
    errors.add('moderationPercent', 'Enter the share of cases to moderate, from 0 to 100')
  }
  const deadline = readDate(form.deadlineOn, 'the deadline')
  if (!deadline.ok) {
    errors.add('deadlineOn-day', deadline.message)
  } else if (deadline.value === null) {
    errors.add('deadlineOn-day', 'Enter the deadline for the audits')
  }
  const previousRoundId = text(form.previousRoundId)
  if (errors.isEmpty && rule && moderationPercent !== null && deadline.ok && deadline.value) {
    try {
      const result = await createAuditRound(op, {
        title,
        theme,
        sampleRule: rule,
        auditorIds,
        moderationPercent,
        deadlineOn: deadline.value,
        previousRoundId: options.previousRounds.some(r => r.id === previousRoundId) ? previousRoundId : null,
        ...(kind === 'named' ? { namedCaseNumbers: caseNumbers } : {}),
      })
      return { redirect: auditPaths.round(result.roundId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_AUDIT)
      throw new PageWithErrors(newRoundPage(options, form, errors), outcome)
    }
  }
  throw new PageWithErrors(newRoundPage(options, form, errors))
}

// ---------------------------------------------------------------- one round

async function roundPage(
  op: Operation,
  roundId: string,
  values: FormObject = {},
  errors = new ErrorList(),
  done: string | null = null,
) {
  const view = await viewAuditRound(op, roundId)
  const result: PageResult = {
    template: 'audits/audit-round.njk',
    context: {
      pageTitle: `${view.round.title} – case-file audit`,
      done,
      round: view.round,
      leadName: view.leadName,
      isLead: view.isLead,
      isOpen: view.round.status === 'open',
      isCancelled: view.round.status === 'cancelled',
      cancelledByName: view.cancelledByName,
      counts: view.counts,
      cancelHref: auditPaths.cancelRound(view.round.id),
      ruleText: ruleText(view.round.sampleRule),
      backHref: auditPaths.rounds(),
      briefHref: auditPaths.brief(view.round.id),
      closeAction: auditPaths.closeRound(view.round.id),
      cases: view.cases.map(c => ({
        href: auditPaths.auditCase(view.round.id, c.auditCase.id),
        childName: c.child.name,
        caseNumber: c.child.localCaseNumber,
        auditorName: c.auditorName,
        moderatorName: c.moderatorName,
        auditTag: AUDIT_STATUS_TAGS[c.auditStatus],
        moderationTag: MODERATION_STATUS_TAGS[c.moderationStatus],
        actions: c.actions,
        isMine: c.isMine,
        reassignHref: auditPaths.reassignCase(view.round.id, c.auditCase.id),
        withdrawHref: auditPaths.withdrawCase(view.round.id, c.auditCase.id),
        withdrawal: c.auditCase.withdrawal,
        withdrawnByName: c.withdrawnByName,
      })),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
  return { view, result }
}

function ruleText(rule: SampleRule): string {
  switch (rule.kind) {
    case 'random':
      return `${rule.size} children at random (seed ${rule.seed})`
    case 'stratified':
      return `${rule.size} children, stratified by ${rule.by === 'team' ? 'team' : 'legal status'} (seed ${rule.seed})`
    case 'named':
      return `${rule.childIds.length} named children`
  }
}

// ---------------------------------------------------------------- reassigning a case

function reassignPage(view: ReassignmentView, values: FormObject, errors = new ErrorList()): PageResult {
  const auditors = view.auditors.map(u => ({ value: u.id, text: u.displayName }))
  const nameOf = (id: string | null) => view.auditors.find(u => u.id === id)?.displayName ?? 'None'
  return {
    template: 'audits/audit-case-reassign.njk',
    context: {
      pageTitle: `Reassign the case of ${view.child.name} – ${view.round.title}`,
      round: view.round,
      child: view.child,
      auditorName: nameOf(view.auditCase.auditorId),
      moderatorName: nameOf(view.auditCase.moderatorId),
      auditSubmitted: view.auditSubmitted,
      moderationSubmitted: view.moderationSubmitted,
      // A withdrawn case, or a round no longer open, cannot be reassigned: say so instead of offering the form.
      problem: problemOf(caseChangeErrors(view.round, view.auditCase)),
      auditors,
      action: auditPaths.reassignCase(view.round.id, view.auditCase.id),
      backHref: auditPaths.round(view.round.id),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function saveReassignment(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const roundId = idParam(request, 'roundId')
  const caseId = idParam(request, 'caseId')
  const form = nestedForm(request)
  const errors = new ErrorList()
  // The form again, with what is wrong: loaded only then (the use case authorises and loads the case itself).
  const formAgain = async () => reassignPage(await viewCaseReassignment(op, roundId, caseId), form, errors)
  const parsed = ReassignCaseSchema.safeParse({
    auditorId: text(form.auditorId),
    moderatorId: text(form.moderatorId) === '' ? null : text(form.moderatorId),
    reason: text(form.reason),
  })
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, {
      auditorId: { noun: 'the auditor', name: 'Auditor', isChoice: true },
      moderatorId: { noun: 'the moderator', name: 'Moderator', isChoice: true },
    })
  } else {
    try {
      await reassignAuditCase(op, roundId, caseId, formVersion(form, 'version'), parsed.data)
      return { redirect: auditPaths.round(roundId) }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_AUDIT)
      throw new PageWithErrors(await formAgain(), outcome)
    }
  }
  throw new PageWithErrors(await formAgain())
}

// ---------------------------------------------------------------- withdrawing a case, cancelling a round

const WITHDRAW_LABELS = { reason: { noun: 'why the case is being withdrawn', name: 'Reason' } }
const CANCEL_LABELS = { reason: { noun: 'why the round is being cancelled', name: 'Reason' } }

/** Why a confirmation page cannot be used now (the round closed or cancelled, the case withdrawn), if it cannot. */
function problemOf(problems: readonly AuditError[]): string | null {
  return problems[0] ? messageFor(problems[0].code) : null
}

function withdrawPage(view: CaseWithdrawalView, values: FormObject, errors = new ErrorList()): PageResult {
  return {
    template: 'audits/audit-case-withdraw.njk',
    context: {
      pageTitle: `Withdraw the case of ${view.child.name} – ${view.round.title}`,
      round: view.round,
      child: view.child,
      auditorName: view.auditorName,
      moderatorName: view.moderatorName,
      auditSubmitted: view.auditSubmitted,
      moderationSubmitted: view.moderationSubmitted,
      problem: problemOf(view.problems),
      action: auditPaths.withdrawCase(view.round.id, view.auditCase.id),
      backHref: auditPaths.round(view.round.id),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function saveWithdrawal(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const roundId = idParam(request, 'roundId')
  const caseId = idParam(request, 'caseId')
  const form = nestedForm(request)
  const errors = new ErrorList()
  // The page again, with what is wrong: loaded only then (the use case authorises and loads the case itself).
  const formAgain = async () => withdrawPage(await viewCaseWithdrawal(op, roundId, caseId), form, errors)
  const parsed = WithdrawCaseSchema.safeParse({ reason: text(form.reason) })
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, WITHDRAW_LABELS)
    throw new PageWithErrors(await formAgain())
  }
  try {
    await withdrawAuditCase(op, roundId, caseId, formVersion(form, 'version'), parsed.data)
    return { redirect: `${auditPaths.round(roundId)}?done=withdrawn` }
  } catch (error) {
    const outcome = collectRefusal(error, errors, STALE_AUDIT)
    throw new PageWithErrors(await formAgain(), outcome)
  }
}

function cancelPage(view: RoundCancellationView, values: FormObject, errors = new ErrorList()): PageResult {
  return {
    template: 'audits/audit-round-cancel.njk',
    context: {
      pageTitle: `Cancel ${view.round.title} – case-file audit`,
      round: view.round,
      cases: view.cases,
      audited: view.audited,
      problem: problemOf(view.problems),
      action: auditPaths.cancelRound(view.round.id),
      backHref: auditPaths.round(view.round.id),
      values,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function saveCancellation(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const roundId = idParam(request, 'roundId')
  const form = nestedForm(request)
  const errors = new ErrorList()
  const formAgain = async () => cancelPage(await viewRoundCancellation(op, roundId), form, errors)
  const parsed = CancelRoundSchema.safeParse({ reason: text(form.reason) })
  if (!parsed.success) {
    errors.addSchemaErrors(parsed.error, CANCEL_LABELS)
    throw new PageWithErrors(await formAgain())
  }
  try {
    await cancelAuditRound(op, roundId, formVersion(form, 'version'), parsed.data)
    return { redirect: `${auditPaths.round(roundId)}?done=cancelled` }
  } catch (error) {
    const outcome = collectRefusal(error, errors, STALE_AUDIT)
    throw new PageWithErrors(await formAgain(), outcome)
  }
}

const ROUND_PAGE_NOTICES: Readonly<Record<string, string>> = {
  withdrawn: 'Case withdrawn from the round',
  cancelled: 'Round cancelled',
}

// ---------------------------------------------------------------- one case

function judgementValues(judgements: AuditJudgements | ModerationJudgements | undefined): FormObject {
  const domains: FormObject = {}
  for (const [domain, judgement] of Object.entries(judgements ?? {}) as [
    string,
    Record<string, unknown> | undefined,
  ][]) {
    domains[domain] = Object.fromEntries(
      Object.entries(judgement ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    )
  }
  return { domains }
}

function casePage(view: CaseView, today: CalendarDay, values: FormObject | null, errors = new ErrorList()): PageResult {
  const latestAudit = view.audit.at(-1)
  const latestModeration = view.moderation.at(-1)
  const mode = view.permissions.canGrade
    ? 'audit'
    : view.permissions.canModerate && view.auditStatus === 'submitted'
      ? 'moderation'
      : 'read'
  const formValues =
    values ?? judgementValues(mode === 'moderation' ? latestModeration?.judgements : latestAudit?.judgements)
  const submittedAudit = [...view.audit].reverse().find(v => v.isSubmitted)
  const submittedModeration = [...view.moderation].reverse().find(v => v.isSubmitted)
  return {
    template: 'audits/audit-case.njk',
    context: {
      pageTitle: `${view.child.name} – case-file audit`,
      round: view.round,
      child: view.child,
      childHref: view.canSeeChildRecord ? `/children/${view.child.id}` : null,
      auditorName: view.auditorName,
      moderatorName: view.moderatorName,
      withdrawal: view.auditCase.withdrawal,
      withdrawnByName: view.withdrawnByName,
      cancellation: view.round.cancellation,
      cancelledByName: view.cancelledByName,
      auditTag: AUDIT_STATUS_TAGS[view.auditStatus],
      moderationTag: MODERATION_STATUS_TAGS[view.moderationStatus],
      mode,
      isResubmission:
        (mode === 'audit' && submittedAudit !== undefined) ||
        (mode === 'moderation' && submittedModeration !== undefined),
      formAction:
        mode === 'audit'
          ? auditPaths.caseAudit(view.round.id, view.auditCase.id)
          : auditPaths.caseModeration(view.round.id, view.auditCase.id),
      version: mode === 'moderation' ? view.moderation.length : view.audit.length,
      backHref: auditPaths.round(view.round.id),
      gradeChoices: GRADE_CHOICES,
      domains: AUDIT_DOMAINS.map(domain => ({
        key: domain,
        label: AUDIT_DOMAIN_LABELS[domain],
        question: AUDIT_DOMAIN_QUESTIONS[domain],
        facts: view.facts
          .filter(f => f.domain === domain)
          .map(f => ({
            question: f.question,
            answer: FACT_ANSWER_LABELS[f.answer],
            tagClasses: ANSWER_TAGS[f.answer],
            detail: f.detail,
            source: f.source,
          })),
        audit: submittedAudit?.judgements[domain] ?? (mode === 'read' ? latestAudit?.judgements[domain] : undefined),
        auditGrade: gradeLabel(submittedAudit?.judgements[domain]?.grade ?? null),
        moderation: submittedModeration?.judgements[domain],
        moderationGrade: gradeLabel(submittedModeration?.judgements[domain]?.grade ?? null),
        values: group(group(formValues.domains)[domain]),
      })),
      changeReason: text(formValues.changeReason),
      history: [
        ...view.audit.map(v => ({ ...v, stage: 'Audit' })),
        ...view.moderation.map(v => ({ ...v, stage: 'Moderation' })),
      ],
      actions: view.actions.map(a => ({
        domain: AUDIT_DOMAIN_LABELS[a.domain],
        description: a.description,
        ownerName: a.ownerName,
        dueOn: a.dueOn,
        status: a.status,
      })),
      canSetActions: view.permissions.canSetActions,
      actionsAction: auditPaths.caseActions(view.round.id, view.auditCase.id),
      owners: view.possibleOwners.map(o => ({ value: o.id, text: o.displayName })),
      domainChoices: DOMAIN_CHOICES,
      actionValues: values?.newAction ? group(values.newAction) : { dueOn: toFormDate(null) },
      today,
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

function gradeLabel(grade: string | null): string {
  return grade ? AUDIT_GRADE_LABELS[grade as keyof typeof AUDIT_GRADE_LABELS] : ''
}

function readJudgementForm(form: FormObject, kind: 'audit' | 'moderation') {
  const domains = group(form.domains)
  const body = {
    domains: Object.fromEntries(
      AUDIT_DOMAINS.map((domain): [string, Record<string, string | null>] => {
        const fields = group(domains[domain])
        const grade = text(fields.grade) || null
        return kind === 'audit'
          ? [domain, { grade, evidence: text(fields.evidence), improvement: text(fields.improvement) }]
          : [domain, { outcome: text(fields.outcome) || null, grade, reason: text(fields.reason) }]
      }),
    ),
    submit: formAction(form) === 'submit',
    changeReason: text(form.changeReason),
  }
  return body
}

async function saveJudgements(op: Operation, request: FastifyRequest, kind: 'audit' | 'moderation') {
  const roundId = idParam(request, 'roundId')
  const caseId = idParam(request, 'caseId')
  const form = nestedForm(request)
  const errors = new ErrorList()
  const body = readJudgementForm(form, kind)
  const parsed = kind === 'audit' ? AuditFormSchema.safeParse(body) : ModerationFormSchema.safeParse(body)
  if (parsed.success) {
    try {
      const input = {
        judgements: parsed.data.domains,
        submit: parsed.data.submit,
        changeReason: parsed.data.changeReason,
      }
      if (kind === 'audit') {
        await saveAuditForm(
          op,
          roundId,
          caseId,
          formVersion(form, 'version'),
          input as Parameters<typeof saveAuditForm>[4],
        )
      } else {
        await saveModeration(
          op,
          roundId,
          caseId,
          formVersion(form, 'version'),
          input as Parameters<typeof saveModeration>[4],
        )
      }
      return {
        redirect: `${auditPaths.auditCase(roundId, caseId)}?saved=${parsed.data.submit ? 'submitted' : 'draft'}`,
      }
    } catch (error) {
      const collected = new ErrorList()
      const outcome = collectRefusal(error, collected, STALE_AUDIT)
      const view = await viewAuditCase(op, roundId, caseId)
      throw new PageWithErrors(casePage(view, op.today, form, withDomainNames(collected)), outcome)
    }
  }
  errors.addSchemaErrors(parsed.error)
  const view = await viewAuditCase(op, roundId, caseId)
  throw new PageWithErrors(casePage(view, op.today, form, errors))
}

/** Prefixes each per-domain error with the domain's name ("Decision making: select a grade …"). */
function withDomainNames(errors: ErrorList): ErrorList {
  const named = new ErrorList()
  for (const error of errors.all) {
    const id = error.href.slice(1)
    const domain = AUDIT_DOMAINS.find(d => id.startsWith(`domains-${d}-`))
    named.add(
      id,
      domain
        ? `${AUDIT_DOMAIN_LABELS[domain]}: ${error.text.charAt(0).toLowerCase()}${error.text.slice(1)}`
        : error.text,
    )
  }
  return named
}

async function setAction(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const roundId = idParam(request, 'roundId')
  const caseId = idParam(request, 'caseId')
  const form = nestedForm(request)
  const fields = group(form.newAction)
  const errors = new ErrorList()
  const domain = text(fields.domain)
  const description = text(fields.description).trim()
  const ownerId = text(fields.ownerId)
  const due = readDate(fields.dueOn, 'the due date')
  if (!AUDIT_DOMAINS.includes(domain as AuditDomain)) {
    errors.add('newAction-domain', 'Select the domain the finding is about')
  }
  if (description === '') {
    errors.add('newAction-description', 'Enter what needs to be done')
  }
  if (ownerId === '') {
    errors.add('newAction-ownerId', 'Select who will own this action')
  }
  if (!due.ok) {
    errors.add('newAction-dueOn-day', due.message)
  } else if (due.value === null) {
    errors.add('newAction-dueOn-day', 'Enter the date the action is due')
  }
  if (errors.isEmpty && due.ok && due.value) {
    try {
      await addAuditAction(op, roundId, caseId, {
        domain: domain as AuditDomain,
        description,
        ownerId,
        dueOn: due.value,
      })
      return { redirect: `${auditPaths.auditCase(roundId, caseId)}?saved=action#actions` }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_AUDIT, ['newAction'])
      const view = await viewAuditCase(op, roundId, caseId)
      throw new PageWithErrors(casePage(view, op.today, { newAction: fields }, errors), outcome)
    }
  }
  const view = await viewAuditCase(op, roundId, caseId)
  throw new PageWithErrors(casePage(view, op.today, { newAction: fields }, errors))
}

// ---------------------------------------------------------------- child's audit actions

async function childActionPage(
  op: Operation,
  request: FastifyRequest,
  values: FormObject | null,
  errors = new ErrorList(),
) {
  const childId = childIdOf(request)
  const actionId = idParam(request, 'actionId')
  const { child, actions } = await listChildAuditActions(op, childId)
  const action = actions.find(a => a.id === actionId)
  if (!action) {
    throw new NotFoundError('Action')
  }
  const header = childHeaderView(child, op.today)
  return {
    template: 'audits/audit-action-update.njk',
    context: {
      childHeader: header,
      pageTitle: `Update an audit action – ${header.name}`,
      tracked: {
        description: action.description,
        domain: AUDIT_DOMAIN_LABELS[action.domain],
        owner: action.ownerName,
        dueOn: action.dueOn,
        isOverdue: action.isOverdue,
        status: action.status,
      },
      action: auditPaths.childAuditAction(childId, actionId),
      backHref: `/children/${childId}/meetings#audit-actions`,
      version: values ? text(values.version) : action.version,
      values: values ?? { status: action.status, on: toFormDate(op.today), note: action.note },
      statuses: [
        { value: 'open', text: 'Open' },
        { value: 'done', text: 'Done' },
        { value: 'dropped', text: 'Dropped' },
      ],
      errors: errors.all,
      fieldErrors: errors.byField,
    },
  }
}

async function updateChildAction(op: Operation, request: FastifyRequest): Promise<PageResult> {
  const childId = childIdOf(request)
  const actionId = idParam(request, 'actionId')
  const form = nestedForm(request)
  const errors = new ErrorList()
  const status = text(form.status)
  const on = readDate(form.on, 'the date')
  if (!['open', 'done', 'dropped'].includes(status)) {
    errors.add('status', 'Select where the action stands')
  }
  if (!on.ok) {
    errors.add('on-day', on.message)
  }
  if (errors.isEmpty && on.ok) {
    try {
      await updateAuditAction(op, childId, actionId, formVersion(form, 'version'), {
        status: status as 'open' | 'done' | 'dropped',
        on: on.value,
        note: text(form.note),
      })
      return { redirect: `/children/${childId}/meetings#audit-actions` }
    } catch (error) {
      const outcome = collectRefusal(error, errors, STALE_AUDIT)
      throw new PageWithErrors(await childActionPage(op, request, form, errors), outcome)
    }
  }
  throw new PageWithErrors(await childActionPage(op, request, form, errors))
}

// ---------------------------------------------------------------- pages

export const auditPages: readonly WebPage[] = [
  { method: 'GET', url: '/audits', policy: 'qa:audit', audit: 'AUDIT_ROUNDS_VIEWED', handle: op => roundsPage(op) },
  {
    method: 'GET',
    url: '/audits/new',
    policy: 'qa:manage-rounds',
    audit: 'AUDIT_ROUND_FORM_VIEWED',
    handle: async op =>
      newRoundPage(await viewAuditRoundForm(op), {
        theme: 'Permanence',
        moderationPercent: '50',
        sampleRule: {
          kind: 'random',
          size: '20',
          seed: String(Number(op.today.slice(0, 4)) * 100 + Number(op.today.slice(5, 7))),
        },
        deadlineOn: toFormDate(null),
      }),
  },
  { method: 'POST', url: '/audits/new', policy: 'qa:manage-rounds', audit: 'AUDIT_ROUND_CREATED', handle: createRound },
  {
    method: 'GET',
    url: '/audits/:roundId',
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_VIEWED',
    handle: async (op, request) => {
      const done = (request.query as Record<string, unknown>).done
      const notice = typeof done === 'string' ? (ROUND_PAGE_NOTICES[done] ?? null) : null
      return (await roundPage(op, idParam(request, 'roundId'), {}, new ErrorList(), notice)).result
    },
  },
  {
    method: 'POST',
    url: '/audits/:roundId/close',
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_CLOSED',
    handle: async (op, request) => {
      const roundId = idParam(request, 'roundId')
      const form = nestedForm(request)
      try {
        await closeAuditRound(op, roundId, formVersion(form, 'version'), { reason: text(form.reason) })
        return { redirect: auditPaths.brief(roundId) }
      } catch (error) {
        const errors = new ErrorList()
        const outcome = collectRefusal(error, errors, STALE_AUDIT)
        throw new PageWithErrors((await roundPage(op, roundId, form, errors)).result, outcome)
      }
    },
  },
  {
    method: 'GET',
    url: '/audits/:roundId/cancel',
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_VIEWED',
    handle: async (op, request) => {
      const view = await viewRoundCancellation(op, idParam(request, 'roundId'))
      return cancelPage(view, { version: String(view.round.version) })
    },
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cancel',
    policy: 'qa:audit',
    audit: 'AUDIT_ROUND_CANCELLED',
    handle: saveCancellation,
  },
  {
    method: 'GET',
    url: '/audits/:roundId/cases/:caseId/withdraw',
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_VIEWED',
    handle: async (op, request) => {
      const view = await viewCaseWithdrawal(op, idParam(request, 'roundId'), idParam(request, 'caseId'))
      return withdrawPage(view, { version: String(view.auditCase.version) })
    },
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cases/:caseId/withdraw',
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_WITHDRAWN',
    handle: saveWithdrawal,
  },
  {
    method: 'GET',
    url: '/audits/:roundId/cases/:caseId/reassign',
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_VIEWED',
    handle: async (op, request) => {
      const view = await viewCaseReassignment(op, idParam(request, 'roundId'), idParam(request, 'caseId'))
      return reassignPage(view, {
        auditorId: view.auditCase.auditorId,
        moderatorId: view.auditCase.moderatorId ?? '',
        version: String(view.auditCase.version),
      })
    },
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cases/:caseId/reassign',
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_REASSIGNED',
    handle: saveReassignment,
  },
  {
    method: 'GET',
    url: '/audits/:roundId/cases/:caseId',
    policy: 'qa:audit',
    audit: 'AUDIT_CASE_VIEWED',
    handle: async (op, request) => {
      const view = await viewAuditCase(op, idParam(request, 'roundId'), idParam(request, 'caseId'))
      const page = casePage(view, op.today, null)
      const saved = (request.query as Record<string, unknown>).saved
      return {
        ...page,
        context: {
          ...page.context,
          saved:
            saved === 'draft'
              ? 'Draft saved'
              : saved === 'submitted'
                ? 'Submitted'
                : saved === 'action'
                  ? 'Action set on the child’s record'
                  : null,
        },
      }
    },
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cases/:caseId/audit',
    policy: 'qa:audit',
    audit: 'AUDIT_FORM_SAVED',
    handle: (op, request) => saveJudgements(op, request, 'audit'),
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cases/:caseId/moderation',
    policy: 'qa:audit',
    audit: 'AUDIT_MODERATION_SAVED',
    handle: (op, request) => saveJudgements(op, request, 'moderation'),
  },
  {
    method: 'POST',
    url: '/audits/:roundId/cases/:caseId/actions',
    policy: 'qa:audit',
    audit: 'AUDIT_ACTION_SET',
    handle: setAction,
  },
  {
    method: 'GET',
    url: '/audits/:roundId/learning-brief',
    policy: 'qa:view-briefs',
    audit: 'LEARNING_BRIEF_VIEWED',
    handle: async (op, request) => {
      const view = await viewLearningBrief(op, idParam(request, 'roundId'))
      if (!view) {
        throw new NotFoundError('Audit round')
      }
      const brief = learningBriefViewModel(view)
      return {
        template: 'audits/learning-brief.njk',
        context: {
          pageTitle: `Learning brief – ${view.round.title}`,
          brief,
          backHref: op.actor.role === 'qa-auditor' ? auditPaths.round(view.round.id) : auditPaths.briefs(),
        },
      }
    },
  },
  {
    method: 'GET',
    url: '/audits/:roundId/learning-brief/document',
    policy: 'qa:view-briefs',
    audit: 'LEARNING_BRIEF_EXPORTED',
    handle: async (op, request) => {
      const format = (request.query as Record<string, unknown>).format === 'docx' ? 'docx' : 'pdf'
      return { file: await exportLearningBriefDocument(op, idParam(request, 'roundId'), format) }
    },
  },
  {
    method: 'GET',
    url: '/learning-briefs',
    policy: 'qa:view-briefs',
    audit: 'LEARNING_BRIEFS_VIEWED',
    handle: async op => ({
      template: 'audits/learning-briefs.njk',
      context: {
        pageTitle: 'Learning briefs',
        rounds: (await listLearningBriefs(op)).map(r => ({
          href: auditPaths.brief(r.id),
          title: r.title,
          theme: r.theme,
          closedOn: r.closedOn,
        })),
      },
    }),
  },
  {
    method: 'GET',
    url: '/children/:childId/audit-actions/:actionId',
    policy: 'plan:edit',
    audit: 'AUDIT_ACTIONS_VIEWED',
    handle: async (op, request) => {
      await listChildAuditActionsForEdit(op, request)
      return childActionPage(op, request, null)
    },
  },
  {
    method: 'POST',
    url: '/children/:childId/audit-actions/:actionId',
    policy: 'plan:edit',
    audit: 'AUDIT_ACTION_UPDATED',
    handle: updateChildAction,
  },
]

async function listChildAuditActionsForEdit(op: Operation, request: FastifyRequest): Promise<void> {
  await authoriseChild(op, childIdOf(request), 'plan:edit')
}
