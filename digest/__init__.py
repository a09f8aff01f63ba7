"""digest: a daily brief of who said what, when, and where it was reported.

The library API; the command line (`digest`) is a thin shell over it.
"""

from .config import load_config
from .extract import extract_claims
from .pipeline import build_brief, process_article

__all__ = ["build_brief", "extract_claims", "load_config", "process_article"]
