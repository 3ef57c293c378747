"""The CLI as users run it: a real subprocess, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(
    *args: str, home: Path, ledger_url: str | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFEGEN_")}
    env["SAFEGEN_HOME"] = str(home)
    if ledger_url:
        env["SAFEGEN_LEDGER_URL"] = ledger_url
    return subprocess.run(
        [sys.executable, "-m", "safegen", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


def test_version(home: Path) -> None:
    proc = run("--version", home=home)
    assert proc.returncode == 0 and proc.stdout.startswith("safegen 0.")


@pytest.mark.parametrize(
    "args", [["generate"], ["verify"], ["generate", "x", "--size", "big"], ["frobnicate"]]
)
def test_usage_errors_exit_64(home: Path, args: list[str]) -> None:
    proc = run(*args, home=home)
    assert proc.returncode == 64, proc.stderr
    no_traceback(proc)


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["ledger", "list", "--status", "deliverd"], "deliverd"),
        (["ledger", "search", "--format", "xml"], "xml"),
        (["ledger", "export", "-o", "x", "--format", "parquet"], "parquet"),
        (["generate", "a cat", "--backend", "dall-e"], "dall-e"),
        (["generate", "a cat", "--format", "gif"], "gif"),
        (["generate", "a cat", "--backend", "diffusers", "--model", "./no/such/model"], "model"),
        (["generate", "a cat", "--backend", "diffusers"], "needs a model"),
        (["db", "upgrade", "0009"], "0009"),
    ],
)
def test_typos_and_missing_things_fail_fast_with_64_naming_them(
    home: Path, args: list[str], names: str
) -> None:
    """Before anything loads (no policy, no model): a typo never returns an empty answer."""
    proc = run(*args, home=home, timeout=60)
    assert proc.returncode == 64, proc.stderr
    assert names in proc.stderr
    no_traceback(proc)


def test_a_record_that_does_not_exist_is_1_not_75(home: Path) -> None:
    proc = run("ledger", "show", "no-such-id", home=home)
    assert proc.returncode == 1 and "no generation or asset" in proc.stderr
    no_traceback(proc)


@pytest.mark.slow
def test_generate_then_verify_through_the_cli(home: Path, ledger_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run(
        "generate",
        "a lighthouse at dusk",
        "-n",
        "2",
        "--seed",
        "3",
        "--steps",
        "3",
        "-o",
        str(out),
        "--user",
        "bob",
        "--json",
        home=home,
        ledger_url=ledger_url,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["status"] == "delivered"
    paths = [Path(image["path"]) for image in result["images"]]
    assert sorted(paths) == sorted(out.iterdir())
    assert all(isinstance(image["watermark_id"], int) for image in result["images"])
    assert "DEVELOPMENT" in proc.stderr  # the first run says the identity is for development

    garbage = tmp_path / "broken.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    proc = run("verify", str(paths[0]), home=home, ledger_url=ledger_url)
    assert proc.returncode == 0 and "verified" in proc.stdout

    proc = run("verify", "--json", str(out), str(garbage), home=home, ledger_url=ledger_url)
    assert proc.returncode == 65
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["verdict"] for line in lines] == ["verified", "verified", "error"]
    assert [line["path"] for line in lines] == [str(p) for p in sorted(paths)] + [str(garbage)]
    assert lines[2]["error"]

    proc = run("ledger", "list", "--json", home=home, ledger_url=ledger_url)
    assert proc.returncode == 0
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["id"] == result["generation_id"] and row["user"] == "bob"

    proc = run(
        "ledger",
        "show",
        result["images"][1]["asset_id"],
        "--json",
        home=home,
        ledger_url=ledger_url,
    )
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["id"] == result["generation_id"]

    proc = run(
        "generate", "a naked man", "--json", "-o", str(out), home=home, ledger_url=ledger_url
    )
    assert proc.returncode == 3
    assert json.loads(proc.stdout)["status"] == "blocked"
    assert len(list(out.iterdir())) == 2


@pytest.mark.parametrize(
    "content",
    [b"", b"random bytes with a png name", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\xff" * 30],
)
def test_unreadable_input_is_one_line_and_exit_65(
    home: Path, tmp_path: Path, content: bytes
) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(content)
    proc = run("verify", str(bad), home=home)
    assert proc.returncode == 65
    no_traceback(proc)
    assert len(proc.stderr.strip().splitlines()) == 1
    assert str(bad) in proc.stderr


def test_unknown_and_missing_files(home: Path, tmp_path: Path) -> None:
    from PIL import Image

    plain = tmp_path / "plain.png"
    Image.new("RGB", (300, 200), (10, 140, 90)).save(plain)
    proc = run("verify", str(plain), home=home)
    assert proc.returncode == 1 and "unknown" in proc.stdout
    proc = run("verify", str(tmp_path / "missing.png"), str(plain), home=home)
    assert proc.returncode == 65  # the worst verdict decides
    assert "unknown" in proc.stdout


def test_policy_check(home: Path, tmp_path: Path) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text(
        "a lighthouse\nn.u.d.e beach\n\nbreaking news: a jazz band\n", encoding="utf-8"
    )
    proc = run("policy", "check", "--file", str(prompts), "--json", home=home)
    assert proc.returncode == 3
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(x["prompt"], x["action"]) for x in lines] == [
        ("a lighthouse", "allow"),
        ("n.u.d.e beach", "block"),
        ("breaking news: a jazz band", "review"),
    ]
    assert lines[1]["categories"] == ["sexual"] and "sexual.explicit" in lines[1]["rules"]
    proc = run("policy", "check", "a lighthouse", home=home)
    assert proc.returncode == 0 and "allow" in proc.stdout


def test_malformed_policy_names_file_and_rule(home: Path, tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(
        'name: b\nversion: "1"\ncategories: {sexual: {action: block}}\n'
        "rules:\n  - id: bad.regex\n    category: sexual\n    regex: '[unclosed'\n",
        encoding="utf-8",
    )
    for args in (
        ["policy", "check", "x", "--policy", str(pack)],
        ["generate", "x", "--policy", str(pack)],
    ):
        proc = run(*args, home=home)
        assert proc.returncode == 64
        no_traceback(proc)
        assert f"{pack}:5: rule 'bad.regex': invalid regex" in proc.stderr


def test_db_upgrade_and_ledger_down(home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    proc = run("db", "upgrade", home=home, ledger_url=url)
    assert proc.returncode == 0 and "empty → 0005" in proc.stdout
    proc = run(
        "ledger",
        "list",
        home=home,
        ledger_url="postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=2",
    )
    assert proc.returncode == 75
    no_traceback(proc)
    assert "cannot reach the ledger database" in proc.stderr


def test_show_unknown_id(home: Path) -> None:
    proc = run("ledger", "show", "nope", home=home)
    assert proc.returncode == 1 and "no generation or asset" in proc.stderr


def test_import_safegen_does_not_import_torch() -> None:
    code = (
        "import sys, safegen; import safegen.verify, safegen.cli.app; "
        "heavy = ('torch', 'diffusers', 'transformers', 'imwatermark'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_a_strangers_verify_does_not_import_the_ledger(tmp_path: Path) -> None:
    """Without a ledger (a stranger's check, a detection page) verify reads the manifest and
    the watermark only: SQLAlchemy and the ledger's tables, 0.4 s of every start, stay out."""
    from PIL import Image

    image = tmp_path / "tiny.png"
    Image.new("RGB", (48, 48), (30, 60, 90)).save(image)
    code = (
        "import sys; from pathlib import Path; from safegen.config import Config; "
        "from safegen.verify import Verifier; "
        f"home = Config(home=Path({str(tmp_path / 'home')!r})); "
        f"report = Verifier(home, use_ledger=False).verify_path({str(image)!r}); "
        "print(report.verdict, sorted(m for m in ('sqlalchemy', 'safegen.ledger') "
        "if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "unknown []"


def test_generate_with_ledger_down_fails_fast_and_writes_nothing(
    home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    url = "postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=2"
    proc = run("generate", "a cat", "-o", str(out), home=home, ledger_url=url)
    assert proc.returncode == 75
    no_traceback(proc)
    assert "cannot reach the ledger database" in proc.stderr
    assert not out.exists()


def test_a_verifier_install_verifies_audits_and_checks_prompts_without_torch(
    safegen_factory, home: Path, tmp_path: Path
) -> None:
    """Without the generation extra: verify, audit and policy work; generate says what to add."""
    gen = safegen_factory(f"sqlite:///{home / 'ledger.db'}")
    result = gen.generate("a lighthouse at dusk", seed=3, steps=2, output_dir=tmp_path / "out")
    gen.close()
    image = str(result.images[0].path)
    script = str(Path(__file__).parent / "verifier_install.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAFEGEN_")}
    env["SAFEGEN_HOME"] = str(home)

    def run_without_extra(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, script, *args], capture_output=True, text=True, env=env, timeout=120
        )

    verified = run_without_extra("verify", image, "--json")
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["verdict"] == "verified"
    assert run_without_extra("ledger", "audit").returncode == 0
    assert run_without_extra("policy", "check", "a cat on a sofa").returncode == 0
    found = run_without_extra(
        "ledger", "search", "--prompt-exact", "a lighthouse at dusk", "--format", "jsonl"
    )
    assert found.returncode == 0 and len(found.stdout.splitlines()) == 1, found.stderr
    refused = run_without_extra("generate", "a cat", "-o", str(tmp_path / "none"))
    assert refused.returncode == 64
    assert "pip install 'safegen[generate]'" in refused.stderr
    no_traceback(refused)


def test_recover_repairs_a_folder_from_the_command_line(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".never-committed.png.tmp").write_bytes(b"left by a crash")
    proc = run("recover", str(out), "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["removed"] == [".never-committed.png.tmp"]
    assert not list(out.iterdir())
    proc = run("recover", str(tmp_path / "nope"), home=home)
    assert proc.returncode == 64
    no_traceback(proc)


def test_file_errors_name_the_file(home: Path, tmp_path: Path) -> None:
    """Every file a command cannot use is named, with a documented exit code, no traceback."""
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    missing = tmp_path / "missing.png"
    cases = [
        (("verify", str(missing)), home, 65, str(missing)),
        (("policy", "check", "--file", str(missing)), home, 64, str(missing)),
        (("generate", "a lake", "--init-image", str(missing)), home, 65, str(missing)),
        (("ledger", "export", "-o", str(missing / "out.jsonl")), home, 74, str(missing)),
        (("verify", str(missing)), a_file, 64, f"{a_file} is not a directory"),
        (("generate", "a lake", "-o", str(a_file)), home, 74, str(a_file)),
    ]
    for args, at_home, code, named in cases:
        proc = run(*args, home=at_home)
        no_traceback(proc)
        assert proc.returncode == code, (args, proc.stderr)
        assert named in proc.stderr, (args, proc.stderr)


def test_an_unanticipated_os_error_names_its_files() -> None:
    from safegen.cli import _os_error_message

    error = OSError(28, "No space left on device", "/data/ledger.db")
    assert _os_error_message(error) == "/data/ledger.db: No space left on device"
    both = OSError(18, "Invalid cross-device link", "/a", None, "/b")
    assert _os_error_message(both) == "/a and /b: Invalid cross-device link"
