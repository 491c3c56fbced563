"""Taking the journal out and bringing it back: export to JSON, Markdown and CSV, import
of the tool's own JSON and of jrnl's.

Import files are untrusted: every record is checked as the file is read, a bad record is
refused with its position and the reason, and everything is written in one transaction,
so a file is either imported whole or not at all. Entries are matched by their UUID,
which makes importing the same file twice add nothing.

``transfer`` runs an export or an import; ``schema`` is the versioned JSON format (see
docs/export-format.md) and ``reading`` checks it on the way in, from a file that
``stream`` reads a piece at a time; ``jrnl`` reads jrnl's, ``documents`` writes the
exports and ``files`` opens inputs with limits and writes outputs 0600.
"""
