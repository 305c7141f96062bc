-- Schema 21: the event mentions' rows, packed by schema 20.
DROP TABLE IF EXISTS event_mentions;
