#!/usr/bin/env python3
"""Analytic multiply-add count of a model, by hooking every Conv2d and
ConvTranspose2d on a dummy input of a given size.

    Conv2d:          MACs = out_elements * (C_in / groups) * kH * kW
    ConvTranspose2d: MACs = in_elements  * (C_out / groups) * kH * kW
(bias additions, activations, pooling, PixelShuffle and the residual adds are
not counted, as is customary; nor is the bicubic Resize that DRCN / DRRN / RED-Net
run first, 16 multiply-adds per output value, and their RGB <-> Y arithmetic).  The attention 1x1 convs of IMDN run on a 1x1
pooled map, so they contribute almost nothing.

    /usr/bin/python3 Models/Training/macs.py --model imdn --scale 2
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


def count_macs(model, input_hw, device="cpu"):
    """Return (total MACs, output H, output W) for a 1x3xHxW input."""
    total = [0]

    def hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1]
        if isinstance(m, nn.ConvTranspose2d):
            total[0] += inp[0].numel() * (m.out_channels // m.groups) * k
        else:
            total[0] += out.numel() * (m.in_channels // m.groups) * k

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    try:
        with torch.no_grad():
            out = model(torch.zeros(1, 3, *input_hw, device=device))
    finally:
        for h in hs:
            h.remove()
    if isinstance(out, (list, tuple)):
        out = out[-1]
    return total[0], out.shape[-2], out.shape[-1]


def macs_per_output_mp(model, scale, lr_hw=(90, 160)):
    """MACs per output megapixel, measured on an LR input of ``lr_hw``."""
    macs, h, w = count_macs(model, lr_hw)
    assert (h, w) == (lr_hw[0] * scale, lr_hw[1] * scale)
    return macs / (h * w) * 1e6


def report(name, scale, model):
    per_mp = macs_per_output_mp(model, scale)
    return per_mp, per_mp * 1280 * 720 / 1e6


def main(argv=None):
    from models import build_model
    from nets.lapsrn import LapSRNLevel

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--scale", type=int, default=None)
    a = ap.parse_args(argv)
    from models import VDSR_FAMILY
    rows = [("imdn", 2), ("imdn", 3), ("imdn", 4), ("imdn-rtc", 2), ("lapsrn", 2), ("lapsrn", 4), ("lapsrn", 8)]
    # DRCN / DRRN / RED-Net run every layer at HR: their MACs per output pixel do not depend on the scale
    rows += [(v, 2) for v in VDSR_FAMILY]
    if a.model:
        rows = [r for r in rows if r[0] == a.model and (a.scale is None or r[1] == a.scale)]
    for name, s in rows:
        if name == "lapsrn":
            m = LapSRNLevel(build_model("lapsrn", 8), {2: 1, 4: 2, 8: 3}[s])
        else:
            m = build_model(name, s)
        m.eval()
        per_mp, hd = report(name, s, m)
        print(f"{name} x{s}: {per_mp / 1e9:.3f} G MACs per output megapixel; "
              f"{hd / 1e9:.2f} G for a 1280x720 output")
    return 0


if __name__ == "__main__":
    sys.exit(main())
