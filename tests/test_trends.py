"""What is rising: months, entity timelines and rising entities (kg.graph.trends), the same numbers from
the Python API, the named queries and the views."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kg
from kg.errors import QueryError
from kg.graph import build_graph
from kg.graph.rdf import rdf_to_nx
from kg.graph.trends import entity_timeline, rising
from kg.models import CorpusExtraction, Entity, EntityRef, Paper, PaperExtraction
from kg.queries import run_named

A, B, C, D = "method/alpha-net", "method/beta-opt", "dataset/gamma-set", "benchmark/delta-bench"
NAMES = {A: "AlphaNet", B: "BetaOpt", C: "GammaSet", D: "DeltaBench"}
# paper -> (date, entities); p5 links GammaSet twice (proposes and uses): it counts once
CORPUS = {
    "p01": ("2024-01-05", [A]), "p02": ("2024-01-20", [A, B]), "p03": ("2024-01-28", [C]),
    "p04": ("2024-02", [B]),  # a year-month, as from an arXiv id
    "p05": ("2024-04-02", [B, C]), "p06": ("2024-04-09", [B]), "p07": ("2024-04-30", [C]),
    "p08": ("2024-05-15", [B, A]), "p09": ("2024-06-01", [D]), "p10": (None, [B]),
}


def _graph():
    papers = [Paper(id=pid, title=f"Invented paper {pid}", abstract=f"An invented abstract number {pid}.",
                    date=date, date_source="record" if date else "none") for pid, (date, _) in CORPUS.items()]
    rows = []
    for pid, (_, ents) in CORPUS.items():
        refs = {"methods": [], "datasets": [], "benchmarks": []}
        for e in ents:
            refs[{"method": "methods", "dataset": "datasets", "benchmark": "benchmarks"}[e.split("/")[0]]].append(
                EntityRef(e, (), NAMES[e]))
        rows.append(PaperExtraction(pid, tuple(refs["methods"]), tuple(refs["datasets"]), tuple(refs["benchmarks"]),
                                    proposes=(C,) if pid == "p05" else ()))
    support = {e: sum(e in ents for _, ents in CORPUS.values()) for e in NAMES}
    ents = tuple(Entity(e, NAMES[e], e.split("/")[0], (), support[e]) for e in sorted(NAMES))
    return build_graph(papers, CorpusExtraction(tuple(rows), ents, "test"))


@pytest.fixture(scope="module")
def graph():
    return _graph()


def test_months_fill_gaps_with_cumulative_counts(graph):
    assert graph.nx.graph["months"] == [["2024-01", 3, 3], ["2024-02", 1, 4], ["2024-03", 0, 4],
                                        ["2024-04", 3, 7], ["2024-05", 1, 8], ["2024-06", 1, 9]]


def test_timeline_counts_dated_papers_once_per_month(graph):
    assert graph.timeline("BetaOpt") == [
        {"month": "2024-01", "papers": 1, "total": 3}, {"month": "2024-02", "papers": 1, "total": 1},
        {"month": "2024-04", "papers": 2, "total": 3}, {"month": "2024-05", "papers": 1, "total": 1}]
    assert graph.timeline("gammaset") == [{"month": "2024-01", "papers": 1, "total": 3},
                                          {"month": "2024-04", "papers": 2, "total": 3}]
    with pytest.raises(KeyError):
        graph.timeline("NoSuchThing")


def test_rising_shares_windows_and_min_support(graph):
    # latest 3 months (Apr-Jun): 5 dated papers; the 3 before (Jan-Mar): 4
    rows = graph.rising()
    assert [(r["name"], r["recent"], r["before"], r["growth"]) for r in rows] == [
        ("GammaSet", 2, 1, 0.15),  # 2/5 - 1/4
        ("BetaOpt", 3, 2, 0.1),  # 3/5 - 2/4
    ]  # AlphaNet and DeltaBench have one paper in the window: below the minimum support of 2
    assert {(r["recent_papers"], r["before_papers"], r["from"], r["to"], r["previous_from"], r["previous_to"])
            for r in rows} == {(5, 4, "2024-04", "2024-06", "2024-01", "2024-03")}
    loose = graph.rising(min_support=1)
    assert [r["name"] for r in loose] == ["DeltaBench", "GammaSet", "BetaOpt"]  # AlphaNet fell: 1/5 - 2/4 < 0
    assert loose[0]["growth"] == 0.2
    one = graph.rising(window=1, min_support=1)  # June vs May
    assert [(r["name"], r["recent"], r["before"], r["growth"]) for r in one] == [("DeltaBench", 1, 0, 1.0)]
    assert graph.rising(window=24, min_support=1)[0]["before_papers"] == 0  # no earlier window: shares now
    with pytest.raises(ValueError):
        graph.rising(window=0)


def _query_rows(store, params):
    res = run_named(store, "rising-entities", params)
    cols = res.columns
    return [(r[cols.index("name")], r[cols.index("recent")], r[cols.index("before")],
             r[cols.index("recentPapers")], r[cols.index("beforePapers")], round(float(r[cols.index("growth")]), 6),
             r[cols.index("from")], r[cols.index("to")], r[cols.index("previousFrom")], r[cols.index("previousTo")])
            for r in res.rows]


def _api_rows(rows):
    return [(r["name"], r["recent"], r["before"], r["recent_papers"], r["before_papers"], r["growth"], r["from"],
             r["to"], r["previous_from"], r["previous_to"]) for r in rows]


@pytest.mark.parametrize("window,support", [(3, 2), (3, 1), (1, 1), (2, 1), (24, 1)])
def test_rising_query_gives_the_api_numbers(graph, window, support):
    expected = _api_rows(graph.rising(window=window, min_support=support))
    assert expected or window == 1 and support == 2
    assert _query_rows(graph.store, {"window": str(window), "minSupport": str(support)}) == expected


def test_rising_query_defaults_and_bad_parameters(graph):
    assert _query_rows(graph.store, {}) == _api_rows(graph.rising())
    for bad in ("0", "-1", "three", "1e3", "\uff13"):
        with pytest.raises(QueryError, match="whole number"):
            run_named(graph.store, "rising-entities", {"window": bad})


def test_entity_timeline_query_gives_the_api_rows(graph):
    for name in ("BetaOpt", "gammaset", "AlphaNet", "DeltaBench"):
        res = run_named(graph.store, "entity-timeline", {"entity": name})
        got = [dict(zip(("month", "papers", "total"), row[-3:])) for row in res.rows]
        assert got == graph.timeline(name)


def test_months_survive_the_rdf_round_trip(graph):
    back = rdf_to_nx(graph.store)
    assert back.graph["months"] == graph.nx.graph["months"]
    assert back.nodes["paper/p04"]["date"] == "2024-02"  # typed xsd:gYearMonth, read back as written
    assert rising(back) == rising(graph.nx)
    assert entity_timeline(back, B) == entity_timeline(graph.nx, B)


def test_no_dated_paper_means_no_rows():
    papers = [Paper(id="u1", title="Undated one", abstract="x"), Paper(id="u2", title="Undated two", abstract="y")]
    g = build_graph(papers, CorpusExtraction((PaperExtraction("u1"), PaperExtraction("u2")), (), "t"))
    assert g.nx.graph["months"] == [] and g.rising() == []
    assert run_named(g.store, "rising-entities", {}).rows == ()


# ---------------------------------------------------------------- the demo, end to end


@pytest.fixture(scope="module")
def demo(demo_build):
    return demo_build


def test_demo_has_dates_over_months_and_a_rising_list(demo):
    out, result = demo
    sources = result.report["ingest"]["date_sources"]
    assert sources["record"] == 16 and sources["listing"] + sources["listing-year-inferred"] == 28
    assert sources["none"] == 0 and sources["listing-day"] == 0
    g = kg.load(out)
    months = [m for m, n, _ in g.nx.graph["months"] if n]
    assert len(months) >= 6
    rows = g.rising()
    assert len(rows) >= 3 and rows[0]["to"] == "2025-01"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"{rows[0]['recent']} / {rows[0]['recent_papers']}" in index and rows[0]["name"] in index
    for window, support in ((3, 2), (1, 1), (6, 1), (12, 3)):
        assert _query_rows(g.store, {"window": str(window), "minSupport": str(support)}) == _api_rows(
            g.rising(window=window, min_support=support))


def test_demo_entity_page_draws_the_timeline_of_the_api(demo):
    out, _ = demo
    g = kg.load(out)
    page = (out / "entity" / "benchmark-gsm8k.html").read_text(encoding="utf-8")
    # the page holds the months (paperkg.js draws them over the window in its data shard: test_browser_trends)
    rows = page.split('data-rows="')[1].split('"')[0]
    drawn = [(pair.split(":")[0], int(pair.split(":")[1])) for pair in rows.split(" ")]
    assert drawn == [(r["month"], r["papers"]) for r in g.timeline("GSM8K")] and drawn


def _cli_rows(out, *params):
    """``paperkg query --name rising-entities`` in a subprocess, rows as ``_api_rows`` gives them."""
    args = [a for p in params for a in ("--param", p)]
    proc = subprocess.run([sys.executable, "-m", "kg", "query", "--name", "rising-entities", "--graph", str(out),
                           "--format", "json", *args], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["results"]["bindings"]
    value = lambda r, k: r[k]["value"]  # noqa: E731
    return [(value(r, "name"), int(value(r, "recent")), int(value(r, "before")), int(value(r, "recentPapers")),
             int(value(r, "beforePapers")), round(float(value(r, "growth")), 6), value(r, "from"), value(r, "to"),
             value(r, "previousFrom"), value(r, "previousTo")) for r in rows]


def test_cli_rising_entities_returns_rows_on_the_demo(demo):
    out, _ = demo
    g = kg.load(out)
    rows = _cli_rows(out)
    assert rows and rows == _api_rows(g.rising())
    assert _cli_rows(out, "window=1", "minSupport=1") == _api_rows(g.rising(window=1, min_support=1))


SHARED = __import__("pathlib").Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not available")
def test_shared_corpus_with_year_has_rising_rows_matching_the_api():
    g = kg.build([SHARED / "corpus"], year=2025)
    rows = g.rising()
    assert rows and all(r["recent"] >= 2 and r["to"] == "2025-08" for r in rows)
    assert _query_rows(g.store, {}) == _api_rows(rows)
    assert kg.build([SHARED / "corpus"]).rising() == []  # "Aug 25" alone has no year: nothing is dated


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not available")
def test_shared_corpus_cli_build_and_query_give_the_api_numbers(tmp_path):
    """As a user would: ``paperkg build ../shared/corpus --year 2025``, then ``paperkg query --name
    rising-entities``: rows, and the Python API's numbers (without --year nothing is dated: see test_ingest_dedup)."""
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(SHARED / "corpus"), "-o", str(out), "--year",
                           "2025", "--no-cache"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["ingest"]["date_sources"]["listing-year-option"] > 0
    rows = _cli_rows(out)
    assert rows and rows == _api_rows(kg.load(out).rising())
    assert _cli_rows(out, "minSupport=5") == _api_rows(kg.load(out).rising(min_support=5))


