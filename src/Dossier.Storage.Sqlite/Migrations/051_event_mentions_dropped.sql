-- Schema 51: the event mentions' rows, packed by schema 50.
DROP TABLE IF EXISTS event_mentions;
