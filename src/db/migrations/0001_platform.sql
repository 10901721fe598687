-- 0001 Platform: authorities, people who use the system, sessions, audit, record history, and the helpers that
-- give every later table the same protections.
--
-- Conventions (docs/adr/0003-postgres-everywhere.md, docs/adr/0006-append-only-history.md):
-- * Every table in the public schema carries authority_id and is protected by row-level security on it. The
--   application runs each transaction as the role permanence_app with app.authority_id set, so RLS applies to it;
--   the owner role (used only by migrations, maintenance commands and the SECURITY DEFINER functions for sign-in)
--   is not subject to RLS.
-- * Child-record tables are versioned: the application bumps `version` on each change and a trigger copies every
--   version into record_versions. Nothing is deleted: "delete" is a void with a reason.
-- * audit_events and record_versions are append-only in the database itself: triggers refuse UPDATE and DELETE for
--   every role, and the application role is granted only SELECT and INSERT.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'permanence_app') THEN
    CREATE ROLE permanence_app NOLOGIN;
  END IF;
END
$$;

-- The connecting user must be able to SET ROLE permanence_app (a superuser can; others need membership).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT permanence_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO permanence_app;

-- The authority of the current transaction, or NULL when none is set (then RLS shows no rows).
CREATE FUNCTION app_current_authority() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.authority_id', true), '')::uuid $$;

CREATE FUNCTION app_current_user() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Refuses any UPDATE or DELETE: used on append-only tables.
CREATE FUNCTION app_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Refuses physical deletion of versioned records; destruction goes through the retention workflow (0002).
CREATE FUNCTION app_refuse_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF current_setting('app.retention_destruction', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'DELETE on % is not allowed: records are voided with a reason, never deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TABLE authorities (
  authority_id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  policy_pack text NOT NULL DEFAULT 'national',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (authority_id, name)
);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  service_id uuid NOT NULL REFERENCES services,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (authority_id, name)
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('social-worker', 'team-manager', 'iro', 'agency-decision-maker',
    'panel-member', 'qa-auditor', 'performance-analyst', 'administrator', 'system')),
  team_id uuid REFERENCES teams,
  service_id uuid REFERENCES services,
  password_hash text,
  totp_secret text,
  is_totp_enabled boolean NOT NULL DEFAULT false,
  oidc_subject text,
  is_active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  last_active_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_authority_idx ON users (authority_id, role);
CREATE UNIQUE INDEX users_oidc_idx ON users (authority_id, oidc_subject) WHERE oidc_subject IS NOT NULL;

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  user_id uuid NOT NULL REFERENCES users,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  is_second_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  client_address text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  user_id uuid NOT NULL REFERENCES users,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  user_id uuid NOT NULL REFERENCES users,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  is_success boolean NOT NULL,
  client_address text
);
CREATE INDEX sign_in_attempts_user_idx ON sign_in_attempts (user_id, attempted_at);

-- One row for every read, search, export, print and write of a child's data, written in the same transaction
-- as the work it records (security AUD-01, AUD-02).
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users,
  role text,
  child_id uuid,
  action text NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]*$'),
  purpose text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'not-found', 'invalid', 'conflict', 'error')),
  client_address text,
  request_id text,
  method text,
  route text,
  break_glass_reason text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_child_idx ON audit_events (authority_id, child_id, occurred_at DESC);
CREATE INDEX audit_events_user_idx ON audit_events (authority_id, user_id, occurred_at DESC);
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

-- Every version of every versioned record (security D4).
CREATE TABLE record_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_id uuid NOT NULL REFERENCES authorities,
  table_name text NOT NULL,
  record_id uuid NOT NULL,
  child_id uuid,
  version integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE')),
  data jsonb NOT NULL,
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  change_reason text,
  UNIQUE (table_name, record_id, version)
);
CREATE INDEX record_versions_child_idx ON record_versions (authority_id, child_id, changed_at);
CREATE TRIGGER record_versions_append_only BEFORE UPDATE OR DELETE ON record_versions
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER record_versions_no_truncate BEFORE TRUNCATE ON record_versions
  FOR EACH STATEMENT EXECUTE FUNCTION app_refuse_change();

