-- 0012 The stored due-date items are the rules that apply to the child (docs/adr/0096-import-at-authority-scale.md).
--
-- About 72% of the items the engine answers say that a rule does not apply (status 'not-applicable', with the reason).
-- Nothing reads them from this table by status or due date — the caseloads, dashboards and snapshots ask for the
-- other statuses — and the child's page and the API now show the engine's whole answer worked out when they are
-- read. Storing them cost every evaluation two thirds of its rows: 480,000 of the 660,000 rows a 20,000-child import
-- stored. They are derived data, recomputed from the facts at every change and every night, so removing them loses
-- nothing; the check keeps them out.
DELETE FROM timescale_items WHERE status = 'not-applicable';
ALTER TABLE timescale_items ADD CONSTRAINT timescale_items_rule_applies CHECK (status <> 'not-applicable');
