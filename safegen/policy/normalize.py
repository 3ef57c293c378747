"""Text normalisation that undoes the usual tricks before any rule runs.

The output is a list of *views* of the prompt: the plain normalised text,
a de-leeted one, one with separated letters joined and one with repeated
letters squeezed. Keyword and regex rules run on every view, so "n u d e",
"nud3", "nuuude" and "nudе" (Cyrillic e) all reach the same rule, while the
plain view keeps ordinary text matching exactly.

Why script-aware: the tricks above only ever disguise Latin words, so the
normaliser must not touch a prompt written in another script. Confusables
are folded only inside a word that mixes scripts ("nudе") or in a word made
entirely of look-alikes in an otherwise Latin prompt ("сех"); a Russian word
stays Russian. Generic accents are stripped from Latin and Greek letters
("naïve", "έ"), while marks that carry meaning in their script stay: the
Devanagari virama and vowel signs, Japanese voicing marks, Cyrillic "й".
Arabic short-vowel marks (tashkeel) and the tatweel are removed, as Arabic
text is ordinarily written without them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_PROMPT_CHARS = 20_000
"""Longer prompts are cut before normalisation (diffusion text encoders read ~77 tokens)."""

_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFE00, 0xFE10)),
    None,
)

# Letters from other scripts that look like Latin ones (Unicode confusables,
# the subset that survives NFKC and appears in evasion attempts).
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ɡ": "g",
        "ӏ": "l",
        "ү": "y",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "γ": "y",
        "μ": "u",
        # Latin look-alikes outside ASCII that NFKC keeps
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ŧ": "t",
        "ƅ": "b",
        "ɑ": "a",
        "ɩ": "i",
        "ʀ": "r",
        "ᴀ": "a",
        "ᴄ": "c",
        "ᴅ": "d",
        "ᴇ": "e",
        "ᴋ": "k",
        "ᴍ": "m",
        "ᴏ": "o",
        "ᴘ": "p",
        "ᴛ": "t",
        "ᴜ": "u",
        "ᴠ": "v",
        "ᴡ": "w",
        "ᴢ": "z",
        "ß": "ss",
    }
)

_CONFUSABLE_CHARS = frozenset(
    chr(code) for code in _CONFUSABLES if isinstance(code, int)
)  # the keys of the translation table

_ARABIC_MARKS = dict.fromkeys([0x0640, *range(0x064B, 0x0653), 0x0670], None)
"""Tatweel, the tashkeel (fathatan to sukun, maddah) and the superscript alef."""
# Combining marks that are accents in any script (the generic blocks); a mark
# outside them belongs to its script (virama, dakuten) and is kept.
_GENERIC_MARKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                  (0xFE20, 0xFE2F))  # fmt: skip
_ACCENTED_SCRIPTS = frozenset({"LATIN", "GREEK"})
_FOLDED_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})
_WORD = re.compile(r"\w+")

_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
        "€": "e",
        "£": "l",
    }
)

_WORD_WITH_LEET = re.compile(
    r"[a-z0-9@$!|+€£]*[a-z][a-z0-9@$!|+€£]*|[0-9@$!|+€£]*[a-z][a-z0-9@$!|+€£]*"
)
_MIXED_TOKEN = re.compile(r"\S+")
# Three or more single letters separated by one kind of separator: "n u d e", "n.u.d.e", "n-u-d-e".
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$](?:[\s._\-*/\\,:;~]+)){2,}[a-z0-9@$](?![a-z0-9])")
_SEPARATORS = re.compile(r"[\s._\-*/\\,:;~]+")
_REPEATS = re.compile(r"([a-z])\1{1,}")
_SPACE_RUNS = re.compile(r"\s+")


@dataclass(frozen=True)
class NormalizedText:
    """The prompt as the rules see it."""

    original: str
    text: str
    """NFKC, casefolded, confusables and invisible characters removed, accents stripped."""
    views: tuple[tuple[str, str], ...]
    """``(kind, text)`` pairs: ``text`` first, then the ``deleet``, ``joined`` and
    ``squeezed`` variants that differ from every earlier one."""


@lru_cache(maxsize=4096)
def script(ch: str) -> str:
    """The script of a letter, from its Unicode name ("LATIN", "CYRILLIC", "CJK", ...);
    "" for characters that are not letters."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL"):
        return first
    return first if first else "UNKNOWN"


def _is_generic_mark(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _GENERIC_MARKS)


def _strip_accents(text: str) -> str:
    """Drop generic accents from Latin and Greek letters (and stray ones anywhere
    but on Cyrillic, where "й" and "ё" are letters); keep script marks."""
    out: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            base = script(ch)
            out.append(ch)
        elif not _is_generic_mark(ch) or base == "CYRILLIC":
            out.append(ch)
        elif base not in _ACCENTED_SCRIPTS and base not in ("", "UNKNOWN"):
            # A generic mark stacked on another script's letter (zalgo text) is noise.
            continue
    return unicodedata.normalize("NFC", "".join(out))


def _fold_confusables(text: str) -> str:
    """Fold look-alike letters to Latin only where they disguise a Latin word."""
    letters = [script(ch) for ch in text if ch.isalpha()]
    mostly_latin = letters.count("LATIN") * 2 > len(letters)

    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        scripts = {script(ch) for ch in word if ch.isalpha()}
        mixed = len(scripts & _FOLDED_SCRIPTS) > 1 and "LATIN" in scripts
        disguised = (
            mostly_latin
            and scripts <= {"CYRILLIC", "GREEK"}
            and all(ch in _CONFUSABLE_CHARS for ch in word if ch.isalpha())
        )
        if mixed or disguised or scripts <= {"LATIN"}:
            return word.translate(_CONFUSABLES)
        return word

    return _WORD.sub(fold, text)


def _deleet_token(token: str) -> str:
    # Only tokens that mix letters with leet symbols are rewritten, so "1920s"
    # and "4k" stay what they are while "s3x" and "n@ked" are undone.
    if any(ch.isalpha() for ch in token) and any(not ch.isalpha() for ch in token):
        core = token.strip(".,;:?\"'()[]{}")
        return token.replace(core, core.translate(_LEET))
    return token


def deleet(text: str) -> str:
    return _MIXED_TOKEN.sub(lambda m: _deleet_token(m.group(0)), text)


def join_spaced_letters(text: str) -> str:
    return _SPACED.sub(lambda m: _SEPARATORS.sub("", m.group(0)), text)


def squeeze_repeats(text: str) -> str:
    return _REPEATS.sub(r"\1", text)


def normalize(prompt: str) -> NormalizedText:
    cut = prompt[:MAX_PROMPT_CHARS]
    text = unicodedata.normalize("NFKC", cut).translate(_INVISIBLE)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = _fold_confusables(text.casefold().translate(_ARABIC_MARKS))
    text = _strip_accents(text)
    text = _SPACE_RUNS.sub(" ", text).strip()

    leet = deleet(text)
    joined = deleet(join_spaced_letters(leet))
    squeezed = squeeze_repeats(joined)
    views: list[tuple[str, str]] = []
    for kind, view in (
        ("text", text),
        ("deleet", leet),
        ("joined", joined),
        ("squeezed", squeezed),
    ):
        if all(view != seen for _, seen in views):
            views.append((kind, view))
    return NormalizedText(original=prompt, text=text, views=tuple(views))


def classifier_text(normalized: NormalizedText) -> str:
    """The view the trained classifier reads: leetspeak undone and spaced letters joined,
    repeats kept ("kill" must stay "kill")."""
    views = dict(normalized.views)
    return views.get("joined") or views.get("deleet") or normalized.text
