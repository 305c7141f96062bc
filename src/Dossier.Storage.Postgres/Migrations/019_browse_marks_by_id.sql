-- Schema 19: a document's item holds the ids of the entities and events it marks, not their names and
-- types, which are read from their own items when the document is shown (BrowseIndex.ShownMarks): a
-- group named otherwise writes its own item again, and no longer every document it has members in
-- (schema 49 of the file).
CREATE OR REPLACE FUNCTION browse_changed_groups_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, id FROM new_rows ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT n.kind, n.id FROM old_rows o JOIN new_rows n ON n.kind = o.kind AND n.id = o.id
            WHERE o.label IS DISTINCT FROM n.label OR o.data IS DISTINCT FROM n.data OR o.parent IS DISTINCT FROM n.parent
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO browse_changed_groups (kind, id) SELECT DISTINCT kind, id FROM old_rows ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
