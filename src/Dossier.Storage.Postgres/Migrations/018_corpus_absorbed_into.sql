-- Schema 18: absorbed ids are found by the id they lead to (schema 48 of the file), so that recording a
-- group absorbed (which sends the ids that led to it on to where it went) reads those ids only, not every
-- absorbed id of the kind: the record grows with every build that merges groups.
CREATE INDEX IF NOT EXISTS corpus_absorbed_into ON corpus_absorbed (kind, into_id);
