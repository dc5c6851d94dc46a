import pytest

from newsgraph.graph.build import article_iri, build_graph, entity_iri, relation_allowed
from newsgraph.graph.rdf import to_turtle
from newsgraph.ingest.confidence import combined, rule_confidence
from newsgraph.ingest.documents import ARTICLE, Article, Entity, Evidence, Extraction, Relation

A1 = Article(id="a1", text="", source="one.txt", title="One", date="2021-03-11")
A2 = Article(id="a2", text="", source="two.txt", title="Two", date="2021-03-12")


def evidence(sentence="S.", start=0, rule="r", percent=None):
    return Evidence(sentence, start, start + len(sentence), rule, percent)


def test_entities_of_one_type_merge_across_documents_by_name():
    G = build_graph([
        Extraction(A1, (Entity("Intel Corp.", "Organisation"),)),
        Extraction(A2, (Entity("Intel", "Organisation"),)),
    ])
    intel = entity_iri("Organisation", "Intel")
    assert G.nodes[intel]["label"] == "Intel"
    assert G.nodes[intel]["aliases"] == ["Intel Corp."]
    assert G.nodes[intel]["articles"] == sorted([article_iri(A1), article_iri(A2)])


def test_same_name_of_different_types_stays_apart():
    G = build_graph([Extraction(A1, (Entity("Georgia", "Country"), Entity("Georgia", "Person")))])
    assert sorted(d["type"] for _, d in G.nodes(data=True)) == ["Article", "Country", "Person"]


def test_relation_evidence_is_gathered_per_triple():
    people = (Entity("Ann Lee", "Person"), Entity("Acme", "Organisation"))
    chairs = Relation("Ann Lee", "chairs", "Acme", evidence("Ann Lee chairs Acme."))
    G = build_graph([Extraction(A1, people, (chairs,)), Extraction(A2, people, (chairs,))])
    data = G.edges[entity_iri("Person", "Ann Lee"), entity_iri("Organisation", "Acme"), "chairs"]
    assert data["predicate"] == "chairs"
    assert data["article_count"] == 2
    assert (data["first_seen"], data["last_seen"]) == ("2021-03-11", "2021-03-12")
    assert [e["article"] for e in data["evidence"]] == sorted([article_iri(A1), article_iri(A2)])


def test_share_move_ends_at_the_article():
    move = Relation("Acme", "roseOnNews", ARTICLE, evidence("Acme rose 5%.", percent=5.0))
    G = build_graph([Extraction(A1, (Entity("Acme", "Organisation"),), (move,))])
    (edge,) = G.edges(entity_iri("Organisation", "Acme"), keys=True, data=True)
    assert edge[1:3] == (article_iri(A1), "rose-on-news")
    assert edge[3]["evidence"][0]["percent"] == 5.0


def test_relations_the_ontology_forbids_are_refused_and_counted():
    wrong = Relation("Japan", "chairs", "Acme", evidence())
    G = build_graph([Extraction(
        A1, (Entity("Japan", "Country"), Entity("Acme", "Organisation")), (wrong,))])
    assert [k for _, _, k in G.edges(keys=True)] == ["mentions", "mentions"]
    assert G.graph["rejected_relations"] == 1


def test_order_of_extractions_does_not_matter():
    one = Extraction(A1, (Entity("Intel", "Organisation"),))
    two = Extraction(A2, (Entity("Intel Corp.", "Organisation"),))
    forward, backward = build_graph([one, two]), build_graph([two, one])
    assert list(forward.nodes(data=True)) == list(backward.nodes(data=True))
    assert list(forward.edges(keys=True, data=True)) == list(backward.edges(keys=True, data=True))


@pytest.mark.parametrize(
    ("predicate", "subject", "obj", "allowed"),
    [
        ("leads", "Person", "Country", True),
        ("basedIn", "Organisation", "Country", True),
        ("basedIn", "Person", "Country", False),
        ("roseOnNews", "Organisation", "Article", True),
        ("noSuchRelation", "Person", "Person", False),
    ],
)
def test_relation_allowed(predicate, subject, obj, allowed):
    assert relation_allowed(predicate, subject, obj) is allowed


def _relation(subject, predicate, obj):
    return Relation(subject, predicate, obj, Evidence("A sentence.", 0, 11, "test-rule"))


