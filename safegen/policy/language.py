"""The language a prompt is written in: recorded with each decision, reported per language.

CLD2 (``pycld2``, Apache-2.0, its model compiled into the wheel, ~20 µs a call)
reads the prompt; when it is unsure, which short prompts often make it, the
script decides where a script belongs to one language of those safegen
covers (Devanagari: Hindi, kana: Japanese, Hangul: Korean, Arabic, Greek,
Hebrew, Thai). ``und`` when neither knows.
"""

from __future__ import annotations

from collections import Counter

from safegen.policy.normalize import script

UNDETERMINED = "und"
_SCRIPT_LANGUAGE = {
    "DEVANAGARI": "hi",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "ARABIC": "ar",
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
}
_CLD2_ALIASES = {"zh-Hant": "zh", "iw": "he", "zh-TW": "zh"}
MAX_CHARS = 2000


def detect_language(text: str) -> str:
    """An ISO 639-1 code (``zh`` for either Chinese script), or ``und``."""
    sample = text[:MAX_CHARS]
    scripts = Counter(s for s in map(script, sample) if s)
    if not scripts:
        return UNDETERMINED
    if scripts["HIRAGANA"] or scripts["KATAKANA"]:
        return "ja"  # kana only occur in Japanese; CLD2 calls kanji-heavy Japanese Chinese
    guess = _cld2(sample)
    if guess is not None:
        return guess
    top = scripts.most_common(1)[0][0]
    if top == "CJK":
        return "zh"
    if top == "CYRILLIC":
        return "ru"
    return _SCRIPT_LANGUAGE.get(top, UNDETERMINED)


def _cld2(text: str) -> str | None:
    try:
        import pycld2
    except ImportError:  # the detector is optional; the script fallback still answers
        return None
    try:
        reliable, _, details = pycld2.detect(
            text.encode("utf-8", "replace").decode("utf-8"), bestEffort=True
        )
    except pycld2.error:
        return None
    code = details[0][1] if details else "un"
    if code in ("un", "xxx") or not (reliable or details[0][2] >= 60):
        return None
    code = _CLD2_ALIASES.get(code, code)
    return code.split("-")[0]
