-- 0002 The child's care record, stored as facts.
--
-- Every table here is versioned (app_protect_table 'versioned'): the current row plus every earlier version in
-- record_versions, and a void with a reason in place of deletion. Keys lead with authority_id so that the schema can
-- be distributed by authority (Citus) without change. Codes that change from year to year in the national returns
-- (placement types, legal statuses, reasons) are stored as our own canonical values and mapped at export time
-- (docs/adr/0007-canonical-codes.md); stable national codes (ethnicity, category of need, review participation) are
-- stored as the national code.

CREATE TABLE children (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  given_names text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  preferred_name text CHECK (length(preferred_name) <= 100),
  date_of_birth_on date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
  ethnicity text NOT NULL CHECK (ethnicity IN ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND',
    'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')),
  first_language text,
  needs_interpreter boolean NOT NULL DEFAULT false,
  religion text,
  has_disability boolean NOT NULL DEFAULT false,
  disability_details text,
  communication_needs text,
  local_case_number text NOT NULL CHECK (length(local_case_number) BETWEEN 1 AND 40),
  upn text,
  is_unaccompanied_asylum_seeker boolean NOT NULL DEFAULT false,
  is_mother boolean,
  first_child_born_on date,
  date_of_death_on date,
  team_id uuid REFERENCES teams,
  allocated_worker_id uuid REFERENCES users,
  allocated_iro_id uuid REFERENCES users,
  sensitivity text NOT NULL DEFAULT 'normal' CHECK (sensitivity IN ('normal', 'restricted', 'sealed')),
  restriction_category text CHECK (restriction_category IN ('staff-or-relative', 'high-profile', 'high-risk')),
  restriction_owner_id uuid REFERENCES users,
  restriction_review_on date,
  restriction_permitted_user_ids uuid[] NOT NULL DEFAULT '{}',
  earliest_destruction_on date,
  legal_hold boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  UNIQUE (authority_id, local_case_number),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (sensitivity <> 'restricted' OR (restriction_category IS NOT NULL AND restriction_owner_id IS NOT NULL
    AND restriction_review_on IS NOT NULL))
);
CREATE INDEX children_worker_idx ON children (authority_id, allocated_worker_id);
CREATE INDEX children_team_idx ON children (authority_id, team_id);
CREATE INDEX children_name_idx ON children (authority_id, lower(family_name), lower(given_names));

-- Columns shared by every fact about a child.
-- (Written out in each table rather than inherited: PostgreSQL inheritance does not carry keys or RLS.)

CREATE TABLE periods_of_care (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  started_on date NOT NULL,
  ended_on date,
  reason_ended text CHECK (reason_ended IN ('adopted-unopposed', 'adopted-consent-dispensed', 'died',
    'care-taken-over-by-another-authority', 'returned-home-planned', 'returned-home-unplanned',
    'lives-with-relatives-without-pr', 'child-arrangements-order', 'sgo-former-foster-carers-connected',
    'sgo-former-foster-carers-other', 'sgo-other-carers-connected', 'sgo-other-carers-other',
    'independent-living-supported', 'independent-living-unsupported', 'adult-social-care', 'custody', 'remand-ended',
    'age-assessed-adult', 'moved-abroad', 'staying-put', 'other')),
  category_of_need text CHECK (category_of_need ~ '^N[1-8]$'),
  previous_permanence text CHECK (previous_permanence IN ('adoption', 'special-guardianship-order',
    'child-arrangements-order', 'unknown', 'none')),
  previous_permanence_authority text,
  previous_permanence_on text,
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
  CHECK ((ended_on IS NULL) = (reason_ended IS NULL))
);
CREATE INDEX periods_of_care_child_idx ON periods_of_care (authority_id, child_id);