-- Versioned records: each UPDATE must move to exactly the next version and keep its identity; then the new row is
-- copied into record_versions with who (app.user_id), when and why (app.change_reason).
CREATE FUNCTION app_check_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW.authority_id <> OLD.authority_id THEN
    RAISE EXCEPTION 'The identity of a record in % cannot change', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.version <> OLD.version + 1 THEN
    RAISE EXCEPTION 'A change to % must move from version % to %, not %', TG_TABLE_NAME, OLD.version,
      OLD.version + 1, NEW.version USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION app_record_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  row_data jsonb := to_jsonb(NEW);
BEGIN
  INSERT INTO record_versions (authority_id, table_name, record_id, child_id, version, operation, data, changed_by,
    change_reason)
  VALUES (NEW.authority_id, TG_TABLE_NAME, NEW.id,
    CASE WHEN TG_TABLE_NAME = 'children' THEN NEW.id ELSE (row_data ->> 'child_id')::uuid END,
    NEW.version, TG_OP, row_data, app_current_user(), nullif(current_setting('app.change_reason', true), ''));
  RETURN NEW;
END
$$;

-- Applies the standard protections to a table. kind:
--   'versioned'   child-record data: RLS, history trigger, version check, no DELETE (void instead)
--   'append-only' RLS, INSERT and SELECT only
--   'mutable'     RLS, full access (sessions, derived caches)
CREATE FUNCTION app_protect_table(table_name text, kind text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('CREATE POLICY %I ON %I USING (authority_id = app_current_authority()) '
    'WITH CHECK (authority_id = app_current_authority())', table_name || '_authority', table_name);
  IF kind = 'versioned' THEN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO permanence_app', table_name);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION app_check_version()',
      table_name || '_version_check', table_name);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION app_record_version()',
      table_name || '_history', table_name);
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_refuse_delete()',
      table_name || '_no_delete', table_name);
  ELSIF kind = 'append-only' THEN
    EXECUTE format('GRANT SELECT, INSERT ON %I TO permanence_app', table_name);
  ELSIF kind = 'mutable' THEN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO permanence_app', table_name);
  ELSE
    RAISE EXCEPTION 'Unknown table kind %', kind;
  END IF;
END
$$;

-- authorities is keyed by authority_id itself; the application may read only its own row.
ALTER TABLE authorities ENABLE ROW LEVEL SECURITY;
CREATE POLICY authorities_self ON authorities USING (authority_id = app_current_authority());
GRANT SELECT ON authorities TO permanence_app;

SELECT app_protect_table('services', 'mutable');
SELECT app_protect_table('teams', 'mutable');
SELECT app_protect_table('users', 'mutable');
SELECT app_protect_table('sessions', 'mutable');
SELECT app_protect_table('api_tokens', 'mutable');
SELECT app_protect_table('sign_in_attempts', 'append-only');
SELECT app_protect_table('audit_events', 'append-only');
SELECT app_protect_table('record_versions', 'append-only');
GRANT USAGE ON SEQUENCE audit_events_id_seq, record_versions_id_seq, sign_in_attempts_id_seq TO permanence_app;

-- Sign-in happens before the authority is known, so these functions run as the owner (bypassing RLS) and return
-- only what sign-in needs.
CREATE FUNCTION app_find_user_for_sign_in(p_email text)
  RETURNS TABLE (user_id uuid, authority_id uuid, password_hash text, is_active boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, authority_id, password_hash, is_active FROM users WHERE email = lower(p_email) $$;

CREATE FUNCTION app_find_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, authority_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, authority_id, user_id FROM sessions WHERE token_hash = p_token_hash AND revoked_at IS NULL $$;

CREATE FUNCTION app_find_api_token(p_token_hash text)
  RETURNS TABLE (token_id uuid, authority_id uuid, user_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id, authority_id, user_id FROM api_tokens WHERE token_hash = p_token_hash AND revoked_at IS NULL $$;

CREATE FUNCTION app_find_authority_by_code(p_code text)
  RETURNS TABLE (authority_id uuid, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT authority_id, name FROM authorities WHERE code = p_code $$;

CREATE FUNCTION app_list_authorities()
  RETURNS TABLE (authority_id uuid, code text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT authority_id, code, name FROM authorities ORDER BY name $$;

REVOKE ALL ON FUNCTION app_find_user_for_sign_in(text), app_find_session(text), app_find_api_token(text),
  app_find_authority_by_code(text), app_list_authorities() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_find_user_for_sign_in(text), app_find_session(text), app_find_api_token(text),
  app_find_authority_by_code(text), app_list_authorities() TO permanence_app;
