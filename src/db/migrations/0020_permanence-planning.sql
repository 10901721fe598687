-- 0020 Permanence planning: the child's permanence plan (one row per version), the decisions made about it, the
-- meetings that consider it (with their actions), panel requests, agency decisions, the child's "My plan", and each
-- authority's planning settings (docs/adr/0060-storing-plans-meetings-and-decisions.md).
--
-- Children's data follows 0002: versioned tables keep every version in record_versions and are voided, never
-- deleted; decisions and action updates are append-only, refused UPDATE and DELETE by the database itself. The whole
-- domain model is kept as validated JSONB (src/domain/plans, meetings, panels); the columns beside it are the facts
-- lists, dashboards and the timescale engine query, written from the same model in the same statement.

-- An authority's planning settings: policy data, not code (rules.md §3). A missing row means the defaults of the
-- authority's policy pack (src/app/plans/planning-settings.ts).
CREATE TABLE planning_settings (
  authority_id uuid PRIMARY KEY REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  guidance_policy text CHECK (guidance_policy IN ('dorset', 'tameside', 'devon')),
  vocabulary text NOT NULL DEFAULT 'national' CHECK (vocabulary IN ('national', 'dorset', 'devon', 'tameside')),
  plan_to_manager_days integer CHECK (plan_to_manager_days BETWEEN 0 AND 60),
  plan_to_manager_unit text CHECK (plan_to_manager_unit IN ('calendar-days', 'working-days')),
  plan_to_manager_unit_confirmed boolean NOT NULL DEFAULT false,
  ppm_every_months integer CHECK (ppm_every_months BETWEEN 1 AND 24),
  ltf_review_months integer CHECK (ltf_review_months BETWEEN 1 AND 36),
  -- rules.md PP-09: requests costing strictly more than this go to panel; NULL = no threshold.
  panel_cost_threshold_pence bigint CHECK (panel_cost_threshold_pence >= 0),
  purposes_always_to_panel text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK ((plan_to_manager_days IS NULL) = (plan_to_manager_unit IS NULL))
);

-- One row per version of a child's plan (docs/adr/0020). `plan_version` is the domain's version (1, 2, 3 …);
-- `version` is the row version used for If-Match and the form's hidden version.
CREATE TABLE permanence_plans (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  plan_version integer NOT NULL CHECK (plan_version >= 1),
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL CHECK (status IN ('draft', 'sent-to-manager', 'considered-at-ppm', 'endorsed', 'ratified',
    'superseded')),
  primary_option_type text CHECK (primary_option_type IN ('reunification', 'family-and-friends',
    'child-arrangements-order', 'special-guardianship', 'long-term-fostering', 'residential-care', 'adoption',
    'early-permanence', 'staying-put')),
  has_viable_contingency boolean NOT NULL,
  started_on date NOT NULL,
  sent_to_manager_on date,
  considered_at_ppm_on date,
  endorsed_on date,
  ratified_on date,
  superseded_on date,
  permanence_achieved_on date,
  plan jsonb NOT NULL CHECK (jsonb_typeof(plan) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, plan_id, plan_version),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
-- One plan per child: its first version is unique (every later version shares its plan_id).
CREATE UNIQUE INDEX permanence_plans_one_per_child_idx ON permanence_plans (authority_id, child_id)
  WHERE plan_version = 1 AND voided_at IS NULL;
CREATE INDEX permanence_plans_child_idx ON permanence_plans (authority_id, child_id, plan_version);

-- Every decision, with who, in which role, when, why and the version it was based on (security §3.2; [TAM] §10.7).
CREATE TABLE decision_events (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z-]*$'),
  subject_type text NOT NULL CHECK (subject_type IN ('plan', 'meeting', 'panel-request', 'adm-decision', 'action')),
  subject_id text NOT NULL,
  subject_version integer NOT NULL,
  child_ids uuid[] NOT NULL CHECK (cardinality(child_ids) >= 1),
  decided_by_id uuid REFERENCES users,
  decided_by_role text NOT NULL,
  decided_by_name text NOT NULL,
  decided_on date NOT NULL,
  recorded_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  reasons text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
  PRIMARY KEY (authority_id, id)
);
CREATE INDEX decision_events_children_idx ON decision_events USING gin (child_ids);
CREATE INDEX decision_events_subject_idx ON decision_events (authority_id, subject_type, subject_id);

