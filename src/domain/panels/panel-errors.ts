/**
 * The stable codes of the panel and agency-decision rules. Messages are in panel-messages.ts.
 */
import type { DomainError } from '../shared/result.ts'

export type PanelErrorCode =
  | 'no-child'
  | 'request-must-go-to-panel'
  | 'cost-required-for-resources'
  | 'transition-not-allowed'
  | 'role-not-permitted'
  | 'reasons-required'
  | 'conditions-required'
  | 'conditions-only-when-approved-with-conditions'
  | 'deferred-without-return-date'
  | 'return-date-not-after-decision'
  | 'date-in-future'
  | 'panel-recommendation-without-meeting'
  | 'match-without-placement-decision'

export type PanelError = DomainError<PanelErrorCode>
