import type { TableName } from './tables.ts'

/**
 * A broken 903 rule: the DfE rule code where one exists (validator `rules/lac20YY_YY/rule_<code>.py`) or ours
 * (`PP-…`), the child (our id and the LA child ID), and the table and field the failure shows in.
 */
export interface ValidationFailure {
  readonly rule: string
  readonly childId: string
  readonly laChildId: string
  readonly table: TableName
  readonly field: string
  readonly message: string
  /** Errors block a clean return; warnings (DfE "queries") are for checking. */
  readonly severity: 'error' | 'warning'
}
