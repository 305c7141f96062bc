-- Schema 4: where each document came from. A document is one text; every input file (and record
-- in a multi-document file) holding that text is one of its sources, so identical copies are
-- stored once and listed with all their paths, and a record gone from its file takes its text
-- with it. documents.source_key and documents.path keep the first source still there.
CREATE TABLE sources (
    source_key  TEXT PRIMARY KEY,      -- full path of the file, "#record" for a record in it
    file        TEXT NOT NULL,         -- full path of the input file
    path        TEXT NOT NULL,         -- as shown to users
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX sources_file ON sources (file);
CREATE INDEX sources_doc ON sources (doc_id);

-- Dossiers of schema 3 kept one source per document; a record's key is its file's path, then "#"
-- (a plain-text file is one article, whatever its name holds).
INSERT INTO sources (source_key, file, path, doc_id)
    SELECT source_key,
           CASE WHEN format = 'text' OR instr(source_key, '#') = 0 THEN source_key
                ELSE substr(source_key, 1, instr(source_key, '#') - 1) END,
           path, id
    FROM documents;
