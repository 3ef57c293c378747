"""Settings: a TOML file, the environment and arguments, validated with errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import no_traceback, run

from safegen.config import Config
from safegen.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_then_the_environment_then_arguments(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        home / "safegen.toml",
        'policy = "strict"\nthreads = 2\ndevice = "cpu"\ndtype = "bfloat16"\nledger_timeout = 5\n',
    )
    monkeypatch.setenv("SAFEGEN_HOME", str(home))
    config = Config.from_env()
    assert (config.policy, config.threads, config.dtype, config.ledger_timeout) == (
        "strict",
        2,
        "bfloat16",
        5.0,
    )
    monkeypatch.setenv("SAFEGEN_THREADS", "3")
    assert Config.from_env().threads == 3  # the environment beats the file
    assert Config.from_env(threads=4).threads == 4  # an argument beats both


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('polcy = "strict"\n', "'polcy'"),
        ('threads = "many"\n', "threads"),
        ("threads = 0\n", "threads"),
        ('device = "gpu0"\n', "device"),
        ('dtype = "float8"\n', "dtype"),
        ("ledger_timeout = -1\n", "ledger_timeout"),
        ("policy = [\n", "not valid TOML"),
    ],
)
def test_a_bad_file_names_the_key_and_the_file(tmp_path: Path, text: str, named: str) -> None:
    path = _write(tmp_path / "bad.toml", text)
    with pytest.raises(ConfigError) as caught:
        Config.from_env(config_file=path)
    assert named in str(caught.value) and str(path) in str(caught.value)


def test_a_bad_environment_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEGEN_LEDGER_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="SAFEGEN_LEDGER_TIMEOUT"):
        Config.from_env()


def test_the_cli_takes_a_config_file_and_refuses_a_bad_one(home: Path, tmp_path: Path) -> None:
    good = _write(tmp_path / "good.toml", 'policy = "strict"\n')
    proc = run("--config", str(good), "policy", "check", "a cat", "--json", home=home)
    assert proc.returncode == 0, proc.stderr
    assert '"pack": "strict"' in proc.stdout
    bad = _write(tmp_path / "bad.toml", "threads = 0\n")
    proc = run("--config", str(bad), "ledger", "list", home=home)
    assert proc.returncode == 64 and "threads" in proc.stderr and "bad.toml" in proc.stderr
    no_traceback(proc)
    proc = run("--config", str(tmp_path / "missing.toml"), "ledger", "list", home=home)
    assert proc.returncode == 64 and "missing.toml" in proc.stderr


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("yes", True), ("2", True), ("0", False), ("false", False)]
)
def test_allow_downloads_keeps_its_old_reading(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("SAFEGEN_ALLOW_DOWNLOADS", value)
    assert Config.from_env().allow_downloads is expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"cpu.max": "150000 100000\n"}, 2),  # cgroup v2: 1.5 CPUs rounds up to 2
        ({"cpu.max": "50000 100000\n"}, 1),
        ({"cpu.max": "max 100000\n"}, None),  # no quota: the affinity decides
        ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 1),  # v1
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({"cpu.max": "garbage\n"}, None),  # unreadable: the affinity decides
        ({}, None),
    ],
)
def test_usable_cores_respects_a_container_quota(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], expected: int | None
) -> None:
    import os

    from safegen import safety

    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    monkeypatch.setattr(safety, "CGROUP_ROOT", tmp_path)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(8)), raising=False)
    assert safety.usable_cores() == (expected if expected is not None else 8)
