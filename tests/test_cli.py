import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from newsgraph.cli import main
from newsgraph.graph.query import run_query
from newsgraph.graph.store import canonical_lines, open_store
from newsgraph.outputs import write_atomically

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
OUTPUTS = ("graph.ttl", "graph.json", "graph.html")


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    assert main(["build", "--out", str(out)]) == 0
    return out


def select(out, sparql):
    rdf = Graph().parse(out / "graph.ttl", format="turtle")
    return [tuple(str(v) for v in row) for row in run_query(rdf, sparql)]


def test_build_writes_every_output_and_nothing_else(seed_graph):
    names = sorted(p.name for p in seed_graph.iterdir())
    generations = [n for n in names if n.startswith(".graph.oxigraph.")]
    assert [n for n in names if n not in generations] == [
        "build.json", "builds.json", "documents.jsonl", "graph.graphml", "graph.html",
        "graph.json", "graph.jsonld", "graph.oxigraph", "graph.ttl", "merges.jsonl",
        "names.sqlite", "ontology.ttl", "shapes.ttl"]
    assert len(generations) == 1  # the store, behind the graph.oxigraph link
    assert (seed_graph / "graph.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert json.loads((seed_graph / "graph.json").read_text())["multigraph"] is True


def test_seeds_give_54_articles_4_files_and_50_feed_items(seed_graph):
    sources = select(seed_graph, "SELECT ?s WHERE { ?a a ng:Article ; dcterms:source ?s }")
    assert len(sources) == 54
    files = "https://w3id.org/newsgraph/id/source/seeds/"  # docs/iris.md
    assert sum(not s.startswith(files) for (s,) in sources) == 50
    assert sorted(s.removeprefix(files) for (s,) in sources if s.startswith(files)) == [
        "000_5b8763289bf46c03.txt", "001_ddc456ae5f42c23f.txt",
        "002_fdfc4561625d5a50.txt", "004_e24a89257b67926a.txt"]


def test_zhou_zixue_is_a_person_mentioned_by_two_articles(seed_graph):
    rows = select(seed_graph, """
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?p a ng:Person ; rdfs:label "Zhou Zixue" . ?a schema:mentions ?p }""")
    assert rows == [("2",)]


def test_feed_item_has_title_date_and_author(seed_graph):
    rows = select(seed_graph, """
        SELECT ?date ?author WHERE {
          ?a dcterms:title "ASML boosts 2026 sales forecast despite shrinking China sales" ;
             dcterms:date ?date ; schema:mentions ?p . ?p a ng:Person ; rdfs:label ?author }""")
    assert rows == [("2026-04-16", "Xiaofei Xu")]


def test_query_lists_people(seed_graph, capsys):
    query = "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name"
    assert main(["query", query, "--graph", str(seed_graph / "graph.ttl"), "--format", "csv"]) == 0
    names = capsys.readouterr().out.splitlines()
    assert names[0] == "name"
    assert {"Zhou Zixue", "Joe Biden", "Li Keqiang"} <= set(names)


def test_query_from_a_file(seed_graph, tmp_path, capsys):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(?a) AS ?n) WHERE { ?a a ng:Article }")
    assert main(["query", str(path), "--graph", str(seed_graph / "graph.ttl")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "54"


def test_query_syntax_error_is_one_line(seed_graph, capsys):
    assert main(["query", "SELECT WHERE {", "--graph", str(seed_graph / "graph.ttl")]) == 1
    err = capsys.readouterr().err
    assert err == "newsgraph: query: line 1, column 8: Expected SelectQuery, found 'WHERE {'\n"


def test_query_and_validate_read_the_store_without_the_turtle(seed_graph, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(seed_graph, copy, symlinks=True)
    (copy / "graph.ttl").unlink()
    assert main(["query", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ng:Article }",
                 "--graph", str(copy)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "54"
    assert main(["validate", str(copy)]) == 0
    assert capsys.readouterr().err == f"{copy / 'graph.oxigraph'}: 0 violations\n"


def test_export_writes_one_format_from_the_store(seed_graph, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(seed_graph, copy, symlinks=True)
    assert main(["export", "ntriples", str(copy)]) == 0
    written = copy / "export" / "graph.nt"
    assert capsys.readouterr().out == f"wrote {written}\n"
    assert sorted(written.read_bytes().splitlines()) == _turtle_lines(seed_graph / "graph.ttl")
    target = tmp_path / "g.jsonld"
    assert main(["export", "jsonld", str(copy), "--output", str(target)]) == 0
    triples = ox.parse(target.read_bytes(), format=ox.RdfFormat.JSON_LD)
    assert len(list(triples)) == len(canonical_lines(seed_graph / "graph.ttl"))
    assert main(["export", "turtle", str(tmp_path / "nothing")]) == 1
    assert capsys.readouterr().err.startswith("newsgraph: ")


def test_export_to_a_reader_that_stops_reading_ends_quietly(seed_graph):
    # `newsgraph export turtle out -o - | head -1`: the pipe closes before the graph is out
    import subprocess
    import sys

    command = [sys.executable, "-m", "newsgraph", "export", "ntriples", str(seed_graph),
               "--output", "-"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        assert run.stdout.read(100).startswith(b"<")
        run.stdout.close()
        errors = run.stderr.read()
        assert run.wait(timeout=120) == 141
    assert errors == b""


def test_the_viewer_holds_at_most_the_view_limit(tmp_path):
    one = SEEDS / "000_5b8763289bf46c03.txt"
    assert main(["build", str(one), "--out", str(tmp_path), "--view-limit", "5"]) == 0
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "<title>newsgraph: the 5 most connected and most recent of " in page
    data = page.split('<script id="newsgraph-data" type="application/json">')[1]
    data = data.split("</script>")[0]
    assert len(json.loads(data)["nodes"]) == 5


def test_same_input_same_bytes(seed_graph, tmp_path):
    assert main(["build", "--out", str(tmp_path)]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (seed_graph / name).read_bytes(), name


def test_building_a_then_b_equals_building_both(tmp_path):
    one, two = SEEDS / "000_5b8763289bf46c03.txt", SEEDS / "001_ddc456ae5f42c23f.txt"
    assert main(["build", str(one), "--out", str(tmp_path / "ab")]) == 0
    assert main(["build", str(two), "--out", str(tmp_path / "ab")]) == 0
    assert main(["build", str(one), str(two), "--out", str(tmp_path / "both")]) == 0
    for name in OUTPUTS:
        ab, both = ((tmp_path / f / name).read_bytes() for f in ("ab", "both"))
        if name == "graph.html":  # all is new in one build; only b's part in the second of two
            assert ab.count(b'"new":true') < both.count(b'"new":true')
            ab, both = (page.replace(b'"new":true', b'"new":false') for page in (ab, both))
        assert ab == both
    # the store of the add (only the difference written) holds what a whole build loads
    assert _store_lines(tmp_path / "ab") == _store_lines(tmp_path / "both")
    assert _store_lines(tmp_path / "ab") == _turtle_lines(tmp_path / "ab" / "graph.ttl")


def _store_lines(folder):
    store = open_store(folder)
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return sorted(dump.splitlines())


def _turtle_lines(path):
    """The triples of a Turtle file as a store holds them (numbers in their canonical form)."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                  .splitlines())


def test_a_document_seen_before_is_not_added_twice(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("Intel Corp. said on Monday it would hire 100 engineers.")
    copy = tmp_path / "copy.txt"
    shutil.copy(source, copy)
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out)]) == 0
    first = (out / "graph.ttl").read_bytes()
    capsys.readouterr()
    assert main(["build", str(copy), "--out", str(out)]) == 0
    assert "0 read, 1 already built" in capsys.readouterr().err
    assert (out / "graph.ttl").read_bytes() == first


def test_bad_source_is_one_line_and_the_rest_is_built(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("Intel Corp. said on Monday it would hire 100 engineers.")
    assert main(["build", str(empty), str(good), "--out", str(tmp_path / "out")]) == 0
    errors = [line for line in capsys.readouterr().err.splitlines() if str(empty) in line]
    assert len(errors) == 1
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_nothing_usable_exits_non_zero_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["build", str(empty), "--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_failed_write_leaves_previous_outputs_whole(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"old a")
    (tmp_path / "b.txt").write_bytes(b"old b")

    def broken(stream):
        stream.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically({
            tmp_path / "a.txt": lambda s: s.write(b"new a"),
            tmp_path / "b.txt": broken,
        })
    assert (tmp_path / "a.txt").read_bytes() == b"old a"
    assert (tmp_path / "b.txt").read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_build_killed_mid_write_leaves_the_previous_outputs_whole(tmp_path):
    import subprocess
    import sys
    import time

    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old graph")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsgraph.outputs import write_atomically\n"
        "def slow(stream):\n"
        "    stream.write(b'half of a new graph')\n"
        "    stream.flush()\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        f"write_atomically({{Path({str(target)!r}): slow}})\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             cwd=Path(__file__).resolve().parents[1])
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"
    child.kill()
    child.wait(timeout=10)
    child.stdout.close()
    assert target.read_bytes() == b"old graph"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "graph.ttl"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".graph.ttl.")
    started = time.monotonic()
    write_atomically({target: lambda s: s.write(b"new graph")})
    assert time.monotonic() - started < 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
    assert target.read_bytes() == b"new graph"


def test_a_real_build_killed_at_any_moment_leaves_whole_outputs(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    one, two = SEEDS / "000_5b8763289bf46c03.txt", SEEDS / "001_ddc456ae5f42c23f.txt"
    out = tmp_path / "out"
    assert main(["build", str(one), "--out", str(out)]) == 0
    old = {name: (out / name).read_bytes() for name in OUTPUTS}
    reference = tmp_path / "reference"
    assert main(["build", str(one), "--out", str(reference)]) == 0
    assert main(["build", str(two), "--out", str(reference)]) == 0
    new = {name: (reference / name).read_bytes() for name in OUTPUTS}
    old_triples, new_triples = len(open_store(out)), len(open_store(reference))
    command = [sys.executable, "-m", "newsgraph", "build", str(two), "--out", str(out)]
    for delay in (0.5, 1.5, 2.5, 3.5):
        child = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 cwd=Path(__file__).resolve().parents[1])
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        for name in OUTPUTS:
            assert (out / name).read_bytes() in (old[name], new[name]), (delay, name)
        assert len(open_store(out)) in (old_triples, new_triples), delay


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Chips Daily</title>
<item><title>Chip curbs widen</title><link>https://news.example/1</link>
<description>Intel Corp. said on Monday it would hire 100 engineers.</description></item>
</channel></rss>"""


@pytest.fixture
def feed_server():
    import http.server
    import threading

    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers.get("If-None-Match"))
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml", seen
    server.shutdown()
    server.server_close()


def test_a_feed_is_fetched_again_with_its_etag(feed_server, tmp_path, capsys):
    url, seen = feed_server
    out = tmp_path / "out"
    assert main(["build", url, "--out", str(out), "--allow-private-hosts"]) == 0
    first = (out / "graph.ttl").read_bytes()
    assert main(["build", url, "--out", str(out), "--allow-private-hosts"]) == 0
    assert seen == [None, '"v1"']
    assert "documents: 0 read, 0 already built, 0 sources failed" in capsys.readouterr().err
    assert (out / "graph.ttl").read_bytes() == first


def test_a_build_writes_only_the_exports_asked_for(tmp_path, capsys):
    one, two = SEEDS / "000_5b8763289bf46c03.txt", SEEDS / "001_ddc456ae5f42c23f.txt"
    assert main(["build", str(one), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["build", str(two), "--out", str(tmp_path), "--exports", "json"]) == 0
    assert capsys.readouterr().out == f"wrote {tmp_path / 'graph.ttl'}\n"  # no viewer written
    assert main(["build", str(two), "--out", str(tmp_path), "--exports", "html"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("graph."))
    assert names == ["graph.html", "graph.oxigraph", "graph.ttl"]
    assert main(["build", str(two), "--out", str(tmp_path), "--exports", "xml"]) == 1
    assert capsys.readouterr().err.endswith(
        "no export named 'xml' (expected: ttl, jsonld, graphml, json, html, trig, all)\n")


def test_trig_is_written_only_when_named(tmp_path, capsys):
    one = SEEDS / "000_5b8763289bf46c03.txt"
    assert main(["build", str(one), "--out", str(tmp_path), "--exports", "all,trig"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("graph."))
    assert names == ["graph.graphml", "graph.html", "graph.json", "graph.jsonld",
                     "graph.oxigraph", "graph.trig", "graph.ttl"]
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)
    assert sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                  .splitlines()) == _turtle_lines(tmp_path / "graph.ttl")
    articles = {str(row["g"].value) for row in store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert articles and all("/article/" in g for g in articles)
    assert main(["build", str(one), "--out", str(tmp_path)]) == 0  # not named: none left
    assert not (tmp_path / "graph.trig").exists()


def test_construct_as_csv_is_refused_with_a_clear_line(seed_graph, capsys):
    construct = "CONSTRUCT { ?p a ng:Person } WHERE { ?p a ng:Person } LIMIT 1"
    graph = str(seed_graph / "graph.ttl")
    assert main(["query", construct, "--graph", graph, "--format", "csv"]) == 1
    assert capsys.readouterr() == ("", (
        "newsgraph: query: --format csv is for SELECT and ASK; a CONSTRUCT or DESCRIBE query "
        "gives triples, printed as Turtle without --format\n"))
    assert main(["query", construct, "--graph", graph]) == 0
    assert "a ng:Person" in capsys.readouterr().out


def test_an_undeclared_prefix_is_reported_where_its_name_starts(seed_graph, capsys):
    assert main(["query", "SELECT ?x WHERE { ?x a foo:Bar }", "--graph", str(seed_graph)]) == 1
    assert capsys.readouterr().err.startswith(
        "newsgraph: query: line 1, column 24: undeclared prefix")


def test_a_removed_cache_brings_a_feeds_articles_back(feed_server, tmp_path, capsys):
    # the corrupt-cache advice is to remove documents.jsonl: the feed must not answer 304 then
    url, seen = feed_server
    out = tmp_path / "out"
    assert main(["build", url, "--out", str(out), "--allow-private-hosts"]) == 0
    first = (out / "graph.ttl").read_bytes()
    (out / "documents.jsonl").unlink()
    assert main(["build", url, "--out", str(out), "--allow-private-hosts"]) == 0
    assert seen == [None, None]
    assert "documents: 1 read, 0 already built" in capsys.readouterr().err
    assert (out / "graph.ttl").read_bytes() == first


def test_a_feed_on_a_private_address_is_refused_without_the_flag(feed_server, tmp_path, capsys):
    url, seen = feed_server
    assert main(["build", url, "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{url}: refused: 127.0.0.1 is a loopback address (newsgraph fetches only from public "
        "addresses; --allow-private-hosts lets it fetch from intranet hosts)",
        f"newsgraph: {url}: nothing usable was read",
    ]
    assert seen == []


def test_file_names_are_escaped_on_the_terminal(tmp_path, capsys):
    bad = tmp_path / "evil\x1b]0;pwned\x07\u202etxt.md"
    bad.write_bytes(b"")
    (tmp_path / "a.txt").write_text("Chips\n\nIntel Corp. rose 5% on Thursday.\n")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert f"{tmp_path}/evil\\x1b]0;pwned\\x07\\u202etxt.md: is empty" in err


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["build", "corpus", "--ouput", "x"],
         "newsgraph build: error: unrecognized arguments: --ouput x (did you mean --out?)"),
        (["build", "--workers", "two"], "newsgraph build: error: argument --workers: must be a "
         "whole number, 0 (one per CPU) or more (got 'two')"),
        (["query", "--max-rows", "-1", "SELECT 1"], "newsgraph query: error: argument "
         "--max-rows: must be a whole number, 0 (no limit) or more (got '-1')"),
    ],
)
def test_a_command_refuses_what_it_does_not_know_itself(argv, line, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: newsgraph {argv[0]} ")
    assert err.splitlines()[-1] == line


def test_an_option_before_the_command_is_refused_by_newsgraph_itself(capsys):
    with pytest.raises(SystemExit):
        main(["--bogus", "build", "x"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "newsgraph: error: unrecognized arguments: --bogus")
