-- Schema 13: a corpus group's members in given documents are found by (document, kind, group), not by
-- reading every member of the kind in each document and keeping the group's: saving an entity mended
-- around 100 added articles deletes its members in the few hundred documents concerned, once per entity
-- saved (schema 45 of the file). Same name, so that the queries naming it are unchanged.
DROP INDEX corpus_members_doc;
CREATE INDEX corpus_members_doc ON corpus_members (doc_id, kind, group_id);
