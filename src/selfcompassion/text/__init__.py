"""Text helpers shared across the journal: control characters, Markdown, tags."""
