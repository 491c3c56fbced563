"""What the support panel says: calm, direct, hopeful, and concrete about where help is."""

from __future__ import annotations

CRISIS_MESSAGE_TITLE: str = "You don't have to carry this alone"

CRISIS_MESSAGE: str = (
    "Some of what you wrote sounds really heavy, and it matters. "
    "If you are thinking about hurting yourself or ending your life, please reach out now: "
    "to someone you trust, to a local crisis line, or to your local emergency number. "
    "Talking with a person can help in ways a journal cannot. "
    "This tool is not a substitute for professional help. "
    "Your entry is saved as usual, and you can come back to it whenever you like."
)
