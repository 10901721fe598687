import type { CalendarDay } from '../../domain/shared/calendar-day.ts'
import type { CaseHistory } from '../../domain/timescales/case-history.ts'
import { evaluateCase, type Evaluation } from '../../domain/timescales/evaluate-case.ts'
import { loadBuiltInPolicyPack, type BuiltInPolicyPackId } from '../../domain/timescales/policy-packs.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { loadCalendar, loadTimescaleSettings } from './timescale-settings.ts'

/**
 * Evaluates a case history sent by a client (the contract in docs/case-history.md), with a built-in pack or the
 * authority's own. Nothing is stored.
 * @param op - the operation
 * @param history - the parsed case history
 * @param policy - a built-in pack, or undefined for the authority's pack
 * @returns the engine's answer
 */
export async function evaluateCaseHistory(
  op: Operation,
  history: CaseHistory,
  policy: BuiltInPolicyPackId | undefined,
): Promise<Evaluation> {
  authoriseAuthority(op, 'timescales:evaluate')
  const settings = policy
    ? { pack: loadBuiltInPolicyPack(policy), calendar: await loadCalendar(op.tx) }
    : await loadTimescaleSettings(op.tx)
  const asOf: CalendarDay = history.asOf ?? op.today
  return evaluateCase(history, { policy: settings.pack, calendar: settings.calendar, asOf })
}