def test_demo_topics_page_lists_each_topics_rising_entities(demo):
    """topics.html: under each topic, the rows of the Rising list whose entity is in that topic, same numbers."""
    import html
    import re

    out, _ = demo
    page = (out / "topics.html").read_text(encoding="utf-8")
    api = {r["name"]: r for r in kg.load(out).rising()}
    sections = page.split('<section class="pk-topic"')[1:]
    assert sections
    shown_anywhere, members_anywhere = set(), set()
    for sec in sections:
        entities = {html.unescape(n) for n in re.findall(r'<tr><td><a href="[^"]*">([^<]*)</a></td>', sec)}
        members_anywhere |= entities
        rising = sec.split('pk-topic-rising">')[1].split("</ul>")[0] if "pk-topic-rising" in sec else ""
        for name, counts in re.findall(r'<a href="[^"]*">([^<]*)</a> <span class="pk-muted">([^<]*)</span>', rising):
            name = html.unescape(name)
            r = api[name]
            assert name in entities  # a topic shows only its own entities
            assert counts == (f"{r['recent']} / {r['recent_papers']} now, {r['before']} / {r['before_papers']} "
                              f"before, +{100 * r['growth']:.1f} pt")
            shown_anywhere.add(name)
    assert shown_anywhere and shown_anywhere == {n for n in api if n in members_anywhere}
