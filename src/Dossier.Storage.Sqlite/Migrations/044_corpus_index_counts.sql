-- Schema 44: how many documents each key of a corpus index holds, kept by triggers as documents are
-- filed and leave (a removed document's entries go by cascade, which fires them too), so that a stage
-- weighing a feature by how many documents hold it reads one row, not every entry of the key (an
-- entity of 25,000 of 100,000 articles: 25,000 entries counted for each added article naming it).
CREATE TABLE corpus_index_counts (
    name   TEXT NOT NULL,
    key    TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (name, key)
) WITHOUT ROWID;
INSERT INTO corpus_index_counts (name, key, count) SELECT name, key, count(*) FROM corpus_index GROUP BY name, key;
CREATE TRIGGER corpus_index_filed AFTER INSERT ON corpus_index
BEGIN INSERT INTO corpus_index_counts (name, key, count) VALUES (new.name, new.key, 1) ON CONFLICT (name, key) DO UPDATE SET count = count + 1; END;
CREATE TRIGGER corpus_index_unfiled AFTER DELETE ON corpus_index
BEGIN UPDATE corpus_index_counts SET count = count - 1 WHERE name = old.name AND key = old.key; END;
