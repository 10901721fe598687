-- 0012 The due-date index holds only the items that have a due date to watch (docs/performance.md "National returns").
--
-- About 72% of a child's stored items say that a rule does not apply (status 'not-applicable'): they are shown on
-- the child's page, read by the key (authority_id, child_id, position), and never looked up by status or due date —
-- the caseload, the dashboards and the snapshot all ask for the other statuses. The index of 0010 held every item,
-- so every evaluation paid for an index entry nobody reads; storing 20,000 imported children's 660,000 items paid
-- for 480,000 of them. The queries that read by due date say `status <> 'not-applicable'` or name the open statuses,
-- which the index's predicate covers.
DROP INDEX timescale_items_due_idx;
CREATE INDEX timescale_items_due_idx ON timescale_items (authority_id, status, due_on)
  WHERE status <> 'not-applicable';
