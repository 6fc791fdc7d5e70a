"""Near-duplicates: the same release republished by ten outlets is one story.

Each text becomes a MinHash signature (datasketch, 128 permutations, fixed seed: the
same text gives the same signature on every server) of its word 5-grams, after folding
(lower case, no punctuation). The signature is cut into ``BANDS`` bands of ``ROWS``
values; each band is hashed to one 63-bit number and stored (``Band``). Two texts whose
word sets overlap by a Jaccard similarity s share at least one band with probability
1 - (1 - s^ROWS)^BANDS: 0.998 at s = 0.6, 0.08 at s = 0.2. A new text looks up its own
band values (an index look-up, whatever the size of the store), and joins the story of
the candidate whose estimated similarity, from the stored signatures, is highest and at
least ``SAME_STORY``.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 128
BANDS, ROWS = 32, 4
SHINGLE = 5
SAME_STORY = 0.5
SEED = 18

_WORD = re.compile(r"\w+")
# The permutation scheme is named, not left to the library's default: stored signatures
# stay comparable across datasketch versions (2.0 changed the default).
SCHEME = "affine32"
_TEMPLATE = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)  # made once


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    m = MinHash(
        num_perm=PERMUTATIONS, seed=SEED, permutations=_TEMPLATE.permutations, scheme=SCHEME
    )
    m.update_batch(list(shingles(text)))
    return m.hashvalues.astype(np.uint64)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u8")


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, band value) pairs; the value fits a signed 64-bit column."""
    out = []
    raw = sig.astype("<u8")
    for b in range(BANDS):
        digest = hashlib.blake2b(raw[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8)
        out.append((b, int.from_bytes(digest.digest(), "little") >> 1))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the two texts' 5-gram sets."""
    return float(np.count_nonzero(a == b)) / len(a)
