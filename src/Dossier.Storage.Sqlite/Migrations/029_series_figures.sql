-- Schema 29: the series stage keeps each document's figures and files their keys, and forms again
-- only the series of the keys a build touches; a stored series now records its key. Series stored
-- before have none: they are dropped here and the stage runs again over every document.
DELETE FROM corpus_groups WHERE kind = 'series';
DELETE FROM corpus_stage_runs WHERE stage = 'series';
