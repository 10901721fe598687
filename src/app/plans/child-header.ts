/**
 * What every page about a child shows in its identity bar (house style §3.5: name, identifier, date of birth, legal
 * status). Not a use case: callers have authorised already.
 */
import { listChildSummaries } from '../../db/repositories/caseload-repository.ts'
import { NotFoundError } from '../shared/errors.ts'
import { filterViewableChildren, type Operation } from '../shared/run-operation.ts'

export interface ChildHeader {
  readonly id: string
  readonly givenNames: string
  readonly familyName: string
  readonly preferredName: string | null
  readonly dateOfBirthOn: string
  readonly caseNumber: string
  /** The current legal status code, or null when not looked after. */
  readonly legalStatus: string | null
  readonly lookedAfterSince: string | null
}

/**
 * The identity bar's facts for a child.
 * @param op - the operation (already authorised for the child)
 * @param childId - the child
 * @returns the header
 */
export async function loadChildHeader(op: Operation, childId: string): Promise<ChildHeader> {
  const [summary] = await listChildSummaries(op.tx, { kind: 'ids', ids: [childId] }, op.today)
  if (!summary) {
    throw new NotFoundError('Child')
  }
  return {
    id: summary.id,
    givenNames: summary.givenNames,
    familyName: summary.familyName,
    preferredName: summary.preferredName,
    dateOfBirthOn: summary.dateOfBirthOn,
    caseNumber: summary.localCaseNumber,
    legalStatus: summary.legalStatus,
    lookedAfterSince: summary.lookedAfterSince,
  }
}

/**
 * The names of some children the user may see, for linking a sibling's plan or a meeting's children.
 * @param op - the operation
 * @param childIds - the children
 * @returns full names by child id (children the user may not see are left out)
 */
export async function childNames(op: Operation, childIds: readonly string[]): Promise<Record<string, string>> {
  const viewable = await filterViewableChildren(op, childIds)
  const summaries = await listChildSummaries(op.tx, { kind: 'ids', ids: [...viewable] }, op.today)
  return Object.fromEntries(summaries.map(s => [s.id, `${s.givenNames} ${s.familyName}`]))
}
