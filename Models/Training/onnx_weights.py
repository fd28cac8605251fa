#!/usr/bin/env python3
"""Rebuilds a shipped network's PyTorch module and ``state_dict`` from its ONNX file in Models/.

Each weight set is stored once, as the initializers of the shipped ONNX file (the PyTorch copies that used to sit in
Models/Training/weights/<id>.pt doubled the repository's size). ``--init-weights``, ``--init-body``, the distillation
teacher and the export-parity test read the networks from here.

How an id becomes a module: SOURCES below names the architecture and its constructor arguments (what the ``.pt``
files' metadata held) and the ONNX file that holds all of its parameters. The LapSRN ids are one 3-level network,
published once per level from the same weights: all three are read from ``lapsrn-x8.onnx``, the only file with
every level's parameters.

How initializers become ``state_dict`` entries: the TorchScript exporter keeps a parameter's name for an initializer
that is the parameter itself. The module is built as it was exported (LapSRN inside ``LapSRNLevel``, hence the
``model.`` prefix), so those names match the ``state_dict`` keys. A parameter whose initializer the exporter renamed
(``onnx::Conv_123``) is found by its place in the graph instead: a probe copy of the module, its tensors filled with
distinct values, is exported the same way; a probe initializer equal to a probe tensor tells which node input (the
k-th node of that op type, input slot j) that tensor feeds, and the shipped file's initializer at the same place is
taken. When that path is used the module is re-exported with the loaded weights and every initializer must equal the
shipped one: a folded (transformed) parameter cannot be mapped and fails here. Any ``state_dict`` tensor left
unmatched, or a shape that differs, fails loudly; nothing falls back to fresh weights.

    /usr/bin/python3 Models/Training/onnx_weights.py --check            # every shipped network (see check())
    /usr/bin/python3 Models/Training/onnx_weights.py --check --id imdn-x2 --pt-dir /tmp/old-weights
"""
import argparse
import copy
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import torch  # noqa: E402
from onnx import numpy_helper  # noqa: E402

MODELS_DIR = os.path.normpath(os.path.join(HERE, ".."))

# The dehaze networks' constructor arguments, as train_dehaze.py records them (dehaze.nets.config_of).
_DEHAZE = {"enc_channels": [32, 48, 64, 96], "dec_channels": 16, "detail_branch": True, "detail_channels": 16,
           "detail_blocks": 4}

# id -> what to build: "model" and "scale" as models.build_model takes them (or "dehaze" with its "config"), the
# ONNX file holding every parameter ("file", default <id>.onnx) and, for LapSRN, the level that file was exported at.
# A network published under a new id needs its line here (publish.py refuses to publish one that has none).
# The level each LapSRN id runs (LapSRNLevel): all three are read from the x8 file, exported at level 3.
LAPSRN_LEVEL = {"lapsrn-x2": 1, "lapsrn-x4": 2, "lapsrn-x8": 3}

SOURCES = {
    "imdn-x2": {"model": "imdn", "scale": 2},
    "imdn-x3": {"model": "imdn", "scale": 3},
    "imdn-x4": {"model": "imdn", "scale": 4},
    "imdn-rtc-x2": {"model": "imdn-rtc", "scale": 2},
    "lapsrn-x2": {"model": "lapsrn", "scale": 8, "file": "lapsrn-x8.onnx", "level": 3},
    "lapsrn-x4": {"model": "lapsrn", "scale": 8, "file": "lapsrn-x8.onnx", "level": 3},
    "lapsrn-x8": {"model": "lapsrn", "scale": 8, "file": "lapsrn-x8.onnx", "level": 3},
    "dehaze": {"model": "dehaze", "config": _DEHAZE},
    "dehaze-no-kt": {"model": "dehaze", "config": _DEHAZE},
    "dehaze-no-detail": {"model": "dehaze", "config": {"enc_channels": [32, 48, 64, 96], "dec_channels": 16,
                                                       "detail_branch": False}},
}
# DRCN / DRRN / RED-Net (nets/vdsr_family.py): <variant>-x<scale>, e.g. rednet10-f32-x2, drrn-b1u25-x2, drcn-x3
# (model = the variant; the shipped ones are reduced variants, train_vdsr_family.sh)
def _vdsr_sources():
    from nets.vdsr_family import VARIANTS
    return {f"{v}-x{s}": {"model": v, "scale": s} for v in VARIANTS for s in (2, 3, 4)}


