"""Prompt packs: loading, checking, and the steps they define."""
