-- V1: the annual export ledger (docs/ledger.md). Portable SQL for H2 2.x and PostgreSQL 12+.
-- Applied once by io.github.ftzoutbound.ledger.Migrations, recorded in ledger_schema_version with its checksum:
-- never edit an applied migration, add V2__….sql instead.

-- One row per processor and calendar year: the row every decision of that processor-year locks
-- (SELECT … FOR UPDATE), so that decisions of one processor and year are made one after the other.
CREATE TABLE IF NOT EXISTS ledger_processor_year (
    credit_code  VARCHAR(18) NOT NULL,
    ledger_year  INTEGER     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (credit_code, ledger_year)
);

-- One row per decision made with the ledger: reserved when decided, then committed, cancelled or superseded.
-- A reservation past expires_at and still RESERVED has expired: it no longer counts.
CREATE TABLE IF NOT EXISTS ledger_export (
    decision_id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    request_id                    VARCHAR(128) NOT NULL,
    credit_code                   VARCHAR(18)  NOT NULL,
    ledger_year                   INTEGER      NOT NULL,
    export_date                   DATE         NOT NULL,
    individuals                   BIGINT       NOT NULL CHECK (individuals >= 0),
    sensitive_individuals         BIGINT       NOT NULL CHECK (sensitive_individuals >= 0),
    pathway                       VARCHAR(40)  NOT NULL,
    basis_exempt                  BOOLEAN      NOT NULL,
    status                        VARCHAR(16)  NOT NULL
        CHECK (status IN ('RESERVED', 'COMMITTED', 'CANCELLED', 'SUPERSEDED')),
    reserved_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    committed_at                  TIMESTAMP WITH TIME ZONE,
    cancelled_at                  TIMESTAMP WITH TIME ZONE,
    policy                        VARCHAR(32)  NOT NULL,
    totals_before_individuals     BIGINT       NOT NULL,
    totals_before_sensitive       BIGINT       NOT NULL,
    superseded_by                 VARCHAR(64),
    CONSTRAINT ledger_export_processor_year FOREIGN KEY (credit_code, ledger_year)
        REFERENCES ledger_processor_year (credit_code, ledger_year)
);

-- The annual totals: a processor-year's committed and reserved exports.
CREATE INDEX IF NOT EXISTS ledger_export_by_year ON ledger_export (credit_code, ledger_year, status);
-- The anti-splitting window: a processor's exports by date, across years.
CREATE INDEX IF NOT EXISTS ledger_export_by_date ON ledger_export (credit_code, export_date);
-- One export per request id: a request evaluated again supersedes its reservation, a committed one is refused.
CREATE INDEX IF NOT EXISTS ledger_export_by_request ON ledger_export (credit_code, ledger_year, request_id);
-- The auditors' export of a year.
CREATE INDEX IF NOT EXISTS ledger_export_by_year_reserved ON ledger_export (ledger_year, reserved_at);
