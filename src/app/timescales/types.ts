// Types the adapters need from the timescale use cases, re-exported so adapters never import src/db.
export type { StoredChildTimescales, StoredTimescaleItem } from '../../db/repositories/timescales-repository.ts'
