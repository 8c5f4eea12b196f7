-- Imports flag repeated codes (duplicate_in_file) while staging, so settling no longer looks back over the staged
-- rows by code key. Rows staged before this change (an import still in progress) get the same flags here, then the
-- index that served the look-back goes, saving its upkeep on every staged row.
UPDATE code_import_rows
SET error = 'duplicate_in_file'
WHERE error IS NULL
  AND EXISTS (
    SELECT 1 FROM code_import_rows e
    WHERE e.tenant = code_import_rows.tenant AND e.import_id = code_import_rows.import_id
      AND e.code_key = code_import_rows.code_key AND e.seq < code_import_rows.seq AND e.error IS NULL);
DROP INDEX ix_code_import_rows_key;
