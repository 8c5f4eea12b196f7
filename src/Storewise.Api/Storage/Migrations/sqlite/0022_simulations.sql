-- Simulation jobs (docs/decisions/0704-simulations.md): a replay of the cart log against a change, run in the
-- background under a lease, with its progress and running totals saved after every batch so it resumes.

CREATE TABLE simulations (
    tenant          TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    status          TEXT    NOT NULL,        -- QUEUED | RUNNING | DONE | FAILED | CANCELLED
    request         TEXT    NOT NULL,        -- the request as JSON (time range, stores, change)
    position_at     BIGINT  NOT NULL,        -- last replayed cart: logged_at
    position_seq    BIGINT  NOT NULL,        -- and seq
    replayed        BIGINT  NOT NULL,
    total           BIGINT  NOT NULL,        -- carts in range when the job was created
    tally           TEXT    NULL,            -- running totals as JSON
    error           TEXT    NULL,
    attempts        INTEGER NOT NULL,
    lease_owner     TEXT    NULL,
    lease_until     BIGINT  NULL,
    created_at      BIGINT  NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    finished_at     BIGINT  NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX ix_simulations_status ON simulations (status, created_at);
