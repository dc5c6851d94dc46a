"""Regenerate ``ingest/data/verb_forms.tsv``: the English verb forms regular rules do not give.

The forms come from the exception table of spaCy's English rule lemmatizer (``lemma_exc``,
its ``verb`` part), as shipped with the model newsgraph uses (``en_core_web_sm`` 3.8, MIT;
the table is spaCy's ``spacy-lookups-data``, MIT, whose exceptions derive from WordNet 3.0,
WordNet licence). The table maps a form to its lemmas; the TSV turns it round, one lemma per
line with its forms, for :func:`newsgraph.ingest.names.verb_forms`, which the pattern files'
``FORMS_OF`` reads::

    python scripts/make_verb_forms.py          # writes ingest/data/verb_forms.tsv
    python scripts/make_verb_forms.py --check  # exit 1 if the file is not what it writes
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ingest" / "data" / "verb_forms.tsv"


def exceptions(model: str) -> dict[str, list[str]]:
    """The lemmatizer's verb exceptions: each form's lemmas."""
    import spacy

    nlp = spacy.load(model)
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    return dict(table["verb"])


def tsv(forms_of: dict[str, list[str]]) -> str:
    """One line per lemma: the lemma, a tab, its irregular forms joined by commas.

    >>> print(tsv({"sold": ["sell"], "shipped": ["ship"], "shipping": ["ship"]}), end="")
    lemma	forms
    sell	sold
    ship	shipped,shipping
    """
    by_lemma: dict[str, set[str]] = defaultdict(set)
    for form, lemmas in forms_of.items():
        for lemma in lemmas:
            if " " not in lemma and " " not in form and form != lemma:
                by_lemma[lemma].add(form)
    lines = ["lemma\tforms"]
    lines += [f"{lemma}\t{','.join(sorted(forms))}" for lemma, forms in sorted(by_lemma.items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from newsgraph.ingest.models import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL, help="the spaCy pipeline to read")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the file differs")
    args = parser.parse_args(argv)
    text = tsv(exceptions(args.model))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 1} lemmas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
