-- Schema 20: a document's event mentions are one blob (EventMentionCodec), read with its row, instead of
-- a row each (schema 50 of the file). A document without event mentions has no row. The rows stored
-- are packed by the code that follows this script (PostgresSchema.PackEventMentions); schema 21 drops their table.
CREATE TABLE IF NOT EXISTS packed_event_mentions (
    doc_id    bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    mentions  bytea NOT NULL
);
