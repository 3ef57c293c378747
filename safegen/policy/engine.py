"""The rule engine: keyword and regex rules over every normalised view of a prompt,
exemplar rules, the pack's trained classifier, and real-people rules on top of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from safegen.policy.language import detect_language
from safegen.policy.normalize import (
    NormalizedText,
    classifier_text,
    normalize,
    script,
    squeeze_repeats,
)
from safegen.policy.pack import SEVERITY, Action, PolicyPack, Rule

if TYPE_CHECKING:
    from safegen.safety.checks import OutputSafetyConfig

MINORS = "sexual/minors"
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
_NAME_PARTICLES = frozenset(
    "de da do dos das del della di du van von der den ter le la bin ibn al el ben mac".split()
)
# Capitalised words that start prompts or name things, not people (English and the
# other cased languages' commonest): a pair of them is no one's name.
_NOT_NAMES = frozenset(
    """a an the photo photograph picture image portrait painting drawing illustration poster
    realistic hyperrealistic cinematic breaking news live exclusive leaked new old north south
    east west saint san santa st mount lake river street city park tower bridge museum palace
    world war day night christmas halloween easter monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december president prime minister king queen prince princess pope god jesus
    foto bild porträt retrato imagen photo affiche póster плакат фото портрет""".split()
)
PERSON_CONTEXT = ("deception", "sexual", "violence/graphic", "harassment", "fabricated-evidence")
"""Categories whose classifier score, with a named real person, makes a depiction harmful."""


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: which text matched, and in which view of the prompt."""

    rule: str
    category: str
    action: Action
    match: str
    view: str
    score: float | None = None
    """Semantic rules: the cosine similarity to the nearest exemplar; classifier hits:
    the calibrated probability."""
    threshold: float | None = None
    """The threshold the score met."""


@dataclass(frozen=True)
class PolicyDecision:
    action: Action
    categories: tuple[str, ...]
    hits: tuple[RuleHit, ...]
    pack: str
    pack_version: str
    normalized: str
    scores: tuple[tuple[str, float], ...] = ()
    """Every semantic rule's score (fired or not), for ``policy explain``."""
    people: tuple[str, ...] = ()
    """Real people named in the prompt (as matched)."""
    views: tuple[tuple[str, str], ...] = ()
    language: str = "und"
    """The prompt's language (ISO 639-1, ``und`` when unknown)."""
    classifier: dict[str, Any] | None = None
    """The classifier's calibrated scores and the thresholds they were held against."""

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(hit.rule for hit in self.hits))

    @property
    def blocked(self) -> bool:
        return self.action == "block"

    def to_dict(self) -> dict[str, object]:
        return {
            "action": self.action,
            "categories": list(self.categories),
            "rules": list(self.rules),
            "hits": [hit.__dict__ for hit in self.hits],
            "pack": self.pack,
            "pack_version": self.pack_version,
            "scores": dict(self.scores),
            "people": list(self.people),
            "language": self.language,
            "classifier": self.classifier,
        }


_UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "THAI"})
_CYRILLIC_ENDINGS = (
    "(?:а|я|у|ю|ом|ем|ым|им|е|и|ы|ой|ей|ого|его|ому|ему|ая|яя|ую|юю|ых|их|ами|ями|ах|ях)?"
)


def _unspaced(form: str) -> bool:
    """Written without spaces between words: matched without word boundaries."""
    return any(script(ch) in _UNSPACED_SCRIPTS for ch in form)


def _phrase_patterns(phrases: Iterable[str]) -> dict[bool, re.Pattern[str] | None]:
    """The phrases' patterns for plain (False) and squeezed (True) text.

    Each phrase is normalised once for both (normalising is half of a pack's load time).
    """
    texts = [normalize(phrase).text for phrase in phrases]
    return {
        squeezed: _phrase_pattern({squeeze_repeats(t) if squeezed else t for t in texts})
        for squeezed in (False, True)
    }


