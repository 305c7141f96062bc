-- Schema 31: the stories stage keeps each document's entity vector and each topic's centroid, and places
-- an added document against them instead of forming the whole tree again; the events stage files
-- each document under its events' blocking keys and merges added documents with their
-- neighbourhood only. Stories and events stored before have neither: they are dropped here and
-- both stages run again over every document.
DELETE FROM corpus_groups WHERE kind IN ('stories', 'events');
DELETE FROM corpus_stage_runs WHERE stage IN ('stories', 'events');
