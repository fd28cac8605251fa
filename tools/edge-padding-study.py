#!/usr/bin/env python3
"""How to keep the networks' zero padding out of the image border: the study behind Runtime/Core/EdgePadding.cs.

For each shipped super-resolution network (weights read from its ONNX file, Models/Training/onnx_weights.py) and
each way of handling the border, prints
  * flatmax: the worst error, in levels of 255, over flat colours at 1x1, 2x3, 7x5 and 64x64 (the robustness
    issue's test: at most 2), and
  * the mean PSNR (Y, MATLAB bicubic degradation) on 240x240 crops of the training photos' held-out split plus
    every 4th training photo -- never the benchmark sets -- with the usual `scale` border shaved and with none
    (the border is where the variants differ).
Variants: `zero` (the networks as trained: zero padding), `conv-rep` (every convolution pads by replicating,
which needs a re-export with a Pad node per convolution), `padN` (the input extended by N replicated pixels per
side and the output cropped: what the runtime does, in every runner, with one ONNX file).
With --dehaze, the spread (max - min, levels) of the dehaze network's output for flat colours instead.

    /usr/bin/python3 tools/edge-padding-study.py imdn-rtc-x2,lapsrn-x2 zero,conv-rep,pad4,pad8
    /usr/bin/python3 tools/edge-padding-study.py --dehaze dehaze 0,16    # or Models/dehaze.onnx, or a run's checkpoint
Photos: Models/Training/build_dataset.py (default ~/.cache/neuralpost/photos/images).
"""
import argparse
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAINING = os.path.join(ROOT, "Models", "Training")
sys.path.insert(0, TRAINING)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from PIL import Image  # noqa: E402

import matlab_bicubic  # noqa: E402
import onnx_weights  # noqa: E402
from models import load_checkpoint, load_checkpoint_model  # noqa: E402
from nets.lapsrn import ConvTranspose2dX2, LapSRNLevel  # noqa: E402

COLOURS = [(200, 30, 90), (0, 0, 0), (255, 255, 255), (128, 128, 128), (10, 200, 40)]
SIZES = [(1, 1), (2, 3), (7, 5), (64, 64)]


def load_sr(model_id):
    model, meta = load_checkpoint_model(model_id)
    if model_id.startswith("lapsrn"):  # the 3-level network (from lapsrn-x8.onnx), run to this id's level
        level = {"lapsrn-x2": 1, "lapsrn-x4": 2, "lapsrn-x8": 3}[model_id]
        return LapSRNLevel(model, level).eval(), 2 ** level
    return model.eval(), meta["scale"]


def set_conv_replicate(model, on):
    for module in model.modules():
        if isinstance(module, ConvTranspose2dX2):
            module.replicate = on
        elif isinstance(module, nn.Conv2d) and module.padding != (0, 0):
            module.padding_mode = "replicate" if on else "zeros"


_transpose_forward = ConvTranspose2dX2.forward


def _transpose_forward_replicate(self, x):
    # LapSRN's feature upsampler in its sub-pixel form, its 3x3 convolution padded by replication
    if getattr(self, "replicate", False) and self.padding[0] == 1:
        x = F.pad(x, (1, 1, 1, 1), mode="replicate")
        return F.pixel_shuffle(F.conv2d(x, self.subpixel_weight(), self.bias.repeat_interleave(4)), 2)
    return _transpose_forward(self, x)


ConvTranspose2dX2.forward = _transpose_forward_replicate


def run(model, scale, x, variant):
    with torch.no_grad():
        if variant == "zero":
            return model(x)
        if variant == "conv-rep":
            set_conv_replicate(model, True)
            try:
                return model(x)
            finally:
                set_conv_replicate(model, False)
        if variant.startswith("pad"):
            p = int(variant[3:])
            y = model(F.pad(x, (p, p, p, p), mode="replicate"))
            return y[..., scale * p:y.shape[2] - scale * p, scale * p:y.shape[3] - scale * p]
    raise SystemExit(f"unknown variant {variant!r}")


def flat_error(model, scale, variant):
    worst = 0.0
    for colour in COLOURS:
        c = torch.tensor(colour, dtype=torch.float32).view(1, 3, 1, 1)
        for h, w in SIZES:
            y = run(model, scale, (c / 255).expand(1, 3, h, w).contiguous(), variant)
            worst = max(worst, ((y.clamp(0, 1) * 255).round() - c).abs().max().item())
    return worst


