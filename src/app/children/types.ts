// Types the adapters need from the care-record use cases, re-exported so adapters never import src/db.
export type { ChildSummary } from '../../db/repositories/caseload-repository.ts'
export type { RecordVersion } from '../../db/repositories/care-record-repository.ts'
export type { ChildAccessLogEntry } from '../../db/repositories/audit-repository.ts'
