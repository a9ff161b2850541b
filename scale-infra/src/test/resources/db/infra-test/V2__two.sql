-- a second migration
CREATE TABLE t_two (id INTEGER PRIMARY KEY, name TEXT);
