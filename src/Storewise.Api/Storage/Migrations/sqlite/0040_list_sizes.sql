-- Keyset paging (docs/decisions/0512-keyset-paging.md): the size of a coupon's code list and of its import list,
-- kept in the transaction that adds to them. Codes and listed imports are never removed, so a size is also the
-- list's generation: the same size is the same rows, and the page boundaries read at that size still hold.
CREATE TABLE coupon_list_sizes (
    tenant       TEXT    NOT NULL,
    coupon_id    TEXT    NOT NULL,
    codes        BIGINT  NOT NULL DEFAULT 0,
    imports      BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, coupon_id)
);

INSERT INTO coupon_list_sizes (tenant, coupon_id, codes, imports)
SELECT tenant, coupon_id, SUM(codes), SUM(imports) FROM (
    SELECT tenant, coupon_id, COUNT(*) AS codes, 0 AS imports FROM coupon_codes GROUP BY tenant, coupon_id
    UNION ALL
    SELECT tenant, coupon_id, 0, COUNT(*) FROM code_imports WHERE status <> 'UPLOADING' GROUP BY tenant, coupon_id
) sizes
GROUP BY tenant, coupon_id;
