-- 0031 Destruction covers every table of a child's record (security D5, REL-03), including those added after 0030
-- (care events and due dates, plans, meetings, decisions, returns details). The repository now finds the tables by
-- their `child_id` / `sibling_child_id` / `child_ids` columns instead of a fixed list. Decisions and action updates are
-- evidence and refuse every change (0020); they may now be deleted like the record's history — only within the
-- destruction workflow, for a child with a tombstone, and only rows that are that child's alone.
CREATE FUNCTION app_guard_evidence() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  row_data jsonb := to_jsonb(OLD);
  only_child uuid := CASE
    WHEN row_data ? 'child_id' THEN (row_data ->> 'child_id')::uuid
    WHEN jsonb_array_length(row_data -> 'child_ids') = 1 THEN (row_data -> 'child_ids' ->> 0)::uuid
  END;
BEGIN
  IF TG_OP = 'DELETE' AND app_destruction_allowed(OLD.authority_id, only_child) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER decision_events_append_only ON decision_events;
CREATE TRIGGER decision_events_append_only BEFORE UPDATE OR DELETE ON decision_events
  FOR EACH ROW EXECUTE FUNCTION app_guard_evidence();
DROP TRIGGER action_updates_append_only ON action_updates;
CREATE TRIGGER action_updates_append_only BEFORE UPDATE OR DELETE ON action_updates
  FOR EACH ROW EXECUTE FUNCTION app_guard_evidence();
DROP TRIGGER adm_decisions_append_only ON adm_decisions;
CREATE TRIGGER adm_decisions_append_only BEFORE UPDATE OR DELETE ON adm_decisions
  FOR EACH ROW EXECUTE FUNCTION app_guard_evidence();