-- Meetings and decision points. One row per meeting, its current version in `meeting`; every earlier version
-- (a closed meeting before its correction included) is in record_versions. `child_id` is the first child, so the
-- history is filed with a child; `child_ids` lists all of them (a sibling group).
CREATE TABLE meetings (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  child_ids uuid[] NOT NULL CHECK (cardinality(child_ids) >= 1),
  version integer NOT NULL DEFAULT 1,
  meeting_version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('permanence-planning-meeting', 'statutory-review', 'family-network-meeting',
    'family-group-conference', 'legal-gateway', 'permanence-panel', 'adoption-panel', 'fostering-panel',
    'agency-decision')),
  status text NOT NULL CHECK (status IN ('open', 'closed', 'cancelled')),
  held_on date NOT NULL,
  next_meeting_on date,
  -- For a child in care review: the statutory review each child's care record holds for it, by child id.
  statutory_review_ids jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(statutory_review_ids) = 'object'),
  meeting jsonb NOT NULL CHECK (jsonb_typeof(meeting) = 'object'),
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
CREATE INDEX meetings_children_idx ON meetings USING gin (child_ids);
CREATE INDEX meetings_child_idx ON meetings (authority_id, child_id, held_on);

-- Changes to actions after their meeting closed (docs/adr/0025): append-only.
CREATE TABLE action_updates (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  meeting_id uuid NOT NULL,
  action_id text NOT NULL,
  -- The action's version after this update (the action as set at the meeting is 1): two people updating the same
  -- action at once cannot both write the same next version.
  sequence integer NOT NULL CHECK (sequence >= 2),
  child_ids uuid[] NOT NULL CHECK (cardinality(child_ids) >= 1),
  status text NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  updated_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  by_id uuid REFERENCES users,
  by_role text NOT NULL,
  by_name text NOT NULL,
  recorded_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, meeting_id) REFERENCES meetings (authority_id, id),
  UNIQUE (authority_id, meeting_id, action_id, sequence)
);
CREATE INDEX action_updates_children_idx ON action_updates USING gin (child_ids);

-- Requests to a permanence panel (rules.md PP-09), with every decision kept inside the request.
CREATE TABLE panel_requests (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  child_ids uuid[] NOT NULL CHECK (cardinality(child_ids) >= 1),
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'deferred', 'decided')),
  purpose text NOT NULL CHECK (purpose IN ('issue-proceedings', 'resources', 'match', 'other')),
  route text NOT NULL CHECK (route IN ('panel', 'manager')),
  cost_pence bigint CHECK (cost_pence >= 0),
  request jsonb NOT NULL CHECK (jsonb_typeof(request) = 'object'),
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
CREATE INDEX panel_requests_children_idx ON panel_requests USING gin (child_ids);

-- The agency decision maker's decisions: immutable; a change of mind is a new decision.
CREATE TABLE adm_decisions (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('should-be-placed-for-adoption', 'adoption-match', 'fostering-for-adoption',
    'long-term-fostering-match', 'other')),
  outcome text NOT NULL CHECK (outcome IN ('agreed', 'not-agreed')),
  decided_on date NOT NULL,
  decision jsonb NOT NULL CHECK (jsonb_typeof(decision) = 'object'),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id)
);
CREATE INDEX adm_decisions_child_idx ON adm_decisions (authority_id, child_id, decided_on);

-- The child's "My plan": composed from the plan, edited by the social worker, then shared (who, when, with whom).
CREATE TABLE my_plans (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  plan_id uuid NOT NULL,
  plan_version integer NOT NULL,
  sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
  composed_on date NOT NULL,
  shared_on date,
  shared_with text,
  shared_by_id uuid REFERENCES users,
  shared_by_name text,
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
  CHECK ((shared_on IS NULL) = (shared_by_id IS NULL))
);
CREATE UNIQUE INDEX my_plans_child_idx ON my_plans (authority_id, child_id) WHERE voided_at IS NULL;

SELECT app_protect_table('planning_settings', 'mutable');
SELECT app_protect_table(t, 'versioned') FROM unnest(ARRAY['permanence_plans', 'meetings', 'panel_requests',
  'my_plans']) AS t;
SELECT app_protect_table(t, 'append-only') FROM unnest(ARRAY['decision_events', 'action_updates', 'adm_decisions'])
  AS t;

-- Decisions are evidence: not even the owner may change or remove them (as the audit trail, 0001).
CREATE TRIGGER decision_events_append_only BEFORE UPDATE OR DELETE ON decision_events
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER action_updates_append_only BEFORE UPDATE OR DELETE ON action_updates
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
CREATE TRIGGER adm_decisions_append_only BEFORE UPDATE OR DELETE ON adm_decisions
  FOR EACH ROW EXECUTE FUNCTION app_refuse_change();