SOURCES.update(_vdsr_sources())


def source_of(model_id):
    if model_id not in SOURCES:
        raise ValueError(f"no shipped network {model_id!r} in onnx_weights.SOURCES; known: "
                         f"{', '.join(sorted(SOURCES))}")
    return SOURCES[model_id]


def meta_of(model_id):
    """The checkpoint meta train.py / train_dehaze.py write for this network (what --init-weights compares)."""
    src = source_of(model_id)
    if src["model"] == "dehaze":
        from dehaze.nets import MULTIPLE
        return {"model": "dehaze", "config": copy.deepcopy(src["config"]), "multiple": MULTIPLE}
    return {"model": src["model"], "scale": src["scale"]}


def build(model_id):
    """(network, module as exported, export sample size): a freshly initialised network of ``model_id``'s
    architecture, and the module whose ONNX export the shipped file is (the network itself, or LapSRNLevel of it)."""
    src = source_of(model_id)
    if src["model"] == "dehaze":
        from dehaze.nets import build_from_meta
        net = build_from_meta(meta_of(model_id))
        return net, net, (64, 96)  # export_dehaze's sample size (sides must be multiples of 16)
    from models import build_model
    from nets.lapsrn import LapSRNLevel
    net = build_model(src["model"], src["scale"])
    return net, (LapSRNLevel(net, src["level"]) if src["model"] == "lapsrn" else net), (64, 64)


def onnx_path(model_id, models_dir=MODELS_DIR):
    return os.path.join(models_dir, source_of(model_id).get("file", f"{model_id}.onnx"))


def _uses(graph):
    """initializer name -> the first place a node reads it: (op type, index among that op type's nodes, input slot).
    Op-type-relative indices stay put when the exporter adds or drops unrelated nodes (Constant, Shape, ...)."""
    inits = {i.name for i in graph.initializer}
    seen, places = {}, {}
    for node in graph.node:
        k = seen.get(node.op_type, 0)
        seen[node.op_type] = k + 1
        for slot, name in enumerate(node.input):
            if name in inits and name not in places:
                places[name] = (node.op_type, k, slot)
    return places


def _arrays(graph):
    return {i.name: numpy_helper.to_array(i) for i in graph.initializer}


def _positional(module, sample_hw, missing, shipped_graph):
    """{state_dict key: shipped initializer name} for ``missing`` keys, found by graph position (module docstring)."""
    probe = copy.deepcopy(module)
    keys = list(probe.state_dict())
    with torch.no_grad():
        # distinct values per tensor (offset by its index), so an initializer equal to one names it unambiguously
        for i, (key, t) in enumerate(probe.state_dict().items()):
            if t.is_floating_point():
                t.copy_(i + 1 + torch.arange(t.numel(), dtype=torch.float64).reshape(t.shape) * 1e-7)
    from export import export_proto
    graph = export_proto(probe, sample_hw).graph
    values = {k: v.detach().cpu().numpy() for k, v in probe.state_dict().items()}
    probe_places, shipped_at = _uses(graph), {place: name for name, place in _uses(shipped_graph).items()}
    found = {}
    for name, arr in _arrays(graph).items():
        for key in keys:
            if key in missing and values[key].shape == arr.shape and np.array_equal(values[key], arr):
                place = probe_places.get(name)
                if place in shipped_at:
                    found[key] = shipped_at[place]
    return found


def _torch_dtype(array):
    return torch.from_numpy(np.empty(0, dtype=array.dtype)).dtype


