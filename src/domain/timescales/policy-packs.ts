/**
 * Parsing policy packs, and the four built-in packs (national, Devon, Dorset, Tameside).
 *
 * `parsePolicyPack` is what the service calls for a pack stored per authority: it validates the JSON, resolves
 * `extends` (the built-in national pack by default) and returns every problem with its path. Built-in packs are
 * JSON files beside this module, parsed once on first use.
 */
import { type DomainError, type Result, domainError, fail } from '../shared/result.ts'
import devonJson from './policy-packs/devon.json' with { type: 'json' }
import dorsetJson from './policy-packs/dorset.json' with { type: 'json' }
import nationalJson from './policy-packs/national.json' with { type: 'json' }
import tamesideJson from './policy-packs/tameside.json' with { type: 'json' }
import { type PolicyPack, parsePolicyPackDefinition, resolvePolicyPack } from './policy-pack.ts'

/** The packs shipped with the engine. */
export const BUILT_IN_POLICY_PACK_IDS = ['national', 'devon', 'dorset', 'tameside'] as const

/** A built-in pack id. */
export type BuiltInPolicyPackId = (typeof BUILT_IN_POLICY_PACK_IDS)[number]

const BUILT_IN_JSON: Record<BuiltInPolicyPackId, unknown> = {
  national: nationalJson,
  devon: devonJson,
  dorset: dorsetJson,
  tameside: tamesideJson,
}

/** Options for {@link parsePolicyPack}. */
export interface ParsePolicyPackOptions {
  /** Finds the pack a local pack extends. Defaults to the built-in packs. */
  readonly resolveBase?: (id: string) => PolicyPack | undefined
}

/**
 * Validates and resolves a policy pack. A malformed pack is refused with every problem, each naming the path
 * (e.g. `versions[0].rules.PP-02.period.unit`) and what is wrong.
 * @param json - the decoded JSON of the pack
 * @param options - how to find the pack it extends
 * @returns the resolved pack, or the errors
 */
export function parsePolicyPack(json: unknown, options: ParsePolicyPackOptions = {}): Result<PolicyPack, DomainError> {
  const definition = parsePolicyPackDefinition(json)
  if (!definition.ok) {
    return definition
  }
  const baseId = definition.value.extends
  if (baseId === undefined) {
    return resolvePolicyPack(definition.value, undefined)
  }
  const resolveBase = options.resolveBase ?? builtInBase
  const basePack = resolveBase(baseId)
  if (basePack === undefined) {
    return fail(domainError('unknown-base-pack', ['extends'], { message: `No policy pack "${baseId}" to extend` }))
  }
  if (basePack.extends !== null) {
    return fail(domainError('base-pack-not-national', ['extends'], { message: 'A pack may extend only a root pack' }))
  }
  return resolvePolicyPack(definition.value, basePack)
}

function builtInBase(id: string): PolicyPack | undefined {
  return (BUILT_IN_POLICY_PACK_IDS as readonly string[]).includes(id)
    ? loadBuiltInPolicyPack(id as BuiltInPolicyPackId)
    : undefined
}

const cache = new Map<BuiltInPolicyPackId, PolicyPack>()

/**
 * One of the built-in packs, parsed and resolved (once).
 * @param id - `national`, `devon`, `dorset` or `tameside`
 * @returns the pack
 * @throws Error if a built-in pack is malformed (a unit test guards against this)
 */
export function loadBuiltInPolicyPack(id: BuiltInPolicyPackId): PolicyPack {
  const cached = cache.get(id)
  if (cached !== undefined) {
    return cached
  }
  const result = parsePolicyPack(BUILT_IN_JSON[id])
  if (!result.ok) {
    throw new Error(`Built-in policy pack ${id} is invalid: ${JSON.stringify(result.errors)}`)
  }
  cache.set(id, result.value)
  return result.value
}

/**
 * The JSON of a built-in pack, as shipped (for authorities to copy and adapt).
 * @param id - the pack id
 * @returns the decoded JSON
 */
export function builtInPolicyPackJson(id: BuiltInPolicyPackId): unknown {
  return structuredClone(BUILT_IN_JSON[id])
}

/** Result of the Devon Permanence Panel cost test (PP-09). */
export interface PanelThresholdDecision {
  readonly requiresPanel: boolean
  readonly thresholdGbp: number | null
}

/**
 * Whether a request for resources must go to Permanence Panel under the pack's cost threshold. Devon: "request for
 * resources (that cost over £2000) at Permanence Panel" — strictly greater than £2,000 (rules.md PP-09).
 * @param costGbp - the cost of the request in pounds
 * @param pack - the policy in force
 * @returns whether the panel is required, and the threshold used
 */
export function requiresPermanencePanel(
  costGbp: number,
  pack: {
    readonly rules: {
      readonly 'PP-09': {
        readonly enabled: boolean
        readonly thresholdGbp: number | null
        readonly comparison: 'greaterThan' | 'atLeast'
      }
    }
  },
): PanelThresholdDecision {
  // [DEV] One Minute Guide; rules.md PP-09 — "over £2000" is a strict comparison.
  const setting = pack.rules['PP-09']
  if (!setting.enabled || setting.thresholdGbp === null) {
    return { requiresPanel: false, thresholdGbp: null }
  }
  const requiresPanel =
    setting.comparison === 'greaterThan' ? costGbp > setting.thresholdGbp : costGbp >= setting.thresholdGbp
  return { requiresPanel, thresholdGbp: setting.thresholdGbp }
}
