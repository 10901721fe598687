/**
 * Plain-English messages for the case-file audit rule codes (house style §3.3). The web form adds the domain's name
 * (e.g. "Select a grade for Decision making") from the error's path.
 */
import type { AuditErrorCode } from './audit-round.ts'

export const AUDIT_ERROR_MESSAGES: Readonly<Record<AuditErrorCode, string>> = {
  'grade-missing': 'Select a grade for each domain',
  'evidence-missing': 'Enter the evidence for each grade',
  'improvement-missing': 'Enter what would make it better for each domain graded below outstanding',
  'moderation-outcome-missing': 'Select whether you agree with the grade for each domain',
  'moderated-grade-missing': 'Select the grade you would give instead',
  'moderated-grade-unchanged': 'Select a different grade from the auditor’s, or agree with it',
  'moderation-reason-missing': 'Enter why you changed the grade',
  'change-reason-missing': 'Enter why you are changing grades that were already submitted',
  'round-closed': 'This audit round is closed, so it cannot be changed',
  'audit-not-submitted': 'The auditor has not submitted this audit yet, so it cannot be moderated',
  'already-submitted': 'This has already been submitted',
  'auditors-missing': 'Select at least one quality assurance auditor',
  'moderators-too-few': 'Select at least two auditors so that a second auditor can moderate, or moderate 0%',
  'sample-empty': 'No child matches the sample rule: change the rule or name the children',
  'deadline-in-past': 'The date must be today or in the future',
  'moderator-is-auditor': 'The moderator must be a different auditor from the one who audited the case',
  'finding-owner-missing': 'Select who will own this action: the child’s social worker, their IRO or a team manager',
  'cases-outstanding': 'Some cases are not audited or moderated yet: enter why you are closing the round now',
  'previous-round-missing': 'Select a previous round from the list',
  'case-number-unknown': 'There is no child with the case number {caseNumbers}: check the case numbers',
  'not-an-auditor': 'Select a quality assurance auditor from the list',
  'submitted-cannot-reassign': 'This stage has been submitted, so the person who submitted it stays on the case',
  'nothing-to-reassign': 'Select a different auditor or moderator',
  'reassign-reason-missing': 'Enter why the case is being reassigned',
  'round-cancelled': 'This audit round has been cancelled, so nothing in it can be changed',
  'round-closed-cannot-cancel': 'This audit round is closed, so it cannot be cancelled: its learning brief is final',
  'case-withdrawn': 'This case has been withdrawn from the round, so it cannot be audited, moderated or reassigned',
  'withdrawal-reason-missing': 'Enter why the case is being withdrawn',
  'cancellation-reason-missing': 'Enter why the round is being cancelled',
}
