"""The learned proposal decision: shipped weights match the code and a fresh training run."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import decide
from extractors.decide import FEATURES, MODEL_PATH, ProposalCandidate, cluster_features, decide_proposals
from kg.models import Mention, Paper

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _mention(text, start, rule="shape:mixed", proposed=False, field="abstract", sentence=""):
    return Mention(kind="method", text=text, field=field, start=start, end=start + len(text),
                   sentence=sentence, sentence_start=0, rule=rule, confidence=0.5, proposed=proposed)


def test_shipped_model_has_the_codes_features_and_a_threshold():
    model = json.loads(MODEL_PATH.read_text())["proposes"]
    assert tuple(model["features"]) == FEATURES
    assert len(model["weights"]) == len(FEATURES)
    assert 0.0 < model["threshold"] < 1.0


def test_our_method_appositive_outweighs_a_used_known_name():
    abstract = "Prior work uses Adam. Our method, ZorbNet, improves on Adam by far."
    paper = Paper(id="x", title="Fast Things", abstract=abstract)
    own = ProposalCandidate("zorbnet", [_mention("ZorbNet", abstract.index("ZorbNet"), sentence=abstract)])
    used = ProposalCandidate("adam", [_mention("Adam", abstract.index("Adam"), rule="gazetteer:Adam",
                                               sentence=abstract)])
    verdict = decide_proposals(paper, [own, used], {"adam": ("method", "Adam")}, None)
    assert verdict == {"zorbnet": True, "adam": False}


def test_features_name_no_particular_word():
    paper = Paper(id="x", title="T", abstract="We propose FooBar, a new method.")
    cand = ProposalCandidate("foobar", [_mention("FooBar", 11, rule="proposes:we-propose-X", proposed=True,
                                                 sentence=paper.abstract)])
    f = cluster_features(paper, cand, {}, None)
    assert set(f) == set(FEATURES)
    assert f["rule_we_propose"] == 1.0 and f["appositive_after"] == 1.0 and f["near_trigger"] == 1.0


def test_without_a_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(decide, "load_model", lambda: None)
    paper = Paper(id="x", title="T", abstract="We propose FooBar.")
    flagged = ProposalCandidate("foobar", [_mention("FooBar", 11, proposed=True)])
    unconfirmed = ProposalCandidate("t", [_mention("T", 0, field="title", proposed=True)], unconfirmed_title=True)
    assert decide_proposals(paper, [flagged, unconfirmed], {}, None) == {"foobar": True, "t": False}


@pytest.mark.shared
def test_shipped_weights_equal_a_fresh_training_run():
    if not (SHARED / "gold" / "dev.jsonl").exists() or not (SHARED / "corpus").is_dir():
        pytest.skip("../shared gold set and corpus not available")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_decisions.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]


def test_sole_new_name_needs_a_contribution_sentence_and_one_coined_name():
    def cands(abstract, *names):
        return [ProposalCandidate(n.lower(), [_mention(n, abstract.index(n), sentence=abstract)]) for n in names]

    one = "We present Quiet Widget Search for sorting. It is fast."
    assert decide.sole_new_names(Paper(id="p", title="t", abstract=one), cands(one, "Quiet Widget Search"),
                                 set()) == {"quiet widget search"}
    two = "We present Quiet Widget Search and Loud Widget Sort for sorting."
    assert decide.sole_new_names(Paper(id="p", title="t", abstract=two),
                                 cands(two, "Quiet Widget Search", "Loud Widget Sort"), set()) == set()
    study = "Quiet Widget Search is popular; its behaviour is not understood."
    assert decide.sole_new_names(Paper(id="p", title="t", abstract=study), cands(study, "Quiet Widget Search"),
                                 set()) == set()
    known = "We present Quiet Widget Search for sorting."
    assert decide.sole_new_names(Paper(id="p", title="t", abstract=known), cands(known, "Quiet Widget Search"),
                                 {"quiet widget search"}) == set()


def test_a_name_headed_by_a_problem_noun_names_a_problem():
    abstract = "We study Sparse Widget Bandits, where rewards drift. We prove a regret bound."
    cand = ProposalCandidate("sparse widget bandit", [_mention("Sparse Widget Bandits", abstract.index("Sparse"),
                                                                sentence=abstract)])
    f = cluster_features(Paper(id="p", title="t", abstract=abstract), cand, set(), None)
    assert f["problem_after"] == 1.0
    other = ProposalCandidate("sparse widget search", [_mention("Sparse Widget Search", 9, sentence="We study Sparse Widget Search.")])
    f2 = cluster_features(Paper(id="p", title="t", abstract="We study Sparse Widget Search."), other, set(), None)
    assert f2["problem_after"] == 0.0


def test_threshold_choice_never_takes_an_end_of_the_grid():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_decisions

    grid = [0.2, 0.25, 0.3, 0.35, 0.4]
    # the first two points average highest, but the first has no left neighbour
    assert train_decisions.pick_threshold(grid, [0.90, 0.89, 0.80, 0.85, 0.86]) == 0.25
    assert train_decisions.pick_threshold(grid, [0.80, 0.81, 0.84, 0.86, 0.87]) == 0.35


def test_threshold_choice_takes_the_middle_of_a_flat_top():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_decisions

    grid = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]
    flat = [0.80, 0.869, 0.866, 0.868, 0.865, 0.865, 0.864, 0.867, 0.870, 0.80]
    # an argmax would take an end of the plateau; one point more or less there must not move it far
    assert train_decisions.pick_threshold(grid, flat) in (0.35, 0.4, 0.45)
    bumped = list(flat)
    bumped[8] += 0.004
    assert abs(train_decisions.pick_threshold(grid, bumped) - train_decisions.pick_threshold(grid, flat)) <= 0.05


def test_cv_repeats_assign_papers_to_different_folds():
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_decisions

    ids = [f"paper-{i}" for i in range(200)]
    folds = [train_decisions.fold_ids(pid) for pid in ids]
    assert all(len(f) == train_decisions.CV_REPEATS and all(0 <= k < 5 for k in f) for f in folds)
    assert sum(f[0] != f[1] for f in folds) > 100  # a new split, not the same one again
    assert folds == [train_decisions.fold_ids(pid) for pid in ids]  # deterministic
