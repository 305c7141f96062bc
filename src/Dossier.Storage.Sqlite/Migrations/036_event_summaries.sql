-- Schema 36: an event's summary in the reading index no longer lists its participants (their count
-- instead; the event's detail keeps them): the 500 best attested events of 10,000 articles were a
-- 1.3 MB page. The index is only ever a copy of the dossier: marked out of date here, the next build
-- writes it again.
DELETE FROM browse_state;
