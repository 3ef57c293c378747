"""Policy packs: YAML files, validated on load with errors that point at the line.

A pack looks like this (``policies/default.yaml`` is the full example)::

    name: default
    version: "2026.11"
    categories:
      sexual: {action: block}
    rules:
      - id: sexual.explicit
        category: sexual
        keywords: [nude, naked]
        unless: [nude color palette]       # phrases that make a hit harmless
      - id: sexual.minors
        category: sexual/minors
        keywords: [child, teen]
        with_any: [nude, sexy]             # fires only with one of these too
      - id: fraud.documents
        category: fraud
        regex: '\\b(fake|forged)\\s+(passport|id card)'
    exceptions: ["chicken breast", "shooting star"]
    output_safety:
      nsfw: {review: 0.6, withhold: 0.85}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from safegen.errors import PolicyError

Action = Literal["allow", "review", "block"]
ACTIONS: tuple[Action, ...] = ("allow", "review", "block")
SEVERITY: dict[str, int] = {"allow": 0, "review": 1, "block": 2}
OUTPUT_ACTIONS = ("review", "withhold")
MAX_PACK_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    action: Action
    keywords: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    with_any: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    description: str = ""
    line: int = 0


@dataclass(frozen=True)
class Category:
    name: str
    action: Action
    description: str = ""


@dataclass(frozen=True)
class OutputThresholds:
    """Score bands for one output classifier: at or above ``withhold`` the image is withheld."""

    review: float | None
    withhold: float | None


@dataclass(frozen=True)
class PolicyPack:
    name: str
    version: str
    source: str
    description: str = ""
    categories: dict[str, Category] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    exceptions: tuple[str, ...] = ()
    output_safety: dict[str, OutputThresholds] = field(default_factory=dict)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers line numbers, refuses aliases and duplicate keys.

    Why refuse aliases: a pack never needs them, and "billion laughs" alias
    bombs are the one way a small YAML file costs unbounded memory.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise PolicyError(
                f"{self.name}:{event.start_mark.line + 1}: YAML aliases (*{event.anchor}) "
                "are not allowed in policy packs"
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise PolicyError(
                    f"{self.name}:{key_node.start_mark.line + 1}: duplicate key {key!r}"
                )
            seen.add(key)
        mapping = _Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        return mapping


class _Located(dict[Any, Any]):
    line: int = 0


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def shipped_packs() -> dict[str, str]:
    """Names of the packs that ship with safegen, mapped to their file names."""
    folder = resources.files("safegen._packs")
    return {
        entry.name.removesuffix(".yaml"): entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }


def load_pack(name_or_path: str | Path) -> PolicyPack:
    """Load a shipped pack by name (``default``) or any YAML file by path."""
    text_name = str(name_or_path)
    packs = shipped_packs()
    if text_name in packs and not Path(text_name).exists():
        resource = resources.files("safegen._packs") / packs[text_name]
        return parse_pack(
            resource.read_text(encoding="utf-8"), source=f"policies/{packs[text_name]}"
        )
    path = Path(name_or_path)
    if not path.is_file():
        raise PolicyError(
            f"policy pack {text_name!r} not found: give a file path or one of "
            f"{', '.join(sorted(packs))}"
        )
    if path.stat().st_size > MAX_PACK_BYTES:
        raise PolicyError(f"{path}: policy pack larger than {MAX_PACK_BYTES // 2**20} MiB")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    return parse_pack(text, source=str(path))


def parse_pack(text: str, *, source: str) -> PolicyPack:
    loader = _LineLoader(text)
    loader.name = source
    try:
        doc = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        raise PolicyError(f"{where}: invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"{source}: invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return _build_pack(doc, source)


class _Checker:
    """Field checks that raise PolicyError naming the file, line and rule."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: Any, message: str, rule: str | None = None) -> PolicyError:
        line = getattr(node, "line", 0)
        where = f"{self.source}:{line}" if line else self.source
        subject = f" rule {rule!r}:" if rule else ""
        return PolicyError(f"{where}:{subject} {message}")

    def mapping(
        self, node: Any, what: str, allowed: set[str], rule: str | None = None
    ) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(node, f"{what} must be a mapping", rule)
        unknown = sorted(str(k) for k in node if k not in allowed)
        if unknown:
            raise self.fail(
                node,
                f"unknown key(s) {', '.join(unknown)} in {what} "
                f"(allowed: {', '.join(sorted(allowed))})",
                rule,
            )
        return node

    def string(self, parent: Any, value: Any, what: str, rule: str | None = None) -> str:
        if not isinstance(value, str | int | float) or isinstance(value, bool) or value == "":
            raise self.fail(parent, f"{what} must be a non-empty string", rule)
        return str(value)

    def strings(
        self, parent: Any, value: Any, what: str, rule: str | None = None
    ) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(parent, f"{what} must be a list of strings", rule)
        return tuple(self.string(parent, item, what, rule) for item in value)

    def action(self, parent: Any, value: Any, rule: str | None = None) -> Action:
        if value not in ACTIONS:
            raise self.fail(
                parent, f"action must be one of {', '.join(ACTIONS)}, not {value!r}", rule
            )
        return value  # type: ignore[no-any-return]


