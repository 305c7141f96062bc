-- Schema 18: a range of figures ("220 à 250 morts") keeps its high end; value holds the low end.
ALTER TABLE quantities ADD COLUMN value_max REAL;
