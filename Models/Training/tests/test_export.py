import onnx
import pytest
import torch

import export
from macs import macs_per_output_mp
from models import build_model
from nets.lapsrn import LapSRNLevel


def io_dims(graph_values):
    return [(v.name, [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]) for v in graph_values]


@pytest.mark.parametrize("name,scale", [("imdn-rtc", 2), ("lapsrn", 8)])
def test_export_valid_onnx(name, scale, tmp_path):
    torch.manual_seed(0)
    model = build_model(name, scale)
    res = export.export_model(model, name, scale, str(tmp_path))
    expect = ["lapsrn-x2.onnx", "lapsrn-x4.onnx", "lapsrn-x8.onnx"] if name == "lapsrn" else ["imdn-rtc-x2.onnx"]
    assert sorted(p.split("/")[-1] for p in res) == expect
    for path, (digest, n_params) in res.items():
        m = onnx.load(path)
        onnx.checker.check_model(m)
        assert any(o.domain in ("", "ai.onnx") and o.version == 17 for o in m.opset_import)
        ins, outs = io_dims(m.graph.input), io_dims(m.graph.output)
        assert ins == [("input", [1, 3, "height", "width"])]
        assert len(outs) == 1 and outs[0][0] == "output"
        assert outs[0][1][:2] == [1, 3] and all(isinstance(d, str) and d for d in outs[0][1][2:])
        assert m.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.FLOAT
        assert len(digest) == 64 and n_params > 0
        if name == "lapsrn":  # the paper's transposed convolutions, not the sub-pixel form training runs
            levels = {"lapsrn-x2.onnx": 1, "lapsrn-x4.onnx": 2, "lapsrn-x8.onnx": 3}[path.split("/")[-1]]
            assert sum(n.op_type == "ConvTranspose" for n in m.graph.node) == 2 * levels
            assert not any(n.op_type == "DepthToSpace" for n in m.graph.node)
    if name == "lapsrn":
        assert [v[1] for v in sorted(res.values(), key=lambda r: r[1])][-1] == sum(
            p.numel() for p in model.parameters())


@pytest.mark.parametrize("scale,giga", [(2, 158.8), (3, 71.5), (4, 40.9)])
def test_imdn_macs_at_720p(scale, giga):
    per_mp = macs_per_output_mp(build_model("imdn", scale), scale, lr_hw=(24, 40))
    assert abs(per_mp * 1280 * 720 / 1e6 / 1e9 - giga) <= 0.02 * giga


def test_lapsrn_macs_levels_increase():
    m = build_model("lapsrn", 8)
    vals = [macs_per_output_mp(LapSRNLevel(m, k), 2 ** k, lr_hw=(8, 8)) for k in (1, 2, 3)]
    assert vals[0] < vals[1] < vals[2]
