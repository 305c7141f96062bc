-- Schema 4: the reading index (IDossierBrowse): every document, entity, event, series, story,
-- duplicate group and graph edge as its export JSON, with the keys lists filter and sort by.
CREATE TABLE browse_items (
    kind     text NOT NULL,
    id       text NOT NULL,
    rank     bigint NOT NULL,         -- list order within the kind
    date     text,                    -- TIMEX3, for date ranges
    weight   integer NOT NULL,        -- evidence lines, for a top k
    names    text,                    -- lower case, one per line, for a name filter
    summary  text NOT NULL,           -- JSON, as lists show it
    detail   text                     -- JSON, as one item shows it, when more than the summary
);
CREATE UNIQUE INDEX browse_items_rank ON browse_items (kind, rank);
CREATE UNIQUE INDEX browse_items_id ON browse_items (kind, id);
CREATE INDEX browse_items_date ON browse_items (kind, date, rank) WHERE date IS NOT NULL;
CREATE INDEX browse_items_weight ON browse_items (kind, weight DESC, rank);

CREATE TABLE browse_facets (
    kind   text NOT NULL,
    facet  text NOT NULL,
    rank   bigint NOT NULL,
    PRIMARY KEY (kind, facet, rank)
);

-- One row while the index is current; every change the export reflects removes it, in the
-- transaction of the change, and the next build writes the index again.
CREATE TABLE browse_state (written_at timestamptz NOT NULL);

CREATE FUNCTION browse_out_of_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM browse_state;
    RETURN NULL;
END $$;
CREATE TRIGGER browse_documents AFTER INSERT OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION browse_out_of_date();
CREATE TRIGGER browse_line_kinds AFTER UPDATE OF kind ON lines FOR EACH STATEMENT EXECUTE FUNCTION browse_out_of_date();
CREATE TRIGGER browse_sources AFTER INSERT OR UPDATE OR DELETE ON sources FOR EACH STATEMENT EXECUTE FUNCTION browse_out_of_date();
CREATE TRIGGER browse_groups AFTER INSERT OR UPDATE OR DELETE ON corpus_groups FOR EACH STATEMENT EXECUTE FUNCTION browse_out_of_date();
