-- Schema 13: full-text search. Lucene.Net's analysis chains (Dossier.Core/Search, per-language
-- search.tsv) turn the text into terms (elision, accent folding, light stemming); SQLite's FTS5
-- indexes those terms, so the index lives in the dossier file and is written in its transactions.
-- The table keeps no copy of the text (contentless): highlighting analyses the few documents shown.
CREATE VIRTUAL TABLE search_terms USING fts5 (
    terms,                 -- the analysed terms of the title and content lines, in text order
    lang,                  -- the chain that analysed them, so that a query is analysed alike
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

-- Which documents are in the index (a document stored by an older version is not, until a build adds it).
CREATE TABLE search_documents (
    doc_id   INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    lang     TEXT NOT NULL
);
CREATE INDEX search_documents_lang ON search_documents (lang);

CREATE TRIGGER search_documents_delete AFTER DELETE ON search_documents
BEGIN
    DELETE FROM search_terms WHERE rowid = old.doc_id;
END;
