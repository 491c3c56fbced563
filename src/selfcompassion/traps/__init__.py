"""Thinking traps: noticing them in what the inner critic says."""
