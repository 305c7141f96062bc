-- Schema 2: entity mentions and time expressions, offsets into documents.text.
CREATE TABLE entity_mentions (
    doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    length   INTEGER NOT NULL,
    type     TEXT NOT NULL
);
CREATE INDEX entity_mentions_doc ON entity_mentions (doc_id, start);

-- Several expressions may share a start ("deux semaines" as a duration inside a date).
CREATE TABLE timexes (
    doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    length   INTEGER NOT NULL,
    type     TEXT NOT NULL,
    value    TEXT,
    mod      TEXT
);
CREATE INDEX timexes_doc ON timexes (doc_id, start);
