// The Drizzle schema: one module per area, mirroring the SQL migrations (schema.int.test.ts keeps them in step).
export * from './platform.ts'
export * from './care-record.ts'
export * from './security.ts'
export * from './planning.ts'
export * from './timescales.ts'
export * from './returns.ts'
export * from './audits.ts'
export * from './network.ts'
