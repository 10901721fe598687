/** JSON shapes of the audits API: ids and codes, never more about a child than the case needs. */
import type { CaseView } from '../../app/audits/view-audit-case.ts'
import type { RoundView } from '../../app/audits/view-audit-round.ts'
import type { LearningBriefView } from '../../app/audits/view-learning-brief.ts'
import { domainSentence, openingParagraph } from '../../domain/audits/learning-brief.ts'

/**
 * A round with its cases.
 * @param view - the round
 * @returns the JSON
 */
export function presentRound(view: RoundView) {
  return {
    ...view.round,
    leadName: view.leadName,
    isLead: view.isLead,
    cancelledByName: view.cancelledByName,
    counts: view.counts,
    cases: view.cases.map(c => ({
      caseId: c.auditCase.id,
      caseVersion: c.auditCase.version,
      childId: c.auditCase.childId,
      childName: c.child.name,
      localCaseNumber: c.child.localCaseNumber,
      auditorId: c.auditCase.auditorId,
      auditorName: c.auditorName,
      moderatorId: c.auditCase.moderatorId,
      moderatorName: c.moderatorName,
      auditStatus: c.auditStatus,
      moderationStatus: c.moderationStatus,
      actions: c.actions,
      withdrawal: c.auditCase.withdrawal,
      withdrawnByName: c.withdrawnByName,
    })),
  }
}

/**
 * A case with its facts, versions and actions.
 * @param view - the case
 * @returns the JSON
 */
export function presentCase(view: CaseView) {
  return {
    roundId: view.round.id,
    roundStatus: view.round.status,
    caseId: view.auditCase.id,
    caseVersion: view.auditCase.version,
    withdrawal: view.auditCase.withdrawal,
    withdrawnByName: view.withdrawnByName,
    child: view.child,
    auditorName: view.auditorName,
    moderatorName: view.moderatorName,
    auditStatus: view.auditStatus,
    moderationStatus: view.moderationStatus,
    facts: view.facts,
    audit: { version: view.audit.length, current: view.audit.at(-1) ?? null, history: view.audit },
    moderation: { version: view.moderation.length, current: view.moderation.at(-1) ?? null, history: view.moderation },
    actions: view.actions,
    permissions: view.permissions,
  }
}

/**
 * A learning brief: its figures, themes and the sentences of the document.
 * @param view - the brief
 * @returns the JSON
 */
export function presentBrief(view: LearningBriefView) {
  return {
    round: view.round,
    previousRound: view.previousRound,
    isDraft: view.isDraft,
    ...view.brief,
    opening: openingParagraph(view.brief, view.round.theme),
    sentences: view.brief.domains.map(d => ({ domain: d.domain, sentence: domainSentence(d) })),
  }
}
