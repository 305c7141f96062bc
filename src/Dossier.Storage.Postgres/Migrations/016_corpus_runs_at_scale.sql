-- Schema 16: what a first corpus run over a large dossier met, in one transaction whose rows the
-- planner's statistics do not see (they are counted once committed):
-- - corpus members no longer reference their group by a foreign key; the store deletes a group's
--   members with it. The key's check ran for every member written, with a plan the server made once
--   per connection while the groups table was empty: a scan of every group row per member written.
-- - a document's entries in a corpus index are found by (document, index), not by the index's name
--   alone: "this document's entries in this index" walked the primary key over every entry of the
--   index, the document's id not being its next column.
ALTER TABLE corpus_members DROP CONSTRAINT IF EXISTS corpus_members_kind_group_id_fkey;
DROP INDEX IF EXISTS corpus_index_doc;
CREATE INDEX corpus_index_doc ON corpus_index (doc_id, name);
