"""cchc-extract: structured data from Vietnamese administrative directive documents."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "__version__"]


def extract(text_or_path, **kwargs):
    """``extract(text_or_path) -> Document``; see pipeline.extract."""
    from .pipeline import extract as _extract

    return _extract(text_or_path, **kwargs)
