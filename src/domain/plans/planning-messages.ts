/**
 * Messages for the codes the planning use cases add to the domain's own (plan-messages.ts, meeting-messages.ts,
 * panel-messages.ts): things only the stored record can tell, such as a meeting that does not exist or a plan already
 * started. Written the GOV.UK way (house style §3.3).
 */
export const PLANNING_MESSAGES = {
  // Codes more than one area uses, worded to fit each.
  'transition-not-allowed': 'This cannot be done at its current stage',
  'reasons-required': 'Enter the reasons',
  'no-child': 'Choose at least one child',
  'duplicate-id': 'This item appears twice. Remove one of them',
  'plan-already-started': 'This child already has a permanence plan. Open it instead of starting another',
  'only-first-draft-can-be-deleted':
    'Only a plan that is still a first draft can be deleted. Once sent on, it is part of the record: start a new version instead',
  'plan-not-started': 'Start the permanence plan first',
  'newer-version-in-progress':
    'A newer version of the plan is already being written. Carry on with that version instead of starting another',
  'meeting-not-found': 'Choose a meeting recorded for this child',
  'meeting-not-about-this-child': 'Choose a meeting about this child',
  'child-not-in-meeting': 'Choose the child this meeting is about',
  'sibling-not-linked': 'Choose the child or one of their brothers or sisters',
  'plan-version-not-found': 'Choose a version of this child’s plan',
  'plan-not-in-force': '“My plan” is written from the plan once the team manager has endorsed it',
  'review-not-looked-after':
    'The child was not looked after on the day of this review. Check the date, or the child’s periods of care',
  'my-plan-not-composed': 'Write “My plan” from the permanence plan first',
  'my-plan-shared-with-missing': 'Enter who “My plan” was shared with',
  'panel-request-not-found': 'Choose a panel request about this child',
  'action-not-found': 'Choose an action from this meeting',
} as const
