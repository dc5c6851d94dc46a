"""Every module says what it offers: a sorted ``__all__`` that names what it defines."""

from __future__ import annotations

import importlib
import inspect

import pytest

from tests.test_doctests import MODULES as ALL_MODULES

#: The reference scorer ships verbatim (graph/_score.py), as written elsewhere.
MODULES = [name for name in ALL_MODULES if name != "newsgraph.graph._score"]


@pytest.mark.parametrize("name", ["newsgraph", *MODULES])
def test_all_is_sorted_and_every_name_exists(name):
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    public = [n for n in exported if n != "__version__"]
    assert public == sorted(public, key=lambda n: (not n.isupper(), n)) or public == sorted(public)
    assert [n for n in exported if not hasattr(module, n)] == []


@pytest.mark.parametrize("name", MODULES)
def test_public_functions_and_classes_are_exported(name):
    module = importlib.import_module(name)
    defined = {
        n for n, value in vars(module).items()
        if not n.startswith("_") and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == name
    }
    assert defined - set(module.__all__) == set()


def test_importing_the_package_loads_no_stage():
    import subprocess
    import sys

    code = ("import sys, newsgraph; "
            "print(sorted(m for m in sys.modules if m.startswith(('newsgraph.', 'spacy'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['newsgraph._lazy']"


def test_querying_needs_no_spacy():
    import subprocess
    import sys

    code = "import sys, newsgraph.cli, newsgraph.graph.query, newsgraph.graph.explore; " \
           "print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_a_stage_cannot_be_imported_under_its_folder_name(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", "import graph"], capture_output=True,
                          text=True, cwd=root, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "ImportError: graph: import this package as newsgraph.graph")
