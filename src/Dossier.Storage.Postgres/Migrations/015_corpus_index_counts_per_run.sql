-- Schema 15: a corpus run counts the entries it files under each key and removes, and adds them to the
-- keys' counts once, at its commit, instead of a trigger updating a count's row for every entry: in one
-- transaction each update of a row leaves a dead version of it that the next one walks past, so a key
-- every document is filed under (100,000 of them in a first run) cost time in the square of its count.
-- Entries leaving outside a run (a removed document's, by cascade) still count down as they go.
CREATE OR REPLACE FUNCTION count_corpus_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('dossier.run_counts_index', true) = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE corpus_index_counts SET count = count - 1 WHERE name = OLD.name AND key = OLD.key;
    RETURN NULL;
END $$;
DROP TRIGGER corpus_index_counted ON corpus_index;
CREATE TRIGGER corpus_index_counted AFTER DELETE ON corpus_index FOR EACH ROW EXECUTE FUNCTION count_corpus_index();