def _build_pack(doc: Any, source: str) -> PolicyPack:
    check = _Checker(source)
    if doc is None:
        raise PolicyError(f"{source}: empty policy pack")
    top = check.mapping(
        doc,
        "the pack",
        {"name", "version", "description", "categories", "rules", "exceptions", "output_safety"},
    )
    for key in ("name", "version", "categories", "rules"):
        if key not in top:
            raise check.fail(top, f"missing required key {key!r}")

    categories: dict[str, Category] = {}
    cats = check.mapping(top["categories"], "categories", set(map(str, top["categories"] or {})))
    for cat_name, body in cats.items():
        body = check.mapping(body, f"category {cat_name!r}", {"action", "description"})
        categories[str(cat_name)] = Category(
            name=str(cat_name),
            action=check.action(body, body.get("action", "block")),
            description=str(body.get("description", "")),
        )

    if not isinstance(top["rules"], list):
        raise check.fail(top, "rules must be a list")
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    rule_keys = {
        "id",
        "category",
        "action",
        "keywords",
        "regex",
        "with_any",
        "unless",
        "description",
    }
    for index, body in enumerate(top["rules"], start=1):
        if not isinstance(body, dict):
            raise check.fail(top, f"rule #{index} must be a mapping")
        rule_id = str(body.get("id") or f"#{index}")
        check.mapping(body, "a rule", rule_keys, rule_id)
        if "id" not in body:
            raise check.fail(body, "missing 'id'", rule_id)
        if rule_id in seen_ids:
            raise check.fail(body, "duplicate rule id", rule_id)
        seen_ids.add(rule_id)
        category = check.string(body, body.get("category"), "category", rule_id)
        if category not in categories:
            raise check.fail(
                body, f"category {category!r} is not declared under categories", rule_id
            )
        keywords = check.strings(body, body.get("keywords"), "keywords", rule_id)
        patterns = check.strings(body, body.get("regex"), "regex", rule_id)
        if not keywords and not patterns:
            raise check.fail(body, "needs 'keywords' or 'regex'", rule_id)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise check.fail(body, f"invalid regex {pattern!r}: {exc}", rule_id) from exc
        rules.append(
            Rule(
                id=rule_id,
                category=category,
                action=check.action(body, body.get("action", categories[category].action), rule_id),
                keywords=keywords,
                regex=patterns,
                with_any=check.strings(body, body.get("with_any"), "with_any", rule_id),
                unless=check.strings(body, body.get("unless"), "unless", rule_id),
                description=str(body.get("description", "")),
                line=getattr(body, "line", 0),
            )
        )

    output: dict[str, OutputThresholds] = {}
    out_doc = top.get("output_safety") or {}
    out_doc = check.mapping(out_doc, "output_safety", set(map(str, out_doc)))
    for score_name, band in out_doc.items():
        band = check.mapping(band, f"output_safety.{score_name}", set(OUTPUT_ACTIONS))
        limits: dict[str, float | None] = {}
        for key in OUTPUT_ACTIONS:
            value = band.get(key)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1
            ):
                raise check.fail(
                    band, f"output_safety.{score_name}.{key} must be a number in [0, 1]"
                )
            limits[key] = None if value is None else float(value)
        output[str(score_name)] = OutputThresholds(
            review=limits["review"], withhold=limits["withhold"]
        )

    return PolicyPack(
        name=check.string(top, top["name"], "name"),
        version=check.string(top, top["version"], "version"),
        source=source,
        description=str(top.get("description", "")),
        categories=categories,
        rules=tuple(rules),
        exceptions=check.strings(top, top.get("exceptions"), "exceptions"),
        output_safety=output,
    )
