-- 0080 Case-file audits and learning briefs (issue 9): audit rounds, the children sampled in each (a case each, with
-- its auditor and, for the share chosen, a moderator), every saved version of each audit form and moderation
-- (append-only: a change after submission is a new version with who, when and why), and the actions that findings
-- set on a child's record. Auditors see a child while the round is open through child_assignments (0003,
-- kind 'audit-round'), ended when the round closes.

CREATE TABLE audit_rounds (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 200),
  -- The rule the sample was drawn by: {kind: random|stratified|named, size, seed, by}.
  sample_rule jsonb NOT NULL CHECK (jsonb_typeof(sample_rule) = 'object'),
  moderation_percent integer NOT NULL CHECK (moderation_percent BETWEEN 0 AND 100),
  deadline_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  lead_id uuid NOT NULL REFERENCES users,
  previous_round_id uuid,
  created_on date NOT NULL,
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, previous_round_id) REFERENCES audit_rounds (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX audit_rounds_created_idx ON audit_rounds (authority_id, created_on);

CREATE TABLE audit_cases (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  round_id uuid NOT NULL,
  child_id uuid NOT NULL,
  auditor_id uuid NOT NULL REFERENCES users,
  moderator_id uuid REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, round_id) REFERENCES audit_rounds (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  UNIQUE (authority_id, round_id, child_id),
  CHECK (moderator_id IS NULL OR moderator_id <> auditor_id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX audit_cases_child_idx ON audit_cases (authority_id, child_id);

-- Every save of an audit form (stage 'audit') or a moderation (stage 'moderation'); the latest sequence is current.
CREATE TABLE audit_gradings (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  case_id uuid NOT NULL,
  round_id uuid NOT NULL,
  child_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('audit', 'moderation')),
  sequence integer NOT NULL CHECK (sequence >= 1),
  is_submitted boolean NOT NULL,
  judgements jsonb NOT NULL CHECK (jsonb_typeof(judgements) = 'object'),
  change_reason text NOT NULL DEFAULT '',
  recorded_by_id uuid NOT NULL REFERENCES users,
  recorded_by_name text NOT NULL,
  recorded_on date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, case_id) REFERENCES audit_cases (authority_id, id),
  -- Two people saving the same version at once cannot both write the next one.
  UNIQUE (authority_id, case_id, stage, sequence)
);
CREATE INDEX audit_gradings_round_idx ON audit_gradings (authority_id, round_id);

-- Findings for a child that became actions on the child's record, with an owner and a due date. Versioned: done,
-- dropped (with a reason) or reopened are new versions; the history keeps each.
CREATE TABLE audit_actions (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  version integer NOT NULL DEFAULT 1,
  case_id uuid NOT NULL,
  round_id uuid NOT NULL,
  child_id uuid NOT NULL,
  domain text NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  owner_id uuid REFERENCES users,
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
  status_on date,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  voided_at timestamptz,
  voided_by uuid,
  void_reason text,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, case_id) REFERENCES audit_cases (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (status <> 'dropped' OR note <> '')
);
CREATE INDEX audit_actions_child_idx ON audit_actions (authority_id, child_id);

SELECT app_protect_table('audit_rounds', 'versioned');
SELECT app_protect_table('audit_cases', 'versioned');
SELECT app_protect_table('audit_gradings', 'append-only');
SELECT app_protect_table('audit_actions', 'versioned');
