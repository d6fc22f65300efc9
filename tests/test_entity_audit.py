"""benchmarks/entity_audit.py flags the junk shapes it names, and nothing in a clean list."""
from script_modules import benchmark

audit = benchmark("entity_audit", "entity_audit")


def _entity(name, kind="method", aliases=(), support=1):
    return {"id": f"{kind}/{name}", "kind": kind, "name": name, "aliases": list(aliases), "support": support,
            "proposed": False, "forms": {name, *aliases}}


def test_each_junk_shape_is_flagged():
    found = audit.audit_entities([
        _entity("Omega(d^2"), _entity("e.g.~FooOpt"), _entity("mK"), _entity("value.Next-step action"),
        _entity("QR21"), _entity("Smith-Jones"), _entity("geNerAtion"), _entity("Tail-Word-"),
        _entity("Widget Optimisation"), _entity("Widget Optimization"),
        _entity("Foo Bar Baz", aliases=("FBB", "QXZ")),
    ])
    flagged = {name for hits in found.values() for name in hits}
    for junk in ("Omega(d^2", "e.g.~FooOpt", "mK", "value.Next-step action", "QR21", "Smith-Jones", "geNerAtion",
                 "Tail-Word-"):
        assert junk in flagged
    assert found["near-duplicate names in one type"] == ["Widget Optimisation / Widget Optimization"]
    assert found["two unrelated acronyms"] == ["Foo Bar Baz (FBB, QXZ)"]


def test_clean_names_are_not_flagged():
    found = audit.audit_entities([_entity("Group Relative Policy Optimization", aliases=("GRPO",)),
                                  _entity("ImageNet", kind="dataset"), _entity("GSM8K", kind="benchmark"),
                                  _entity("LoRA"), _entity("Prefix Grouper")])
    assert all(not hits for hits in found.values()), found


def test_a_canonical_name_in_the_plural_of_a_known_name_is_flagged():
    found = audit.audit_entities([_entity("Vision Transformers"), _entity("VQ-VAEs"),
                                  _entity("Neural Radiance Fields"), _entity("Zorb Widgets")])
    assert found["plural or dash-variant canonical name"] == ["Vision Transformers", "VQ-VAEs"]
