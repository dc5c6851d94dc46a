"""Relation extraction, as the spaCy component ``ng_relations``.

Reads typed relations between the entities ``ng_entities`` found, each with the sentence it
came from.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__: list[str] = []

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=[])


@Language.component(
    "ng_relations",
    requires=["doc.spans", "span._.ng_name"],
    assigns=["doc._.ng_relations"],
)
def ng_relations(doc: Doc) -> Doc:
    """Attach the relations read in ``doc`` (none yet)."""
    return doc
