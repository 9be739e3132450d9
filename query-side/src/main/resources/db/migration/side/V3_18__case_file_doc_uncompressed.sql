-- The case file's document is rewritten on every event of its case (CaseFileProjection), live and in a rebuild, where
-- a store of many cases puts each case's events in different batches. Stored compressed (pglz, the default), each
-- write cost PostgreSQL about 94 us of CPU per 4 KB document, and each read a decompression; stored out of line
-- uncompressed, about 63 us (20,000 documents of the 100,000-case benchmark store upserted in a copy of the table),
-- for about half as much space again (docs/benchmarks.md, "Rebuilds on a store whose cases interleave").
-- Rows already stored keep their compression until they are next written; a rebuild writes them all.
ALTER TABLE case_file ALTER COLUMN doc SET STORAGE EXTERNAL;
