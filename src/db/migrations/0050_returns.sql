-- 0050 National returns (issue 8): what the SSDA903 return needs beyond the care record, and the adoption scorecard
-- thresholds (docs/returns.md "Storage", docs/adr/0050-return-details-storage.md).
--
-- Child-record data is versioned like the care record (history in record_versions, voids, no DELETE) and holds
-- canonical values (docs/adr/0007-canonical-codes.md, 0030): the year-specific 903 codes are applied at export.
-- MOTHER and MC_DOB are children.is_mother and children.first_child_born_on, and LA_PERM and DATE_PERM are
-- periods_of_care.previous_permanence_authority and previous_permanence_on, all from 0002; two more columns are
-- added to those tables here. Every new table has authority_id and row-level security (app_protect_table).

-- Imported facts have name-based ids (ADR 0034), the same in every authority that imports the same LA child IDs:
-- every table's key leads with authority_id, but record_versions' did not, so two authorities' histories of the
-- same id collided. Its key now leads with authority_id too.
ALTER TABLE record_versions DROP CONSTRAINT record_versions_table_name_record_id_version_key;
ALTER TABLE record_versions ADD CONSTRAINT record_versions_authority_record_version_key
  UNIQUE (authority_id, table_name, record_id, version);

-- History per statement, not per row (docs/adr/0054-record-history-per-statement.md). The 0001 trigger ran a PL/pgSQL
-- function for every row written; bulk writes (the SSDA903 import, the demo) spent most of their time there. These
-- triggers copy the same rows into record_versions — the same columns, who (app.user_id), when and why
-- (app.change_reason) — with one INSERT … SELECT per statement over its transition table. The version check stays a
-- row trigger. Every versioned table so far is converted, and app_protect_table creates the new triggers from now on.
CREATE FUNCTION app_record_statement_versions() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO record_versions (authority_id, table_name, record_id, child_id, version, operation, data, changed_by,
    change_reason)
  SELECT (r.data ->> 'authority_id')::uuid, TG_TABLE_NAME, (r.data ->> 'id')::uuid,
    CASE WHEN TG_TABLE_NAME = 'children' THEN (r.data ->> 'id')::uuid ELSE (r.data ->> 'child_id')::uuid END,
    (r.data ->> 'version')::integer, TG_OP, r.data, app_current_user(),
    nullif(current_setting('app.change_reason', true), '')
  FROM (SELECT to_jsonb(n) AS data FROM new_rows n) r;
  RETURN NULL;
END
$$;

CREATE FUNCTION app_add_history_triggers(table_name text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- A trigger with a transition table serves one event, so inserts and updates have one each.
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION app_record_statement_versions()', table_name || '_history_insert', table_name);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION app_record_statement_versions()', table_name || '_history_update', table_name);
END
$$;

DO $$
DECLARE
  found record;
BEGIN
  FOR found IN
    SELECT c.relname AS table_name, t.tgname AS trigger_name
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE p.proname = 'app_record_version' AND NOT t.tgisinternal
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', found.trigger_name, found.table_name);
    PERFORM app_add_history_triggers(found.table_name);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION app_protect_table(table_name text, kind text) RETURNS void
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
    PERFORM app_add_history_triggers(table_name);
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

-- UASC DUC: the day the child stopped being an unaccompanied asylum-seeking child.
ALTER TABLE children ADD COLUMN uasc_ceased_on date;

-- HOME_POST: the postcode of the child's home when the period of care started. DATE_PERM may have unknown parts
-- (`zz/05/2020` in 903, stored `2020-05-ZZ`).
ALTER TABLE periods_of_care ADD COLUMN home_postcode text CHECK (length(home_postcode) <= 10);
ALTER TABLE periods_of_care ADD CONSTRAINT periods_of_care_previous_permanence_on_format
  CHECK (previous_permanence_on ~ '^([0-9]{4}|ZZZZ)-([0-9]{2}|ZZ)-([0-9]{2}|ZZ)$');

-- Adoption journeys: from the decision that the child should be placed for adoption to the adoption order or the
-- decision that the child should no longer be placed (903 PlacedAdoption and AD1; Annex A list 10). Placement order,
-- placed and adoption order dates may be null: the returns then derive them from the care record.
CREATE TABLE adoption_journeys (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  decided_on date NOT NULL,
  decision_ceased_on date,
  decision_ceased_reason text CHECK (decision_ceased_reason IN ('needs-changed', 'no-placement-order',
    'adopters-not-found', 'other')),
  placement_order_on date,
  matched_on date,
  placed_on date,
  adoption_order_on date,
  fostering_for_adoption_on date,
  adopter_count integer CHECK (adopter_count IN (1, 2)),
  adopter_sexes text CHECK (adopter_sexes IN ('one-male', 'one-female', 'two-male', 'two-female', 'male-and-female')),
  adopter_legal_status text CHECK (adopter_legal_status IN ('single', 'married-different-sex', 'married-same-sex',
    'civil-partnership', 'unmarried-different-sex', 'unmarried-same-sex')),
  is_adopted_by_foster_carers boolean,
  family_id text CHECK (length(family_id) <= 40),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  -- AD1 describes the adopters as a whole: count, sexes and legal status together or not at all.
  CHECK ((adopter_count IS NULL) = (adopter_sexes IS NULL) AND (adopter_sexes IS NULL) = (adopter_legal_status IS NULL))
);
CREATE INDEX adoption_journeys_child_idx ON adoption_journeys (authority_id, child_id);

