"""Taking the journal out and bringing it back: export to JSON, Markdown and CSV, import
of the tool's own JSON and of jrnl's.

Import files are untrusted: every record is checked before anything is written, a bad
record is refused with its position and the reason, and the records of a good file are
written in one transaction, so a file is either imported whole or not at all. Entries are
matched by their UUID, which makes importing the same file twice add nothing.

``transfer`` runs an export or an import; ``schema`` is the versioned JSON format (see
docs/export-format.md), ``jrnl`` reads jrnl's, ``documents`` writes Markdown and CSV and
``files`` reads inputs with limits and writes outputs 0600.
"""
