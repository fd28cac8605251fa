#!/usr/bin/env python3
"""Publishes a trained checkpoint as a shipped model: ONNX file in Models/ (the one copy of its weights: resuming and
the parity test rebuild them from it, onnx_weights.py), and its card in Models/models.json with every figure
measured here (sha256, parameters, multiply-adds, receptive field, training time and iterations from the run's log).
PSNR/SSIM are added afterwards by `./neuralpost eval --model <id> --set Set5 --write-card`.

    /usr/bin/python3 Models/Training/publish.py --ckpt /work/runs/imdn-rtc-x2/best.pt --run /work/runs/imdn-rtc-x2 \
        --id imdn-rtc-x2 --device "cpu (1 thread, 2-core AMD EPYC VM)" --command "train.py --model imdn-rtc ..."
"""
import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import torch  # noqa: E402

import atomic  # noqa: E402
import flat  # noqa: E402
import onnx_weights  # noqa: E402

from export import export_module  # noqa: E402
from macs import macs_per_output_mp  # noqa: E402
from models import load_checkpoint, load_checkpoint_model  # noqa: E402
from nets.lapsrn import LapSRNLevel  # noqa: E402
from nets.vdsr_family import VARIANTS  # noqa: E402

MODELS_DIR = os.path.normpath(os.path.join(HERE, ".."))
ARCHITECTURES = {
    "imdn": "IMDN (Hui et al. 2019): 6 IMDBs with contrast-aware channel attention, 64 ch, PixelShuffle",
    "imdn-rtc": "IMDN-RTC: 12 ch, 5 light distillation blocks without attention, PixelShuffle",
    "lapsrn": "LapSRN (Lai et al. 2017): Laplacian pyramid of x2 levels, d=10 convs per level, 64 ch",
}
_BICUBIC_IN = ("input bicubic-upsampled inside the graph (one ONNX Resize, cubic a=-0.5, half_pixel: MATLAB imresize), "
               "network on Y (MATLAB rgb2ycbcr), its change of Y added to R, G and B; every layer at HR resolution")


def vdsr_architecture(variant):
    """Card text for a DRCN / DRRN / RED-Net variant (nets/vdsr_family.py), naming how it differs from the paper."""
    family, kw = VARIANTS[variant]
    if family == "drcn":
        text = (f"DRCN (Kim et al. 2016): 2-conv embedding, ONE shared 3x3 {kw['features']}-ch conv + ReLU recursed "
                f"{kw['recursions']} times, the same 2-conv reconstruction on every recursion, input skip, learned "
                "weighted average of the predictions")
        paper = kw == {"features": 256, "recursions": 16}
    elif family == "drrn":
        text = (f"DRRN (Tai et al. 2017) B{kw['blocks']}U{kw['units']}: recursive block(s) of {kw['units']} "
                f"pre-activation residual units sharing two 3x3 {kw['features']}-ch convs, multi-path local residual, "
                "global residual")
        paper = kw["features"] == 128 and (kw["blocks"], kw["units"]) == (1, 25)
    else:
        text = (f"RED-Net (Mao et al. 2016) RED{2 * kw['layers']}: {kw['layers']} 3x3 convs + {kw['layers']} 3x3 "
                f"deconvs, {kw['features']} ch, ReLU, skip from every second conv to its mirrored deconv, residual")
        paper = kw == {"layers": 15, "features": 64}
    return text + ("" if paper else " (a reduced variant of the paper's network)") + "; " + _BICUBIC_IN


# The corpus of Models/Training/DATA.md (build_dataset.py); networks trained before it (93 photos) keep that text
# in their cards.
DATA = ("1,090 training images of the Models/Training/DATA.md corpus (photos and game textures from Debian packages "
        "under public-domain, CC0, CC-BY or permissive licences; sample-scene frames of city seeds 1, 3, 4, 6, 7, 8; "
        "split in Models/Training/splits.json, 34 validation images select the checkpoint); random HR crops, flips, "
        "90-degree rotations; LR by the project's MATLAB-compatible bicubic")


# 8 brought every shipped network's flat-colour error to <= 1 level (tools/edge-padding-study.py)
EDGE_PADDING = flat.DEFAULT_BORDER


def receptive_field(module, size=129):
    """Width of the input region that moves the centre output pixel; None when the model pools globally."""
    x = torch.zeros(1, 3, size, size, requires_grad=True)
    y = module(x)
    c = y.shape[-1] // 2
    y[0, :, c, c].sum().backward()
    cols = (x.grad.abs().sum(dim=(0, 1, 2)) > 0).nonzero().flatten()
    width = int(cols.max() - cols.min() + 1)
    return None if width >= size else width


def training_hours(log_path):
    """Sums the run's segments (the log's time restarts at each resume)."""
    hours, last = 0.0, 0.0
    with open(log_path) as fh:
        for line in fh:
            t = json.loads(line)["time"]
            if t < last:
                hours += last
            last = t
    return round((hours + last) / 3600, 2)


