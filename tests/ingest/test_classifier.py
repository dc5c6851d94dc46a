"""The relation classifier: candidates and features on hand-built parses, the alignment of
gold to candidates, the shipped model file, and a few sentences read by the real model."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span, SpanGroup

import newsgraph.ingest.entities  # noqa: F401  (the span extensions)
from newsgraph.ingest.classifier import (
    FORMAT,
    MODEL_FILE,
    NONE,
    RelationModel,
    allowed_relations,
    candidates,
    features,
    load_model,
    mention_types,
)
from newsgraph.ingest.training import (
    UNSURE,
    Gold,
    labels,
    model_json,
    same_sentence,
    silver_labels,
    without_rule_features,
)

ROOT = Path(__file__).resolve().parents[2]


def parse(words, heads, deps, pos, lemmas, mentions):
    """A hand-built parse with its entity mentions: (start, end, type, name)."""
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
              pos=pos, lemmas=lemmas)
    spans = []
    for start, end, label, name in mentions:
        span = Span(doc, start, end, label=label)
        span._.ng_name = name
        spans.append(span)
    doc.spans["ng_entities"] = SpanGroup(doc, name="ng_entities", spans=spans)
    return doc


@pytest.fixture
def analyst():
    # "Ann Lee of Acme Corp said it would not grow."
    return parse(
        ["Ann", "Lee", "of", "Acme", "Corp", "said", "it", "would", "not", "grow", "."],
        [1, 5, 1, 4, 2, 5, 9, 9, 9, 5, 5],
        ["compound", "nsubj", "prep", "compound", "pobj", "ROOT", "nsubj", "aux", "neg",
         "ccomp", "punct"],
        ["PROPN", "PROPN", "ADP", "PROPN", "PROPN", "VERB", "PRON", "AUX", "PART", "VERB",
         "PUNCT"],
        ["Ann", "Lee", "of", "Acme", "Corp", "say", "it", "would", "not", "grow", "."],
        [(0, 2, "Person", "Ann Lee"), (3, 5, "Organisation", "Acme Corp")],
    )


@pytest.fixture
def hiring():
    # "If Acme did not hire Lee, Globex would."
    return parse(
        ["If", "Acme", "did", "not", "hire", "Lee", ",", "Globex", "would", "."],
        [4, 4, 4, 4, 8, 4, 8, 8, 8, 8],
        ["mark", "nsubj", "aux", "neg", "advcl", "dobj", "punct", "nsubj", "ROOT", "punct"],
        ["SCONJ", "PROPN", "AUX", "PART", "VERB", "PROPN", "PUNCT", "PROPN", "AUX", "PUNCT"],
        ["if", "Acme", "do", "not", "hire", "Lee", ",", "Globex", "would", "."],
        [(1, 2, "Organisation", "Acme"), (5, 6, "Person", "Ann Lee"),
         (7, 8, "Organisation", "Globex")],
    )


def test_candidates_are_ordered_pairs_the_types_allow(analyst, hiring):
    assert [c.names for c in candidates(analyst)] == [
        ("Ann Lee", "Acme Corp"), ("Acme Corp", "Ann Lee")]
    # two organisations pair both ways; a person never precedes in a relation to Acme here
    # except as a worker (Person -> Organisation)
    assert [c.names for c in candidates(hiring)] == [
        ("Acme", "Ann Lee"), ("Acme", "Globex"), ("Ann Lee", "Acme"), ("Ann Lee", "Globex"),
        ("Globex", "Acme"), ("Globex", "Ann Lee")]
    assert [c.names for c in candidates(hiring, ["worksFor"])] == [
        ("Ann Lee", "Acme"), ("Ann Lee", "Globex")]


def test_one_entity_makes_no_pair_and_the_nearest_mentions_stand_for_two():
    # "Acme hired staff like Lee of Acme."
    doc = parse(
        ["Acme", "hired", "staff", "like", "Lee", "of", "Acme", "."],
        [1, 1, 1, 2, 3, 4, 5, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["Acme", "hire", "staff", "like", "Lee", "of", "Acme", "."],
        [(0, 1, "Organisation", "Acme"), (4, 5, "Person", "Lee"),
         (6, 7, "Organisation", "Acme")],
    )
    found = candidates(doc)
    assert [(c.names, c.subject.start, c.object.start) for c in found] == [
        (("Lee", "Acme"), 4, 6), (("Acme", "Lee"), 6, 4)]


def test_features_of_a_worker(analyst):
    [forward, backward] = candidates(analyst)
    assert features(forward, mention_types(analyst)) == [
        "after=say", "before=@start", "before_first=s|@start", "between_names=0", "bw=of",
        "dist=1", "lca=@s", "lca_head=say|nsubj", "lca_t=PO|@s", "lpath=vprep/of vpobj",
        "o_dep=pobj", "o_head=of|pobj", "o_shape=O2", "order=fwd", "path=vprep vpobj",
        "path_t=PO|vprep vpobj", "pathlen=2", "pw=of", "pw_t=PO|of", "s_dep=nsubj",
        "s_head=say|nsubj", "s_shape=P2", "types=PO", "types_order=PO|fwd",
    ]
    reverse = features(backward, mention_types(analyst))
    assert {"order=rev", "path=pobj^ prep^", "lpath=pobj^ of/prep^", "types=OP"} <= set(reverse)
    # the negation of the clause after "said" does not govern the pair
    assert "negated" not in reverse


def test_negation_hedge_and_other_names(hiring):
    pair = next(c for c in candidates(hiring) if c.names == ("Acme", "Ann Lee"))
    found = features(pair, mention_types(hiring))
    assert {"negated", "hedged", "lca=hire", "path=nsubj^ vdobj", "lpath=nsubj^ [hire] vdobj",
            "after=,"} <= set(found)
    far = next(c for c in candidates(hiring) if c.names == ("Acme", "Globex"))
    far_features = features(far, mention_types(hiring))
    # the other name between them is counted, never written as itself
    assert {"between_names=1", "bw=hire", "bw=not"} <= set(far_features)
    assert not any("Lee" in f or "lee" in f for f in far_features)


def test_allowed_relations_follow_the_ontology():
    assert allowed_relations("Person", "Organisation") == (
        "chairs", "leads", "memberOf", "opposes", "worksFor")
    assert allowed_relations("Organisation", "Person") == ("sanctions",)
    assert allowed_relations("Person", "Person") == ()


GOLD = {
    "entities": [
        {"name": "Ann Lee", "type": "Person", "aliases": ["Lee"]},
        {"name": "Acme Corporation", "type": "Organisation", "aliases": ["Acme Corp", "Acme"]},
        {"name": "Globex", "type": "Organisation", "aliases": []},
    ],
    "relations": [
        {"subject": "Ann Lee", "predicate": "worksFor", "object": "Acme Corporation",
         "doc": "a.txt", "evidence": "Ann Lee of Acme Corp said it would not grow."},
        {"subject": "Globex", "predicate": "partnersWith", "object": "Acme Corporation",
         "doc": "b.txt", "evidence": "Something else entirely."},
    ],
}


def test_gold_aligns_by_name_key_alias_and_sentence(analyst):
    gold = Gold.from_dict(GOLD)
    forward, backward = candidates(analyst)
    assert labels(forward, gold, "a.txt") == ["worksFor"]
    assert labels(backward, gold, "a.txt") == [NONE]  # worksFor has a direction
    assert labels(forward, gold, "other.txt") == [NONE]


def test_gold_elsewhere_in_the_document_is_unsure(hiring):
    gold = Gold.from_dict(GOLD)
    pairs = {c.names: c for c in candidates(hiring)}
    # the gold quotes another sentence for Acme and Globex: this one may or may not say it;
    # partnersWith is symmetric, so both orders count
    assert labels(pairs[("Acme", "Globex")], gold, "b.txt") == [UNSURE]
    assert labels(pairs[("Globex", "Acme")], gold, "b.txt") == [UNSURE]
    assert labels(pairs[("Ann Lee", "Globex")], gold, "b.txt") == [NONE]


def test_same_sentence_ignores_whitespace_and_accepts_containment():
    assert same_sentence("Acme\n  hired Lee.", "Acme hired Lee.")
    assert same_sentence("Acme hired Lee.", "WASHINGTON Acme hired Lee. It said so.")
    assert not same_sentence("", "Acme hired Lee.")


def test_silver_labels_are_the_rules_relations_of_the_sentence(analyst, hiring):
    [forward, backward] = candidates(analyst)
    rules = [("Ann Lee", "worksFor", "Acme Corp", 0)]
    assert silver_labels(forward, rules) == ["worksFor"]
    assert silver_labels(backward, rules) == [NONE]  # the relation has its direction
    # a relation of another sentence, or of other names, labels nothing
    assert silver_labels(forward, [("Ann Lee", "worksFor", "Acme Corp", 40)]) == [NONE]
    # a symmetric relation counts both ways
    pairs = {c.names: c for c in candidates(hiring)}
    partners = [("Acme", "partnersWith", "Globex", 0)]
    assert silver_labels(pairs["Globex", "Acme"], partners) == ["partnersWith"]
    assert silver_labels(pairs["Acme", "Globex"], partners) == ["partnersWith"]


def test_silver_examples_are_read_without_the_rules_trigger_words(analyst):
    analyst[2]._.ng_trigger = "of"
    try:
        feats = features(candidates(analyst)[0], mention_types(analyst))
    finally:
        analyst[2]._.ng_trigger = None
    assert "btrig=of" in feats
    assert "o_head_trig=of|pobj" in feats
    stripped = without_rule_features(feats)
    assert not [f for f in stripped if "trig" in f]
    assert set(feats) - set(stripped) == {f for f in feats if "trig" in f}
    assert "bw=of" in stripped  # the word itself stays


def test_model_json_round_trips():
    text = model_json(["NONE", "chairs"], {"NONE": 1.0, "chairs": -1.0},
                      {"chair": {"NONE": -0.5, "chairs": 2.0}, "x": {"chairs": 0.001}},
                      {"thresholds": {"chairs": 0.5}})
    model = RelationModel.from_dict(json.loads(text))
    assert model.weights == {"chair": {"NONE": -0.5, "chairs": 2.0}}
    assert model.thresholds == {"chairs": 0.5}
    assert model_json(model.classes, model.bias, model.weights,
                      {"thresholds": {"chairs": 0.5}}) == text


def test_a_model_of_another_format_is_refused():
    with pytest.raises(ValueError, match="expected format"):
        RelationModel.from_dict({"format": "other/9", "classes": [], "bias": {},
                                 "weights": {}, "thresholds": {}})


def _training_script():
    spec = importlib.util.spec_from_file_location(
        "train_relations", ROOT / "scripts" / "train_relations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_relations", module)
    spec.loader.exec_module(module)
    return module


def test_shipped_model_is_what_the_training_script_writes():
    """A fast check: the header states the script's settings and only tune data; the text is
    the script's serialisation of the weights it holds (the full check is
    ``python scripts/train_relations.py --check``)."""
    script = _training_script()
    path = ROOT / "ingest" / "data" / MODEL_FILE
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == FORMAT
    assert data["trained_on"] == ["corpus/tune/modern", "corpus/tune/reuters21578"]
    assert (data["c"], data["min_count"], data["positive_weight"]) == (
        script.C, script.MIN_COUNT, script.POSITIVE_WEIGHT)
    assert (data["target_precision"], data["support"]) == (script.TARGET, script.SUPPORT)
    if data.get("silver") is not None:  # silver examples: the source and weights it says
        assert data["silver"]["name"] == script.SILVER_SOURCE["name"]
        assert data["silver"]["weights"] == dict(zip(("related", "unrelated"),
                                                     script.SILVER_WEIGHTS, strict=True))
    assert set(data["thresholds"]) <= set(data["classes"]) - {NONE}
    assert all(t in script.GRID for t in data["thresholds"].values())
    header = {k: v for k, v in data.items()
              if k not in ("format", "classes", "bias", "weights")}
    assert model_json(data["classes"], data["bias"], data["weights"], header) == text
    model = load_model()
    assert model.classes == tuple(data["classes"])
    assert model.thresholds == data["thresholds"]


def relations(nlp, text):
    doc = nlp(text)
    return sorted((r.subject, r.predicate, r.object, r.evidence.rule)
                  for r in doc._.ng_relations)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Demand is weak," said Quentin Marlowe with Bramblewood Securities.',
         [("Quentin Marlowe", "worksFor", "Bramblewood Securities", "classifier")]),
        # what the rules read stays theirs
        ("Quentin Marlowe at Bramblewood Securities said the deal was cheap.",
         [("Quentin Marlowe", "worksFor", "Bramblewood Securities", "person-of-org")]),
        ("Quentin Marlowe, an analyst at Bramblewood Securities, said demand was weak.",
         [("Quentin Marlowe", "worksFor", "Bramblewood Securities", "role-appos-of")]),
        # a past role, and a mere mention, are no relation
        ("Ex-CEO Quentin Marlowe at Bramblewood Securities said the deal was cheap.", []),
        ("Quentin Marlowe, who left Bramblewood Securities last year, said prices would rise.",
         []),
        ("Quentin Marlowe said Bramblewood Securities would not comment.", []),
    ],
)
def test_sentences_on_the_real_model(nlp, text, expected):
    assert relations(nlp, text) == expected


def test_classified_relations_carry_their_confidence(nlp):
    doc = nlp("\"Demand is weak,\" said Quentin Marlowe with Bramblewood Securities.")
    [relation] = doc._.ng_relations
    assert relation.evidence.rule == "classifier"
    assert load_model().thresholds["worksFor"] <= relation.evidence.confidence <= 1.0
    assert relation.evidence.sentence == doc.text


def test_same_input_same_relations(nlp):
    text = ("Quentin Marlowe at Bramblewood Securities said the deal was cheap. "
            "Ida Brandt of Trevanta Corp agreed.")
    assert relations(nlp, text) == relations(nlp, text)


def test_a_document_without_a_parse_is_left_as_it_is():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("ng_relation_classifier")
    doc = nlp.make_doc("Ann Lee of Acme said so.")
    doc.spans["ng_entities"] = SpanGroup(doc, name="ng_entities", spans=[
        Span(doc, 0, 2, label="Person"), Span(doc, 3, 4, label="Organisation")])
    assert component(doc)._.ng_relations == []