def _phrase_pattern(forms: set[str]) -> re.Pattern[str] | None:
    forms.discard("")
    if not forms:
        return None

    # Longest first so "chicken breast" wins over "breast"; an optional plural
    # ending keeps word lists short. Chinese, Japanese and Thai have no spaces
    # between words, so their phrases match anywhere.
    def body(group: set[str]) -> str:
        return "|".join(re.escape(f) for f in sorted(group, key=len, reverse=True))

    unspaced = {f for f in forms if _unspaced(f)}
    cyrillic = {f for f in forms - unspaced if script(f[-1]) == "CYRILLIC"}
    spaced = forms - unspaced - cyrillic
    parts = [rf"(?<![\w])(?:{body(spaced)})(?:e?s)?(?![\w])"] if spaced else []
    if cyrillic:  # Russian declines names and nouns: "Путин", "Путина", "Путиным"
        parts.append(rf"(?<![\w])(?:{body(cyrillic)}){_CYRILLIC_ENDINGS}(?![\w])")
    if unspaced:
        parts.append(f"(?:{body(unspaced)})")
    return re.compile("|".join(parts))


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    keywords: dict[bool, re.Pattern[str] | None]
    context: dict[bool, re.Pattern[str] | None]
    unless: dict[bool, re.Pattern[str] | None]
    regex: tuple[re.Pattern[str], ...]


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def capitalised_names(text: str) -> tuple[str, ...]:
    """Full names as cased scripts write them: two or three capitalised words in a row
    ("Olaf Scholz", "Luiz Inácio Lula", "Ursula von der Leyen", "Сергей Лавров").

    Why a pattern and not a list: nobody can list every real person, and a
    name in a fabricated scene is what matters. The pattern also finds places
    and titles ("Golden Gate"), so it never acts alone: only a classifier
    score at the ``person`` threshold makes a hit of it.
    """
    found: list[str] = []
    run: list[re.Match[str]] = []
    end = 0  # where the run (with any particles inside it) ends

    def capitalised(token: str) -> bool:
        return (
            len(token) >= 2
            and token[0].isupper()
            and any(ch.islower() for ch in token[1:])
            and token.casefold() not in _NOT_NAMES
        )

    def close() -> None:
        if len(run) >= 2:
            found.append(text[run[0].start() : run[-1].end()])
        run.clear()

    for token in _NAME_TOKEN.finditer(text[:2000]):
        word = token.group(0)
        if run and text[end : token.start()].strip():
            close()
        if capitalised(word):
            run.append(token)
            end = token.end()
        elif run and word.casefold() in _NAME_PARTICLES:
            end = token.end()
        else:
            close()
    close()
    return tuple(dict.fromkeys(found))


