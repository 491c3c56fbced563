"""The weights reader: arrays mapped from the file are exactly what ``np.load`` reads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from selfcompassion.care.encoder import WEIGHTS as CRISIS_WEIGHTS
from selfcompassion.language.encoder import load, outputs, read_arrays
from selfcompassion.traps.learned import WEIGHTS as TRAPS_WEIGHTS


@pytest.mark.parametrize("weights", [CRISIS_WEIGHTS, TRAPS_WEIGHTS], ids=["crisis", "traps"])
def test_mapped_arrays_equal_what_numpy_reads(weights: Path) -> None:
    mapped = read_arrays(weights)
    with np.load(weights, allow_pickle=False) as z:
        assert sorted(mapped) == sorted(name for name in z.files)
        for name in z.files:
            assert mapped[name].dtype == z[name].dtype, name
            assert np.array_equal(mapped[name], z[name]), name
    assert not mapped["word.q"].flags.writeable  # a view of the file, never a copy


def test_a_compressed_file_is_read_too_and_gives_the_same_model(tmp_path: Path) -> None:
    with np.load(CRISIS_WEIGHTS, allow_pickle=False) as z:
        arrays = {name: z[name] for name in z.files}
    compressed = tmp_path / "compressed.npz"
    np.savez_compressed(compressed, **arrays)  # type: ignore[arg-type]
    assert read_arrays(compressed).keys() == arrays.keys()
    ids = [[101, 1045, 2572, 5458, 102]]
    assert np.array_equal(outputs(ids, load(compressed)), outputs(ids, load(CRISIS_WEIGHTS)))


def test_a_damaged_file_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(TRAPS_WEIGHTS.read_bytes()[:1000])
    with pytest.raises(zipfile.BadZipFile):
        read_arrays(damaged)


def test_a_header_the_quick_reader_does_not_take_is_read_by_numpy(tmp_path: Path) -> None:
    # Big-endian numbers and a version 2.0 header are left to numpy's own reader.
    arrays = {"big": np.arange(6, dtype=">f4").reshape(2, 3), "small": np.arange(4, dtype="<i2")}
    path = tmp_path / "mixed.npz"
    with zipfile.ZipFile(path, "w") as archive:
        with archive.open("big.npy", "w") as member:
            np.lib.format.write_array(member, arrays["big"], version=(2, 0))
        with archive.open("small.npy", "w") as member:
            np.lib.format.write_array(member, arrays["small"])
    read = read_arrays(path)
    for name, array in arrays.items():
        assert read[name].dtype == array.dtype and np.array_equal(read[name], array), name


def test_each_layer_matrix_is_its_int8_rows_times_their_scales() -> None:
    arrays = read_arrays(TRAPS_WEIGHTS)
    model = load(TRAPS_WEIGHTS)
    for i, layer in enumerate(model.layers):
        expected = {
            "qkv": np.concatenate(
                [arrays[f"{i}.{k}.q"] * arrays[f"{i}.{k}.s"][:, None] for k in "qkv"]
            ),
            "out": arrays[f"{i}.o.q"] * arrays[f"{i}.o.s"][:, None],
            "up": arrays[f"{i}.up.q"] * arrays[f"{i}.up.s"][:, None],
            "down": arrays[f"{i}.down.q"] * arrays[f"{i}.down.s"][:, None],
        }
        for name, matrix in expected.items():
            got = getattr(layer, name)
            assert got.dtype == np.float32 and np.array_equal(got, matrix), (i, name)
