-- Schema 10: an event's summary in the reading index no longer lists its participants (their count
-- instead; the event's detail keeps them). The index is only ever a copy of the dossier: marked out
-- of date here, the next build writes it again.
DELETE FROM browse_state;
