-- Schema 30: the fingerprints of content lines stored or removed since corpus boilerplate was last
-- applied, so that a build counts only those again instead of every line of the dossier (a line's
-- count of documents changes only when a line of its fingerprint comes or goes).
CREATE TABLE recurring_candidates (fingerprint INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER recurring_line_added AFTER INSERT ON lines WHEN new.own_kind = 'content'
BEGIN INSERT OR IGNORE INTO recurring_candidates (fingerprint) VALUES (new.fingerprint); END;
CREATE TRIGGER recurring_line_removed AFTER DELETE ON lines WHEN old.own_kind = 'content'
BEGIN INSERT OR IGNORE INTO recurring_candidates (fingerprint) VALUES (old.fingerprint); END;
