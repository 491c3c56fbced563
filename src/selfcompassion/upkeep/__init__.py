"""Looking after the journal: checkups and backups."""
