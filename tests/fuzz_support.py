"""Hypothesis strategies shared by the fuzzers of the files a person hands the tool."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

#: Any value JSON can hold (and NaN and the infinities, which Python writes as JSON too).
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
)


def json_values(max_leaves: int = 12) -> Any:
    """Scalars, and lists and objects of them nested a few levels deep."""
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=max_leaves,
    )
