-- Schema 3: figures with units and qualifiers.
CREATE TABLE quantities (
    doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    length     INTEGER NOT NULL,
    value      REAL NOT NULL,
    unit       TEXT NOT NULL,
    qualifier  TEXT NOT NULL,
    role       TEXT NOT NULL       -- level | increment | movement
);
CREATE INDEX quantities_doc ON quantities (doc_id, start);
