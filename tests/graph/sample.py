"""A small graph with every kind of edge the explorer shows, built the way the CLI builds."""

import networkx as nx

from newsgraph.graph.build import build_graph
from newsgraph.ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation

SANCTIONS = "The US added SMIC to its blacklist on Friday."
CHAIRS = 'Zhou Zixue, chairman of SMIC, said "demand & supply" were <balanced>.'
ROSE = "SMIC shares rose 5.5% in Hong Kong."
FELL = "Hua Hong fell 2% after the news."
IMPOSES = "The US imposed export controls on China."
TARGETS = "The export controls target China's chipmakers."

# the IRIs of the sample's nodes
ID = "https://w3id.org/newsgraph/id/"
SMIC = ID + "organisation/Semiconductor_Manufacturing_International_Corporation"
SMIC_NAME = "Semiconductor Manufacturing International Corporation"
HUA = ID + "organisation/Hua_Hong_Semiconductor"
US = ID + "country/US"
CHINA = ID + "country/CN"
ZHOU = ID + "person/Zhou_Zixue"
POLICY = ID + "policy/US_export_controls"
A1 = ID + "article/f55ff16f66f43360"
A2 = ID + "article/2c3a4249d7707005"


def _span(text: str, sentence: str, rule: str, **extra) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence), rule, **extra)


def sample_graph() -> nx.MultiDiGraph:
    """Two articles: one on US sanctions and controls, one on share moves."""
    first_text = f"{SANCTIONS} {CHAIRS} {IMPOSES} {TARGETS}"
    first = Article(id="a1", text=first_text, source="a1.txt", title="US blacklists SMIC",
                    date="2020-12-18", link="https://example.com/a1?x=1&y=2",
                    publisher="Example News")
    second_text = f"{ROSE} {FELL}"
    second = Article(id="a2", text=second_text, source="a2.txt", title="Chip stocks rally",
                     date="2023-08-08", link="https://example.com/a2")
    us = Entity("United States", "Country", ("US",))
    china = Entity("China", "Country")
    smic = Entity("Semiconductor Manufacturing International Corporation", "Organisation",
                  ("SMIC",))
    hua = Entity("Hua Hong Semiconductor", "Organisation", ("Huahong",))
    zhou = Entity("Zhou Zixue", "Person")
    controls = Entity("US export controls", "Policy", kind="ExportControl")
    return build_graph([
        Extraction(first, (us, china, smic, zhou, controls), (
            Relation(us.name, "sanctions", smic.name, _span(first_text, SANCTIONS, "sanction")),
            Relation(zhou.name, "chairs", smic.name, _span(first_text, CHAIRS, "chair-of")),
            Relation(us.name, "imposes", controls.name, _span(first_text, IMPOSES, "impose")),
            Relation(controls.name, "targets", china.name,
                     _span(first_text, TARGETS, "target")),
        )),
        Extraction(second, (smic, hua), (
            Relation(smic.name, "roseOnNews", ARTICLE,
                     _span(second_text, ROSE, "share-move", percent=5.5, market="Hong Kong")),
            Relation(hua.name, "fellOnNews", ARTICLE,
                     _span(second_text, FELL, "share-move", percent=2.0)),
        )),
    ])
