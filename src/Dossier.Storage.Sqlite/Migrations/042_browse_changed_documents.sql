-- Schema 42: the documents changed since the reading index was last written, so that a build makes
-- again only their items and those of documents whose marks (entities, series, events, stories)
-- changed, not every document's (at 3,000 articles a build adding 100 made all 3,200 document
-- items, of which 2,461 came out the same as stored).
-- Triggers note every change a document's item shows: the document added or analysed again, its line
-- kinds, its sources. A document's item keeps the basis of its marks it was made from (BrowseItem.Basis).
CREATE TABLE browse_changed_documents (doc_id INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER browse_changed_documents_added AFTER INSERT ON documents
BEGIN INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (new.id); END;
CREATE TRIGGER browse_changed_documents_updated AFTER UPDATE ON documents
BEGIN INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (new.id); END;
CREATE TRIGGER browse_changed_documents_lines AFTER UPDATE OF kind, reason, duplicate_of ON lines
BEGIN INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (new.doc_id); END;
CREATE TRIGGER browse_changed_documents_sources_added AFTER INSERT ON sources
BEGIN INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (new.doc_id); END;
CREATE TRIGGER browse_changed_documents_sources_updated AFTER UPDATE ON sources
BEGIN
    INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (old.doc_id);
    INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (new.doc_id);
END;
CREATE TRIGGER browse_changed_documents_sources_removed AFTER DELETE ON sources
BEGIN INSERT OR IGNORE INTO browse_changed_documents (doc_id) VALUES (old.doc_id); END;
ALTER TABLE browse_items ADD COLUMN basis INTEGER;
