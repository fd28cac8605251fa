#!/usr/bin/env python3
"""Export trained models to ONNX for NeuralPost's C# runtime.

Every file has one input ``input`` (1 x 3 x H x W float32 RGB in [0, 1]) and
one output ``output`` (1 x 3 x rH x rW), dynamic H and W, opset 17, constant
folding on.  LapSRN is exported as three files (lapsrn-x2/x4/x8.onnx) from the
one 3-level model, each computing only the levels it needs.

    /usr/bin/python3 Models/Training/export.py --ckpt runs/imdn-x2/best.pt --out exported/
    /usr/bin/python3 Models/Training/export.py --model imdn --scale 2 --random --out /tmp/x/

Prints, per file: path, sha256, parameter count.
"""
import argparse
import hashlib
import inspect
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import onnx  # noqa: E402
import torch  # noqa: E402

from models import MODELS, build_model, load_checkpoint_model  # noqa: E402
from nets.lapsrn import LapSRNLevel  # noqa: E402

OPSET = 17


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def used_params(module, sample):
    """Parameters that influence the output (LapSRN level k ignores levels > k)."""
    module.zero_grad(set_to_none=True)
    module(sample).sum().backward()
    n = sum(p.numel() for p in module.parameters() if p.grad is not None)
    module.zero_grad(set_to_none=True)
    return n


def export_proto(module, sample_hw=(64, 64)):
    """The ONNX model the project's exporter makes of ``module`` (in memory, checked); export_module writes it,
    onnx_weights.py re-exports rebuilt networks with it to map and verify their weights."""
    module = module.eval().cpu()
    x = torch.rand(1, 3, *sample_hw)
    extra = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        extra["dynamo"] = False  # newer torch defaults to the dynamo exporter; keep the TorchScript one
    buffer = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(
            module,
            x,
            buffer,
            input_names=["input"],
            output_names=["output"],
            dynamic_axes={"input": {2: "height", 3: "width"}, "output": {2: "out_height", 3: "out_width"}},
            opset_version=OPSET,
            do_constant_folding=True,
            export_params=True,
            **extra,
        )
    m = onnx.load_from_string(buffer.getvalue())
    # the batch dimension is fixed to 1 on the input; the exporter leaves a
    # symbolic name on the output's, so pin it to 1 as well
    d0 = m.graph.output[0].type.tensor_type.shape.dim[0]
    if not d0.dim_value:
        d0.ClearField("dim_param")
        d0.dim_value = 1
    onnx.checker.check_model(m, full_check=True)
    return m


def export_module(module, path, sample_hw=(64, 64)):
    module = module.eval().cpu()
    n_params = used_params(module, torch.rand(1, 3, *sample_hw))
    m = export_proto(module, sample_hw)
    tmp = path + ".tmp"
    onnx.save(m, tmp)
    os.replace(tmp, path)
    digest = sha256_file(path)
    print(f"{path}  sha256 {digest}  params {n_params}", flush=True)
    return digest, n_params


def export_model(model, name, scale, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    results = {}
    if name == "lapsrn":
        for level in (1, 2, 3):
            s = 2 ** level
            p = os.path.join(out_dir, f"lapsrn-x{s}.onnx")
            results[p] = export_module(LapSRNLevel(model, level), p)
    else:
        p = os.path.join(out_dir, f"{name}-x{scale}.onnx")
        results[p] = export_module(model, p)
    return results


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", help="train.py checkpoint (best.pt or last.pt)")
    ap.add_argument("--model", choices=MODELS)
    ap.add_argument("--scale", type=int)
    ap.add_argument("--random", action="store_true", help="export randomly initialised weights (testing)")
    ap.add_argument("--out", required=True, help="output directory")
    a = ap.parse_args(argv)
    if a.ckpt:
        model, meta = load_checkpoint_model(a.ckpt)
        name, scale = meta["model"], meta["scale"]
    elif a.random and a.model:
        name = a.model
        scale = a.scale or {"imdn": 2, "imdn-rtc": 2, "lapsrn": 8}.get(name, 2)
        torch.manual_seed(0)
        model = build_model(name, scale)
    else:
        ap.error("give --ckpt, or --model with --random")
    export_model(model, name, scale, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
