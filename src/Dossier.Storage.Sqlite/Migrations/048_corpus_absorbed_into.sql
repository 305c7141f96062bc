-- Schema 48: absorbed ids are found by the id they lead to, so that recording a group absorbed (which
-- sends the ids that led to it on to where it went) reads those ids only, not every absorbed id of the
-- kind: the record grows with every build that merges groups, and each merge of a build scanned it whole
-- (300 merges over 100,000 recorded ids: 1.49 s -> 0.002 s, sqlite3).
CREATE INDEX IF NOT EXISTS corpus_absorbed_into ON corpus_absorbed (kind, into_id);
