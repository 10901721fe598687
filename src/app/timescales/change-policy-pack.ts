import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import { loadPolicySettings, savePolicyPack } from '../../db/repositories/timescales-repository.ts'
import type { DomainError } from '../../domain/shared/result.ts'
import { parsePolicyPack } from '../../domain/timescales/policy-packs.ts'
import { RuleViolationError, StaleVersionError } from '../shared/errors.ts'
import { authoriseAuthority, type Operation } from '../shared/run-operation.ts'
import { evaluateAndStore } from './evaluate-and-store.ts'

/**
 * Sets the authority's own policy pack (JSON, as in src/domain/timescales/policy-packs/*.json): checked first — a
 * malformed pack is refused with every problem and its path — then stored as a new version, and every child's due
 * dates recomputed in the same transaction, so the dashboards never mix two policies.
 * @param op - the operation
 * @param expectedVersion - the version the change is based on (0 when the authority follows a built-in pack)
 * @param definition - the pack's JSON
 * @param reason - why it changes (kept with the version)
 * @returns the stored pack's version and how many children were recomputed
 */
export async function changePolicyPack(
  op: Operation,
  expectedVersion: number,
  definition: unknown,
  reason: string,
): Promise<{ version: number; childrenRecomputed: number }> {
  authoriseAuthority(op, 'policy:manage')
  const current = (await loadPolicySettings(op.tx)).custom?.version ?? 0
  if (current !== expectedVersion) {
    throw new StaleVersionError(expectedVersion, current)
  }
  const parsed = parsePolicyPack(definition)
  if (!parsed.ok) {
    throw new RuleViolationError(
      parsed.errors.map((e): DomainError => ({
        code: e.code,
        path: e.path,
        params: e.params ? { ...e.params } : undefined,
      })),
    )
  }
  await setChangeReason(op.tx, reason)
  const saved = await savePolicyPack(op.tx, {
    authorityId: op.actor.authorityId,
    userId: op.actor.userId,
    name: parsed.value.name,
    definition: definition as Record<string, unknown>,
    now: op.now,
    newId: randomUUID(),
  })
  const childrenRecomputed = await evaluateAndStore(op.tx, op.actor.authorityId, op.today, 'all')
  return { version: saved.version, childrenRecomputed }
}
