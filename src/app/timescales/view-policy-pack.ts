import { loadPolicySettings } from '../../db/repositories/timescales-repository.ts'
import { builtInPolicyPackJson } from '../../domain/timescales/policy-packs.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { isBuiltInPack, loadTimescaleSettings } from './timescale-settings.ts'

/**
 * The policy pack the authority's timescales use: its own (as stored) or the built-in pack it follows, with the
 * settings that the authority must still confirm (units left unstated by the source document).
 * @param op - the operation
 * @returns the pack as written, where it comes from, and what needs confirming
 */
export async function viewPolicyPack(op: Operation) {
  authoriseAuthority(op, 'policy:view')
  const settings = await loadPolicySettings(op.tx)
  const { pack } = await loadTimescaleSettings(op.tx)
  const definition = settings.custom
    ? settings.custom.definition
    : builtInPolicyPackJson(isBuiltInPack(settings.builtInPack) ? settings.builtInPack : 'national')
  const unconfirmed = pack.versions.flatMap(version =>
    Object.entries(version.rules)
      .filter(([, rule]) => hasUnconfirmedUnit(rule))
      .map(([ruleId]) => ({ rule: ruleId, effectiveFrom: version.effectiveFrom })),
  )
  return {
    source: settings.custom ? 'authority' : 'built-in',
    name: pack.name,
    id: pack.id,
    version: settings.custom?.version ?? null,
    definition,
    unconfirmedUnits: unconfirmed,
  }
}

/** Whether any period inside a rule's settings has a unit the source left unstated (rules.md §5 T6). */
function hasUnconfirmedUnit(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return false
  }
  if ((value as { unitConfirmed?: unknown }).unitConfirmed === false) {
    return true
  }
  return Object.values(value).some(hasUnconfirmedUnit)
}
