"""The language checks' small models: a numpy forward pass of a fine-tuned MiniLM encoder.

Each model is all-MiniLM-L6-v2 (six layers, 384 wide, twelve attention heads; Apache-2.0,
see the NOTICE beside each weights file) fine-tuned for one check, with mean pooling and one
linear layer of any number of outputs on top: the crisis check's (``care/model``) has one.
A weights file holds every matrix as int8 with one scale per row; ``load`` makes it float32
once per process.

This module imports numpy, so it is itself imported only when a check needs its model.
``outputs`` returns, for each list of token ids (from ``language.wordpiece``), the
probability of each output.
"""

from __future__ import annotations

import io
import math
import mmap
import os
import re
import struct
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

# The model's products are small: one thread does them faster than a pool, and much faster
# on a busy machine. This counts only if numpy is not loaded yet (the checks' ``load``).
for _name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402

if TYPE_CHECKING:
    # Types only: numpy.typing costs about a millisecond to import, at every first load.
    import numpy.typing as npt

    Array = npt.NDArray[np.float32]
    Arrays = dict[str, npt.NDArray[Any]]

LAYERS = 6
HEADS = 12
LN_EPS = 1e-12
_HEADER_READERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}
#: A plain .npy header (version 1.0): little-endian numbers or text, C order.
_PLAIN_HEADER = re.compile(
    rb"\x93NUMPY\x01\x00(?P<size>..)\{'descr': '(?P<descr>[<|](?:[fiu][1248]|U\d{1,4}))', "
    rb"'fortran_order': False, 'shape': \((?P<shape>(?:\d+, )*(?:\d+,?)?)\), \} *\n",
    re.DOTALL,
)
#: Each layer's matrices, in the order they are laid out in memory.
_MATRICES = ("q", "k", "v", "o", "up", "down")


# Layer and Model are named tuples rather than dataclasses: a dataclass writes and compiles
# its methods when its module is imported, about a millisecond each, paid by every command
# that loads a model.
class Layer(NamedTuple):
    """One encoder layer. Each matrix is float32, one row per output (as stored), so a
    product is ``x @ w.T``: BLAS reads the rows in place, and nothing is transposed at load."""

    qkv: Array  # (1152, 384): query, key and value stacked
    qkv_b: Array
    out: Array
    out_b: Array
    ln1: tuple[Array, Array]
    up: Array
    up_b: Array
    down: Array
    down_b: Array
    ln2: tuple[Array, Array]


class Model(NamedTuple):
    word_q: npt.NDArray[np.int8]
    word_s: Array
    position: Array  # already holds the (single) token type row
    emb_ln: tuple[Array, Array]
    layers: tuple[Layer, ...]
    head_w: Array  # (outputs, 384)
    head_b: Array
    labels: tuple[str, ...]  # the outputs' names, when the file has them

    @property
    def max_tokens(self) -> int:
        return int(self.position.shape[0])


