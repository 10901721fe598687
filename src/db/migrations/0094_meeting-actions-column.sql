-- The actions set at each meeting in a column of their own (kept by PostgreSQL from the meeting's record), so that
-- the team dashboard reads the actions of the team's closed meetings without de-TOASTing each meeting's whole record
-- (attendance, decisions, minutes): at 5,000 children that was most of the dashboard's time on the embedded database.
-- Nothing writes it; backups leave it out (it is generated) and restores recompute it.
ALTER TABLE meetings ADD COLUMN actions jsonb GENERATED ALWAYS AS (meeting -> 'record' -> 'actions') STORED;
