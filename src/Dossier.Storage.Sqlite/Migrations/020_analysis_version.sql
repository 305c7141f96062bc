-- Schema 20: the version of the analysis that produced each document (a hash of the per-document
-- stages and the language data); '' for documents stored before it was recorded.
ALTER TABLE documents ADD COLUMN analysis_version TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_analysis_version ON documents (analysis_version);
-- A document analysed again in place is logged in document_changes as 'reanalysed'.
