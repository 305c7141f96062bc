-- Schema 12: how many documents each key of a corpus index holds, kept by triggers as documents are
-- filed and leave (by cascade too), so that a stage weighing a feature by how many documents hold it
-- reads one row, not every entry of the key (schema 44 of the file).
CREATE TABLE corpus_index_counts (
    name   text NOT NULL,
    key    text NOT NULL,
    count  integer NOT NULL,
    PRIMARY KEY (name, key)
);
INSERT INTO corpus_index_counts (name, key, count) SELECT name, key, count(*) FROM corpus_index GROUP BY name, key;
CREATE FUNCTION count_corpus_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO corpus_index_counts (name, key, count) VALUES (NEW.name, NEW.key, 1)
        ON CONFLICT (name, key) DO UPDATE SET count = corpus_index_counts.count + 1;
    ELSE
        UPDATE corpus_index_counts SET count = count - 1 WHERE name = OLD.name AND key = OLD.key;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER corpus_index_counted AFTER INSERT OR DELETE ON corpus_index FOR EACH ROW EXECUTE FUNCTION count_corpus_index();
