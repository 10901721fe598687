-- 0011 Which children each audit event names, as a table the child's "who has viewed this record" reads by index
-- (docs/adr/0095-paged-caseloads-and-the-access-log-table.md).
--
-- The child's access log used to select audit_events by `child_id = $1 OR details -> 'childIds' ? $2`: a read of the
-- authority's whole audit trail (the GIN index on details -> 'childIds' is usable under row-level security only where
-- the operators are marked LEAKPROOF, 0091), so the child's page slowed down with every day of the trail. Now every
-- audit event that names children (its child_id, and the ids a caseload, search, meeting or export listed in
-- details.childIds) writes one row per child here, in the same statement (a trigger, so every writer is covered and
-- the event cannot be written without its links). The log reads the child's newest rows by
-- (authority_id, child_id, occurred_at), whatever the size of the trail.
--
-- Like audit_events, the table is append-only, protected by row-level security on authority_id, and kept when a
-- child's record is destroyed (the audit trail outlives the record; retention-repository.ts leaves both out).

CREATE TABLE audit_event_children (
  authority_id uuid NOT NULL REFERENCES authorities,
  child_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  event_id bigint NOT NULL,
  PRIMARY KEY (authority_id, child_id, occurred_at, event_id)
);
CREATE INDEX audit_event_children_event_idx ON audit_event_children (event_id);
CREATE TRIGGER audit_event_children_append_only BEFORE UPDATE OR DELETE ON audit_event_children
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER audit_event_children_no_truncate BEFORE TRUNCATE ON audit_event_children
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();
SELECT app_protect_table('audit_event_children', 'append-only');

-- The children an event names: its child_id and the well-formed ids in details.childIds (anything else there is
-- ignored rather than refusing the event).
CREATE FUNCTION app_audit_event_child_ids(child_id uuid, details jsonb) RETURNS SETOF uuid
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT child_id WHERE child_id IS NOT NULL
    UNION
    SELECT listed::uuid
    FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(details -> 'childIds') = 'array'
                                        THEN details -> 'childIds' ELSE '[]'::jsonb END) AS listed
    WHERE listed ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  $$;

CREATE FUNCTION app_link_audit_event_children() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO audit_event_children (authority_id, child_id, occurred_at, event_id)
  SELECT NEW.authority_id, ids.child_id, NEW.occurred_at, NEW.id
  FROM app_audit_event_child_ids(NEW.child_id, NEW.details) AS ids (child_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_events_link_children AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION app_link_audit_event_children();

-- The events already written.
INSERT INTO audit_event_children (authority_id, child_id, occurred_at, event_id)
SELECT e.authority_id, ids.child_id, e.occurred_at, e.id
FROM audit_events e, app_audit_event_child_ids(e.child_id, e.details) AS ids (child_id);

-- Nothing reads audit events by details -> 'childIds' any more; the GIN index only slowed every write.
DROP INDEX audit_events_listed_children_idx;
