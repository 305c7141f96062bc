-- Schema 50: a document's event mentions are one blob (EventMentionCodec), read with its row, instead of
-- a row of thirteen columns each: reading them was most of the events section's cost in exporting a
-- large dossier. A document without event mentions has no row. The rows stored are packed by the
-- code that follows this script (SqliteSchema.PackEventMentions); schema 51 drops their table.
CREATE TABLE IF NOT EXISTS packed_event_mentions (
    doc_id    INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    mentions  BLOB NOT NULL
);
