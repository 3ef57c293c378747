"""Prompt policy: normalise the text, apply a pack's rules, decide allow / review / block."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from safegen.policy.engine import PolicyDecision, RuleEngine, RuleHit
from safegen.policy.normalize import NormalizedText, normalize
from safegen.policy.pack import (
    Action,
    OutputThresholds,
    PolicyPack,
    Rule,
    load_pack,
    parse_pack,
    shipped_packs,
)

if TYPE_CHECKING:
    from safegen.safety.checks import OutputSafetyConfig


class PromptPolicy(Protocol):
    """The policy stage: one prompt in, one decision out."""

    pack: PolicyPack

    def evaluate(self, prompt: str) -> PolicyDecision: ...

    @property
    def output_safety(self) -> OutputSafetyConfig:
        """What the pack says about outputs (score bands, the face action)."""
        ...


def load_policy(name_or_path: str) -> RuleEngine:
    return RuleEngine(load_pack(name_or_path))


__all__ = [
    "Action",
    "NormalizedText",
    "OutputThresholds",
    "PolicyDecision",
    "PolicyPack",
    "PromptPolicy",
    "Rule",
    "RuleEngine",
    "RuleHit",
    "load_pack",
    "load_policy",
    "normalize",
    "parse_pack",
    "shipped_packs",
]
