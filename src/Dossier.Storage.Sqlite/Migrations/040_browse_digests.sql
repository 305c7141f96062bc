-- Schema 40: the reading index keeps each item's digest (of everything it shows and is found by), so
-- that a build compares the items it makes with the stored ones from their digests, instead of
-- reading back and inflating every stored detail (at 10,000 articles, the index of a build that
-- added 100 read and hashed every document's text again). Documents are ranked by their number in
-- the dossier, a rank that no later document moves; a list of a kind is counted by its items.
-- The index is only ever a copy of the dossier: it is emptied here, and the next build writes it again.
ALTER TABLE browse_items ADD COLUMN digest INTEGER;
DELETE FROM browse_state;

-- An entity's rank is made of its mentions and its number, no longer its place in the list, so that
-- an entity whose mentions change moves alone: a rank takes up to 56 bits, and the trigram key is
-- (kind's code << 56) + rank. The name indexes are emptied with the items, and their triggers made anew.
DELETE FROM browse_name_grams;
DELETE FROM browse_name_trigrams;
DELETE FROM browse_items;
DELETE FROM browse_facets;
DROP TRIGGER browse_names_added;
DROP TRIGGER browse_names_removed;

CREATE TRIGGER browse_names_added AFTER INSERT ON browse_items WHEN new.names <> '' BEGIN
    INSERT OR IGNORE INTO browse_kinds (kind) VALUES (new.kind);
    INSERT INTO browse_name_trigrams (rowid, names)
        VALUES (((SELECT code FROM browse_kinds WHERE kind = new.kind) << 56) + new.rank, new.names);
    INSERT OR IGNORE INTO browse_name_grams (kind, gram, rank)
        SELECT new.kind, gram, new.rank FROM (
            WITH RECURSIVE at (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM at WHERE n < length(new.names))
            SELECT substr(new.names, n, 1) AS gram FROM at UNION SELECT substr(new.names, n, 2) FROM at WHERE n < length(new.names))
        WHERE instr(gram, char(10)) = 0;
END;

CREATE TRIGGER browse_names_removed AFTER DELETE ON browse_items WHEN old.names <> '' AND EXISTS (
    SELECT 1 FROM browse_name_grams WHERE kind = old.kind AND gram = substr(ltrim(old.names, char(10)), 1, 1) AND rank = old.rank) BEGIN
    DELETE FROM browse_name_trigrams WHERE rowid = ((SELECT code FROM browse_kinds WHERE kind = old.kind) << 56) + old.rank;
    DELETE FROM browse_name_grams WHERE kind = old.kind AND rank = old.rank AND gram IN (
        WITH RECURSIVE at (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM at WHERE n < length(old.names))
        SELECT substr(old.names, n, 1) FROM at UNION SELECT substr(old.names, n, 2) FROM at WHERE n < length(old.names));
END;