def state_dict_from_onnx(module, path, sample_hw=(64, 64)):
    """The ``state_dict`` of ``module`` (built as it was exported) with every tensor taken from the ONNX file at
    ``path``. Raises ValueError naming each unmatched tensor or differing shape."""
    if not os.path.isfile(path):
        raise FileNotFoundError(f"{path}: no such ONNX file")
    shipped_model = onnx.load(path)
    shipped = _arrays(shipped_model.graph)
    own = module.state_dict()
    names = {k: k for k in own if k in shipped}
    missing = [k for k in own if k not in names]
    if missing:
        names.update(_positional(module, sample_hw, set(missing), shipped_model.graph))
    errors = [f"{k}: no initializer (by name or graph position)" for k in own if k not in names]
    errors += [f"{k}: {tuple(own[k].shape)} {own[k].dtype} but {names[k]} in the file is "
               f"{tuple(shipped[names[k]].shape)} {_torch_dtype(shipped[names[k]])}"
               for k in own if k in names and (tuple(own[k].shape) != tuple(shipped[names[k]].shape)
                                               or _torch_dtype(shipped[names[k]]) != own[k].dtype)]
    taken = [names[k] for k in names]
    errors += [f"{n}: taken for more than one tensor" for n in sorted(set(taken)) if taken.count(n) > 1]
    if errors:
        raise ValueError(f"{path} does not hold {type(module).__name__}'s weights:\n  " + "\n  ".join(errors))
    state = {k: torch.from_numpy(shipped[names[k]].copy()) for k in own}
    if missing:
        _verify_reexport(module, state, sample_hw, shipped_model.graph, path)
    return state


def _verify_reexport(module, state, sample_hw, shipped_graph, path):
    """A positionally mapped tensor is right only if it was stored as is: re-export with the loaded weights and
    require every initializer, place by place, to equal the shipped file's."""
    from export import export_proto
    probe = copy.deepcopy(module)
    probe.load_state_dict(state)
    graph = export_proto(probe, sample_hw).graph
    again, shipped = _arrays(graph), _arrays(shipped_graph)
    shipped_at = {place: name for name, place in _uses(shipped_graph).items()}
    bad = [name for name, place in _uses(graph).items()
           if place not in shipped_at or not np.array_equal(again[name], shipped[shipped_at[place]])]
    if bad:
        raise ValueError(f"{path}: re-exporting the weights mapped by graph position does not give the file's "
                         f"initializers back ({', '.join(bad[:8])}): a parameter was folded, not stored as is")


def load_network(model_id, models_dir=MODELS_DIR):
    """(network with the shipped weights, meta) for a shipped id; meta as in a train.py / train_dehaze.py checkpoint
    plus "id" and "onnx" (the file read)."""
    net, exported, sample_hw = build(model_id)
    path = onnx_path(model_id, models_dir)
    exported.load_state_dict(state_dict_from_onnx(exported, path, sample_hw))
    meta = meta_of(model_id)
    return net, dict(meta, id=model_id, onnx=path)


def id_of(spec):
    """The shipped id named by ``spec``: an id (``imdn-x3``) or a path to a shipped ONNX file (``Models/imdn-x3.onnx``);
    None for anything else (a checkpoint path)."""
    if spec in SOURCES:
        return spec
    if spec.endswith(".onnx"):
        stem = os.path.basename(spec)[: -len(".onnx")]
        if stem not in SOURCES:
            raise ValueError(f"{spec}: not a shipped network's ONNX file (no {stem!r} in onnx_weights.SOURCES; a run's "
                             "checkpoint is read from its best.pt / last.pt)")
        return stem
    return None


def load_spec(spec):
    """load_network for an id or ONNX path whose file is read where ``spec`` points (an id: Models/)."""
    model_id = id_of(spec)
    if model_id is None:
        raise ValueError(f"{spec}: neither a shipped id nor an .onnx file")
    models_dir = os.path.dirname(os.path.abspath(spec)) if spec.endswith(".onnx") else MODELS_DIR
    return load_network(model_id, models_dir)


