-- Schema 28: the reading index keeps an item's detail compressed (DEFLATE, zlib format): a
-- document's detail holds its whole text, lines and annotations, and uncompressed the index
-- doubled a dossier's file. Its JSON is also written without indentation from this schema on,
-- and the names a list filters on have a trigram index.
-- The index is only ever a copy of the dossier: it is emptied here, and the next build writes it again.
DROP TABLE browse_items;
CREATE TABLE browse_items (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    rank     INTEGER NOT NULL,     -- list order within the kind
    date     TEXT,                 -- TIMEX3, for date ranges
    weight   INTEGER NOT NULL,     -- evidence lines, for a top k
    names    TEXT,                 -- lower case, one per line, for a name filter
    summary  TEXT NOT NULL,        -- JSON, as lists show it
    detail   BLOB                  -- JSON compressed, as one item shows it, when more than the summary
);
CREATE UNIQUE INDEX browse_items_rank ON browse_items (kind, rank);
CREATE UNIQUE INDEX browse_items_id ON browse_items (kind, id);
CREATE INDEX browse_items_date ON browse_items (kind, date, rank) WHERE date IS NOT NULL;
CREATE INDEX browse_items_weight ON browse_items (kind, weight DESC, rank);
CREATE INDEX browse_items_names ON browse_items (kind, names, rank) WHERE names IS NOT NULL;
DELETE FROM browse_facets;

-- The names of browse_items (rowid for rowid), by trigrams, as they are (lower case): a part of a name of three characters
-- or more is found from this index instead of reading every name of the kind.
CREATE VIRTUAL TABLE browse_names USING fts5 (names, content = '', tokenize = 'trigram case_sensitive 1');

DELETE FROM browse_state;
