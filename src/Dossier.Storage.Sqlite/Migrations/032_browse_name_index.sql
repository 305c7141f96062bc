-- Schema 32: parts of names found by indexes that give a list's page in rank order and its count
-- without reading the items. Schema 28's trigram index was keyed by the item's row: each match was
-- looked up in browse_items for its kind and rank, every match sorted to keep one page, and a part
-- under three characters ("bp") read every name of the kind (10,000 articles, 70,922 entities:
-- 7-25 ms a request, 130-160 ms at the 95th percentile under load).
--
-- Both indexes follow browse_items through triggers, whatever writes it (a whole index or only the
-- items that changed). An item's kind, rank and names are never updated in place: it is deleted and
-- inserted again, which the last trigger enforces.
DROP TABLE browse_names;

-- A number for each kind that has names, the high half of a trigram row's key.
CREATE TABLE browse_kinds (code INTEGER PRIMARY KEY, kind TEXT NOT NULL UNIQUE);

-- Names by trigrams (parts of three characters or more), lower case as stored. The row's key is
-- (kind's code << 32) + rank, so that a kind's matches come out of the index in rank order: a page
-- stops after its last item, and the count is the index's alone.
CREATE VIRTUAL TABLE browse_name_trigrams USING fts5 (
    names, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
);

-- Every part of one and of two characters of an item's names (within one name, not across the line
-- that separates two), with the item's rank: a short part's page and count are one range of it.
CREATE TABLE browse_name_grams (
    kind  TEXT NOT NULL,
    gram  TEXT NOT NULL,
    rank  INTEGER NOT NULL,
    PRIMARY KEY (kind, gram, rank)
) WITHOUT ROWID;

-- The items with names are set aside and inserted again once the triggers exist, which indexes them.
CREATE TEMP TABLE named_items AS SELECT kind, id, rank, date, weight, names, summary, detail FROM browse_items WHERE names <> '';
DELETE FROM browse_items WHERE names <> '';

CREATE TRIGGER browse_names_added AFTER INSERT ON browse_items WHEN new.names <> '' BEGIN
    INSERT OR IGNORE INTO browse_kinds (kind) VALUES (new.kind);
    INSERT INTO browse_name_trigrams (rowid, names)
        VALUES (((SELECT code FROM browse_kinds WHERE kind = new.kind) << 32) + new.rank, new.names);
    INSERT OR IGNORE INTO browse_name_grams (kind, gram, rank)
        SELECT new.kind, gram, new.rank FROM (
            WITH RECURSIVE at (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM at WHERE n < length(new.names))
            SELECT substr(new.names, n, 1) AS gram FROM at UNION SELECT substr(new.names, n, 2) FROM at WHERE n < length(new.names))
        WHERE instr(gram, char(10)) = 0;
END;

-- An item whose first part is not indexed has nothing indexed: a writer that empties the name
-- indexes before all the items (a whole index written again) pays nothing more per item.
CREATE TRIGGER browse_names_removed AFTER DELETE ON browse_items WHEN old.names <> '' AND EXISTS (
    SELECT 1 FROM browse_name_grams WHERE kind = old.kind AND gram = substr(ltrim(old.names, char(10)), 1, 1) AND rank = old.rank) BEGIN
    DELETE FROM browse_name_trigrams WHERE rowid = ((SELECT code FROM browse_kinds WHERE kind = old.kind) << 32) + old.rank;
    DELETE FROM browse_name_grams WHERE kind = old.kind AND rank = old.rank AND gram IN (
        WITH RECURSIVE at (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM at WHERE n < length(old.names))
        SELECT substr(old.names, n, 1) FROM at UNION SELECT substr(old.names, n, 2) FROM at WHERE n < length(old.names));
END;

CREATE TRIGGER browse_items_kept BEFORE UPDATE OF kind, rank, names ON browse_items BEGIN
    SELECT RAISE(ABORT, 'browse_items: an item''s kind, rank or names change by deleting it and inserting it again');
END;

INSERT INTO browse_items (kind, id, rank, date, weight, names, summary, detail)
    SELECT kind, id, rank, date, weight, names, summary, detail FROM temp.named_items;
DROP TABLE temp.named_items;
