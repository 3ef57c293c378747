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
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from safegen.config import read_settings_text
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
    semantic: tuple[str, ...] = ()
    """Exemplar prompts: fires when the prompt's embedding is this close to one of them."""
    benign: tuple[str, ...] = ()
    """Harmless look-alikes: no hit when the prompt is closer to one of these."""
    threshold: float = 0.6
    """Cosine similarity at or above which a semantic rule fires."""
    explicit_action: bool = False
    """False when the action comes from the category (and follows it in a pack that extends)."""
    confirm: bool = False
    """With a classifier: a keyword or regex hit counts only when the classifier's
    probability for the category reaches its lowest (``person``) threshold, so an
    ambiguous word ("sex" in a cocktail's name, "breast" in a health leaflet) needs
    the meaning to agree."""


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
class RealPeople:
    """Named real people (public figures), combined with what the prompt asks of them."""

    names: tuple[str, ...] = ()
    category: str = "deception"
    action: Action = "review"
    """For a neutral mention ("a painting of X in the style of Monet")."""
    sexual_action: Action = "block"
    """When the prompt also hits a sexual rule."""
    deceptive: tuple[str, ...] = ()
    """Context phrases that make a depiction deceptive ("arrested", "leaked photo")."""
    deceptive_action: Action = "block"
    face_action: str = "review"
    """Output check: a named person and a realistic face in the image (review | withhold)."""