@lru_cache(maxsize=4)
def load(weights: Path) -> Model:
    """The model in the file ``weights``, read and made float32 once per process."""
    arrays = read_arrays(weights)
    keys = [f"{i}.{name}" for i in range(LAYERS) for name in _MATRICES]
    # Every layer's matrices in one block, in this order, so that a layer's query, key and
    # value sit together (their stacked matrix is a view) and the block is large enough for
    # numpy to ask for huge pages: 275 page faults instead of 10,530 for 36 small arrays,
    # whose faults took about a third of the time it took to make the matrices float32.
    block = np.empty(sum(arrays[key + ".q"].size for key in keys), np.float32)
    place: dict[str, tuple[int, int]] = {}  # where each matrix starts and ends in the block
    at = 0
    for key in keys:
        q = arrays[key + ".q"]
        floats = block[at : at + q.size].reshape(q.shape)
        floats[...] = q  # int8 to float32 is exact; then each row times its scale, as before
        floats *= arrays[key + ".s"][:, None]
        place[key] = (at, at + q.size)
        at += q.size

    def matrix(*keys: str) -> Array:
        """The matrices ``keys``, next to each other in the block, stacked (a view)."""
        width = arrays[keys[0] + ".q"].shape[1]
        return block[place[keys[0]][0] : place[keys[-1]][1]].reshape(-1, width)

    layers = []
    for i in range(LAYERS):
        p = f"{i}."
        layers.append(
            Layer(
                qkv=matrix(p + "q", p + "k", p + "v"),
                qkv_b=np.concatenate([arrays[p + k + ".b"] for k in "qkv"]),
                out=matrix(p + "o"),
                out_b=arrays[p + "o.b"],
                ln1=(arrays[p + "ln1.w"], arrays[p + "ln1.b"]),
                up=matrix(p + "up"),
                up_b=arrays[p + "up.b"],
                down=matrix(p + "down"),
                down_b=arrays[p + "down.b"],
                ln2=(arrays[p + "ln2.w"], arrays[p + "ln2.b"]),
            )
        )
    return Model(
        word_q=arrays["word.q"],
        word_s=arrays["word.s"],
        position=arrays["position"] + arrays["token_type"][None, :],
        emb_ln=(arrays["emb_ln.w"], arrays["emb_ln.b"]),
        layers=tuple(layers),
        # One output may be stored as a vector, more as one row per output.
        head_w=np.atleast_2d(arrays["head.w"]),
        head_b=arrays["head.b"],
        labels=tuple(str(name) for name in arrays.get("labels", ())),
    )


def read_arrays(weights: Path) -> Arrays:
    """Every array in the ``.npz`` file ``weights``.

    The export stores its members uncompressed, so each array is a read-only view of the
    file mapped into memory: no copy and no checksum pass over 23 MB, which ``np.load``
    spends most of a model's loading time on. An array the file places off its alignment
    (about half of the scales, biases and norms: the archive packs its members end to end)
    is copied: numpy's loops take unaligned numbers through a slow buffered path, and
    scaling the rows of the matrices with unaligned scales took twice as long as making
    them float32. A file with a compressed member is read by ``np.load``."""
    with zipfile.ZipFile(weights) as archive:
        members = archive.infolist()
    if any(member.compress_type != zipfile.ZIP_STORED for member in members):
        with np.load(weights, allow_pickle=False) as z:
            return {name: z[name] for name in z.files}
    with open(weights, "rb") as file:
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    arrays = {}
    for member in members:
        start = member.header_offset
        if mapped[start : start + 4] != b"PK\x03\x04":
            raise ValueError(f"{weights.name}: {member.filename} is not where the index says")
        name_size, extra_size = struct.unpack_from("<HH", mapped, start + 26)
        start += 30 + name_size + extra_size
        shape, dtype, size = _array_header(mapped, start, f"{weights.name}: {member.filename}")
        array = np.frombuffer(mapped, dtype, math.prod(shape), offset=start + size)
        if not array.flags.aligned:
            array = array.copy()
        arrays[member.filename.removesuffix(".npy")] = array.reshape(shape)
    return arrays


def _array_header(mapped: mmap.mmap, start: int, name: str) -> tuple[tuple[int, ...], Any, int]:
    """The shape, type and header size of the ``.npy`` array at ``start``.

    The header of a plain array, as ``np.save`` writes it, is read with one pattern; any
    other is left to numpy's own reader, which evaluates it as a Python literal: that was
    about two thirds of the time it took to read a weights file's 141 headers."""
    found = _PLAIN_HEADER.match(mapped, start)
    if found is not None and found.end() - start == 10 + found["size"][0] + 256 * found["size"][1]:
        shape = tuple(int(side) for side in found["shape"].split(b",") if side.strip())
        return shape, np.dtype(found["descr"].decode("ascii")), found.end() - start
    header = io.BytesIO(mapped[start : start + 4096])
    version = np.lib.format.read_magic(header)
    if version not in _HEADER_READERS:
        raise ValueError(f"{name}: unknown .npy version")
    shape, fortran, dtype = _HEADER_READERS[version](header)
    if fortran or dtype.hasobject:
        raise ValueError(f"{name}: not a plain array")
    return shape, dtype, header.tell()


