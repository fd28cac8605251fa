#!/usr/bin/env python3
"""Writes a PyTorch reference for the C# export-parity test.

Builds a model (seeded random weights, a train.py checkpoint, or a shipped network rebuilt from its ONNX file by
onnx_weights.py), optionally exports it to ONNX
with export.py's exporter, runs it in PyTorch on a seeded random input, and writes raw little-endian float32
files the C# test reads:

    <out>/model.onnx     (unless --no-export: the test then runs the shipped .onnx instead)
    <out>/input.f32      1 x 3 x H x W
    <out>/output.f32     1 x 3 x sH x sW
    <out>/meta.json      shapes

    /usr/bin/python3 Models/Training/parity.py --model imdn --scale 2 --out /tmp/parity
    /usr/bin/python3 Models/Training/parity.py --model lapsrn --scale 8 --level 2 --out /tmp/parity
    /usr/bin/python3 Models/Training/parity.py --weights Models/imdn-rtc-x2.onnx --no-export --out /tmp/p
    /usr/bin/python3 Models/Training/parity.py --weights Models/dehaze.onnx --height 32 --width 48 \
        --no-export --out /tmp/p     # a dehaze network: sides must be multiples of 16
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402

import onnx_weights  # noqa: E402
from dehaze.nets import build_from_meta  # noqa: E402
from export import export_module  # noqa: E402
from models import MODELS, build_model, load_checkpoint, model_from_checkpoint  # noqa: E402
from nets.lapsrn import LapSRNLevel  # noqa: E402


def load(args):
    if args.weights:
        model, meta = onnx_weights.load_spec(args.weights)
        return model, meta["model"], meta.get("scale", 1)
    ck = load_checkpoint(args.ckpt) if args.ckpt else {}
    if ck.get("meta", {}).get("model") == "dehaze":
        model = build_from_meta(ck["meta"])
        model.load_state_dict(ck["model"])
        return model, "dehaze", 1
    if args.ckpt:
        model, meta = model_from_checkpoint(ck, args.ckpt)
        return model, meta["model"], meta["scale"]
    torch.manual_seed(args.seed)
    return build_model(args.model, args.scale), args.model, args.scale


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=MODELS)
    ap.add_argument("--scale", type=int, default=2)
    ap.add_argument("--ckpt", help="train.py checkpoint")
    ap.add_argument("--weights", help="a shipped network, rebuilt from its ONNX file: its id or Models/<id>.onnx "
                                      "(the test then runs that file on ONNX Runtime with --no-export)")
    ap.add_argument("--level", type=int, default=3, help="LapSRN output level (1: x2, 2: x4, 3: x8)")
    ap.add_argument("--height", type=int, default=23)
    ap.add_argument("--width", type=int, default=17)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if not (args.model or args.ckpt or args.weights):
        ap.error("give --model, --ckpt or --weights")

    torch.set_num_threads(1)
    model, name, scale = load(args)
    module = LapSRNLevel(model, args.level) if name == "lapsrn" else model
    module = module.eval()
    os.makedirs(args.out, exist_ok=True)
    if not args.no_export:
        export_module(module, os.path.join(args.out, "model.onnx"))

    generator = torch.Generator().manual_seed(args.seed + 1)
    x = torch.rand(1, 3, args.height, args.width, generator=generator)
    with torch.no_grad():
        y = module(x)
    x.numpy().astype("<f4").tofile(os.path.join(args.out, "input.f32"))
    y.numpy().astype("<f4").tofile(os.path.join(args.out, "output.f32"))
    with open(os.path.join(args.out, "meta.json"), "w") as fh:
        json.dump({"input": list(x.shape), "output": list(y.shape), "model": name, "scale": scale}, fh)
    print(f"{name} x{scale}: input {list(x.shape)} output {list(y.shape)} max {float(y.abs().max()):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
