"""How long one piece of a person's writing may be, wherever it comes in.

Kept apart from the pack steps so that a command checking one thought (``journal traps``)
knows the limit without loading what a flow needs.
"""

from __future__ import annotations

#: The longest answer accepted for one step, in characters (documented in docs/reliability.md).
MAX_ANSWER_CHARS = 20_000
