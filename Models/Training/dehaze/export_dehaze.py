#!/usr/bin/env python3
"""Export the dehaze network to ONNX for NeuralPost's C# runtime.

Uses export.py's ``export_module``: one input ``input`` (1 x 3 x H x W float32
RGB in [0, 1]) and one output ``output`` (1 x 3 x H x W, NOT clamped: the
runtime clamps), dynamic H and W, opset 17.  H and W must be multiples of 16
(pad the frame, e.g. edge/reflect, and crop the result).

    /usr/bin/python3 Models/Training/dehaze/export_dehaze.py --ckpt runs/dehaze/best.pt --out exported/dehaze.onnx
    /usr/bin/python3 Models/Training/dehaze/export_dehaze.py --random --out /tmp/dehaze.onnx [--no-detail]

Prints: path, sha256, parameter count, multiply-adds per output megapixel
(and for a 1920x1080 frame), and the required multiple.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE]
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

import torch  # noqa: E402

from export import export_module  # noqa: E402
from macs import count_macs  # noqa: E402
from models import load_checkpoint  # noqa: E402
from dehaze.nets import MULTIPLE, DehazeNet, build_from_meta  # noqa: E402


def macs_per_output_mp(model, hw=(144, 256)):
    macs, h, w = count_macs(model.eval(), hw)
    assert (h, w) == hw
    return macs / (h * w) * 1e6


def export_dehaze(model, path):
    """Export ``model`` to ``path``; returns a dict of the printed figures."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    digest, n_params = export_module(model, path, sample_hw=(64, 96))
    per_mp = macs_per_output_mp(model)
    info = {"path": path, "sha256": digest, "params": n_params, "macs_per_output_mp": per_mp,
            "macs_1080p": per_mp * 1920 * 1080 / 1e6, "multiple": MULTIPLE}
    print(f"params {n_params}; {per_mp / 1e9:.2f} G MACs per output megapixel "
          f"({per_mp / 1e9:.1f} K per pixel; {info['macs_1080p'] / 1e9:.1f} G for 1920x1080); "
          f"input H and W must be multiples of {MULTIPLE}", flush=True)
    return info


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", help="train_dehaze.py --stage dehaze checkpoint (best.pt or last.pt)")
    ap.add_argument("--random", action="store_true", help="export randomly initialised weights (testing)")
    ap.add_argument("--no-detail", action="store_true", help="with --random: the ablation without detail branch")
    ap.add_argument("--out", required=True, help="output .onnx file (or a folder: <folder>/dehaze.onnx)")
    a = ap.parse_args(argv)
    if a.ckpt:
        ck = load_checkpoint(a.ckpt)
        if ck["meta"].get("model") != "dehaze":
            ap.error(f"{a.ckpt} is not a DehazeNet checkpoint (teacher checkpoints are not exported)")
        model = build_from_meta(ck["meta"])
        model.load_state_dict(ck["model"])
    elif a.random:
        torch.manual_seed(0)
        model = DehazeNet(detail_branch=not a.no_detail)
    else:
        ap.error("give --ckpt, or --random")
    out = a.out if a.out.endswith(".onnx") else os.path.join(a.out, "dehaze.onnx")
    export_dehaze(model, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
