"""The Merkle tree: stored full subtrees, proofs and their verification against RFC 6962's
definitions (the recursive twin over the leaves themselves)."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safegen.ledger import merkle


def leaves(n: int) -> list[bytes]:
    return [hashlib.sha256(str(i).encode()).digest() for i in range(n)]


def stored(data: list[bytes]) -> dict[tuple[int, int], bytes]:
    nodes: dict[tuple[int, int], bytes] = {}
    for i, leaf in enumerate(data):
        for level, index, value in merkle.appended_nodes(i, leaf, lambda lv, ix: nodes[(lv, ix)]):
            nodes[(level, index)] = value
    return nodes


def path_by_definition(m: int, data: list[bytes]) -> list[bytes]:
    """RFC 6962 2.1.1, over slices."""
    if len(data) == 1:
        return []
    k = merkle.split(len(data))
    if m < k:
        return [*path_by_definition(m, data[:k]), merkle.mth(data[k:])]
    return [*path_by_definition(m - k, data[k:]), merkle.mth(data[:k])]


def subproof_by_definition(m: int, data: list[bytes], whole: bool) -> list[bytes]:
    """RFC 6962 2.1.2, over slices."""
    n = len(data)
    if m == n:
        return [] if whole else [merkle.mth(data)]
    k = merkle.split(n)
    if m <= k:
        return [*subproof_by_definition(m, data[:k], whole), merkle.mth(data[k:])]
    return [*subproof_by_definition(m - k, data[k:], False), merkle.mth(data[:k])]


def test_known_empty_and_single_roots() -> None:
    assert merkle.mth([]).hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert merkle.mth([b""]).hex() == (  # RFC 6962's test vector: the empty leaf
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=130), st.data())
def test_stored_tree_and_proofs_match_the_definitions(n: int, data: st.DataObject) -> None:
    items = leaves(n)
    nodes = stored(items)
    full = nodes.__getitem__

    def full_at(level: int, index: int) -> bytes:
        return full((level, index))

    frontier = merkle.Frontier()
    for size in range(1, n + 1):
        frontier.append(items[size - 1])
        assert frontier.root() == merkle.mth(items[:size]) == merkle.root(size, full_at)
    size = data.draw(st.integers(min_value=1, max_value=n))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    tree_root = merkle.mth(items[:size])
    proof = merkle.inclusion_proof(index, size, full_at)
    assert proof == path_by_definition(index, items[:size])
    leaf = merkle.leaf_hash(items[index])
    assert merkle.verify_inclusion(index, size, leaf, proof, tree_root)
    assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"forged"), proof, tree_root)
    if size > 1:
        assert not merkle.verify_inclusion((index + 1) % size, size, leaf, proof, tree_root)
    old = data.draw(st.integers(min_value=0, max_value=size))
    consistency = merkle.consistency_proof(old, size, full_at)
    if 0 < old < size:
        assert consistency == subproof_by_definition(old, items[:size], True)
    old_root = merkle.mth(items[:old])
    assert merkle.verify_consistency(old, size, old_root, tree_root, consistency)
    if 0 < old < size:
        forged = merkle.mth([*items[: old - 1], b"forged"])
        assert not merkle.verify_consistency(old, size, forged, tree_root, consistency)
        assert not merkle.verify_consistency(old, size, old_root, forged, consistency)
        if consistency:
            assert not merkle.verify_consistency(old, size, old_root, tree_root, consistency[1:])


def test_proof_sizes_are_logarithmic() -> None:
    n = 1000
    nodes = stored(leaves(n))

    def full_at(level: int, index: int) -> bytes:
        return nodes[(level, index)]

    assert max(len(merkle.inclusion_proof(i, n, full_at)) for i in range(0, n, 37)) <= 10
    assert max(len(merkle.consistency_proof(m, n, full_at)) for m in range(1, n, 41)) <= 20


def test_out_of_range_requests_are_refused() -> None:
    with pytest.raises(ValueError):
        merkle.inclusion_proof(3, 3, lambda level, index: b"")
    with pytest.raises(ValueError):
        merkle.consistency_proof(4, 3, lambda level, index: b"")
    assert not merkle.verify_inclusion(3, 3, b"", [], b"")
