"""vis-network options, taken from pyvis's option objects and tuned for pre-computed layouts."""
from __future__ import annotations

import json
from functools import lru_cache

from kg.views.safe import json_for_script

__all__ = ["vis_options_json", "BIG_GRAPH"]

BIG_GRAPH = 400  # above this many nodes: straight edges, hide edges while dragging/zooming


@lru_cache(maxsize=2)
def _options(big: bool) -> str:
    from pyvis.network import Network

    net = Network(directed=True)
    net.toggle_physics(False)  # positions come from Python: the first draw needs no simulation
    net.set_edge_smooth("continuous")
    opts = json.loads(net.options.to_json())
    opts["edges"]["smooth"] = {"enabled": not big, "type": "continuous"}
    opts["edges"]["color"] = {"inherit": False}
    opts["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.4}}
    opts["edges"]["width"] = 1
    opts["edges"]["selectionWidth"] = 2
    opts["nodes"] = {"shape": "dot", "borderWidth": 1, "font": {"size": 14, "face": "sans-serif"},
                     "scaling": {"label": {"drawThreshold": 6}}}
    opts["interaction"].update({"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                                "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False})
    opts["layout"] = {"improvedLayout": False, "randomSeed": 7}
    return json_for_script(opts)


def vis_options_json(n_nodes: int) -> str:
    return _options(n_nodes > BIG_GRAPH)