class RuleEngine:
    """Evaluates a :class:`PolicyPack` against prompts.

    Why every view: each normalisation step can also destroy a legitimate
    match (squeezing "shooting" gives "shoting"), so rules and exceptions are
    compiled once per form and a hit counts only when no exception covers it
    in the same view.
    """

    @property
    def output_safety(self) -> OutputSafetyConfig:
        """The pack's rules for outputs, as the output-safety stage takes them."""
        from safegen.safety.checks import OutputSafetyConfig

        return OutputSafetyConfig(
            bands=dict(self.pack.output_safety),
            face_action=self.pack.people.face_action,  # type: ignore[arg-type]
        )

    def __init__(self, pack: PolicyPack, *, embedder: Any = None) -> None:
        self.pack = pack
        self._embedder = embedder
        self._classifier: Any = None
        self._thresholds: dict[str, dict[str, float]] | None = None
        if pack.classifier is not None:  # a missing or altered file fails now, not mid-request
            from safegen.policy.classifier import check_file

            check_file(pack.classifier.path, pack.classifier.sha256)
        self._semantic = [r for r in pack.rules if r.semantic]
        self._people = _phrase_patterns(pack.people.names)
        self._deceptive = _phrase_patterns(pack.people.deceptive)
        self._exceptions = _phrase_patterns(pack.exceptions)
        self._rules = [
            _CompiledRule(
                rule=rule,
                keywords=_phrase_patterns(rule.keywords),
                context=_phrase_patterns(rule.with_any),
                unless=_phrase_patterns(rule.unless),
                regex=tuple(re.compile(p) for p in rule.regex),
            )
            for rule in pack.rules
        ]

    @property
    def embedder(self) -> Any:
        """The multilingual encoder (shared with the classifier: one model per process)."""
        if self._embedder is None:
            from safegen.policy.classifier import shared_encoder

            self._embedder = shared_encoder()
        return self._embedder

    @property
    def classifier(self) -> Any:
        """The pack's trained classifier (None when the pack has none), loaded once."""
        spec = self.pack.classifier
        if spec is not None and self._classifier is None:
            from safegen.policy.classifier import PromptClassifier

            self._classifier = PromptClassifier(spec.path, spec.sha256, encoder=self.embedder)
        return self._classifier

    def thresholds(self) -> dict[str, dict[str, float]]:
        """The classifier's operating thresholds: the trained ones, then the pack's overrides
        (merged once per engine; a copy is returned)."""
        if self._thresholds is None:
            chosen = self.classifier.thresholds
            overrides = self.pack.classifier.thresholds if self.pack.classifier else {}
            for name, band in overrides.items():
                chosen[name] = {**chosen.get(name, {}), **band}
            self._thresholds = chosen
        return {name: dict(band) for name, band in self._thresholds.items()}

    def warm(self) -> None:
        """Load the models and embed the exemplars now rather than on the first prompt."""
        if self.pack.classifier is not None:
            self.classifier.score("warm")
        for rule in self._semantic:
            self.embedder.embed_cached(rule.semantic + rule.benign)

    def evaluate(self, prompt: str, *, semantic: bool = True) -> PolicyDecision:
        normalized = normalize(prompt)
        hits: dict[str, RuleHit] = {}
        for kind, view in normalized.views:
            squeezed = kind == "squeezed"
            covered = _spans(self._exceptions[squeezed], view)
            for compiled in self._rules:
                if compiled.rule.id in hits or not (compiled.rule.keywords or compiled.rule.regex):
                    continue
                hit = self._match(compiled, view, squeezed, covered)
                if hit is not None:
                    hits[compiled.rule.id] = RuleHit(
                        rule=compiled.rule.id,
                        category=compiled.rule.category,
                        action=compiled.rule.action,
                        match=hit,
                        view=kind,
                    )
        scores: list[tuple[str, float]] = []
        if semantic and self._semantic:
            scores = self._semantic_hits(normalized, hits)
        classified: dict[str, Any] | None = None
        if semantic and self.pack.classifier is not None:
            classified = self._classifier_hits(normalized, hits)
        people = self._people_hits(normalized, hits, classified)
        decision = self._decide(normalized, list(hits.values()), tuple(scores), people)
        return replace(decision, language=detect_language(prompt), classifier=classified)

    def _without_exceptions(self, text: str) -> str:
        """The classifier's text with the pack's exception phrases taken out: a phrase whose
        words never count ("bloody mary", "chicken breast") counts for no stage."""
        pattern = self._exceptions[False]
        return pattern.sub(" ", text) if pattern is not None else text

    def _classifier_hits(
        self, normalized: NormalizedText, hits: dict[str, RuleHit]
    ) -> dict[str, Any]:
        """Categories whose calibrated probability reaches the review or block threshold,
        and ``sexual/minors`` when the subject is a minor and the request is sexual."""
        result = self.classifier.score(self._without_exceptions(classifier_text(normalized)))
        thresholds = self.thresholds()
        # Any sexual word counts towards sexual/minors, confirmed or not.
        sexual_rule = any(h.category == "sexual" for h in hits.values())
        for rule in self.pack.rules:  # ambiguous words need the classifier to agree
            band = thresholds.get(rule.category, {})
            score = result.categories.get(rule.category, 0.0)
            if rule.confirm and rule.id in hits and score < band.get("person", 0.0):
                del hits[rule.id]
        strict = self.pack.classifier is not None and self.pack.classifier.block_at_review
        for name, score in result.categories.items():
            bands = thresholds.get(name)
            category = self.pack.categories.get(name)
            if bands is None or category is None or score < bands["review"]:
                continue
            blocks = score >= bands["block"] or strict
            mild: Action = "review" if category.action != "allow" else "allow"
            rule_id = f"classifier.{name}"
            hits.setdefault(
                rule_id,
                RuleHit(
                    rule=rule_id,
                    category=name,
                    action=category.action if blocks else mild,
                    match=f"p={score:.2f}",
                    view="classifier",
                    score=score,
                    threshold=bands["block"] if score >= bands["block"] else bands["review"],
                ),
            )
        minors = thresholds.get(MINORS)
        sexual = result.categories.get("sexual", 0.0)
        if (
            minors is not None
            and MINORS in self.pack.categories
            and result.minor >= minors["minor"]
            and (sexual >= minors["sexual"] or sexual_rule)
        ):
            rule_id = "classifier.sexual/minors"
            hits.setdefault(
                rule_id,
                RuleHit(
                    rule=rule_id,
                    category=MINORS,
                    action=self.pack.categories[MINORS].action,
                    match=f"minor p={result.minor:.2f} + sexual p={sexual:.2f}",
                    view="classifier",
                    score=min(result.minor, max(sexual, 1.0 if sexual_rule else 0.0)),
                    threshold=minors["minor"],
                ),
            )
        return {
            "scores": result.categories,
            "minor": result.minor,
            "thresholds": thresholds,
        }

    def _semantic_hits(
        self, normalized: NormalizedText, hits: dict[str, RuleHit]
    ) -> list[tuple[str, float]]:
        """Score every semantic rule; a rule fires at its threshold unless a benign
        look-alike is nearer. The text embedded is the normalised prompt with
        leetspeak undone (the last view that is not squeezed)."""
        views = dict(normalized.views)
        text = views.get("joined") or views.get("deleet") or normalized.text
        vector = self.embedder.embed([text])[0]
        scores = []
        for rule in self._semantic:
            harmful = self.embedder.embed_cached(rule.semantic) @ vector
            score = float(harmful.max())
            benign = self.embedder.embed_cached(rule.benign) @ vector if rule.benign else None
            scores.append((rule.id, round(score, 4)))
            if rule.id in hits or score < rule.threshold:
                continue
            if benign is not None and float(benign.max()) >= score:
                continue
            nearest = rule.semantic[int(harmful.argmax())]
            hits[rule.id] = RuleHit(
                rule=rule.id,
                category=rule.category,
                action=rule.action,
                match=f"~ {nearest!r}",
                view="semantic",
                score=round(score, 4),
            )
        return scores

    def _people_hits(
        self,
        normalized: NormalizedText,
        hits: dict[str, RuleHit],
        classified: dict[str, Any] | None = None,
    ) -> tuple[str, ...]:
        """Named real people, and what the rest of the prompt asks of them.

        Context comes from the pack's phrase list (any language it lists) and,
        with a classifier, from its scores: with a real person named, a
        deceptive, sexual, violent or humiliating reading at the (lower)
        ``person`` threshold is enough."""
        people = self.pack.people
        found: list[str] = []
        deceptive: str | None = None
        for kind, view in normalized.views:
            squeezed = kind == "squeezed"
            found += [view[a:b] for a, b in _spans(self._people[squeezed], view)]
            if deceptive is None:
                spans = _spans(self._deceptive[squeezed], view)
                deceptive = view[spans[0][0] : spans[0][1]] if spans else None
        names = tuple(dict.fromkeys(found))
        listed = bool(names)
        if not names and classified is not None:
            names = capitalised_names(normalized.original)
        if not names:
            return ()
        if deceptive is None and classified is not None:
            for category in PERSON_CONTEXT:
                score = classified["scores"].get(category, 0.0)
                band = classified["thresholds"].get(category, {})
                if "person" in band and score >= band["person"]:
                    deceptive = f"{category} p={score:.2f}"
                    break
        sexual = [h for h in hits.values() if h.category.startswith("sexual")]
        if sexual:
            rule, category, action, match = (
                "people.sexual",
                sexual[0].category,
                people.sexual_action,
                f"{names[0]} + {sexual[0].match}",
            )
        elif deceptive is not None:
            rule, category, action, match = (
                "people.deceptive",
                people.category,
                people.deceptive_action,
                f"{names[0]} + {deceptive}",
            )
        elif listed:
            rule, category, action, match = (
                "people.mention",
                people.category,
                people.action,
                names[0],
            )
        else:  # an unlisted name in a neutral prompt: nothing to hold
            return names
        hits[rule] = RuleHit(
            rule=rule, category=category, action=action, match=match, view="people"
        )
        return names

    @staticmethod
    def _match(
        compiled: _CompiledRule, view: str, squeezed: bool, covered: list[tuple[int, int]]
    ) -> str | None:
        rule_covered = covered + _spans(compiled.unless[squeezed], view)

        def free(span: tuple[int, int]) -> bool:
            return not any(s <= span[0] and span[1] <= e for s, e in rule_covered)

        found: str | None = None
        for start, end in _spans(compiled.keywords[squeezed], view):
            if free((start, end)):
                found = view[start:end]
                break
        if found is None:
            for pattern in compiled.regex:
                for match in pattern.finditer(view):
                    if free(match.span()):
                        found = match.group(0)
                        break
                if found is not None:
                    break
        if found is None:
            return None
        if compiled.context[squeezed] is not None:
            context = [s for s in _spans(compiled.context[squeezed], view) if free(s)]
            if not context:
                return None
            found = f"{found} + {view[context[0][0] : context[0][1]]}"
        return found

    def _decide(
        self,
        normalized: NormalizedText,
        hits: list[RuleHit],
        scores: tuple[tuple[str, float], ...] = (),
        people: tuple[str, ...] = (),
    ) -> PolicyDecision:
        action: Action = "allow"
        for hit in hits:
            if SEVERITY[hit.action] > SEVERITY[action]:
                action = hit.action
        categories = tuple(dict.fromkeys(h.category for h in hits if h.action != "allow"))
        return PolicyDecision(
            action=action,
            categories=categories,
            hits=tuple(hits),
            pack=self.pack.name,
            pack_version=self.pack.version,
            normalized=normalized.text,
            scores=scores,
            people=people,
            views=normalized.views,
        )
