"""The Merkle tree over the ledger's entry hashes: RFC 6962 / RFC 9162 hashing and proofs.

Leaf ``i`` is entry ``i + 1``'s ``entry_hash`` (32 bytes); leaf hashes are
``sha256(0x00 || entry_hash)``, interior nodes ``sha256(0x01 || left || right)``,
and the root of ``n`` leaves is RFC 6962's ``MTH(D[n])``. So a checkpoint that
signs ``(n, root)`` commits to every entry up to ``n`` and their order, and two
checkpoints can be shown to be one append-only history (a consistency proof) and
one entry to be in a signed tree (an inclusion proof) with ``O(log n)`` hashes,
checked offline by :func:`verify_inclusion` and :func:`verify_consistency`
(RFC 9162, sections 2.1.3.2 and 2.1.4.2).

The ledger stores the hash of every *full* subtree (``merkle_nodes``: level,
index): appending leaf ``i`` adds it and one parent per trailing one-bit of
``i``, two rows on average, inside the append's transaction. Any range the RFC
algorithms ask for splits into stored full subtrees (:func:`range_hash`).
:func:`mth` is the trivial recursive twin the tests hold the stored tree to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

EMPTY_ROOT = hashlib.sha256(b"").digest()
"""MTH of the empty tree."""

FullSubtree = Callable[[int, int], bytes]
"""``(level, index) -> hash`` of the full subtree over leaves ``index << level`` onwards."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n: int) -> int:
    """The largest power of two strictly less than ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def mth(leaves: Sequence[bytes]) -> bytes:
    """RFC 6962's MTH over leaf *data*, by its definition (the reference twin)."""
    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = split(len(leaves))
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def range_hash(start: int, size: int, full: FullSubtree) -> bytes:
    """MTH of leaves [start, start + size), where ``start`` is aligned as RFC 6962's
    recursion leaves it (a multiple of the largest power of two <= size)."""
    if size == 0:
        return EMPTY_ROOT
    if size & (size - 1) == 0:
        level = size.bit_length() - 1
        return full(level, start >> level)
    k = split(size)
    return node_hash(range_hash(start, k, full), range_hash(start + k, size - k, full))


def root(size: int, full: FullSubtree) -> bytes:
    return range_hash(0, size, full)


def inclusion_proof(index: int, size: int, full: FullSubtree) -> list[bytes]:
    """RFC 6962 ``PATH(index, D[size])``."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size}")

    def path(m: int, start: int, n: int) -> list[bytes]:
        if n == 1:
            return []
        k = split(n)
        if m < k:
            return [*path(m, start, k), range_hash(start + k, n - k, full)]
        return [*path(m - k, start + k, n - k), range_hash(start, k, full)]

    return path(index, 0, size)


def consistency_proof(old: int, new: int, full: FullSubtree) -> list[bytes]:
    """RFC 6962 ``PROOF(old, D[new])``: the tree of ``old`` leaves is a prefix of ``new``."""
    if not 0 <= old <= new:
        raise ValueError(f"no consistency proof from {old} to {new}")
    if old == 0 or old == new:
        return []

    def subproof(m: int, start: int, n: int, whole: bool) -> list[bytes]:
        if m == n:
            return [] if whole else [range_hash(start, n, full)]
        k = split(n)
        if m <= k:
            return [*subproof(m, start, k, whole), range_hash(start + k, n - k, full)]
        return [*subproof(m - k, start + k, n - k, False), range_hash(start, k, full)]

    return subproof(old, 0, new, True)


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], expected_root: bytes
) -> bool:
    """RFC 9162 2.1.3.2: is ``leaf`` (a leaf hash) at ``index`` of the tree ``expected_root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == expected_root


def verify_consistency(
    old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 2.1.4.2: is the tree ``old_root`` of ``old`` leaves a prefix of ``new_root``?"""
    if not 0 <= old <= new:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    path = list(proof)
    if old & (old - 1) == 0:  # a power of two: the old root is itself a node of the new tree
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root


def appended_nodes(index: int, leaf: bytes, full: FullSubtree) -> list[tuple[int, int, bytes]]:
    """The full subtrees leaf ``index`` completes: ``(level, index, hash)``, the leaf first.

    ``full`` is asked only for left siblings, which exist already.
    """
    nodes = [(0, index, leaf_hash(leaf))]
    level, position, current = 0, index, nodes[0][2]
    while position & 1:
        current = node_hash(full(level, position - 1), current)
        level, position = level + 1, position >> 1
        nodes.append((level, position, current))
    return nodes


class Frontier:
    """A tree built leaf by leaf in memory (the audit's recomputation): the right edge's
    full subtrees, so the root of every prefix is at hand in ``O(log n)``."""

    def __init__(self) -> None:
        self.size = 0
        self._edge: list[tuple[int, bytes]] = []  # (level, hash), decreasing levels

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf; returns the full subtrees it completes, ``(level, index, hash)``."""
        index = self.size
        level, current = 0, leaf_hash(leaf)
        completed = [(0, index, current)]
        while self._edge and self._edge[-1][0] == level:
            current = node_hash(self._edge.pop()[1], current)
            level += 1
            completed.append((level, index >> level, current))
        self._edge.append((level, current))
        self.size += 1
        return completed

    @classmethod
    def seeded(cls, size: int, full: FullSubtree) -> Frontier:
        """The frontier of a stored tree of ``size`` leaves: its right edge's full subtrees,
        one per set bit of ``size``."""
        frontier = cls()
        start = 0
        for level in range(size.bit_length() - 1, -1, -1):
            if size >> level & 1:
                frontier._edge.append((level, full(level, start >> level)))
                start += 1 << level
        frontier.size = size
        return frontier

    def root(self) -> bytes:
        if not self._edge:
            return EMPTY_ROOT
        current = self._edge[-1][1]
        for _, left in reversed(self._edge[:-1]):
            current = node_hash(left, current)
        return current
