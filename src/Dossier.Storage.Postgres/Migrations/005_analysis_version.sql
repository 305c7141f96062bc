-- Schema 5: the version of the analysis that produced each document (a hash of the per-document
-- stages and the language data); '' for documents stored before it was recorded.
ALTER TABLE documents ADD COLUMN analysis_version text NOT NULL DEFAULT '';
CREATE INDEX documents_analysis_version ON documents (analysis_version);
