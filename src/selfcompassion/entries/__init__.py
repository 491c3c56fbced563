"""Entries as a person works with them: finding, editing, and the figures kept beside them."""
