/**
 * Plain-English messages for the panel and agency-decision rule codes (house style §3.3).
 */
import type { PanelErrorCode } from './panel-errors.ts'

export const PANEL_ERROR_MESSAGES: Readonly<Record<PanelErrorCode, string>> = {
  'no-child': 'Choose at least one child the request is about',
  'request-must-go-to-panel':
    'This request must go to panel because of its purpose or because it costs more than the panel threshold',
  'cost-required-for-resources': 'Enter the cost of the resources requested',
  'transition-not-allowed': 'This cannot be done to the request at its current stage',
  'role-not-permitted': 'Your role cannot do this',
  'reasons-required': 'Enter the reasons for the decision',
  'conditions-required': 'Enter at least one condition',
  'conditions-only-when-approved-with-conditions': 'Remove the conditions, or choose approved with conditions',
  'deferred-without-return-date': 'Enter the date the request will come back to panel',
  'return-date-not-after-decision': 'The date the request comes back must be after the date of the decision',
  'date-in-future': 'The date must be today or in the past',
  'panel-recommendation-without-meeting': 'Choose the panel meeting that made the recommendation',
  'match-without-placement-decision':
    'Record the decision that the child should be placed for adoption before agreeing a match',
}
