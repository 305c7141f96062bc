-- Schema 14: an event's state (what merging compares a report with: most of the event's stored bytes, 688 KB
-- for one of 33,863 reports) is stored apart from the event, as a group of kind 'event-states' under the
-- event's id; the event keeps beside its description the keys it is filed under (State.Keys), so that
-- finding the events a report may join reads no state, and only the states of those it is compared with are
-- read (schema 46 of the file). An event stored without a state (by an earlier version) is left as it was.
INSERT INTO corpus_groups (kind, id, number, parent, label, data)
SELECT 'event-states', id, number, NULL, '', (data::json -> 'State')::text FROM corpus_groups
WHERE kind = 'events' AND json_typeof(data::json -> 'State') = 'object';
UPDATE corpus_groups SET data = (jsonb_set(data::jsonb, '{Keys}', coalesce(data::jsonb -> 'State' -> 'Keys', 'null'::jsonb)) - 'State')::text
WHERE kind = 'events' AND json_typeof(data::json -> 'State') = 'object';
