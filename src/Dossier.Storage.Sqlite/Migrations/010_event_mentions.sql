-- Schema 10: reports of happenings, one row per sentence and happening. Spans are offsets into
-- documents.text; a list of spans is written "start:length start:length".
CREATE TABLE event_mentions (
    doc_id          INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start           INTEGER NOT NULL,       -- the main trigger
    triggers        TEXT NOT NULL,
    class           TEXT NOT NULL,
    status          TEXT NOT NULL,          -- happened | planned | negated | reported
    sentence        INTEGER NOT NULL,
    framed          INTEGER NOT NULL,
    time_value      TEXT,                   -- TIMEX3; null when nothing dates it
    time_inferred   INTEGER NOT NULL,
    time_start      INTEGER,
    time_length     INTEGER,
    participants    TEXT NOT NULL,
    place_start     INTEGER,
    place_length    INTEGER
);
CREATE INDEX event_mentions_doc ON event_mentions (doc_id, start);
