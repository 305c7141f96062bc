-- Schema 46: an event's state (what merging compares a report with: most of the event's stored bytes, 688 KB
-- for one of 33,863 reports) is stored apart from the event, as a group of kind 'event-states' under the
-- event's id; the event keeps beside its description the keys it is filed under (State.Keys), so that
-- finding the events a report may join reads no state, and only the states of those it is compared with are
-- read. An event stored without a state (by an earlier version) is left as it was: the next build merges the
-- dossier's events whole, once, as it did.
INSERT INTO corpus_groups (kind, id, number, parent, label, data)
SELECT 'event-states', id, number, NULL, '', json_extract(data, '$.State') FROM corpus_groups
WHERE kind = 'events' AND json_type(data, '$.State') = 'object';
UPDATE corpus_groups SET data = json_remove(json_set(data, '$.Keys', json(json_extract(data, '$.State.Keys'))), '$.State')
WHERE kind = 'events' AND json_type(data, '$.State') = 'object';
