-- 0081 Withdrawing a case from an audit round, and cancelling a round (ADR 0082). Both are states the round page
-- shows, not voids: a withdrawn case stays in the round (with its grades in the history) and leaves its figures; a
-- cancelled round stays in the list under "cancelled". The void columns of 0080 keep their meaning (a row recorded in
-- error, hidden everywhere). Who, when and why are on the row; each change is a new version in record_versions.

ALTER TABLE audit_cases
  ADD COLUMN withdrawn_on date,
  ADD COLUMN withdrawn_by uuid REFERENCES users,
  ADD COLUMN withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 3 AND 500),
  ADD CONSTRAINT audit_cases_withdrawal_complete CHECK (
    (withdrawn_on IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_on IS NULL) = (withdrawal_reason IS NULL)
  );

ALTER TABLE audit_rounds DROP CONSTRAINT audit_rounds_status_check;
ALTER TABLE audit_rounds
  ADD CONSTRAINT audit_rounds_status_check CHECK (status IN ('open', 'closed', 'cancelled')),
  ADD COLUMN cancelled_on date,
  ADD COLUMN cancelled_by uuid REFERENCES users,
  ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) BETWEEN 3 AND 500),
  ADD CONSTRAINT audit_rounds_cancellation_complete CHECK (
    (status = 'cancelled') = (cancelled_on IS NOT NULL)
    AND (cancelled_on IS NULL) = (cancelled_by IS NULL)
    AND (cancelled_on IS NULL) = (cancellation_reason IS NULL)
  );