@dataclass(frozen=True)
class ClassifierSpec:
    """The pack's trained classifier: a file beside the pack, pinned by its sha256."""

    path: Path
    sha256: str
    thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per-category overrides of the thresholds chosen at training."""
    block_at_review: bool = False
    """Block what the trained thresholds would only send to review (stricter packs)."""


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
    people: RealPeople = field(default_factory=RealPeople)
    extends: str | None = None
    classifier: ClassifierSpec | None = None
    languages: tuple[str, ...] = ()
    """Languages the pack claims to cover (ISO 639-1); ``policy lint`` checks them."""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers line numbers, refuses aliases and duplicate keys.

    Why refuse aliases: a pack never needs them, and "billion laughs" alias
    bombs are the one way a small YAML file costs unbounded memory.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
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
    text = read_settings_text(path, limit=MAX_PACK_BYTES, what="policy pack", error=PolicyError)
    return parse_pack(text, source=str(path))


MAX_EXTENDS = 8


def parse_pack(text: str, *, source: str, _depth: int = 0) -> PolicyPack:
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
    base = None
    if isinstance(doc, dict) and doc.get("extends") is not None:
        if _depth >= MAX_EXTENDS:
            raise PolicyError(f"{source}: 'extends' nests deeper than {MAX_EXTENDS} packs")
        base = _load_base(str(doc["extends"]), source, _depth + 1)
    return _build_pack(doc, source, base)


def _load_base(name: str, source: str, depth: int) -> PolicyPack:
    """The pack named by ``extends``: a shipped name, or a path relative to the extending file."""
    packs = shipped_packs()
    if name in packs:
        resource = resources.files("safegen._packs") / packs[name]
        return parse_pack(
            resource.read_text(encoding="utf-8"), source=f"policies/{packs[name]}", _depth=depth
        )
    path = Path(name)
    if not path.is_absolute():
        path = Path(source).parent / path
    if not path.is_file():
        raise PolicyError(f"{source}: extends {name!r}, which is neither a shipped pack nor a file")
    return parse_pack(path.read_text(encoding="utf-8"), source=str(path), _depth=depth)


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
        return value


def _number(check: _Checker, parent: Any, value: Any, what: str, rule: str | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise check.fail(parent, f"{what} must be a number in [0, 1]", rule)
    return float(value)


TOP_KEYS = {
    "name",
    "version",
    "description",
    "extends",
    "disable",
    "categories",
    "rules",
    "exceptions",
    "output_safety",
    "real_people",
    "classifier",
    "languages",
}
CLASSIFIER_KEYS = {"file", "sha256", "thresholds", "block_at_review"}
RULE_KEYS = {
    "id",
    "category",
    "action",
    "keywords",
    "regex",
    "with_any",
    "unless",
    "description",
    "semantic",
    "benign",
    "threshold",
    "confirm",
}
PEOPLE_KEYS = {
    "names",
    "category",
    "action",
    "sexual_action",
    "deceptive",
    "deceptive_action",
    "face_action",
}


def _build_pack(doc: Any, source: str, base: PolicyPack | None = None) -> PolicyPack:
    """Validate a pack; with ``base`` (its ``extends``), start from the base's contents.

    Extending: categories and output thresholds are merged (the child wins), a
    rule with an existing id replaces the base's rule, ``disable`` removes base
    rules by id, exceptions and people's names are added to the base's.
    """
    check = _Checker(source)
    if doc is None:
        raise PolicyError(f"{source}: empty policy pack")
    top = check.mapping(doc, "the pack", TOP_KEYS)
    required = ("name", "version") if base else ("name", "version", "categories", "rules")
    for key in required:
        if key not in top:
            raise check.fail(top, f"missing required key {key!r}")

    categories: dict[str, Category] = dict(base.categories) if base else {}
    cats_doc = top.get("categories") or {}
    cats = check.mapping(cats_doc, "categories", set(map(str, cats_doc)))
    for cat_name, body in cats.items():
        body = check.mapping(body, f"category {cat_name!r}", {"action", "description"})
        categories[str(cat_name)] = Category(
            name=str(cat_name),
            action=check.action(body, body.get("action", "block")),
            description=str(body.get("description", "")),
        )

    # Inherited rules follow their category's action here unless they set their own.
    rules: dict[str, Rule] = {
        r.id: r if r.explicit_action else replace(r, action=categories[r.category].action)
        for r in (base.rules if base else ())
    }
    for rule_id in check.strings(top, top.get("disable"), "disable"):
        if rule_id not in rules:
            raise check.fail(top, f"disable names rule {rule_id!r}, which the base pack lacks")
        del rules[rule_id]
    rules_doc = top.get("rules")
    rules_doc = [] if rules_doc is None else rules_doc
    if not isinstance(rules_doc, list):
        raise check.fail(top, "rules must be a list")
    seen_ids: set[str] = set()
    for index, body in enumerate(rules_doc, start=1):
        if not isinstance(body, dict):
            raise check.fail(top, f"rule #{index} must be a mapping")
        rule_id = str(body.get("id") or f"#{index}")
        check.mapping(body, "a rule", RULE_KEYS, rule_id)
        if "id" not in body:
            raise check.fail(body, "missing 'id'", rule_id)
        if rule_id in seen_ids:
            raise check.fail(body, "duplicate rule id", rule_id)
        seen_ids.add(rule_id)
        rules[rule_id] = _build_rule(check, body, rule_id, categories)

    output: dict[str, OutputThresholds] = dict(base.output_safety) if base else {}
    out_doc = top.get("output_safety") or {}
    out_doc = check.mapping(out_doc, "output_safety", set(map(str, out_doc)))
    for score_name, band in out_doc.items():
        band = check.mapping(band, f"output_safety.{score_name}", set(OUTPUT_ACTIONS))
        limits = {
            key: None
            if band.get(key) is None
            else _number(check, band, band.get(key), f"output_safety.{score_name}.{key}")
            for key in OUTPUT_ACTIONS
        }
        output[str(score_name)] = OutputThresholds(
            review=limits["review"], withhold=limits["withhold"]
        )

    people = _build_people(check, top.get("real_people"), base.people if base else None, categories)
    classifier = _build_classifier(
        check, top.get("classifier"), base.classifier if base else None, categories
    )
    languages = (
        check.strings(top, top.get("languages"), "languages")
        if "languages" in top
        else (base.languages if base else ())
    )
    exceptions = (base.exceptions if base else ()) + check.strings(
        top, top.get("exceptions"), "exceptions"
    )
    return PolicyPack(
        name=check.string(top, top["name"], "name"),
        version=check.string(top, top["version"], "version"),
        source=source,
        description=str(top.get("description", "")),
        categories=categories,
        rules=tuple(rules.values()),
        exceptions=exceptions,
        output_safety=output,
        people=people,
        extends=base.name if base else None,
        classifier=classifier,
        languages=languages,
    )


def _build_rule(
    check: _Checker, body: dict[str, Any], rule_id: str, categories: dict[str, Category]
) -> Rule:
    category = check.string(body, body.get("category"), "category", rule_id)
    if category not in categories:
        raise check.fail(body, f"category {category!r} is not declared under categories", rule_id)
    keywords = check.strings(body, body.get("keywords"), "keywords", rule_id)
    patterns = check.strings(body, body.get("regex"), "regex", rule_id)
    semantic = check.strings(body, body.get("semantic"), "semantic", rule_id)
    if not keywords and not patterns and not semantic:
        raise check.fail(body, "needs 'keywords', 'regex' or 'semantic'", rule_id)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise check.fail(body, f"invalid regex {pattern!r}: {exc}", rule_id) from exc
    if ("benign" in body or "threshold" in body) and not semantic:
        raise check.fail(body, "'benign' and 'threshold' need 'semantic' exemplars", rule_id)
    threshold = body.get("threshold", 0.6)
    confirm = body.get("confirm", False)
    if not isinstance(confirm, bool):
        raise check.fail(body, "'confirm' must be true or false", rule_id)
    return Rule(
        confirm=confirm,
        id=rule_id,
        category=category,
        action=check.action(body, body.get("action", categories[category].action), rule_id),
        explicit_action="action" in body,
        keywords=keywords,
        regex=patterns,
        with_any=check.strings(body, body.get("with_any"), "with_any", rule_id),
        unless=check.strings(body, body.get("unless"), "unless", rule_id),
        description=str(body.get("description", "")),
        line=getattr(body, "line", 0),
        semantic=semantic,
        benign=check.strings(body, body.get("benign"), "benign", rule_id),
        threshold=_number(check, body, threshold, "threshold", rule_id),
    )


def _build_classifier(
    check: _Checker, doc: Any, base: ClassifierSpec | None, categories: dict[str, Category]
) -> ClassifierSpec | None:
    if doc is None:
        return base
    body = check.mapping(doc, "classifier", CLASSIFIER_KEYS)
    if "file" in body:
        name = check.string(body, body["file"], "classifier.file")
        sha = str(body.get("sha256", ""))
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise check.fail(body, "classifier.sha256 must be the file's 64-digit hex sha256")
        path = Path(name)
        if not path.is_absolute():
            path = _pack_folder(check.source) / path
    elif base is not None:
        path, sha = base.path, base.sha256
    else:
        raise check.fail(body, "classifier needs 'file' and 'sha256'")
    thresholds = dict(base.thresholds) if base else {}
    overrides = body.get("thresholds") or {}
    overrides = check.mapping(overrides, "classifier.thresholds", set(map(str, overrides)))
    for name, band in overrides.items():
        if name not in categories:
            raise check.fail(body, f"classifier.thresholds names undeclared category {name!r}")
        band = check.mapping(band, f"classifier.thresholds.{name}", {"review", "block"})
        thresholds[str(name)] = {
            key: _number(check, band, value, f"classifier.thresholds.{name}.{key}")
            for key, value in band.items()
        }
    block_at_review = body.get("block_at_review", base.block_at_review if base else False)
    if not isinstance(block_at_review, bool):
        raise check.fail(body, "classifier.block_at_review must be true or false")
    return ClassifierSpec(
        path=path, sha256=sha, thresholds=thresholds, block_at_review=block_at_review
    )


def _pack_folder(source: str) -> Path:
    """Where a pack's own files live: the shipped packs' folder, or the YAML file's."""
    if source.startswith("policies/"):
        return Path(str(resources.files("safegen._packs")))
    return Path(source).parent


def _build_people(
    check: _Checker, doc: Any, base: RealPeople | None, categories: dict[str, Category]
) -> RealPeople:
    base = base or RealPeople()
    if doc is None:
        return base
    body = check.mapping(doc, "real_people", PEOPLE_KEYS)
    category = str(body.get("category", base.category))
    if category not in categories:
        raise check.fail(body, f"real_people.category {category!r} is not declared")
    face_action = str(body.get("face_action", base.face_action))
    if face_action not in OUTPUT_ACTIONS:
        raise check.fail(
            body, f"real_people.face_action must be one of {', '.join(OUTPUT_ACTIONS)}"
        )
    return RealPeople(
        names=base.names + check.strings(body, body.get("names"), "real_people.names"),
        category=category,
        action=check.action(body, body.get("action", base.action)),
        sexual_action=check.action(body, body.get("sexual_action", base.sexual_action)),
        deceptive=base.deceptive
        + check.strings(body, body.get("deceptive"), "real_people.deceptive"),
        deceptive_action=check.action(body, body.get("deceptive_action", base.deceptive_action)),
        face_action=face_action,
    )