-- Missing from placement, or away without authorisation (903 Missing; Annex A list 8).
CREATE TABLE missing_episodes (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('missing', 'away-without-authorisation')),
  started_on date NOT NULL,
  returned_on date,
  was_return_interview_offered boolean,
  was_return_interview_accepted boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (returned_on IS NULL OR returned_on >= started_on)
);
CREATE INDEX missing_episodes_child_idx ON missing_episodes (authority_id, child_id);

-- Per worker allocation: the 903 social worker episode (SW_ID and SW_REASON, new in 2023/24). An allocation with no
-- row here takes its SW_ID from social_worker_refs.
CREATE TABLE social_worker_episodes (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  allocation_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  social_worker_ref text NOT NULL CHECK (length(social_worker_ref) BETWEEN 1 AND 40),
  change_reason text CHECK (change_reason IN ('MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN',
    'PCCHAN', 'SWDIED', 'OTHERS')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, allocation_id) REFERENCES worker_allocations (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX social_worker_episodes_child_idx ON social_worker_episodes (authority_id, child_id);
CREATE UNIQUE INDEX social_worker_episodes_allocation_idx ON social_worker_episodes (authority_id, allocation_id)
  WHERE voided_at IS NULL;

-- Deprivation of liberty orders (903 DoLo, from 2026/27).
CREATE TABLE deprivation_of_liberty_orders (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  started_on date NOT NULL,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX deprivation_of_liberty_orders_child_idx ON deprivation_of_liberty_orders (authority_id, child_id);

-- OC2: outcomes of a child looked after continuously for 12 months at 31 March, one row per collection year (named
-- by its end year, 2026 = 2025/26, as the DfE validator names them).
CREATE TABLE health_outcomes (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  collection_year integer NOT NULL CHECK (collection_year BETWEEN 2000 AND 2100),
  sdq_score integer CHECK (sdq_score BETWEEN 0 AND 40),
  sdq_reason text CHECK (sdq_reason IN ('outside-age-range', 'carer-refused', 'disability-too-severe', 'other',
    'young-person-refused')),
  is_convicted boolean,
  has_health_check boolean,
  has_immunisations boolean,
  has_teeth_check boolean,
  has_health_assessment boolean,
  has_substance_misuse boolean,
  has_intervention_received boolean,
  has_intervention_offered boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX health_outcomes_year_idx ON health_outcomes (authority_id, child_id, collection_year)
  WHERE voided_at IS NULL;

-- OC3: a care leaver's outcomes around a birthday, one row per collection year.
CREATE TABLE care_leaver_outcomes (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  collection_year integer NOT NULL CHECK (collection_year BETWEEN 2000 AND 2100),
  contact text NOT NULL CHECK (contact IN ('in-touch', 'not-in-touch', 'died', 'refuses-contact',
    'no-longer-requires-services', 'returned-home')),
  activity text NOT NULL CHECK (activity IN ('higher-education-full-time', 'higher-education-part-time',
    'other-education-full-time', 'other-education-part-time', 'apprenticeship-full-time', 'apprenticeship-part-time',
    'training-or-employment-full-time', 'training-or-employment-part-time', 'not-in-education-illness-or-disability',
    'not-in-education-other', 'not-in-education-pregnancy-or-parenting', 'not-applicable')),
  accommodation text NOT NULL CHECK (accommodation IN ('with-parents-or-relatives', 'community-home',
    'semi-independent', 'supported-lodgings', 'gone-abroad', 'deported', 'ordinary-lodgings', 'residence-not-known',
    'no-fixed-abode', 'foyer', 'independent-living', 'emergency-accommodation', 'bed-and-breakfast', 'custody', 'other',
    'with-former-foster-carers', 'not-applicable')),
  is_accommodation_suitable boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX care_leaver_outcomes_year_idx ON care_leaver_outcomes (authority_id, child_id, collection_year)
  WHERE voided_at IS NULL;

-- A social worker's 903 identifier (SW_ID, from the workforce census; must begin SW or XX, rule SW02STG1), so that
-- every allocation to them is returned without re-keying it. Staff data, not child data: mutable.
CREATE TABLE social_worker_refs (
  authority_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users,
  social_worker_ref text NOT NULL CHECK (length(social_worker_ref) BETWEEN 1 AND 40),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, user_id),
  UNIQUE (authority_id, social_worker_ref)
);

-- The authority's adoption scorecard thresholds (defaults: A1 and A10 426 days, A2 121 days, A3 14 months; gov.uk
-- 2013–16 thresholds). Versioned, so every change keeps who, when and why.
CREATE TABLE scorecard_thresholds (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  a1_days integer NOT NULL CHECK (a1_days BETWEEN 1 AND 3650),
  a2_days integer NOT NULL CHECK (a2_days BETWEEN 1 AND 3650),
  a3_months integer NOT NULL CHECK (a3_months BETWEEN 1 AND 120),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);

SELECT app_protect_table(t, 'versioned') FROM unnest(ARRAY['adoption_journeys', 'missing_episodes',
  'social_worker_episodes', 'deprivation_of_liberty_orders', 'health_outcomes', 'care_leaver_outcomes',
  'scorecard_thresholds']) AS t;
SELECT app_protect_table('social_worker_refs', 'mutable');
