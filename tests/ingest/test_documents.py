import pytest

from newsgraph.ingest.documents import Article, Entity, Evidence, Extraction, Relation


@pytest.mark.parametrize(
    ("content", "title", "date", "publisher", "text"),
    [
        (" date 2021-03-11 Bloomberg\n\nBody.", "", "2021-03-11", "Bloomberg", "Body."),
        ("Chip curbs widen\n\nBody one.\nBody two.", "Chip curbs widen", None, None,
         "Body one.\nBody two."),
        ("# Markdown title\n\nBody.", "Markdown title", None, None, "Body."),
        ("First sentence ends here.\n\nSecond.", "", None, None,
         "First sentence ends here.\n\nSecond."),
        ("One paragraph only.", "", None, None, "One paragraph only."),
        ("date 2020-01-02\nChips\n\nBody.", "Chips", "2020-01-02", None, "Body."),
    ],
)
def test_from_text(content, title, date, publisher, text):
    article = Article.from_text(content, source="a.txt")
    assert (article.title, article.date, article.publisher, article.text) == (
        title, date, publisher, text)


def test_from_text_id_is_content_hash():
    one = Article.from_text("Same.", source="a.txt")
    two = Article.from_text("Same.", source="b.txt")
    assert one.id == two.id
    assert one.id != Article.from_text("Other.", source="a.txt").id


def test_extraction_round_trips_through_dict():
    extraction = Extraction(
        Article(id="x", text="t", source="s", authors=("Ann Cao",)),
        (Entity("Intel", "Organisation", ("Intel Corp.",), mentions=2),),
        (Relation("Intel", "roseOnNews", "@article",
                  Evidence("Intel rose 5%.", 0, 14, "share-move", 5.0, None)),),
    )
    assert Extraction.from_dict(extraction.to_dict()) == extraction


def test_evidence_confidence_is_kept_and_left_out_when_none():
    article = Article.from_text("Acme hired Lee.", source="a.txt")
    rule = Relation("Lee", "worksFor", "Acme", Evidence("Acme hired Lee.", 0, 15, "r"))
    learnt = Relation("Lee", "worksFor", "Acme",
                      Evidence("Acme hired Lee.", 0, 15, "classifier", confidence=0.93))
    data = Extraction(article=article, relations=(rule, learnt)).to_dict()
    assert "confidence" not in data["relations"][0]["evidence"]
    assert data["relations"][1]["evidence"]["confidence"] == 0.93
    assert Extraction.from_dict(data).relations == (rule, learnt)


def test_evidence_in_the_title_says_so_and_the_text_s_is_written_as_before():
    article = Article("a1", "Acme said it hired Lee.", "a.txt", title="Acme hires Lee")
    text = Relation("Lee", "worksFor", "Acme", Evidence("Acme said it hired Lee.", 0, 23, "r"))
    title = Relation("Lee", "worksFor", "Acme",
                     Evidence("Acme hires Lee", 0, 14, "r", title=True))
    data = Extraction(article=article, relations=(text, title)).to_dict()
    assert "title" not in data["relations"][0]["evidence"]
    assert data["relations"][1]["evidence"]["title"] is True
    assert Extraction.from_dict(data).relations == (text, title)


def test_the_plain_data_has_no_dict_of_its_own_and_crosses_processes_whole():
    import pickle

    x = Extraction(Article("a1", "Acme hired Lee.", "a.txt", date="2024-01-02"),
                   (Entity("Acme", "Organisation", votes=(("Organisation", 1.0),)),),
                   (Relation("Lee", "worksFor", "Acme", Evidence("Acme hired Lee.", 0, 15, "r")),))
    # a large cache holds millions of these: slots, not a dict each
    for value in (x, x.article, x.entities[0], x.relations[0], x.relations[0].evidence):
        assert not hasattr(value, "__dict__")
    assert pickle.loads(pickle.dumps(x)) == x
