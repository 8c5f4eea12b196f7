-- Imports settle while the upload streams (docs/decisions/0517-imports-settle-while-streaming.md).
-- A code_exists error row keeps its code's key, so a later row of the same import with that key is found to repeat
-- it without holding the file's keys in memory; only those rows are indexed. Imports staged before this change had
-- their repeats flagged while staging, so their earlier error rows need no key.
ALTER TABLE code_import_errors ADD COLUMN code_key TEXT NULL;
CREATE INDEX ix_code_import_errors_exists ON code_import_errors (tenant, import_id, code_key) WHERE reason = 'code_exists';
-- A rejected upload takes back the codes it created while it streamed. The code list then loses rows, so its
-- generation for keyset paging is no longer its size but the codes ever added plus the codes ever removed.
ALTER TABLE coupon_list_sizes ADD COLUMN codes_removed BIGINT NOT NULL DEFAULT 0;
