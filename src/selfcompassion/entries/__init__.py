"""Entries as a person works with them: finding them, and the figures kept beside them."""
