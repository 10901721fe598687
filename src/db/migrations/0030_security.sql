-- 0030 Security and retention (issue 6; docs/security.md, docs/adr/0041…0049).
--
-- * Retention (security REL-03, D5): every child's earliest destruction date is kept in children.earliest_destruction_on
--   by the database itself, from the facts it depends on (date of birth, date of death, adoption orders), so no writer
--   (API, import, seed, a later feature) can forget it. The rule mirrors src/domain/retention/earliest-destruction.ts;
--   an integration test proves the two agree. Physical deletion of a child's rows is refused, even for the owner,
--   unless a destruction tombstone exists for the child, and a tombstone can only be written once the date has passed
--   and there is no legal hold (docs/adr/0044-retention-enforced-in-the-database.md).
-- * Sealing (security PRIV-02): recording an adoption order seals the child's pre-adoption record
--   (docs/adr/0045-sealing-on-adoption-order.md).
-- * Sessions (security SEC-05, SEC-10): disabling an account revokes its sessions and API tokens, whatever path
--   disabled it.
-- * Second factor (security SEC-04): the last accepted TOTP time step, so a code cannot be replayed.
-- * OpenID Connect sign-in: one row per sign-in started (state, nonce, PKCE verifier), used at most once.

ALTER TABLE users ADD COLUMN totp_last_used_step bigint;

-- Adds whole years to a date; 29 February in a year without one becomes 1 March (ambiguous dates resolve later).
CREATE FUNCTION app_add_years_later(p_day date, p_years integer) RETURNS date
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT CASE
      WHEN p_day IS NULL THEN NULL
      WHEN to_char(p_day, 'MM-DD') = '02-29' AND NOT (
        (extract(year FROM p_day)::int + p_years) % 4 = 0 AND
        ((extract(year FROM p_day)::int + p_years) % 100 <> 0 OR (extract(year FROM p_day)::int + p_years) % 400 = 0))
      THEN make_date(extract(year FROM p_day)::int + p_years, 3, 1)
      ELSE (p_day + make_interval(years => p_years))::date
    END
  $$;

-- The earliest day a child's record may be destroyed (Care Planning, Placement and Case Review (England) Regulations
-- 2010 reg 50: until the 75th birthday, or 15 years beginning with the date of death for a child who dies before 18;
-- Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005: 100 years from an adoption
-- order). Where a rule is ambiguous it resolves to the later date: a 29 February birth reaches 18 on 28 February
-- (so fewer deaths count as "before 18") but 75 on 1 March.
CREATE FUNCTION app_earliest_destruction_on(p_born date, p_died date, p_adopted date) RETURNS date
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT GREATEST(
      CASE
        WHEN p_died IS NOT NULL AND p_died < (p_born + interval '18 years')::date THEN app_add_years_later(p_died, 15)
        ELSE app_add_years_later(p_born, 75)
      END,
      app_add_years_later(p_adopted, 100))
  $$;

CREATE FUNCTION app_latest_adoption_order(p_authority uuid, p_child uuid) RETURNS date
  LANGUAGE sql STABLE
  AS $$
    SELECT max(made_on) FROM legal_orders
    WHERE authority_id = p_authority AND child_id = p_child AND order_type = 'adoption-order' AND voided_at IS NULL
  $$;

CREATE FUNCTION app_child_retention() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.earliest_destruction_on := app_earliest_destruction_on(NEW.date_of_birth_on, NEW.date_of_death_on,
    app_latest_adoption_order(NEW.authority_id, NEW.id));
  RETURN NEW;
END
$$;
CREATE TRIGGER children_retention BEFORE INSERT OR UPDATE ON children
  FOR EACH ROW EXECUTE FUNCTION app_child_retention();

-- An adoption order recorded, corrected or voided moves the child's retention date (a new version of the child);
-- a current adoption order also seals the record: only the adoption service may open it, and any earlier
-- restriction and its permitted set give way to the seal. Voiding the order does not unseal.
CREATE FUNCTION app_adoption_order_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  previous_reason text := current_setting('app.change_reason', true);
  is_current boolean := NEW.order_type = 'adoption-order' AND NEW.voided_at IS NULL;
BEGIN
  IF NEW.order_type <> 'adoption-order' AND (TG_OP = 'INSERT' OR OLD.order_type <> 'adoption-order') THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('app.change_reason',
    CASE WHEN is_current THEN 'Sealed: adoption order recorded' ELSE 'Retention date recalculated: adoption order changed' END,
    true);
  UPDATE children SET
      version = version + 1,
      sensitivity = CASE WHEN is_current THEN 'sealed' ELSE sensitivity END,
      restriction_category = CASE WHEN is_current THEN NULL ELSE restriction_category END,
      restriction_owner_id = CASE WHEN is_current THEN NULL ELSE restriction_owner_id END,
      restriction_review_on = CASE WHEN is_current THEN NULL ELSE restriction_review_on END,
      restriction_permitted_user_ids = CASE WHEN is_current THEN '{}' ELSE restriction_permitted_user_ids END,
      updated_at = now(),
      updated_by = app_current_user()
    WHERE authority_id = NEW.authority_id AND id = NEW.child_id;
  PERFORM set_config('app.change_reason', coalesce(previous_reason, ''), true);
  RETURN NULL;
