-- Schema 11: an event item holds a facet per document its evidence lines are in ("document:d12") instead
-- of its documents' stories, and a list of events is filtered by story through those documents (schema 43
-- of the file). The index is only ever a copy of the dossier: marked out of date here, the next build
-- writes it again.
DELETE FROM browse_state;
