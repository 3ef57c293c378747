"""The compliance team's commands: search, report, export, audit, checkpoint, proof, erase."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import text
from test_cli import no_traceback, run
from test_ledger import _generation

from safegen.imaging import hash_image
from safegen.ledger import Ledger


@pytest.fixture
def filled(ledger_url: str, home: Path):  # type: ignore[no-untyped-def]
    from safegen.provenance.keys import ledger_key

    ledger = Ledger(ledger_url, entry_key=ledger_key(home / "keys"))  # as the CLI opens it
    records = []
    picture = Image.effect_mandelbrot((64, 64), (-2, -1, 1, 1), 30).convert("RGB")
    phash = hash_image(picture).phash
    for i, (user, status, categories, prompt) in enumerate(
        [
            ("alice", "delivered", [], "a red fox in snow"),
            ("alice", "blocked", ["sexual"], "n u d e portrait"),
            ("bob", "delivered", [], "100% pure_water"),
            ("bob", "blocked", ["violence"], "a gory scene"),
        ]
    ):
        record = replace(
            _generation([phash ^ (1 << i)] if status == "delivered" else [], status=status),
            user_id=user,
            prompt=prompt,
            policy_categories=categories,
            model_name="tiny" if i % 2 else "big",
        )
        ledger.record(record)
        records.append(record)
    yield ledger, records, picture
    ledger.close()


def test_search_filters_and_formats(filled, ledger_url: str, home: Path) -> None:
    def search(*args: str) -> list[dict]:
        proc = run("ledger", "search", *args, "--format", "jsonl", home=home, ledger_url=ledger_url)
        assert proc.returncode == 0, proc.stderr
        return [json.loads(line) for line in proc.stdout.splitlines()]

    assert {r["user"] for r in search("--user", "alice")} == {"alice"}
    assert [r["prompt"] for r in search("--category", "sexual")] == ["n u d e portrait"]
    assert [r["prompt"] for r in search("--prompt", "FOX")] == ["a red fox in snow"]
    assert [r["prompt"] for r in search("--match", "snow fox")] == ["a red fox in snow"]
    assert search("--match", "fox gory") == []
    # LIKE wildcards in the query are literal text.
    assert [r["prompt"] for r in search("--prompt", "100%")] == ["100% pure_water"]
    assert [r["prompt"] for r in search("--prompt", "%")] == ["100% pure_water"]
    assert search("--prompt", "_w") == [] or search("--prompt", "_w")[0]["user"] == "bob"
    assert len(search("--status", "blocked", "--user", "bob")) == 1
    assert len(search("--limit", "2")) == 2 and len(search("--limit", "2", "--offset", "3")) == 1
    assert search("--since", "1d") and not search("--until", "2000-01-01")
    proc = run("ledger", "search", "--format", "csv", home=home, ledger_url=ledger_url)
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 4 and {r["model"] for r in rows} == {"big", "tiny"}
    proc = run("ledger", "search", "--since", "yesterday", home=home, ledger_url=ledger_url)
    assert proc.returncode == 64 and "ISO date" in proc.stderr
    no_traceback(proc)


def test_report_export_similar(filled, ledger_url: str, home: Path, tmp_path: Path) -> None:
    _ledger, records, picture = filled
    proc = run("ledger", "report", "--json", home=home, ledger_url=ledger_url)
    report = json.loads(proc.stdout)
    assert report["generations"] == 4 and report["blocked_rate"] == 0.5
    assert report["by_category"] == {"sexual": 1, "violence": 1}
    assert report["by_user"] == {"alice": 2, "bob": 2}
    assert report["delivered_assets"] == 2 and report["label_coverage"] == 0.0  # no manifests

    out = tmp_path / "export.jsonl"
    proc = run(
        "ledger", "export", "-o", str(out), "--user", "bob", home=home, ledger_url=ledger_url
    )
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["user"] for line in out.read_text().splitlines()] == ["bob", "bob"]

    image = tmp_path / "query.png"
    picture.save(image)
    proc = run("ledger", "similar", str(image), "--json", home=home, ledger_url=ledger_url)
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [f["distance"] for f in found] == [1, 1]
    assert {f["generation_id"] for f in found} == {records[0].id, records[2].id}


def test_audit_checkpoint_proof_erase(filled, ledger_url: str, home: Path, tmp_path: Path) -> None:
    ledger, records, _ = filled
    # no root certificate yet: an audit would vouch for checkpoints any key could sign
    proc = run("ledger", "audit", home=home, ledger_url=ledger_url)
    assert proc.returncode == 64 and "--no-trust-check" in proc.stderr
    proc = run("ledger", "audit", "--no-trust-check", home=home, ledger_url=ledger_url)
    assert proc.returncode == 0, proc.stderr
    proc = run("ledger", "checkpoint", "--json", home=home, ledger_url=ledger_url)
    assert proc.returncode == 0 and json.loads(proc.stdout)["seq"] == 4
    proof = tmp_path / "proof.json"
    asset_id = records[2].assets[0].id
    proc = run("ledger", "proof", asset_id, "-o", str(proof), home=home, ledger_url=ledger_url)
    assert proc.returncode == 0, proc.stderr
    root = home / "keys" / "root-ca.pem"
    proc = run("ledger", "check-proof", str(proof), "--trust", str(root), home=tmp_path / "x")
    assert proc.returncode == 0 and "sound" in proc.stdout
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    for trust in (str(empty), "/dev/null", str(tmp_path / "missing.pem")):
        proc = run("ledger", "check-proof", str(proof), "--trust", trust, home=tmp_path / "x")
        assert proc.returncode == 64 and "sound" not in proc.stdout, (trust, proc.stdout)
        assert trust in proc.stderr

    proc = run("ledger", "erase", "--user", "alice", "--json", home=home, ledger_url=ledger_url)
    assert json.loads(proc.stdout) == {"erased": 2}
    assert run("ledger", "audit", home=home, ledger_url=ledger_url).returncode == 0
    proc = run("ledger", "prune", "--older-than", "0d", home=home, ledger_url=ledger_url)
    assert "2 generations" in proc.stdout

    with ledger.engine.begin() as conn:
        conn.execute(text("UPDATE assets SET width = 9 WHERE id = :a"), {"a": asset_id})
    proc = run("ledger", "audit", "--json", home=home, ledger_url=ledger_url)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["first_bad_seq"] == 3


def test_witnessed_checkpoints(filled, ledger_url: str, home: Path, tmp_path: Path) -> None:
    """checkpoint -o writes the signed note a witness keeps; audit --witness holds the ledger
    to it; unreadable witnesses are usage errors naming the file, forged ones do not hold."""
    witnesses = tmp_path / "witness"
    witnesses.mkdir()
    note = witnesses / "1.note"
    proc = run("ledger", "checkpoint", "-o", str(note), "--json", home=home, ledger_url=ledger_url)
    assert proc.returncode == 0, proc.stderr
    signed = json.loads(proc.stdout)
    assert signed["note"] == note.read_text() and signed["tree_size"] == 4
    assert signed["note"].splitlines()[-1].startswith("\u2014 safegen.ledger/")  # the signature
    proc = run("ledger", "audit", "--witness", str(witnesses), home=home, ledger_url=ledger_url)
    assert proc.returncode == 0 and "1 witnesses" in proc.stdout, proc.stdout + proc.stderr
    proc = run(
        "ledger", "audit", "--witness", str(note), "--incremental", home=home, ledger_url=ledger_url
    )
    assert proc.returncode == 0 and "not recomputed" in proc.stderr, proc.stdout + proc.stderr
    proc = run("ledger", "audit", "--incremental", home=home, ledger_url=ledger_url)
    assert proc.returncode == 64 and "--witness" in proc.stderr

    bad = tmp_path / "bad.note"
    for content in (b"", b"not a note\n", note.read_bytes()[:-30], b"\xff\xfe"):
        bad.write_bytes(content)
        proc = run("ledger", "audit", "--witness", str(bad), home=home, ledger_url=ledger_url)
        assert proc.returncode == 64 and str(bad) in proc.stderr, (content, proc.stderr)
        assert "Traceback" not in proc.stderr
    proc = run("ledger", "audit", "--witness", str(tmp_path / "none"), home=home)
    assert proc.returncode == 64 and "none" in proc.stderr

    origin, size, root, blank, signature = note.read_text().splitlines()
    forged = tmp_path / "forged.note"
    forged.write_text(f"{origin}\n3\n{root}\n\n{signature}\n")  # another size, same signature
    proc = run("ledger", "audit", "--witness", str(forged), home=home, ledger_url=ledger_url)
    assert proc.returncode == 2 and "not signed" in proc.stdout, proc.stdout

    # the newest checkpoint extends the witnessed one: a consistency proof for outsiders
    from test_ledger import _generation

    filled[0].record(_generation([31337]))
    assert run("ledger", "checkpoint", home=home, ledger_url=ledger_url).returncode == 0
    proof = tmp_path / "consistency.json"
    args = ("ledger", "proof", "--consistency", str(note), "-o", str(proof))
    assert run(*args, home=home, ledger_url=ledger_url).returncode == 0
    root = home / "keys" / "root-ca.pem"
    proc = run("ledger", "check-proof", str(proof), "--trust", str(root), home=tmp_path / "x")
    assert proc.returncode == 0 and "is a prefix of the signed tree of 5" in proc.stdout, proc
    forged = json.loads(proof.read_text())
    forged["consistency"] = forged["consistency"][1:] or ["00" * 32]
    proof.write_text(json.dumps(forged))
    proc = run("ledger", "check-proof", str(proof), "--trust", str(root), home=tmp_path / "x")
    assert proc.returncode == 2 and "does not hold" in proc.stdout, proc.stdout

    with ledger_engine(filled) as conn:  # truncate behind the ledger's back
        conn.execute(text("DELETE FROM checkpoints"))
    proc = run("ledger", "audit", "--witness", str(note), home=home, ledger_url=ledger_url)
    assert proc.returncode == 2 and "no longer holds this checkpoint" in proc.stdout


def ledger_engine(filled):  # type: ignore[no-untyped-def]
    return filled[0].engine.begin()
