#!/usr/bin/env python3
"""Publishes a trained DehazeNet checkpoint as a shipped model, like publish.py does for super-resolution:
Models/<id>.onnx (the one copy of its weights; onnx_weights.py rebuilds them from it), and its card in
Models/models.json (kind ``dehaze``, scale 1, ``sizeMultiple``, parameters, multiply-adds, training provenance
measured from the run).
PSNR/SSIM are added by ``./neuralpost eval --dehaze --model <id> --set <pairs> --write-card``.

    /usr/bin/python3 Models/Training/dehaze/publish_dehaze.py --ckpt /work/runs/dehaze/best.pt --run /work/runs/dehaze \\
        --id dehaze --device "cpu (1 thread, 2-core AMD EPYC VM)" --command "train_dehaze.py ..." --data "..."
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE]
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

from models import load_checkpoint  # noqa: E402
from publish import MODELS_DIR, add_earlier_training, require_source, training_hours, write_card  # noqa: E402
from dehaze.export_dehaze import export_dehaze  # noqa: E402
from dehaze.nets import MULTIPLE, build_from_meta  # noqa: E402

# input pixels of replicated edge the runtime adds on each side (Runtime/Core/EdgePadding.cs); one cell of the
# tail's 16x16 pooling, so the image's edge lands on a pooling cell's boundary
EDGE_PADDING = 16


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--run", required=True, help="run folder with log.jsonl and last.pt")
    ap.add_argument("--id", required=True)
    ap.add_argument("--device", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--data", required=True, help="what the network was trained on")
    ap.add_argument("--manifest", default=os.path.join(MODELS_DIR, "models.json"))
    ap.add_argument("--continues", action="store_true",
                    help="the run started from this id's shipped weights (train_dehaze.py --init-weights): add the "
                         "current card's hours and iterations to this run's")
    a = ap.parse_args(argv)

    ck = load_checkpoint(a.ckpt)
    require_source(a.id, ck["meta"])
    model = build_from_meta(ck["meta"])
    model.load_state_dict(ck["model"])
    model.eval()
    last = load_checkpoint(os.path.join(a.run, "last.pt"))
    iterations = last["iteration"]
    with_kt = last.get("args", {}).get("kt_weight", 0.5) > 0
    info = export_dehaze(model, os.path.join(MODELS_DIR, f"{a.id}.onnx"))

    detail = ck["meta"].get("config", {}).get("detail_branch", True)
    card = {
        "id": a.id,
        "file": f"{a.id}.onnx",
        "sha256": info["sha256"],
        "kind": "dehaze",
        "architecture": "SRKTDN-style DehazeNet: light encoder (1/2..1/16) "
                        + ("trained with a knowledge-transfer L1 loss toward a clear-image teacher autoencoder, "
                           if with_kt else "trained without knowledge transfer, ")
                        + "channel+pixel attention decoder with PixelShuffle "
                        "and 1/4, 1/8 skips, " + ("a full-resolution IMDN-style detail branch, " if detail else "no detail branch, ")
                        + "pyramid-pooling tail",
        "scale": 1,
        "sizeMultiple": MULTIPLE,
        "edgePadding": EDGE_PADDING,
        "input": {"name": "input", "layout": "NCHW", "shape": [1, 3, "height", "width"], "color": "RGB",
                  "range": [0, 1], "type": "float32"},
        "output": {"name": "output", "layout": "NCHW", "shape": [1, 3, "height", "width"], "color": "RGB",
                   "range": [0, 1], "type": "float32"},
        "parameters": info["params"],
        "gigaMacsPerOutputMegapixel": round(info["macs_per_output_mp"] / 1e9, 3),
        "training": {"data": a.data, "device": a.device, "hours": training_hours(os.path.join(a.run, "log.jsonl")),
                     "iterations": iterations, "command": a.command},
    }
    if a.continues:
        add_earlier_training(card, a.manifest)
    write_card(card, a.manifest)
    print(f"published {a.id}: sha256 {info['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
