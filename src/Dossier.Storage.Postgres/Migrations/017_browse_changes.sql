-- Schema 17: what changed since the reading index was written (schemas 42 and 47 of the file), so that a
-- build makes again only the items of the changed documents and corpus groups, read from the database,
-- not every document held at once to make every item (13 GB at 100,000 articles).
-- A document is changed when it is added, written again (analysed again: removed and added under its id),
-- removed, has a line's kind, reason or duplicate changed, gains or loses a source, or gains or loses members;
-- and its marks change with the name or type of an entity or event it has members in. A group is changed
-- when its row shows something else, when it gains, loses or takes over members, and when a document it has
-- members in is written again, removed or has a line set aside.
--
-- Each row names the transaction that wrote it, and the index write removes the rows of the transactions
-- it read, no other: workers write documents in transactions of their own while the index is written
-- (READ COMMITTED), and a row committed after the changes were read stays for the next build, even for a
-- document or group already recorded. Rows are told apart within a transaction alone, so that two writers
-- never wait on one another's row; each statement adds its rows at once (statement triggers reading the
-- rows the statement changed): a group saved adds one row, not one per member, and a copy of a dossier
-- thousands of rows per statement.
-- Its objects are made again if there, so that a database taken back to schema 13 or 14 (as a test of an
-- earlier migration does) runs it again without failing.
CREATE TABLE IF NOT EXISTS browse_changed_documents (
    doc_id  bigint NOT NULL,
    xact    bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
    PRIMARY KEY (doc_id, xact)
);
CREATE INDEX IF NOT EXISTS browse_changed_documents_xact ON browse_changed_documents (xact);
CREATE TABLE IF NOT EXISTS browse_changed_groups (
    kind  text NOT NULL,
    id    text NOT NULL,
    xact  bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
    PRIMARY KEY (kind, id, xact)
);
CREATE INDEX IF NOT EXISTS browse_changed_groups_xact ON browse_changed_groups (xact);

CREATE OR REPLACE FUNCTION browse_changed_documents_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT id FROM new_rows ON CONFLICT DO NOTHING;
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m
            WHERE m.doc_id IN (SELECT id FROM new_rows) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT id FROM old_rows ON CONFLICT DO NOTHING;
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m
            WHERE m.doc_id IN (SELECT id FROM old_rows) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS browse_changed_documents_added ON documents;
CREATE TRIGGER browse_changed_documents_added AFTER INSERT ON documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_documents_rows();
DROP TRIGGER IF EXISTS browse_changed_documents_updated ON documents;
CREATE TRIGGER browse_changed_documents_updated AFTER UPDATE ON documents
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_documents_rows();
DROP TRIGGER IF EXISTS browse_changed_documents_removed ON documents;
CREATE TRIGGER browse_changed_documents_removed AFTER DELETE ON documents
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_documents_rows();

-- A line set aside as boilerplate (or taken back) takes its figures and event mentions out of the groups' reading.
CREATE OR REPLACE FUNCTION browse_changed_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT n.doc_id, bool_or(o.kind IS DISTINCT FROM n.kind) AS set_aside
        FROM old_rows o JOIN new_rows n ON n.doc_id = o.doc_id AND n.number = o.number
        WHERE o.kind IS DISTINCT FROM n.kind OR o.reason IS DISTINCT FROM n.reason OR o.duplicate_of IS DISTINCT FROM n.duplicate_of
        GROUP BY n.doc_id),
    documents AS (INSERT INTO browse_changed_documents (doc_id) SELECT doc_id FROM changed ON CONFLICT DO NOTHING)
    INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT m.kind, m.group_id FROM corpus_members m
        WHERE m.doc_id IN (SELECT doc_id FROM changed WHERE set_aside) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS browse_changed_lines ON lines;
CREATE TRIGGER browse_changed_lines AFTER UPDATE ON lines
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_lines();

CREATE OR REPLACE FUNCTION browse_changed_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT doc_id FROM new_rows ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT doc_id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS browse_changed_sources_added ON sources;
CREATE TRIGGER browse_changed_sources_added AFTER INSERT ON sources
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_sources();
DROP TRIGGER IF EXISTS browse_changed_sources_updated ON sources;
CREATE TRIGGER browse_changed_sources_updated AFTER UPDATE ON sources
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_sources();
DROP TRIGGER IF EXISTS browse_changed_sources_removed ON sources;
CREATE TRIGGER browse_changed_sources_removed AFTER DELETE ON sources
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_sources();

-- A group saved by an upsert fires the insert trigger for the rows it added and the update trigger for those it changed.
CREATE OR REPLACE FUNCTION browse_changed_groups_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT n.kind, n.id FROM old_rows o JOIN new_rows n ON n.kind = o.kind AND n.id = o.id
            WHERE o.label IS DISTINCT FROM n.label OR o.data IS DISTINCT FROM n.data OR o.parent IS DISTINCT FROM n.parent
            ON CONFLICT DO NOTHING;
        -- A document's marks show the name and type of the entities and events it has members in.
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT m.doc_id
            FROM old_rows o JOIN new_rows n ON n.kind = o.kind AND n.id = o.id
            JOIN corpus_members m ON m.kind = n.kind AND m.group_id = n.id
            WHERE n.kind IN ('entities', 'events')
              AND (o.label IS DISTINCT FROM n.label OR (o.data IS DISTINCT FROM n.data AND (o.data::jsonb ->> 'Type') IS DISTINCT FROM (n.data::jsonb ->> 'Type')))
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS browse_changed_groups_added ON corpus_groups;
CREATE TRIGGER browse_changed_groups_added AFTER INSERT ON corpus_groups
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_groups_rows();
DROP TRIGGER IF EXISTS browse_changed_groups_updated ON corpus_groups;
CREATE TRIGGER browse_changed_groups_updated AFTER UPDATE ON corpus_groups
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_groups_rows();
DROP TRIGGER IF EXISTS browse_changed_groups_removed ON corpus_groups;
CREATE TRIGGER browse_changed_groups_removed AFTER DELETE ON corpus_groups
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_groups_rows();

CREATE OR REPLACE FUNCTION browse_changed_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, group_id FROM new_rows ON CONFLICT DO NOTHING;
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT doc_id FROM new_rows ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, group_id FROM old_rows ON CONFLICT DO NOTHING;
        INSERT INTO browse_changed_documents (doc_id) SELECT DISTINCT doc_id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS browse_changed_members_added ON corpus_members;
CREATE TRIGGER browse_changed_members_added AFTER INSERT ON corpus_members
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_members();
DROP TRIGGER IF EXISTS browse_changed_members_moved ON corpus_members;
CREATE TRIGGER browse_changed_members_moved AFTER UPDATE ON corpus_members
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_members();
DROP TRIGGER IF EXISTS browse_changed_members_removed ON corpus_members;
CREATE TRIGGER browse_changed_members_removed AFTER DELETE ON corpus_members
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION browse_changed_members();

-- Each event's documents with the weight of their strongest report, for an event dated to a day
-- (EventSalience): a day's salience is made again from its events' rows, not from every event.
CREATE TABLE IF NOT EXISTS browse_event_votes (
    event   text NOT NULL,
    day     text NOT NULL,
    doc     text NOT NULL,
    weight  double precision NOT NULL,
    PRIMARY KEY (event, doc)
);
CREATE INDEX IF NOT EXISTS browse_event_votes_day ON browse_event_votes (day);

-- The code that wrote the index (BrowseIndex.Maker), while what changed since is recorded: none until
-- the index is next written whole.
CREATE TABLE IF NOT EXISTS browse_tracked (maker text NOT NULL);
