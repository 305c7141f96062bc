-- Schema 3: full-text search with PostgreSQL's own analysis. Each document's title and content
-- lines become a tsvector under the text search configuration of its language (french, english,
-- …; "simple" for a language without one), accents removed first by unaccent so that "Etat"
-- meets "État". A GIN index answers the queries; highlighting analyses the few documents shown.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE search_documents (
    doc_id   bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    lang     text NOT NULL,
    config   regconfig NOT NULL,
    terms    tsvector NOT NULL
);
CREATE INDEX search_documents_terms ON search_documents USING gin (terms);
