"""digest: a daily brief of who said what, when, and where it was reported.

The library API; the command line (`digest`) is a thin shell over it. Names are imported
when first used, so that `import digest.model` or `digest --help` loads no more than
they need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config.load import load_config
    from .extract import extract_claims
    from .pipeline import build_brief
    from .process import process_article

_API = {
    "build_brief": "digest.pipeline",
    "extract_claims": "digest.extract",
    "load_config": "digest.config.load",
    "process_article": "digest.process",
}

__all__ = ["build_brief", "extract_claims", "load_config", "process_article"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'digest' has no attribute {name!r}")
