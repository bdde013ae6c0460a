"""Plain helpers shared by test modules (import as `from _helpers import ...`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]

# The fourteen languages with their own data file, in the order the docs list them.
LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "ru", "uk", "vi", "id", "ar", "zh", "ko", "ja")


def load_bench(name: str) -> ModuleType:
    """Import bench/<name>.py (the bench folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
