-- Schema 5: the corpus phase. Every document added or removed is logged, so that each corpus
-- stage takes in what changed since its last completed run, whoever changed the documents.
CREATE TABLE document_changes (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id   INTEGER NOT NULL,
    change   TEXT NOT NULL            -- added | removed
);
CREATE TRIGGER documents_added AFTER INSERT ON documents
BEGIN INSERT INTO document_changes (doc_id, change) VALUES (new.id, 'added'); END;
CREATE TRIGGER documents_removed AFTER DELETE ON documents
BEGIN INSERT INTO document_changes (doc_id, change) VALUES (old.id, 'removed'); END;

-- The last change each stage has taken in, written in the same transaction as its results.
CREATE TABLE corpus_stage_runs (
    stage         TEXT PRIMARY KEY,
    seen          INTEGER NOT NULL,
    completed_at  TEXT NOT NULL
);

-- Results of corpus stages: entities, series, stories, duplicate groups, under stable ids.
CREATE TABLE corpus_groups (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    number   INTEGER NOT NULL,        -- the id's number, for id order
    parent   TEXT,
    label    TEXT NOT NULL,
    data     TEXT NOT NULL,           -- JSON, the stage's own
    PRIMARY KEY (kind, id)
);
CREATE INDEX corpus_groups_order ON corpus_groups (kind, number);

-- A member outlives its document until the stage takes the removal in (so that the stage finds
-- the groups it must mend); readers skip members of documents no longer stored.
CREATE TABLE corpus_members (
    kind      TEXT NOT NULL,
    group_id  TEXT NOT NULL,
    doc_id    INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    length    INTEGER NOT NULL,
    value     TEXT NOT NULL,
    FOREIGN KEY (kind, group_id) REFERENCES corpus_groups (kind, id) ON DELETE CASCADE
);
CREATE INDEX corpus_members_group ON corpus_members (kind, group_id);
CREATE INDEX corpus_members_doc ON corpus_members (doc_id, kind);

CREATE TABLE corpus_absorbed (
    kind         TEXT NOT NULL,
    absorbed_id  TEXT NOT NULL,
    into_id      TEXT NOT NULL,
    PRIMARY KEY (kind, absorbed_id)
) WITHOUT ROWID;

CREATE TABLE corpus_counters (
    kind  TEXT PRIMARY KEY,
    next  INTEGER NOT NULL
) WITHOUT ROWID;

-- Inverted indexes of corpus stages (blocking keys, LSH bands, terms) and bytes kept per document.
CREATE TABLE corpus_index (
    name    TEXT NOT NULL,
    key     TEXT NOT NULL,
    doc_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (name, key, doc_id)
) WITHOUT ROWID;
CREATE INDEX corpus_index_doc ON corpus_index (doc_id);

CREATE TABLE corpus_kept (
    name    TEXT NOT NULL,
    doc_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    value   BLOB NOT NULL,
    PRIMARY KEY (name, doc_id)
) WITHOUT ROWID;
CREATE INDEX corpus_kept_doc ON corpus_kept (doc_id);
