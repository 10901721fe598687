import { randomUUID } from 'node:crypto'
import { setChangeReason } from '../../db/client.ts'
import {
  insertFact,
  insertPerson,
  loadCareRecord,
  loadChildDetails,
  loadPeople,
} from '../../db/repositories/care-record-repository.ts'
import { loadUsers } from '../../db/repositories/organisation-repository.ts'
import type { FACT_CREATE_SCHEMAS } from '../../domain/children/care-record-inputs.ts'
import type { CareRecord, FactKind, Person } from '../../domain/children/care-record.ts'
import { domainError } from '../../domain/shared/result.ts'
import type { z } from 'zod'
import { NotFoundError, RuleViolationError } from '../shared/errors.ts'
import { authoriseChild, type Operation } from '../shared/run-operation.ts'
import { assertCareRecordValid, writeContextOf } from './care-record-checks.ts'
import { afterCareRecordChange } from '../timescales/after-care-record-change.ts'

export type FactCreate<K extends FactKind> = z.output<(typeof FACT_CREATE_SCHEMAS)[K]>

const RECORD_LIST: Record<FactKind, keyof CareRecord> = {
  'periods-of-care': 'periodsOfCare',
  'legal-statuses': 'legalStatuses',
  placements: 'placements',
  reviews: 'reviews',
  proceedings: 'proceedings',
  orders: 'orders',
  relationships: 'relationships',
  siblings: 'siblings',
  allocations: 'allocations',
  'living-arrangements': 'livingArrangements',
  events: 'events',
}

/**
 * The list in a care record that holds a kind of fact.
 * @param kind - the kind of fact
 * @returns the property name
 */
export function recordListOf(kind: FactKind): keyof CareRecord {
  return RECORD_LIST[kind]
}

async function checkFactReferences(op: Operation, kind: FactKind, fact: Record<string, unknown>): Promise<Person[]> {
  const personIds: string[] = []
  if (kind === 'placements' && typeof fact.carerPersonId === 'string') {
    personIds.push(fact.carerPersonId)
  }
  if ((kind === 'living-arrangements' || kind === 'relationships') && typeof fact.personId === 'string') {
    personIds.push(fact.personId)
  }
  if (kind === 'orders' && Array.isArray(fact.holderPersonIds)) {
    personIds.push(...(fact.holderPersonIds as string[]))
  }
  const people = await loadPeople(op.tx, personIds)
  const found = new Set(people.map(p => p.id))
  const missing = personIds.filter(id => !found.has(id))
  if (missing.length > 0) {
    const field = kind === 'placements' ? 'carerPersonId' : kind === 'orders' ? 'holderPersonIds' : 'personId'
    throw new RuleViolationError([domainError('person-not-found', [field])])
  }
  if (kind === 'siblings' && typeof fact.siblingChildId === 'string' && fact.siblingChildId !== '') {
    if (!(await loadChildDetails(op.tx, fact.siblingChildId))) {
      throw new RuleViolationError([domainError('sibling-not-found', ['siblingChildId'])])
    }
  }
  if (kind === 'allocations' && typeof fact.workerId === 'string') {
    const [worker] = await loadUsers(op.tx, [fact.workerId])
    if (!worker) {
      throw new RuleViolationError([domainError('worker-not-found', ['workerId'])])
    }
  }
  return people
}

/**
 * Adds a fact to a child's care record (a review held, proceedings issued, a person in the network …), after
 * checking it against every invariant of the record.
 * @param op - the operation
 * @param childId - the child
 * @param kind - the kind of fact
 * @param input - the parsed fact
 * @returns the new fact's id and version
 */
export async function addCareRecordFact<K extends FactKind>(
  op: Operation,
  childId: string,
  kind: K,
  input: FactCreate<K>,
): Promise<{ id: string; version: number }> {
  await authoriseChild(op, childId, 'child:edit')
  const record = await loadCareRecord(op.tx, childId)
  if (!record) {
    throw new NotFoundError('Child')
  }
  const context = writeContextOf(op)
  const id = randomUUID()
  let fact: Record<string, unknown> = { ...(input as Record<string, unknown>), id, version: 1 }
  let newPerson: Person | undefined
  if (kind === 'relationships') {
    const { person, ...rest } = fact as { person: Omit<Person, 'id' | 'version'> | null; personId: string | null }
    if (person) {
      newPerson = { ...person, id: randomUUID(), version: 1 }
      fact = { ...rest, personId: newPerson.id }
    } else {
      fact = rest
    }
  }
  const referenced = newPerson ? [newPerson] : await checkFactReferences(op, kind, fact)
  const known = new Set(record.people.map(p => p.id))
  const list = RECORD_LIST[kind]
  const changed = {
    ...record,
    people: [...record.people, ...referenced.filter(p => !known.has(p.id))],
    [list]: [...(record[list] as readonly unknown[]), fact],
  } as CareRecord
  assertCareRecordValid(op, changed, { kind, id })
  await setChangeReason(op.tx, 'Recorded')
  if (newPerson) {
    await insertPerson(op.tx, context, newPerson)
  }
  await insertFact(op.tx, context, kind, childId, fact as { id: string })
  op.addAuditDetail('fact', kind)
  await afterCareRecordChange(op, childId)
  return { id, version: 1 }
}
