"""Shared fixtures: paths to the project's config and samples, and to ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_8f1e5fb3f66f1677.txt"


@pytest.fixture
def root() -> Path:
    """The project's root folder."""
    return ROOT


@pytest.fixture
def seed_path() -> Path:
    """The seed article, or a skip when ../shared is not beside the project."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is not beside the project)")
    return SEED
