"""The crisis check's small model: its weights, read by the shared runtime.

The model is all-MiniLM-L6-v2 (Apache-2.0, see ``model/NOTICE``) fine-tuned to tell risk
sentences from hard non-risk ones, with one output; its weights ship in
``model/crisis_minilm.npz`` and run in ``language.encoder``. This module imports numpy, so
it is itself imported only when a sentence needs the model (see ``care.second_look``).
``probabilities`` returns, for each list of token ids, the probability that the words are
risk language.
"""

from __future__ import annotations

from pathlib import Path

from ..language.encoder import Model, load, outputs

WEIGHTS = Path(__file__).with_name("model") / "crisis_minilm.npz"


def model() -> Model:
    """The shipped model, read and made float32 once per process."""
    return load(WEIGHTS)


def probabilities(sequences: list[list[int]], weights: Model | None = None) -> list[float]:
    """The risk probability of each sequence of token ids ([CLS] ... [SEP], at most
    ``max_tokens`` long), run as one padded batch."""
    return [float(p) for p in outputs(sequences, weights or model())[:, 0]]
