-- Schema 27: the reading index (IDossierBrowse): every document, entity, event, series, story,
-- duplicate group and graph edge as its export JSON, with the keys lists filter and sort by, so
-- that `serve` pages through a dossier from the file instead of holding its export in memory.
CREATE TABLE browse_items (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    rank     INTEGER NOT NULL,     -- list order within the kind
    date     TEXT,                 -- TIMEX3, for date ranges
    weight   INTEGER NOT NULL,     -- evidence lines, for a top k
    names    TEXT,                 -- lower case, one per line, for a name filter
    summary  TEXT NOT NULL,        -- JSON, as lists show it
    detail   TEXT                  -- JSON, as one item shows it, when more than the summary
);
CREATE UNIQUE INDEX browse_items_rank ON browse_items (kind, rank);
CREATE UNIQUE INDEX browse_items_id ON browse_items (kind, id);
CREATE INDEX browse_items_date ON browse_items (kind, date, rank) WHERE date IS NOT NULL;
CREATE INDEX browse_items_weight ON browse_items (kind, weight DESC, rank);
CREATE INDEX browse_items_names ON browse_items (kind, names, rank) WHERE names IS NOT NULL;

-- "name:value" keys of an item ("story:s2", "type:PER"), with its rank, so that a filtered list
-- is read in list order from this index.
CREATE TABLE browse_facets (
    kind   TEXT NOT NULL,
    facet  TEXT NOT NULL,
    rank   INTEGER NOT NULL,
    PRIMARY KEY (kind, facet, rank)
) WITHOUT ROWID;

-- One row while the index is current. Every change the export reflects (documents, their line
-- kinds and sources, corpus results) removes it, in the transaction of the change; the next
-- build writes the index again.
CREATE TABLE browse_state (written_at TEXT NOT NULL);

CREATE TRIGGER browse_documents_added AFTER INSERT ON documents BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_documents_removed AFTER DELETE ON documents BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_line_kinds AFTER UPDATE OF kind ON lines BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_sources_added AFTER INSERT ON sources BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_sources_changed AFTER UPDATE ON sources BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_sources_removed AFTER DELETE ON sources BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_groups_added AFTER INSERT ON corpus_groups BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_groups_changed AFTER UPDATE ON corpus_groups BEGIN DELETE FROM browse_state; END;
CREATE TRIGGER browse_groups_removed AFTER DELETE ON corpus_groups BEGIN DELETE FROM browse_state; END;