#: Sequences run together in one padded batch, at most. ``outputs`` sorts them by length
#: first, so each batch pads to nearly its own length: a long answer of a hundred short
#: sentences then costs about its own tokens, not a hundred times its longest sentence.
#: Sixteen holds occlusion's readings in one batch; 64 padded more, ran slower and moved
#: some probabilities in the seventh decimal place (bench/model_equivalence.py).
BATCH = 16


def outputs(sequences: list[list[int]], m: Model) -> Array:
    """The probability of each output for each sequence of token ids ([CLS] ... [SEP], at
    most ``max_tokens`` long): one row per sequence, in the order given. Sequences of like
    length run together in padded batches (padding changes no probability)."""
    result = np.zeros((len(sequences), m.head_w.shape[0]), dtype=np.float32)
    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
    for at in range(0, len(order), BATCH):
        rows = order[at : at + BATCH]
        result[rows] = _padded([sequences[i] for i in rows], m)
    return result


def _padded(sequences: list[list[int]], m: Model) -> Array:
    """``outputs`` for one batch, padded to its longest sequence."""
    length = max(len(ids) for ids in sequences)
    ids = np.zeros((len(sequences), length), dtype=np.int64)
    mask = np.zeros((len(sequences), length), dtype=np.float32)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1.0
    x = m.word_q[ids].astype(np.float32) * m.word_s[ids][..., None]
    x = _layer_norm(x + m.position[None, :length], m.emb_ln)
    bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
    for layer in m.layers:
        x = _layer(x, layer, bias)
    pooled = (x * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    logits = pooled @ m.head_w.T + m.head_b
    probs: Array = 1.0 / (1.0 + np.exp(-logits))
    return probs


def _layer(x: Array, layer: Layer, bias: Array) -> Array:
    batch, length, width = x.shape
    size = width // HEADS
    qkv = _linear(x, layer.qkv, layer.qkv_b)
    qkv = qkv.reshape(batch, length, 3, HEADS, size).transpose(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    scores = (q @ k.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(size)) + bias
    scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
    scores /= scores.sum(axis=-1, keepdims=True)
    context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
    x = _layer_norm(x + _linear(context, layer.out, layer.out_b), layer.ln1)
    hidden = _gelu(_linear(x, layer.up, layer.up_b))
    return _layer_norm(x + _linear(hidden, layer.down, layer.down_b), layer.ln2)


def _linear(x: Array, weight: Array, bias: Array) -> Array:
    """``x @ weight.T + bias`` over the last axis, as one matrix product for the batch."""
    flat = x.reshape(-1, x.shape[-1]) @ weight.T
    out: Array = (flat + bias).reshape(*x.shape[:-1], weight.shape[0])
    return out


def _layer_norm(x: Array, params: tuple[Array, Array]) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    weight, bias = params
    out: Array = centred / np.sqrt(var + LN_EPS) * weight + bias
    return out


def _gelu(x: Array) -> Array:
    """GELU in its exact form, 0.5 x (1 + erf(x / sqrt 2)), with erf to within 1.5e-7
    (Abramowitz and Stegun 7.1.26). The last steps work in place, and the sign is copied
    rather than multiplied in (``np.sign`` is one of numpy's slow loops): the same numbers
    bit for bit, in about three quarters of the time."""
    z = x * np.float32(1 / np.sqrt(2))
    a = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    a *= a
    np.exp(np.negative(a, out=a), out=a)
    poly *= a
    erf = np.copysign(np.subtract(1.0, poly, out=poly), z, out=poly)
    erf += 1.0
    out: Array = np.multiply(x, 0.5) * erf
    return out