END
$$;
CREATE TRIGGER legal_orders_adoption AFTER INSERT OR UPDATE ON legal_orders
  FOR EACH ROW EXECUTE FUNCTION app_adoption_order_changed();

-- Records destroyed under the retention schedule: what, whose, when and why; kept for ever (security D5, §3.2).
CREATE TABLE destruction_tombstones (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  child_id uuid NOT NULL,
  record_class text NOT NULL CHECK (record_class IN ('child-care-record')),
  record_created_at timestamptz NOT NULL,
  earliest_destruction_on date NOT NULL,
  destroyed_at timestamptz NOT NULL DEFAULT now(),
  destroyed_by text NOT NULL CHECK (length(destroyed_by) BETWEEN 1 AND 200),
  reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 1000),
  rows_destroyed jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, child_id)
);
SELECT app_protect_table('destruction_tombstones', 'append-only');
CREATE TRIGGER destruction_tombstones_append_only BEFORE UPDATE OR DELETE ON destruction_tombstones
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER destruction_tombstones_no_truncate BEFORE TRUNCATE ON destruction_tombstones
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

-- A tombstone may be written only for a child whose earliest destruction date has come (both as stored and as
-- recomputed from the facts now) and who is not under a legal hold.
CREATE FUNCTION app_check_destruction() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  child children%ROWTYPE;
  recomputed date;
BEGIN
  SELECT * INTO child FROM children WHERE authority_id = NEW.authority_id AND id = NEW.child_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No child % to destroy', NEW.child_id USING ERRCODE = 'no_data_found';
  END IF;
  IF child.legal_hold THEN
    RAISE EXCEPTION 'The record of child % is under a legal hold and cannot be destroyed', NEW.child_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  recomputed := app_earliest_destruction_on(child.date_of_birth_on, child.date_of_death_on,
    app_latest_adoption_order(child.authority_id, child.id));
  IF child.earliest_destruction_on IS NULL OR child.earliest_destruction_on > current_date
      OR recomputed > current_date THEN
    RAISE EXCEPTION 'The record of child % cannot be destroyed before %', NEW.child_id,
      GREATEST(child.earliest_destruction_on, recomputed) USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.earliest_destruction_on := GREATEST(child.earliest_destruction_on, recomputed);
  NEW.record_created_at := child.created_at;
  RETURN NEW;
END
$$;
CREATE TRIGGER destruction_tombstones_check BEFORE INSERT ON destruction_tombstones
  FOR EACH ROW EXECUTE FUNCTION app_check_destruction();

CREATE FUNCTION app_destruction_allowed(p_authority uuid, p_child uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT p_child IS NOT NULL AND current_setting('app.retention_destruction', true) = 'on'
      AND EXISTS (SELECT 1 FROM destruction_tombstones WHERE authority_id = p_authority AND child_id = p_child)
  $$;

-- Replaces 0001's refusal: a row of a child's record may be deleted only within the destruction workflow, for a
-- child with a tombstone (a sibling link goes with either child). Everything else is voided, never deleted.
CREATE OR REPLACE FUNCTION app_refuse_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  row_data jsonb := to_jsonb(OLD);
BEGIN
  IF app_destruction_allowed(OLD.authority_id,
      CASE WHEN TG_TABLE_NAME = 'children' THEN (row_data ->> 'id')::uuid ELSE (row_data ->> 'child_id')::uuid END)
    OR (TG_TABLE_NAME = 'sibling_links'
      AND app_destruction_allowed(OLD.authority_id, (row_data ->> 'sibling_child_id')::uuid)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'DELETE on % is not allowed: records are voided with a reason, never deleted, until the retention schedule allows their destruction', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- The history of a destroyed child goes with it; any other change to the history is refused, as before.
CREATE FUNCTION app_guard_history() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND app_destruction_allowed(OLD.authority_id, OLD.child_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER record_versions_append_only ON record_versions;
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions
  FOR EACH ROW EXECUTE FUNCTION app_guard_history();

-- Disabling an account ends its sessions and API tokens at once (security SEC-05, SEC-10).
CREATE FUNCTION app_revoke_on_disable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.is_active AND NOT NEW.is_active THEN
    UPDATE sessions SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
    UPDATE api_tokens SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER users_revoke_on_disable AFTER UPDATE OF is_active ON users
  FOR EACH ROW EXECUTE FUNCTION app_revoke_on_disable();

-- OpenID Connect sign-ins in progress. Only the hash of the state is kept; the row is used once.
CREATE TABLE oidc_sign_in_requests (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  state_hash text NOT NULL UNIQUE,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (authority_id, id)
);
SELECT app_protect_table('oidc_sign_in_requests', 'mutable');

-- Reports: break-glass openings and overdue restriction reviews.
CREATE INDEX audit_events_break_glass_idx ON audit_events (authority_id, occurred_at DESC)
  WHERE break_glass_reason IS NOT NULL;
CREATE INDEX children_restriction_review_idx ON children (authority_id, restriction_review_on)
  WHERE sensitivity = 'restricted';
