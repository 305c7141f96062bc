-- Schema 10: an event's summary in the reading index no longer lists its participants (their count
-- instead; the event's detail keeps them). The index is only ever a copy of the dossier: marked out
-- of date here, the next build writes it again.
DELETE FROM browse_state;

-- A part of a name is found from a trigram index (pg_trgm, shipped with PostgreSQL and trusted, so the
-- database's owner may add it) instead of reading every name of the kind, as the file does (schema 32).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX browse_items_names_trigrams ON browse_items USING gin (names gin_trgm_ops) WHERE names IS NOT NULL;
