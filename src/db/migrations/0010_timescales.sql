-- 0010 What the timescale engine needs beyond the care record, and where its answers are kept.
--
-- * care_events: dated events the statutory timescales count (visits, health assessments, PEPs, care and placement
--   plans, assessments, Staying Put discussions). Versioned like every child-record table.
-- * statutory_reviews gains why a review was brought forward (CPPCR reg 33(3); rules.md REV-04) and whether it
--   considered Staying Put (REV-05).
-- * policy_packs: an authority's own policy pack (JSON, checked by the domain before it is stored), versioned; when
--   an authority has none, its built-in pack (authorities.policy_pack) applies.
-- * timescale_items and child_timescales: the engine's answers for each child, derived and replaced whenever the
--   child's record changes (in the same transaction) and every night for the new day. Not history: the facts are.
-- * meta.bank_holiday_imports: gov.uk bank-holiday files imported by an operator; national, so outside any authority.

CREATE TABLE care_events (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('statutory-visit', 'care-plan', 'placement-plan', 'personal-education-plan',
    'health-assessment-initial', 'health-assessment-review', 'child-and-family-assessment',
    'care-leaver-needs-assessment', 'staying-put-discussion', 'pathway-plan')),
  occurred_on date NOT NULL,
  placement_id uuid,
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
  FOREIGN KEY (authority_id, placement_id) REFERENCES placements (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((kind = 'placement-plan') = (placement_id IS NOT NULL))
);
CREATE INDEX care_events_child_idx ON care_events (authority_id, child_id, kind);
SELECT app_protect_table('care_events', 'versioned');

ALTER TABLE statutory_reviews
  ADD COLUMN brought_forward_kind text CHECK (brought_forward_kind IN ('iro-request', 'regulation-30',
    'remand-ending', 'ceasing-accommodation', 'other')),
  ADD COLUMN considered_staying_put boolean NOT NULL DEFAULT false;

CREATE TABLE policy_packs (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX policy_packs_current_idx ON policy_packs (authority_id) WHERE voided_at IS NULL;
SELECT app_protect_table('policy_packs', 'versioned');

CREATE TABLE timescale_items (
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  position integer NOT NULL,
  rule text NOT NULL,
  title text NOT NULL,
  due_on date,
  status text NOT NULL CHECK (status IN ('upcoming', 'due-soon', 'overdue', 'met', 'met-late', 'not-applicable')),
  met_on date,
  explanation text NOT NULL,
  source text NOT NULL,
  is_provisional boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (authority_id, child_id, position),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id)
);
CREATE INDEX timescale_items_due_idx ON timescale_items (authority_id, status, due_on);
SELECT app_protect_table('timescale_items', 'mutable');

CREATE TABLE child_timescales (
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  evaluated_as_of date NOT NULL,
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  policy_pack text NOT NULL,
  policy_version text NOT NULL,
  calendar_version text NOT NULL,
  overdue_count integer NOT NULL,
  due_soon_count integer NOT NULL,
  next_due_on date,
  drift jsonb NOT NULL,
  eligibility jsonb NOT NULL,
  PRIMARY KEY (authority_id, child_id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id)
);
SELECT app_protect_table('child_timescales', 'mutable');

CREATE TABLE meta.bank_holiday_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  imported_at timestamptz NOT NULL DEFAULT now(),
  source text NOT NULL,
  content jsonb NOT NULL
);
GRANT USAGE ON SCHEMA meta TO permanence_app;
GRANT SELECT ON meta.bank_holiday_imports TO permanence_app;
