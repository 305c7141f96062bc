-- Schema 47: what changed since the reading index was written, beside the documents (schema 42), so
-- that a build makes again only the items of the changed corpus groups and the documents they mark,
-- not every item to compare it with the stored one (at 3,000 articles a build adding 100 made all the
-- 3,200 documents' marks and 130,000 items again; at 100,000 it held every document, 13 GB).
-- A group is changed when its row shows something else, when it gains, loses or takes over members,
-- and when a document it has members in is analysed again, removed or has a line set aside. A document's marks change with
-- its members and with the name or type of a group it has members in.
-- Rows are added where missing rather than by INSERT OR IGNORE: a trigger's conflict policy gives way
-- to that of the statement firing it, and a group is saved by an upsert.
-- Its objects are created if missing, so that a file taken back to schema 45 or 46 (as a test of an
-- earlier migration does) runs it again without failing.
CREATE TABLE IF NOT EXISTS browse_changed_groups (
    kind  TEXT NOT NULL,
    id    TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_added AFTER INSERT ON corpus_groups
BEGIN INSERT INTO browse_changed_groups (kind, id) SELECT new.kind, new.id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = new.kind AND id = new.id); END;
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_updated AFTER UPDATE ON corpus_groups
WHEN old.label IS NOT new.label OR old.data IS NOT new.data OR old.parent IS NOT new.parent
BEGIN INSERT INTO browse_changed_groups (kind, id) SELECT new.kind, new.id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = new.kind AND id = new.id); END;
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_renamed AFTER UPDATE ON corpus_groups
WHEN new.kind IN ('entities', 'events') AND (old.label IS NOT new.label OR json_extract(old.data, '$.Type') IS NOT json_extract(new.data, '$.Type'))
BEGIN INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT m.doc_id FROM corpus_members m WHERE m.kind = new.kind AND m.group_id = new.id
    AND NOT EXISTS (SELECT 1 FROM browse_changed_documents c WHERE c.doc_id = m.doc_id); END;
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_removed AFTER DELETE ON corpus_groups
BEGIN INSERT INTO browse_changed_groups (kind, id) SELECT old.kind, old.id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = old.kind AND id = old.id); END;
CREATE TRIGGER IF NOT EXISTS browse_changed_members_added AFTER INSERT ON corpus_members
BEGIN
    INSERT INTO browse_changed_groups (kind, id) SELECT new.kind, new.group_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = new.kind AND id = new.group_id);
    INSERT INTO browse_changed_documents (doc_id) SELECT new.doc_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_documents WHERE doc_id = new.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS browse_changed_members_removed AFTER DELETE ON corpus_members
BEGIN
    INSERT INTO browse_changed_groups (kind, id) SELECT old.kind, old.group_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = old.kind AND id = old.group_id);
    INSERT INTO browse_changed_documents (doc_id) SELECT old.doc_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_documents WHERE doc_id = old.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS browse_changed_members_moved AFTER UPDATE ON corpus_members
BEGIN
    INSERT INTO browse_changed_groups (kind, id) SELECT old.kind, old.group_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = old.kind AND id = old.group_id);
    INSERT INTO browse_changed_groups (kind, id) SELECT new.kind, new.group_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_groups WHERE kind = new.kind AND id = new.group_id);
    INSERT INTO browse_changed_documents (doc_id) SELECT old.doc_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_documents WHERE doc_id = old.doc_id);
    INSERT INTO browse_changed_documents (doc_id) SELECT new.doc_id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_documents WHERE doc_id = new.doc_id);
END;
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_reanalysed AFTER UPDATE ON documents
BEGIN INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m WHERE m.doc_id = new.id
    AND NOT EXISTS (SELECT 1 FROM browse_changed_groups c WHERE c.kind = m.kind AND c.id = m.group_id); END;
-- A line set aside as boilerplate takes its figures and event mentions out of the groups' reading.
CREATE TRIGGER IF NOT EXISTS browse_changed_groups_lines AFTER UPDATE OF kind ON lines WHEN old.kind IS NOT new.kind
BEGIN INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m WHERE m.doc_id = new.doc_id
    AND NOT EXISTS (SELECT 1 FROM browse_changed_groups c WHERE c.kind = m.kind AND c.id = m.group_id); END;
CREATE TRIGGER IF NOT EXISTS browse_changed_documents_removed AFTER DELETE ON documents
BEGIN
    INSERT INTO browse_changed_documents (doc_id) SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM browse_changed_documents WHERE doc_id = old.id);
    INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m WHERE m.doc_id = old.id
    AND NOT EXISTS (SELECT 1 FROM browse_changed_groups c WHERE c.kind = m.kind AND c.id = m.group_id);
END;

-- Each event's documents with the weight of their strongest report, for an event dated to a day
-- (EventSalience): a day's salience is made again from its events' rows, not from every event.
CREATE TABLE IF NOT EXISTS browse_event_votes (
    event   TEXT NOT NULL,
    day     TEXT NOT NULL,
    doc     TEXT NOT NULL,
    weight  REAL NOT NULL,
    PRIMARY KEY (event, doc)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS browse_event_votes_day ON browse_event_votes (day);
-- No event item is kept by its basis until it has written its votes.
UPDATE browse_items SET basis = NULL WHERE kind = 'event';

-- The code that wrote the index (BrowseIndex.Maker), while what changed since is recorded: none
-- until the index is next written whole.
CREATE TABLE IF NOT EXISTS browse_tracked (maker TEXT NOT NULL);
