-- V2: durable decisions and recorded date overrides (docs/ledger.md, docs/security.md). Portable SQL for H2 2.x
-- and PostgreSQL 12+. Never edit an applied migration: add V3__….sql instead.

-- The decision record (JSON, request embedded) written in the same transaction as the reservation, so that a
-- committed export always has its decision, whatever happened to the caller's output. NULL for rows imported with
-- importRecord and for rows decided before this migration.
ALTER TABLE ledger_export ADD COLUMN decision_record TEXT;

-- The operator's reason when an export was decided with an evaluation date other than the ledger's today (±1 day),
-- for example entering the exports of past months; NULL when the date was today.
ALTER TABLE ledger_export ADD COLUMN evaluation_date_override VARCHAR(200);
