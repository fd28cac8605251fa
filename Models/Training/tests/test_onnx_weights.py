"""onnx_weights.py: the shipped networks' weights are read back from their ONNX files (the only copy)."""
import json
import os
import shutil

import numpy as np
import onnx
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

import onnx_weights
from export import export_module
from models import build_model, load_body, load_checkpoint_model

MANIFEST = os.path.join(onnx_weights.MODELS_DIR, "models.json")


def carded_ids():
    with open(MANIFEST) as fh:
        return [m["id"] for m in json.load(fh)["models"] if m.get("kind") in ("super-resolution", "dehaze")]


def test_every_carded_network_has_a_source():
    assert carded_ids() and [i for i in carded_ids() if i not in onnx_weights.SOURCES] == []


@pytest.mark.parametrize("model_id", carded_ids())
def test_shipped_network_rebuilds_and_re_exports_its_file(model_id):
    """The rebuilt network, re-exported, gives the shipped file's initializers and graph back (the proof that was run
    against the PyTorch weights files before they were deleted, minus that comparison)."""
    producer = onnx.load(onnx_weights.onnx_path(model_id)).producer_version
    if not torch.__version__.startswith(producer):
        pytest.skip(f"the file was exported by torch {producer}; this torch {torch.__version__} may name nodes "
                    "differently (the C# export-parity test still checks the outputs)")
    onnx_weights.check(model_id)


def _rename_initializers(src, dst, count):
    """Copies ``src`` to ``dst`` with the first ``count`` Conv weights' initializers renamed the way the TorchScript
    exporter names folded constants (``onnx::Conv_<n>``), so only their place in the graph identifies them."""
    m = onnx.load(src)
    convs = [n for n in m.graph.node if n.op_type == "Conv"][:count]
    renamed = {n.input[1]: f"onnx::Conv_{900 + i}" for i, n in enumerate(convs)}
    for init in m.graph.initializer:
        init.name = renamed.get(init.name, init.name)
    for node in m.graph.node:
        for i, name in enumerate(node.input):
            node.input[i] = renamed.get(name, name)
    onnx.save(m, dst)
    return renamed


def test_renamed_initializers_are_found_by_graph_position(tmp_path):
    renamed = _rename_initializers(onnx_weights.onnx_path("imdn-rtc-x2"), str(tmp_path / "imdn-rtc-x2.onnx"), 3)
    assert len(renamed) == 3
    ref, _ = onnx_weights.load_network("imdn-rtc-x2")
    got, meta = onnx_weights.load_network("imdn-rtc-x2", str(tmp_path))
    assert meta["model"] == "imdn-rtc" and meta["scale"] == 2
    for k, v in ref.state_dict().items():
        assert torch.equal(got.state_dict()[k], v), k


class _Folded(nn.Module):
    """A parameter the exporter stores transformed (the transpose is constant-folded into a new initializer)."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(3, 4, 3, 3))  # used as (4, 3, 3, 3)

    def forward(self, x):
        return F.conv2d(x, self.w.transpose(0, 1), padding=1)[:, :3]


def test_folded_parameter_fails_loudly(tmp_path):
    torch.manual_seed(0)
    export_module(_Folded(), str(tmp_path / "f.onnx"))
    assert not any(i.name == "w" for i in onnx.load(str(tmp_path / "f.onnx")).graph.initializer)
    with pytest.raises(ValueError, match="w: no initializer"):
        onnx_weights.state_dict_from_onnx(_Folded(), str(tmp_path / "f.onnx"))


def test_missing_or_misshapen_initializer_fails_loudly(tmp_path):
    src = onnx.load(onnx_weights.onnx_path("imdn-rtc-x2"))
    name = next(n.input[1] for n in src.graph.node if n.op_type == "Conv")
    old = next(i for i in src.graph.initializer if i.name == name)
    shape = list(old.dims)
    shape[0] += 1  # a shape that differs from the network's
    old.CopyFrom(numpy_helper.from_array(np.zeros(shape, np.float32), name))
    onnx.save(src, str(tmp_path / "imdn-rtc-x2.onnx"))
    with pytest.raises(ValueError, match=f"{name}: \\(.*\\) torch.float32 but {name} in the file is"):
        onnx_weights.load_network("imdn-rtc-x2", str(tmp_path))
    # a file of another network: none of its tensors fit
    shutil.copy(onnx_weights.onnx_path("imdn-rtc-x2"), tmp_path / "imdn-x2.onnx")
    with pytest.raises(ValueError, match="does not hold IMDN's weights"):
        onnx_weights.load_network("imdn-x2", str(tmp_path))
    with pytest.raises(FileNotFoundError):
        onnx_weights.load_network("imdn-x3", str(tmp_path))


def test_ids_and_files_name_shipped_networks():
    assert onnx_weights.id_of("imdn-x3") == "imdn-x3"
    assert onnx_weights.id_of("Models/lapsrn-x4.onnx") == "lapsrn-x4"
    assert onnx_weights.id_of("runs/x/best.pt") is None
    with pytest.raises(ValueError, match="not a shipped network"):
        onnx_weights.id_of("runs/x/model.onnx")
    with pytest.raises(ValueError, match="no shipped network"):
        onnx_weights.load_network("imdn-x5")


def test_init_weights_and_body_read_shipped_onnx_files(tmp_path):
    """--init-weights / --init-body / --teacher take an id or ONNX file (LapSRN x2 is read from the x8 file, which
    holds every level); a train.py checkpoint still works."""
    net, meta = load_checkpoint_model("lapsrn-x2")
    assert meta["model"] == "lapsrn" and meta["scale"] == 8 and meta["onnx"].endswith("lapsrn-x8.onnx")
    x8, _ = load_checkpoint_model(onnx_weights.onnx_path("lapsrn-x8"))
    assert all(torch.equal(a, b) for a, b in zip(net.state_dict().values(), x8.state_dict().values()))
    x2 = build_model("imdn", 2)
    assert load_body(x2, "imdn-x3") == ["up.bias", "up.weight"]
    x3, _ = load_checkpoint_model("imdn-x3")
    assert all(torch.equal(v, x3.state_dict()[k]) for k, v in x2.state_dict().items() if not k.startswith("up."))
    ck = tmp_path / "best.pt"
    torch.save({"meta": {"model": "imdn", "scale": 3}, "model": x3.state_dict()}, ck)
    again, meta = load_checkpoint_model(str(ck))
    assert meta == {"model": "imdn", "scale": 3}
    assert all(torch.equal(a, b) for a, b in zip(again.state_dict().values(), x3.state_dict().values()))
    old = tmp_path / "imdn-x3.pt"  # the deleted weights files' layout: refused with where to look instead
    torch.save({"model_name": "imdn", "scale": 3, "state_dict": x3.state_dict()}, old)
    with pytest.raises(ValueError, match="ONNX file"):
        load_checkpoint_model(str(old))


def test_publish_refuses_an_id_it_could_not_read_back():
    from publish import require_source
    require_source("imdn-x3", {"model": "imdn", "scale": 3})
    with pytest.raises(SystemExit, match="no shipped network 'drrn-x2'"):
        require_source("drrn-x2", {"model": "drrn", "scale": 2})
    with pytest.raises(SystemExit, match="builds imdn-x3 as"):
        require_source("imdn-x3", {"model": "imdn", "scale": 2})
    require_source("dehaze", onnx_weights.meta_of("dehaze"))
    with pytest.raises(SystemExit, match="builds dehaze-no-detail as"):
        require_source("dehaze-no-detail", onnx_weights.meta_of("dehaze"))