CREATE TABLE legal_statuses (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL CHECK (status IN ('interim-care-order', 'care-order', 'freeing-order', 'placement-order',
    'section-20', 'short-breaks-episodes', 'short-breaks-agreement', 'police-protection',
    'emergency-protection-order', 'child-assessment-order', 'remand', 'pace-accommodation',
    'youth-rehabilitation-order')),
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
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX legal_statuses_child_idx ON legal_statuses (authority_id, child_id);

-- People in the child's world: relatives, carers, friends, professionals. A person can matter to several children
-- (a grandmother of a sibling group), so people are kept apart from the relationships that link them to a child.
CREATE TABLE people (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  given_names text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  date_of_birth_on date,
  sex text CHECK (sex IN ('female', 'male', 'unknown')),
  is_local_authority_foster_carer boolean NOT NULL DEFAULT false,
  is_approved_adopter boolean NOT NULL DEFAULT false,
  organisation text,
  postcode text,
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

CREATE TABLE child_relationships (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  person_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  relationship text NOT NULL CHECK (relationship IN ('mother', 'father', 'step-parent', 'parent-partner',
    'grandparent', 'aunt', 'uncle', 'sibling-adult', 'cousin', 'other-relative', 'family-friend', 'foster-carer',
    'prospective-adopter', 'adoptive-parent', 'special-guardian', 'teacher', 'professional', 'other')),
  holds_parental_responsibility boolean NOT NULL DEFAULT false,
  notes text,
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
CREATE INDEX child_relationships_child_idx ON child_relationships (authority_id, child_id);
CREATE INDEX child_relationships_person_idx ON child_relationships (authority_id, person_id);

CREATE TABLE placements (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  placement_type text NOT NULL CHECK (placement_type IN ('adoption-consent-current-foster-carers', 'adoption-consent',
    'adoption-placement-order-current-foster-carers', 'adoption-placement-order', 'secure-childrens-home',
    'childrens-home', 'supported-accommodation', 'semi-independent-unregulated', 'with-parents', 'independent-living',
    'residential-employment', 'residential-care-home', 'health-establishment', 'family-centre',
    'young-offender-institution', 'residential-school', 'temporary-other', 'temporary-hospital', 'temporary-holiday',
    'temporary-carers-holiday', 'temporary-short', 'connected-foster-long-term', 'connected-foster-for-adoption',
    'connected-foster-other', 'foster-long-term', 'foster-for-adoption', 'foster-other', 'other-placement',
    'other-placement-z11', 'other-placement-z12', 'other-placement-z13', 'other-placement-z14')),
  carer_person_id uuid,
  provider_name text,
  provider_type text CHECK (provider_type IN ('parents', 'own-authority', 'other-authority', 'other-public',
    'private', 'voluntary')),
  postcode text,
  ofsted_urn text,
  started_on date NOT NULL,
  ended_on date,
  reason_ended text CHECK (reason_ended IN ('care-plan', 'provision-closed', 'allegation', 'standards-of-care',
    'approval-removed', 'carer-request-behaviour', 'carer-request-other', 'child-request', 'authority-request',
    'status-change', 'custody', 'other')),
  is_intended_until_eighteen boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, carer_person_id) REFERENCES people (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX placements_child_idx ON placements (authority_id, child_id);

CREATE TABLE statutory_reviews (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  held_on date NOT NULL,
  participation text CHECK (participation ~ '^PN[0-7]$'),
  chaired_by_id uuid REFERENCES users,
  brought_forward_reason text,
  notes text,
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
CREATE INDEX statutory_reviews_child_idx ON statutory_reviews (authority_id, child_id);

CREATE TABLE care_proceedings (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  issued_on date NOT NULL,
  court text,
  court_case_number text,
  final_care_plan_filing_on date,
  concluded_on date,
  outcome text,
  extensions jsonb NOT NULL DEFAULT '[]'::jsonb,
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
  CHECK (jsonb_typeof(extensions) = 'array')
);
CREATE INDEX care_proceedings_child_idx ON care_proceedings (authority_id, child_id);

CREATE TABLE legal_orders (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  order_type text NOT NULL CHECK (order_type IN ('special-guardianship-order', 'child-arrangements-order',
    'adoption-order', 'supervision-order', 'care-order', 'interim-care-order', 'placement-order',
    'emergency-protection-order', 'interim-supervision-order', 'other')),
  made_on date NOT NULL,
  ended_on date,
  holder_person_ids uuid[] NOT NULL DEFAULT '{}',
  court text,
  notes text,
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
CREATE INDEX legal_orders_child_idx ON legal_orders (authority_id, child_id);

-- Brothers and sisters, each a child in this authority's records. One row per pair, the lower id first.
CREATE TABLE sibling_links (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  sibling_child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  kind text NOT NULL CHECK (kind IN ('full', 'half', 'step', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  FOREIGN KEY (authority_id, sibling_child_id) REFERENCES children (authority_id, id),
  CHECK (child_id < sibling_child_id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX sibling_links_pair_idx ON sibling_links (authority_id, child_id, sibling_child_id)
  WHERE voided_at IS NULL;
CREATE INDEX sibling_links_sibling_idx ON sibling_links (authority_id, sibling_child_id);

-- Allocation history: the child's social worker over time (SSDA903 social worker episodes).
CREATE TABLE worker_allocations (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  worker_id uuid NOT NULL REFERENCES users,
  team_id uuid REFERENCES teams,
  started_on date NOT NULL,
  ended_on date,
  reason_ended text,
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
CREATE INDEX worker_allocations_child_idx ON worker_allocations (authority_id, child_id);

-- Where and with whom the child has lived, outside placements too (with parents, informal kinship care). Drives the
-- legal-route predicates (rules.md §4); `ended_on` is the first day away.
CREATE TABLE living_arrangements (
  id uuid NOT NULL,
  authority_id uuid NOT NULL,
  child_id uuid NOT NULL,
  person_id uuid NOT NULL,
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
  FOREIGN KEY (authority_id, person_id) REFERENCES people (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX living_arrangements_child_idx ON living_arrangements (authority_id, child_id);

SELECT app_protect_table(t, 'versioned') FROM unnest(ARRAY['children', 'periods_of_care', 'legal_statuses', 'people',
  'child_relationships', 'placements', 'statutory_reviews', 'care_proceedings', 'legal_orders', 'sibling_links',
  'worker_allocations', 'living_arrangements']) AS t;
