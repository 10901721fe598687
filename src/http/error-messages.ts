/**
 * Plain-English messages for domain error codes, shared by the API and the web pages. Each area's messages live
 * beside its rules (as data); this module gathers them.
 */
import { AUDIT_ERROR_MESSAGES } from '../domain/audits/audit-messages.ts'
import { CARE_RECORD_RULE_MESSAGES } from '../domain/children/care-record-inputs.ts'
import { MEETING_ERROR_MESSAGES } from '../domain/meetings/meeting-messages.ts'
import { NETWORK_RULE_MESSAGES } from '../domain/network/network-inputs.ts'
import { PANEL_ERROR_MESSAGES } from '../domain/panels/panel-messages.ts'
import { PLAN_ERROR_MESSAGES } from '../domain/plans/plan-messages.ts'
import { PLANNING_MESSAGES } from '../domain/plans/planning-messages.ts'
import { RETURN_DETAIL_RULE_MESSAGES } from '../domain/returns/return-detail-inputs.ts'

const MESSAGES: Record<string, string> = {
  ...CARE_RECORD_RULE_MESSAGES,
  // Plans, meetings and panels (issue 4). Codes the three areas share get one neutral message (PLANNING_MESSAGES).
  ...MEETING_ERROR_MESSAGES,
  ...PANEL_ERROR_MESSAGES,
  ...PLAN_ERROR_MESSAGES,
  ...PLANNING_MESSAGES,
  // Case-file audits (issue 9).
  ...AUDIT_ERROR_MESSAGES,
  // The child's network (issue 7).
  ...NETWORK_RULE_MESSAGES,
  // Return details recorded for the national returns (issue 8).
  ...RETURN_DETAIL_RULE_MESSAGES,
}

/**
 * Adds an area's messages (called once per area at start-up).
 * @param messages - code to message
 */
export function registerMessages(messages: Readonly<Record<string, string>>): void {
  Object.assign(MESSAGES, messages)
}

/**
 * The message for a domain error code.
 * @param code - the code
 * @returns the message, or a generic one naming the code
 */
export function messageFor(code: string): string {
  return MESSAGES[code] ?? `This cannot be saved (${code})`
}

/**
 * Whether every code has a message (tests call this with each area's union of codes).
 * @param codes - the codes
 * @returns the codes without a message
 */
export function codesWithoutMessages(codes: readonly string[]): string[] {
  return codes.filter(code => MESSAGES[code] === undefined)
}
