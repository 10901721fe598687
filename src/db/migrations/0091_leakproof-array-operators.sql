-- 0091 Let row-level security use the array and JSON indexes (docs/adr/0091-leakproof-array-operators.md).
--
-- Under row-level security PostgreSQL evaluates a query's own conditions before the policy's only when their
-- functions are LEAKPROOF; otherwise the policy's condition (authority_id = app_current_authority()) runs first and
-- the GIN indexes on meetings.child_ids, decision_events.child_ids, panel_requests.child_ids and
-- audit_events.details -> 'childIds' cannot be used: every request read the authority's whole table. The four
-- operators these queries use (&&, @>, ->, ?) cannot reveal a row's values through an error or a side effect (they
-- compare arrays, take a key or test for one, and never raise on any input), so they are marked LEAKPROOF. Only a superuser may do so: on a managed server where the migrating
-- role is not one, this migration does nothing and the queries stay correct, only slower (docs/performance.md).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.arrayoverlap(anyarray, anyarray) LEAKPROOF;
    ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
    ALTER FUNCTION pg_catalog.jsonb_exists(jsonb, text) LEAKPROOF;
    ALTER FUNCTION pg_catalog.jsonb_object_field(jsonb, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: array and JSON operators left as they are (queries under row-level security will not use their GIN indexes)';
  END IF;
END
$$;
