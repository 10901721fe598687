-- 0070 The child's network (issue 7): who matters to the child and how, family network meetings and family group
-- conferences, viability and connected-person assessments (CON-01/CON-02), SGO notices (SGO-01), Together-or-Apart
-- assessments of brothers and sisters, family time plans, sessions and suspensions (KIT-01), and life story work.
--
-- People and relationships extend the care record's own tables rather than duplicate them. Every new table is a
-- versioned child-record table: the current row plus every version in record_versions, a void with a reason in place
-- of deletion, keys leading with authority_id.

ALTER TABLE people
  ADD COLUMN culture text CHECK (length(culture) <= 200),
  ADD COLUMN religion text CHECK (length(religion) <= 200),
  ADD COLUMN language text CHECK (length(language) <= 200),
  ADD COLUMN is_deceased boolean NOT NULL DEFAULT false;

ALTER TABLE child_relationships
  ADD COLUMN closeness text CHECK (closeness IN ('very-close', 'close', 'some-contact', 'distant', 'conflicted',
    'no-contact')),
  ADD COLUMN strengths text CHECK (length(strengths) <= 2000),
  ADD COLUMN risks text CHECK (length(risks) <= 2000),
  ADD COLUMN side_of_family text CHECK (side_of_family IN ('maternal', 'paternal', 'both', 'none'));

CREATE TABLE family_meetings (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('family-network-meeting', 'family-group-conference')),
  held_on date NOT NULL,
  attendee_person_ids uuid[] NOT NULL DEFAULT '{}',
  other_attendees text CHECK (length(other_attendees) <= 2000),
  offers jsonb NOT NULL DEFAULT '[]'::jsonb,
  family_plan text CHECK (length(family_plan) <= 10000),
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
  CHECK (jsonb_typeof(offers) = 'array')
);
CREATE INDEX family_meetings_child_idx ON family_meetings (authority_id, child_id);

CREATE TABLE kinship_assessments (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  person_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('viability', 'connected-person', 'special-guardianship')),
  started_on date NOT NULL,
  due_on date,
  completed_on date,
  outcome text CHECK (outcome IN ('positive', 'negative', 'withdrawn')),
  plan_option_id text CHECK (length(plan_option_id) <= 64),
  temporary_approval_on date,
  extension_granted_on date,
  extension_weeks integer CHECK (extension_weeks BETWEEN 1 AND 8),
  until_review_outcome boolean NOT NULL DEFAULT false,
  full_approval_on date,
  summary text CHECK (length(summary) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, person_id) REFERENCES people (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((completed_on IS NULL) = (outcome IS NULL)),
  CHECK ((extension_granted_on IS NULL) = (extension_weeks IS NULL))
);
CREATE INDEX kinship_assessments_child_idx ON kinship_assessments (authority_id, child_id);

CREATE TABLE sgo_notices (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  person_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  given_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, person_id) REFERENCES people (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX sgo_notices_child_idx ON sgo_notices (authority_id, child_id);

-- A Together-or-Apart assessment covers a sibling group; one outcome per pair, with reasons and, when apart, how
-- they keep in touch. Recorded from one child's page, it counts for every child named in it.
CREATE TABLE sibling_assessments (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  child_ids uuid[] NOT NULL,
  assessed_on date NOT NULL,
  pairs jsonb NOT NULL,
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
  CHECK (jsonb_typeof(pairs) = 'array'),
  CHECK (cardinality(child_ids) >= 2)
);
CREATE INDEX sibling_assessments_child_idx ON sibling_assessments (authority_id, child_id);
CREATE INDEX sibling_assessments_children_idx ON sibling_assessments USING gin (child_ids);

CREATE TABLE family_time_plans (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  person_id uuid,
  sibling_child_id uuid,
  mode text NOT NULL CHECK (mode IN ('direct', 'indirect')),
  sessions_per_period integer NOT NULL CHECK (sessions_per_period BETWEEN 1 AND 31),
  period text NOT NULL CHECK (period IN ('week', 'month', 'year')),
  duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
  venue text CHECK (length(venue) <= 500),
  supervision text NOT NULL CHECK (supervision IN ('unsupervised', 'supported', 'supervised', 'not-applicable')),
  transport text CHECK (length(transport) <= 500),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
  working_agreement text CHECK (length(working_agreement) <= 5000),
  working_agreement_on date,
  section_34_order_on date,
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
  FOREIGN KEY (authority_id, person_id) REFERENCES people (authority_id, id),
  FOREIGN KEY (authority_id, sibling_child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((person_id IS NULL) <> (sibling_child_id IS NULL))
);
CREATE INDEX family_time_plans_child_idx ON family_time_plans (authority_id, child_id);

CREATE TABLE family_time_sessions (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  occurred_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('attended', 'cancelled', 'did-not-attend')),
  cancelled_by text CHECK (cancelled_by IN ('parent', 'relative', 'carer', 'child', 'local-authority', 'other')),
  child_experience text CHECK (length(child_experience) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, plan_id) REFERENCES family_time_plans (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((outcome = 'cancelled') = (cancelled_by IS NOT NULL))
);
CREATE INDEX family_time_sessions_child_idx ON family_time_sessions (authority_id, child_id);

CREATE TABLE family_time_suspensions (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  suspended_on date NOT NULL,
  resumed_on date,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  notified_on date,
  legal_advice_on date,
  section_34_order_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, plan_id) REFERENCES family_time_plans (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (resumed_on IS NULL OR resumed_on > suspended_on)
);
CREATE INDEX family_time_suspensions_child_idx ON family_time_suspensions (authority_id, child_id);

CREATE TABLE life_story_work (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('life-story-book', 'words-and-pictures', 'later-life-letter')),
  owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed')),
  completed_on date,
  notes text CHECK (length(notes) <= 5000),
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
  CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX life_story_work_child_idx ON life_story_work (authority_id, child_id);

SELECT app_protect_table(t, 'versioned') FROM unnest(ARRAY['family_meetings', 'kinship_assessments', 'sgo_notices',
  'sibling_assessments', 'family_time_plans', 'family_time_sessions', 'family_time_suspensions',
  'life_story_work']) AS t;
