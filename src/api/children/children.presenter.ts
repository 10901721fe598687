import type { ChildRecordView } from '../../app/children/view-child-record.ts'
import type { ChildSummary } from '../../app/children/types.ts'

/**
 * The JSON for a child in a list.
 * @param summary - the summary
 * @returns the document
 */
export function presentChildSummary(summary: ChildSummary) {
  return {
    id: summary.id,
    givenNames: summary.givenNames,
    familyName: summary.familyName,
    preferredName: summary.preferredName,
    dateOfBirthOn: summary.dateOfBirthOn,
    localCaseNumber: summary.localCaseNumber,
    allocatedWorkerName: summary.allocatedWorkerName,
    lookedAfterSince: summary.lookedAfterSince,
    legalStatus: summary.legalStatus,
    placementType: summary.placementType,
  }
}

/**
 * The JSON for a whole care record.
 * @param view - the record as the use case returns it
 * @returns the document
 */
export function presentCareRecord(view: ChildRecordView) {
  return {
    ...view.record,
    warnings: view.warnings.map(w => ({ code: w.code, path: w.path.join('.') })),
  }
}

/**
 * The JSON for a list of versions.
 * @param versions - the versions
 * @returns the document
 */
export function presentVersions(
  versions: readonly {
    version: number
    operation: string
    data: Record<string, unknown>
    changedBy: string | null
    changedAt: Date
    changeReason: string | null
  }[],
) {
  return {
    versions: versions.map(v => ({
      version: v.version,
      operation: v.operation,
      changedAt: v.changedAt.toISOString(),
      changedBy: v.changedBy,
      changeReason: v.changeReason,
      data: v.data,
    })),
  }
}
