-- Schema 2: entity mentions and time expressions, offsets into documents.text.
CREATE TABLE entity_mentions (
    doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    length   INTEGER NOT NULL,
    type     TEXT NOT NULL,
    PRIMARY KEY (doc_id, start)
) WITHOUT ROWID;

CREATE TABLE timexes (
    doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    length   INTEGER NOT NULL,
    type     TEXT NOT NULL,
    value    TEXT,
    mod      TEXT,
    PRIMARY KEY (doc_id, start)
) WITHOUT ROWID;
