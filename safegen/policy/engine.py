"""The rule engine: keyword and regex rules over every normalised view of a prompt."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from safegen.policy.normalize import NormalizedText, normalize, squeeze_repeats
from safegen.policy.pack import SEVERITY, Action, PolicyPack, Rule


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: which text matched, and in which view of the prompt."""

    rule: str
    category: str
    action: Action
    match: str
    view: str
    score: float | None = None
    """Semantic rules: the cosine similarity to the nearest exemplar."""


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
        }


def _phrase_pattern(phrases: Iterable[str], squeezed: bool) -> re.Pattern[str] | None:
    forms = set()
    for phrase in phrases:
        text = normalize(phrase).text
        forms.add(squeeze_repeats(text) if squeezed else text)
    if not forms:
        return None
    # Longest first so "chicken breast" wins over "breast"; an optional plural
    # ending keeps word lists short.
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?:e?s)?(?![\w])")


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    keywords: dict[bool, re.Pattern[str] | None]
    context: dict[bool, re.Pattern[str] | None]
    unless: dict[bool, re.Pattern[str] | None]
    regex: tuple[re.Pattern[str], ...]


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


class RuleEngine:
    """Evaluates a :class:`PolicyPack` against prompts.

    Why every view: each normalisation step can also destroy a legitimate
    match (squeezing "shooting" gives "shoting"), so rules and exceptions are
    compiled once per form and a hit counts only when no exception covers it
    in the same view.
    """

    def __init__(self, pack: PolicyPack, *, embedder: Any = None) -> None:
        self.pack = pack
        self._embedder = embedder
        self._semantic = [r for r in pack.rules if r.semantic]
        self._people = {sq: _phrase_pattern(pack.people.names, sq) for sq in (False, True)}
        self._deceptive = {sq: _phrase_pattern(pack.people.deceptive, sq) for sq in (False, True)}
        self._exceptions = {sq: _phrase_pattern(pack.exceptions, sq) for sq in (False, True)}
        self._rules = [
            _CompiledRule(
                rule=rule,
                keywords={sq: _phrase_pattern(rule.keywords, sq) for sq in (False, True)},
                context={sq: _phrase_pattern(rule.with_any, sq) for sq in (False, True)},
                unless={sq: _phrase_pattern(rule.unless, sq) for sq in (False, True)},
                regex=tuple(re.compile(p) for p in rule.regex),
            )
            for rule in pack.rules
        ]

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from safegen.policy.semantic import shared_embedder

            self._embedder = shared_embedder()
        return self._embedder

    def warm(self) -> None:
        """Load the model and embed the exemplars now rather than on the first prompt."""
        if self._semantic:
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
        people = self._people_hits(normalized, hits)
        return self._decide(normalized, list(hits.values()), tuple(scores), people)

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

    def _people_hits(self, normalized: NormalizedText, hits: dict[str, RuleHit]) -> tuple[str, ...]:
        """Named real people, and what the rest of the prompt asks of them."""
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
        if not names:
            return ()
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
        else:
            rule, category, action, match = (
                "people.mention",
                people.category,
                people.action,
                names[0],
            )
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
