-- Schema 1: documents, their lines with kinds, and their segmentation.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    source_key    TEXT NOT NULL UNIQUE,
    path          TEXT NOT NULL,
    format        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    encoding      TEXT NOT NULL,
    hints         TEXT NOT NULL,          -- JSON: what the input format stated
    text          TEXT NOT NULL,          -- the decoded text, never rewritten
    language      TEXT NOT NULL,
    title         TEXT,
    published     TEXT,                   -- TIMEX3 value, for sorting
    outlet        TEXT,
    metadata      TEXT NOT NULL,          -- JSON: every metadata field with its origin
    ingested_at   TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_published ON documents (published);

-- own_kind is what the document alone says of a line; kind adds what the corpus says
-- (a line recurring across documents is boilerplate).
CREATE TABLE lines (
    doc_id        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    length        INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    own_kind      TEXT NOT NULL,
    own_reason    TEXT NOT NULL,
    duplicate_of  INTEGER,
    fingerprint   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, number)
) WITHOUT ROWID;
CREATE INDEX lines_fingerprint ON lines (fingerprint, doc_id);

CREATE TABLE segments (
    doc_id        INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    tokens        BLOB NOT NULL,          -- (start int32, length int32, kind uint8) per token
    sentences     BLOB NOT NULL           -- (start, length, first token, token count) int32 each
);
