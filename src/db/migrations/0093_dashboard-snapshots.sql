-- 0093 Dashboard snapshots (docs/adr/0093-dashboards-at-authority-scale.md): the authority dashboard's measures
-- and adoption scorecards, computed once a day per authority (by the nightly timescale refresh, else by the first
-- request of the day) and again when a performance analyst or administrator asks for it. A derived cache: one row per
-- authority, kind and day, replaced by "Recalculate now"; the facts it is computed from stay the record.

CREATE TABLE dashboard_snapshots (
  authority_id uuid NOT NULL REFERENCES authorities,
  kind text NOT NULL CHECK (kind IN ('authority')),
  as_of date NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  -- What computed it: the nightly job, the first request of the day, or someone's "Recalculate now".
  computed_by_trigger text NOT NULL CHECK (computed_by_trigger IN ('nightly', 'on-request', 'recalculated')),
  computed_by uuid,
  computation_ms integer NOT NULL CHECK (computation_ms >= 0),
  payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  PRIMARY KEY (authority_id, kind, as_of)
);

SELECT app_protect_table('dashboard_snapshots', 'mutable');
