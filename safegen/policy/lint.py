"""``policy lint``'s coverage check: does the pack cover the languages it claims?

A pack that blocks English prompts and waves every other language through
is worse than no pack: it looks like moderation. The check is deliberately
simple: a declared language counts as covered when the pack's classifier
was trained on enough prompts in it, or when some rule phrase (keyword or
exemplar) is written in it.
"""

from __future__ import annotations

from typing import Any

from safegen.policy.language import detect_language
from safegen.policy.normalize import script
from safegen.policy.pack import PolicyPack

MIN_TRAINING_PROMPTS = 100
_SCRIPT_OF = {
    "ru": "CYRILLIC",
    "uk": "CYRILLIC",
    "zh": "CJK",
    "ja": "HIRAGANA",
    "ko": "HANGUL",
    "ar": "ARABIC",
    "hi": "DEVANAGARI",
    "el": "GREEK",
    "he": "HEBREW",
    "th": "THAI",
}


def rule_languages(pack: PolicyPack) -> set[str]:
    """Languages some rule phrase is written in (by script, else by CLD2 on exemplars)."""
    found: set[str] = set()
    phrases = [p for rule in pack.rules for p in (*rule.keywords, *rule.semantic)]
    phrases += list(pack.people.deceptive)
    for phrase in phrases:
        scripts = {script(ch) for ch in phrase} - {""}
        for lang, name in _SCRIPT_OF.items():
            if name in scripts:
                found.add(lang)
        if "KATAKANA" in scripts:
            found.add("ja")
        if scripts <= {"LATIN"}:
            if len(phrase.split()) >= 3:  # CLD2 needs a few words
                found.add(detect_language(phrase))
            else:
                found.add("en")  # short Latin keywords: counted as English, the usual case
    return found


def coverage_warnings(pack: PolicyPack, engine: Any) -> list[str]:
    warnings: list[str] = []
    trained: dict[str, int] = {}
    if pack.classifier is not None:
        trained = dict(engine.classifier.meta.get("training", {}).get("languages", {}))
    covered = rule_languages(pack) | {
        lang for lang, count in trained.items() if count >= MIN_TRAINING_PROMPTS
    }
    if not pack.languages:
        warnings.append(
            "the pack declares no `languages:`; it is checked as English only "
            f"(rule phrases cover: {', '.join(sorted(covered)) or 'none'})"
        )
    for lang in pack.languages or ("en",):
        if lang not in covered:
            count = trained.get(lang, 0)
            warnings.append(
                f"language {lang!r} has no coverage: no rule phrase in it and "
                f"{count} classifier training prompts (needs {MIN_TRAINING_PROMPTS}); "
                "its harmful prompts will mostly be allowed"
            )
    return warnings
