-- Schema 26: where each indexed term stands, so that a search names the sentences and marks the
-- words of the documents it shows from the index alone, without loading or analysing them again.
CREATE TABLE search_positions (
    doc_id  INTEGER PRIMARY KEY REFERENCES search_documents (doc_id) ON DELETE CASCADE,
    terms   TEXT NOT NULL,    -- the analysed terms, in text order, as search_terms indexed them
    spans   BLOB NOT NULL     -- each term's offsets in documents.text (TermSpanCodec)
);

-- Documents indexed before have no positions: the next build indexes them again.
DELETE FROM search_documents;