def test_relations_outside_domain_or_range_are_refused_and_counted():
    article = Article(id="a1", text="A sentence.", source="a.txt")
    entities = (Entity("Zhou Zixue", "Person"), Entity("Acme", "Organisation"),
                Entity("China", "Country"))
    extraction = Extraction(article, entities, (
        _relation("Zhou Zixue", "chairs", "Acme"),
        _relation("China", "chairs", "Acme"),  # a country chairs nothing
        _relation("Acme", "basedIn", "Zhou Zixue"),  # a person is not a place
    ))
    G = build_graph([extraction])
    kinds = sorted(k for _, _, k in G.edges(keys=True) if k != "mentions")
    assert kinds == ["chairs"]
    assert G.graph["rejected_relations"] == 2
    assert G.graph["refusals"] == [
        "a.txt: Acme basedIn Zhou Zixue: basedIn goes from Organisation to Country, not from "
        "Organisation to Person",
        "a.txt: China chairs Acme: chairs goes from Person to Organisation, not from Country "
        "to Organisation",
    ]
    (_, _, data), = [e for e in G.edges(data=True) if e[2]["type"] == "chairs"]
    assert data["evidence"][0]["rule"] == "test-rule"


def test_the_graph_carries_each_assertions_confidence(handbuilt):
    chairs = [d for _, _, d in handbuilt.edges(data=True) if d.get("predicate") == "chairs"]
    expected = combined([rule_confidence("chairs")] * 2)
    assert [(d["article_count"], d["confidence"]) for d in chairs] == [(2, expected)]


def test_an_article_names_its_authors_and_publisher_by_their_nodes():
    article = Article(id="a1", text="...", source="a.txt", authors=("By Ann Lee and Bo Chen",),
                      publisher="Markets - Daily Planet Post")
    entities = (Entity("Ann Lee", "Person"), Entity("Bo Chen", "Person"),
                Entity("Daily Planet Post", "Organisation"), Entity("Cy Wu", "Person"))
    G = build_graph([Extraction(article, entities)])
    data = G.nodes[article_iri(article)]
    assert data["author_nodes"] == [entity_iri("Person", "Ann Lee"),
                                    entity_iri("Person", "Bo Chen")]
    assert data["publisher_node"] == entity_iri("Organisation", "Daily Planet Post")
    turtle = to_turtle(G).decode()
    assert "schema:author person:Ann_Lee , person:Bo_Chen ;" in turtle
    assert "schema:publisher organisation:Daily_Planet_Post ;" in turtle


def test_an_article_that_does_not_name_its_publication_is_published_by_its_node():
    pub = "Markets - Daily Planet Post"
    one = Article(id="a1", text="...", source="a.txt", publisher=pub)
    two = Article(id="a2", text="...", source="b.txt", publisher=pub)
    G = build_graph([Extraction(one, (Entity("Daily Planet Post", "Organisation"),)),
                     Extraction(two, (Entity("Globex", "Organisation"),))])
    post = entity_iri("Organisation", "Daily Planet Post")
    assert [G.nodes[article_iri(a)].get("publisher_node") for a in (one, two)] == [post, post]
    assert not G.has_edge(article_iri(two), post, key="mentions")


def _sanction_pairs(G):
    label = {n: d["label"] for n, d in G.nodes(data=True)}
    return sorted((label[s], label[o], d["article_count"], sorted(e["rule"] for e in d["evidence"]))
                  for s, o, k, d in G.edges(keys=True, data=True) if k == "sanctions")


