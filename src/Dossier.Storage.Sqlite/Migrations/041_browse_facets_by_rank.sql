-- Schema 41: an item's facets are found by its rank. Removing a changed item's facets
-- (kind, rank) could use no prefix of the key (kind, facet, rank), so each removal read every
-- facet of the kind: at 10,000 articles a build that changed a few thousand events read millions
-- of facet rows per event.
CREATE INDEX browse_facets_rank ON browse_facets (kind, rank);