def add_earlier_training(card, manifest, source_id=None):
    """For a run that started from shipped weights (this id's with train.py --init-weights, or another network's,
    ``source_id``, with --init-body): add that card's hours and iterations to the new run's and chain the commands,
    so the card tells the whole training behind the weights."""
    source_id = source_id or card["id"]
    with open(manifest) as fh:
        before = next((m for m in json.load(fh)["models"] if m["id"] == source_id), None)
    if before is None:
        raise SystemExit(f"{manifest} has no card for {source_id!r} to continue")
    t, b = card["training"], before["training"]
    t["hours"] = round(t["hours"] + b["hours"], 2)
    t["iterations"] += b["iterations"]
    t["command"] = b["command"] + " ; then " + t["command"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--run", required=True, help="run folder with log.jsonl and last.pt")
    ap.add_argument("--id", required=True)
    ap.add_argument("--level", type=int, help="LapSRN level to publish (1, 2, 3)")
    ap.add_argument("--device", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--description", help="free text for the card: caveats such as how far from the paper and why")
    ap.add_argument("--manifest", default=os.path.join(MODELS_DIR, "models.json"))
    ap.add_argument("--continues", action="store_true",
                    help="the run started from this id's shipped weights (train.py --init-weights): add the current "
                         "card's hours and iterations to this run's")
    ap.add_argument("--builds-on", metavar="ID",
                    help="the run started from another shipped network's weights (train.py --init-body): add that "
                         "card's hours and iterations to this run's")
    ap.add_argument("--allow-flat-drift", action="store_true",
                    help="publish even if flat colours come back more than 2 levels off (only as the first step of "
                         "a chain whose next run fixes it: the runtime's edge test refuses such a network)")
    a = ap.parse_args(argv)
    if a.continues and a.builds_on:
        ap.error("--continues and --builds-on exclude each other")

    model, meta = load_checkpoint_model(a.ckpt)
    require_source(a.id, meta)
    iterations = load_checkpoint(os.path.join(a.run, "last.pt"))["iteration"]
    name = meta["model"]
    module = LapSRNLevel(model, a.level) if name == "lapsrn" else model
    scale = 2 ** a.level if name == "lapsrn" else meta["scale"]
    module.eval()
    require_flat(module, a.allow_flat_drift)

    onnx_path = os.path.join(MODELS_DIR, f"{a.id}.onnx")
    digest, params = export_module(module, onnx_path)

    card = {
        "id": a.id,
        "file": f"{a.id}.onnx",
        "sha256": digest,
        "kind": "super-resolution",
        "architecture": vdsr_architecture(name) if name in VARIANTS else ARCHITECTURES[name],
        "scale": scale,
        "receptiveField": receptive_field(module),
        # input pixels of replicated edge the runtime adds on each side (Runtime/Core/EdgePadding.cs)
        "edgePadding": EDGE_PADDING,
        "input": {"name": "input", "layout": "NCHW", "shape": [1, 3, "height", "width"], "color": "RGB",
                  "range": [0, 1], "type": "float32"},
        "output": {"name": "output", "layout": "NCHW", "shape": [1, 3, "out_height", "out_width"], "color": "RGB",
                   "range": [0, 1], "type": "float32"},
        "parameters": params,
        "gigaMacsPerOutputMegapixel": round(macs_per_output_mp(module, scale) / 1e9, 3),
        "training": {"data": DATA, "device": a.device, "hours": training_hours(os.path.join(a.run, "log.jsonl")),
                     "iterations": iterations, "command": a.command},
    }
    if a.description:
        card["description"] = a.description
    if a.continues or a.builds_on:
        add_earlier_training(card, a.manifest, a.builds_on)
    write_card(card, a.manifest)
    print(json.dumps(card, indent=2))
    return 0


def require_flat(module, allow=False):
    """Refuses (SystemExit) a network whose flat colours drift past flat.TOLERANCE, before anything is written:
    Tests/Effects/Upscale/EdgePaddingTests would fail it after the ONNX file and card had replaced the old ones."""
    dev = flat.flat_deviation(module, EDGE_PADDING)
    if dev > flat.TOLERANCE and not allow:
        raise SystemExit(f"flat colours come back {dev} levels of 255 off (at most {flat.TOLERANCE}): continue with "
                         "train.py --flat-fraction, which also picks best.pt among checkpoints that pass")
    return dev


def require_source(model_id, meta):
    """The ONNX file is the only copy of the weights: refuse an id that onnx_weights.SOURCES cannot rebuild as the
    checkpoint's network, before anything is written (add its line there first)."""
    try:
        expected = onnx_weights.meta_of(model_id)
    except ValueError as e:
        raise SystemExit(f"{e.args[0]}: add it so its weights can be read back from the ONNX file") from None
    got = {k: meta.get(k) for k in expected}
    if got != expected:
        raise SystemExit(f"onnx_weights.SOURCES builds {model_id} as {expected}, but the checkpoint holds {got}")


def write_card(card, manifest_path):
    """Replaces (or appends) the card with this id; keeps measured figures when the weights did not change."""
    with open(manifest_path) as fh:
        manifest = json.load(fh)
    old = next((m for m in manifest["models"] if m["id"] == card["id"]), None)
    if old and old.get("sha256") == card["sha256"] and "metrics" in old:
        card["metrics"] = old["metrics"]
    manifest["models"] = [m for m in manifest["models"] if m["id"] != card["id"]] + [card]
    # Serialized whole before the file is touched: a card that fails to serialize or a full disk leaves the old
    # manifest as it was.
    atomic.write_text(manifest_path, json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