def test_a_policy_of_a_sanction_kind_is_also_a_sanctions_edge():
    us, china, huawei = (Entity("United States", "Country"), Entity("China", "Country"),
                         Entity("Huawei", "Organisation"))
    controls = Entity("United States export controls", "Policy", kind="ExportControl",
                      aliases=("US sanctions",))
    tariffs = Entity("United States tariffs", "Policy", kind="Tariff")
    one = Extraction(A1, (us, china, huawei, controls, tariffs), (
        Relation("United States", "imposes", controls.name, evidence("US sanctions.", 0, "i")),
        Relation(controls.name, "targets", "China", evidence("On China.", 10, "t")),
        Relation(controls.name, "targets", "Huawei", evidence("On Huawei.", 20, "t")),
        Relation("United States", "imposes", tariffs.name, evidence("Tariffs.", 30, "i")),
        Relation(tariffs.name, "targets", "China", evidence("On China too.", 40, "t")),
    ))
    two = Extraction(A2, (us, huawei), (
        Relation("United States", "sanctions", "Huawei", evidence("US bans Huawei.", 0, "s")),
    ))
    G = build_graph([one, two])
    # the export controls' targets, not the tariffs': on the targets' evidence, merged with
    # the direct edge's
    assert _sanction_pairs(G) == [("United States", "China", 1, ["t"]),
                                  ("United States", "Huawei", 2, ["s", "t"])]
    # as sure as the targeting and the imposing together
    sanction = G.edges[entity_iri("Country", "United States"), entity_iri("Country", "China"),
                       "sanctions"]
    both = round(rule_confidence("targets") * rule_confidence("imposes"), 3)
    assert (sanction["evidence"][0]["confidence"], sanction["confidence"]) == (both, both)
    # the policy keeps its own edges
    assert G.has_edge(entity_iri("Policy", controls.name), entity_iri("Country", "China"),
                      "targets")


def test_an_investment_restriction_is_no_sanction_of_its_target():
    us, initech = Entity("United States", "Country"), Entity("Initech", "Organisation")
    order = Entity("United States divestment order", "Policy", kind="InvestmentRestriction")
    one = Extraction(A1, (us, initech, order), (
        Relation("United States", "imposes", order.name, evidence("US order.", 0, "i")),
        Relation(order.name, "targets", "Initech", evidence("On Initech.", 10, "t"))))
    assert _sanction_pairs(build_graph([one])) == []


def test_a_sanction_policy_without_imposer_or_with_an_imposer_as_target_adds_nothing():
    us, controls = (Entity("United States", "Country"),
                    Entity("export controls", "Policy", kind="ExportControl"))
    no_imposer = Extraction(A1, (us, controls), (
        Relation(controls.name, "targets", "United States", evidence("On the US.", 0, "t")),))
    assert _sanction_pairs(build_graph([no_imposer])) == []
    itself = Extraction(A1, (us, controls), (
        Relation("United States", "imposes", controls.name, evidence("US curbs.", 0, "i")),
        Relation(controls.name, "targets", "United States", evidence("On the US.", 9, "t"))))
    assert _sanction_pairs(build_graph([itself])) == []


def test_a_policy_is_dated_by_the_first_and_last_article_that_mention_it():
    controls = Entity("United States export controls", "Policy", kind="ExportControl")
    undated = Article(id="a3", text="", source="three.txt", title="Three")
    G = build_graph([Extraction(a, (controls,)) for a in (A2, undated, A1)])
    policy = G.nodes[entity_iri("Policy", controls.name)]
    assert (policy["first_seen"], policy["last_seen"]) == ("2021-03-11", "2021-03-12")
    G = build_graph([Extraction(undated, (controls,))])
    assert "first_seen" not in G.nodes[entity_iri("Policy", controls.name)]


def test_each_piece_of_evidence_counts_with_its_rules_measured_precision(monkeypatch):
    from newsgraph.ingest import confidence

    table = confidence.Calibration({"chairs": 0.8}, {("chairs", "role-premodifier"): 0.95,
                                                     ("chairs", "role-sequence"): 0.4})
    monkeypatch.setattr(confidence, "calibration", lambda: table)
    people = (Entity("Ann Lee", "Person"), Entity("Acme", "Organisation"))
    read = [Relation("Ann Lee", "chairs", "Acme", evidence("Acme chairman Ann Lee.", 0, rule))
            for rule in ("role-premodifier", "role-sequence", "unmeasured")]
    G = build_graph([Extraction(A1, people, tuple(read))])
    data = G.edges[entity_iri("Person", "Ann Lee"), entity_iri("Organisation", "Acme"), "chairs"]
    assert sorted((e["rule"], e["confidence"]) for e in data["evidence"]) == [
        ("role-premodifier", 0.95), ("role-sequence", 0.4), ("unmeasured", 0.8)]
    assert data["confidence"] == combined([0.95, 0.4, 0.8])