def _sha256(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def check(model_id, pt_dir=None, models_dir=MODELS_DIR):
    """Proof for one id, printed as one line; raises on any failure:
    - with ``pt_dir``: the state_dict rebuilt from ONNX equals ``<pt_dir>/<id>.pt``'s exactly (torch.equal) and the
      meta matches the one it recorded;
    - the rebuilt network, re-exported by the project's exporter, gives the shipped file's initializers back
      bit-exactly and the same graph (nodes, ops, attributes, inputs and outputs), i.e. it computes the same output.
    """
    from export import export_proto
    from nets.lapsrn import LapSRNLevel
    net, meta = load_network(model_id, models_dir)
    notes = []
    if pt_dir:
        from models import load_checkpoint
        ck = load_checkpoint(os.path.join(pt_dir, f"{model_id}.pt"))
        if "meta" in ck:
            old_meta, old = ck["meta"], ck["model"]
        else:
            old_meta, old = {"model": ck["model_name"], "scale": ck["scale"]}, ck["state_dict"]
        mine = net.state_dict()
        if set(mine) != set(old):
            raise AssertionError(f"{model_id}: keys differ: {sorted(set(mine) ^ set(old))}")
        unequal = [k for k in mine if not torch.equal(mine[k], old[k])]
        if unequal:
            raise AssertionError(f"{model_id}: tensors differ from the .pt: {unequal}")
        if {k: meta[k] for k in old_meta} != old_meta:
            raise AssertionError(f"{model_id}: meta {meta} but the .pt recorded {old_meta}")
        notes.append(f"{len(mine)} tensors torch.equal to {model_id}.pt")
    src = SOURCES[model_id]
    shipped_path = os.path.join(models_dir, f"{model_id}.onnx")  # the id's own file (lapsrn-x2: its 1-level graph)
    module = LapSRNLevel(net, LAPSRN_LEVEL[model_id]) if src["model"] == "lapsrn" else net
    again = export_proto(module, (64, 96) if src["model"] == "dehaze" else (64, 64))
    shipped = onnx.load(shipped_path)
    a, b = _arrays(again.graph), _arrays(shipped.graph)
    if set(a) != set(b) or any(not np.array_equal(a[k], b[k]) or a[k].dtype != b[k].dtype for k in a):
        raise AssertionError(f"{model_id}: re-exported initializers differ from {shipped_path}")

    def nodes(m):
        return [(n.op_type, list(n.input), list(n.output), [onnx.helper.printable_attribute(x) for x in n.attribute])
                for n in m.graph.node]
    if nodes(again) != nodes(shipped) or again.graph.input != shipped.graph.input \
            or again.graph.output != shipped.graph.output:
        raise AssertionError(f"{model_id}: re-exported graph differs from {shipped_path}")
    same_bytes = again.SerializeToString() == shipped.SerializeToString()
    notes.append(f"re-export: {len(a)} initializers bit-equal, same {len(again.graph.node)}-node graph"
                 + (", byte-identical file" if same_bytes else ""))
    print(f"{model_id}: OK ({'; '.join(notes)})", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="prove every (or --id) network rebuilds from its ONNX file")
    ap.add_argument("--id", action="append", help="only this id (repeatable)")
    ap.add_argument("--pt-dir", help="also compare with the PyTorch weights files <pt-dir>/<id>.pt")
    ap.add_argument("--manifest", default=os.path.join(MODELS_DIR, "models.json"))
    a = ap.parse_args(argv)
    if not a.check:
        ap.error("give --check")
    torch.set_num_threads(1)
    with open(a.manifest) as fh:
        carded = [m["id"] for m in json.load(fh)["models"] if m.get("kind") in ("super-resolution", "dehaze")]
    unknown = [i for i in carded if i not in SOURCES]
    if unknown:
        raise SystemExit(f"cards without a line in onnx_weights.SOURCES: {', '.join(unknown)}")
    for model_id in a.id or carded:
        check(model_id, a.pt_dir, os.path.dirname(os.path.abspath(a.manifest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
