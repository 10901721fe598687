-- 0003 Named assignments of a user to a child other than allocation: an auditor given the child in an audit round,
-- a panel member hearing the child's case. They make the user "assigned" to the child for the access policy.
CREATE TABLE child_assignments (
  id uuid NOT NULL,
  authority_id uuid NOT NULL REFERENCES authorities,
  child_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users,
  kind text NOT NULL CHECK (kind IN ('audit-round', 'panel')),
  source_id uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (authority_id, id),
  FOREIGN KEY (authority_id, child_id) REFERENCES children (authority_id, id)
);
CREATE INDEX child_assignments_user_idx ON child_assignments (authority_id, user_id, child_id) WHERE ended_at IS NULL;
SELECT app_protect_table('child_assignments', 'mutable');

-- "Who has seen this child" also covers lists and searches, whose audit events name the children in details.
CREATE INDEX audit_events_listed_children_idx ON audit_events USING gin ((details -> 'childIds'));
