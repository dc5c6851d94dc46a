"""Tests of newsgraph.ingest.markup: wire markup blanked for the model, quoted as written."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsgraph.ingest.markup import blank_markup, markup_blind, quote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrel Corp <KSTL.T> rose", "Kestrel Corp          rose"),
        ("Kestrel Corp <KST> rose", "Kestrel Corp       rose"),
        ("Globex (GLBX.O) and Initech (005930.KS) fell",
         "Globex " + " " * 8 + " and Initech " + " " * 11 + " fell"),
        ("Globex (NYSE: GLX) and Initech (NASDAQ:INTC) fell",
         "Globex             and Initech               fell"),
        ("Univision [UVN.UL] bought", "Univision " + " " * 8 + " bought"),
        # a name between angle brackets keeps its words
        ("<Wan Li Optics Co Ltd>'s unit", " Wan Li Optics Co Ltd 's unit"),
        # a name the wire wrapped onto the next line
        ("from <Kestrel\nMotor Co Ltd> of Thailand", "from  Kestrel\nMotor Co Ltd  of Thailand"),
        ("from <Kestrel\nMotor\nCo Ltd> of", "from <Kestrel\nMotor\nCo Ltd> of"),
        # parentheses and angle brackets that are no markup stay
        ("the (U.S.) rule and Globex (GLX) rose", "the (U.S.) rule and Globex (GLX) rose"),
        ("if x < y and y > z", "if x < y and y > z"),
        ("a <b> tag", "a <b> tag"),
        ("of <A HREF=x>Acme</A>", "of <A HREF=x>Acme</A>"),
        # a share class in lower case
        ("Siemens (SIEGn.DE) and [DBKGn.DE] rose",
         "Siemens " + " " * 10 + " and " + " " * 10 + " rose"),
        ("", ""),
    ],
)
def test_blank_markup(text: str, expected: str) -> None:
    assert blank_markup(text) == expected
    assert len(blank_markup(text)) == len(text)


def test_markup_blind_keeps_offsets_and_the_text_as_written() -> None:
    blank = spacy.blank("en")
    blank.tokenizer = markup_blind(blank.tokenizer)
    doc = blank("Kestrel Corp <KSTL.T> rose.")
    assert doc.text == "Kestrel Corp          rose."
    assert doc._.ng_source_text == "Kestrel Corp <KSTL.T> rose."
    assert quote(doc[:]) == "Kestrel Corp <KSTL.T> rose."
    plain = blank("Kestrel rose.")
    assert plain._.ng_source_text is None
    assert quote(plain[:]) == "Kestrel rose."


def test_the_model_reads_around_an_exchange_code(nlp: Language) -> None:
    doc = nlp("The Pentagon stopped new contracts to Japan's Kestrel Corp <KSTL.T> over "
              "a subsidiary's sale of milling machines, an official said.")
    found = [(r.subject, r.predicate, r.object) for r in doc._.ng_relations]
    assert ("Kestrel Corp", "basedIn", "Japan") in found
    [based] = [r for r in doc._.ng_relations if r.predicate == "basedIn"]
    assert "<KSTL.T>" in based.evidence.sentence
    names = {span._.ng_name for span in doc.spans["ng_entities"]}
    assert "Kestrel Corp" in names
    assert not any(" " * 2 in name for name in names)


def test_a_sentence_quoted_keeps_the_brackets_of_the_name_it_opens_with(nlp: Language) -> None:
    text = "<Acme Corp> sued Globex Corp on Monday."
    [relation] = nlp(text)._.ng_relations
    evidence = relation.evidence
    assert (evidence.sentence, evidence.start, evidence.end) == (text, 0, len(text))