def luma(rgb):
    return 16 + (65.481 * rgb[..., 0] + 128.553 * rgb[..., 1] + 24.966 * rgb[..., 2]) / 255


def psnr(a, b, shave):
    ya, yb = luma(a), luma(b)
    if shave:
        ya, yb = ya[shave:-shave, shave:-shave], yb[shave:-shave, shave:-shave]
    return 10 * np.log10(255 ** 2 / max(((ya - yb) ** 2).mean(), 1e-10))


def crops(photos, side=240):
    split = json.load(open(os.path.join(TRAINING, "splits.json")))
    result = []
    for name in split["val"] + split["train"][::4]:
        image = np.asarray(Image.open(os.path.join(photos, name)).convert("RGB"))
        h, w, _ = image.shape
        # the most textured of 16 candidate crops: flat sky says little about borders
        candidates = [image[y:y + side, x:x + side] for y in np.linspace(0, h - side, 4).astype(int)
                      for x in np.linspace(0, w - side, 4).astype(int)]
        result.append(max(candidates, key=lambda a: a.astype(np.float64).std()))
    return result


def study_sr(ids, variants, photos):
    images = crops(photos)
    for model_id in ids:
        model, scale = load_sr(model_id)
        for variant in variants:
            start = time.time()
            shaved, unshaved = [], []
            for hr in images:
                lr = matlab_bicubic.imresize(hr, 1 / scale)
                x = torch.from_numpy(lr / 255.0).permute(2, 0, 1)[None].float()
                y = np.round(run(model, scale, x, variant)[0].permute(1, 2, 0).clamp(0, 1).numpy() * 255)
                shaved.append(psnr(y, hr.astype(np.float64), scale))
                unshaved.append(psnr(y, hr.astype(np.float64), 0))
            print(f"{model_id:12s} {variant:9s} flatmax {flat_error(model, scale, variant):5.1f}  "
                  f"PSNR shaved {np.mean(shaved):.3f}  unshaved {np.mean(unshaved):.3f}  "
                  f"({len(images)} crops, {time.time() - start:.1f} s)", flush=True)


def study_dehaze(weights, borders):
    from dehaze.nets import MULTIPLE, build_from_meta
    if onnx_weights.id_of(weights) is not None:  # a shipped network: rebuilt from its ONNX file
        model, _ = onnx_weights.load_spec(weights)
    else:
        ck = load_checkpoint(weights)
        model = build_from_meta(ck["meta"])
        model.load_state_dict(ck["model"])
    model.eval()
    for border in borders:
        worst, where = 0.0, ""
        for colour in COLOURS:
            for h, w in SIZES + [(37, 90)]:
                x = (torch.tensor(colour, dtype=torch.float32).view(1, 3, 1, 1) / 255).expand(1, 3, h, w)
                x = F.pad(x.contiguous(), (border,) * 4, mode="replicate") if border else x
                hh, ww = x.shape[2:]
                x = F.pad(x, (0, -ww % MULTIPLE, 0, -hh % MULTIPLE), mode="replicate")
                with torch.no_grad():
                    y = model(x)[..., border:border + h, border:border + w]
                q = (y.clamp(0, 1) * 255).round()
                spread = (q.amax(dim=(2, 3)) - q.amin(dim=(2, 3))).max().item()
                if spread > worst:
                    worst, where = spread, f"{colour} {h}x{w}"
        print(f"dehaze border {border:3d}: worst spread {worst:.0f} levels ({where})", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", help="comma-separated ids, or with --dehaze an id, ONNX file or checkpoint")
    ap.add_argument("variants", help="comma-separated: zero, conv-rep, padN (with --dehaze: borders)")
    ap.add_argument("--dehaze", action="store_true")
    ap.add_argument("--photos", default=os.path.expanduser("~/.cache/neuralpost/photos/images"))
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.dehaze:
        study_dehaze(a.models, [int(b) for b in a.variants.split(",")])
    else:
        study_sr(a.models.split(","), a.variants.split(","), a.photos)


if __name__ == "__main__":
    main()
