-- Schema 43: an event item no longer holds its documents' stories as facets but a facet per document its
-- evidence lines are in ("document:d12"); a list of events is filtered by story through those documents'
-- story facets. A topic that gains articles is split into sub-stories again, and every event with
-- evidence in a document whose sub-story changed was written again (at 3,000 articles, 11,035 of the
-- 48,332 events of a build that added 100). The index is marked out of date: the next build writes the
-- events again.
DELETE FROM browse_state;
