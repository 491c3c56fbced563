"""Files outside the journal: where they live, how they are read and written."""
