#!/usr/bin/env python3
"""Train the NeuralPost dehaze network (SRKTDN-style knowledge transfer).

Stage 1, teacher: an autoencoder (LightEncoder + plain decoder) learns to
reconstruct CLEAR images (L1):

    /usr/bin/python3 Models/Training/dehaze/train_dehaze.py --stage teacher --out runs/dehaze-teacher

Stage 2, dehaze: DehazeNet learns hazy -> clear with
    L1(output, clear) + kt_weight * KT,
    KT = mean over the encoder levels 1/4, 1/8, 1/16 of
         L1(DehazeNet encoder(hazy), teacher encoder(clear)),
the teacher frozen (eval mode, no gradients, not in the optimiser):

    /usr/bin/python3 Models/Training/dehaze/train_dehaze.py --stage dehaze \\
        --teacher runs/dehaze-teacher/best.pt --out runs/dehaze

Ablations: ``--no-detail`` (no full-resolution detail branch), ``--no-kt``
(kt_weight 0; no teacher needed).  ``--pairs DIR`` mixes in rendered pairs
(``DIR/hazy/*.png`` + ``DIR/clear/*.png``; see synth.py for the held-out rule).

Conventions as train.py: Adam, cosine learning rate over ``--iters``; an epoch
is ``--epoch-iters`` iterations, after which the held-out pairs are evaluated
(PSNR and SSIM on RGB, outputs clamped and rounded to 8 bits) and a JSON line
is appended to ``<out>/log.jsonl``; ``<out>/last.pt`` is written atomically
every ``--ckpt-every`` iterations and at each epoch end; ``<out>/best.pt``
holds the weights with the best held-out RGB PSNR; ``--resume`` continues from
last.pt exactly (training samples are a pure function of (seed, index)).
"""
import argparse
import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
# run as a script, sys.path[0] is this folder, whose nets.py would shadow the
# shared ``nets`` package: put Models/Training first and drop this folder
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE]
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from scipy.ndimage import gaussian_filter  # noqa: E402

import data  # noqa: E402
import onnx_weights  # noqa: E402
from models import load_checkpoint  # noqa: E402
from train import Cosine, add_run_arguments, atomic_save, prepare_run, resume_run, rng_state  # noqa: E402
from dehaze import synth  # noqa: E402
from dehaze.nets import DehazeNet, Teacher, build_from_meta, config_of, kt_loss  # noqa: E402


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", choices=("teacher", "dehaze"), required=True)
    ap.add_argument("--teacher", default=None, help="teacher checkpoint (stage dehaze, unless --no-kt)")
    ap.add_argument("--no-detail", action="store_true", help="ablation: DehazeNet without the detail branch")
    ap.add_argument("--no-kt", action="store_true", help="ablation: no knowledge-transfer loss (weight 0)")
    ap.add_argument("--kt-weight", type=float, default=0.5, help="lambda of the knowledge-transfer L1 term")
    ap.add_argument("--iters", type=int, default=200000, help="total iterations (schedule length)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--patch", type=int, default=160, help="training crop size, a multiple of 16")
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--min-lr", type=float, default=1e-6)
    ap.add_argument("--clip-grad-norm", type=float, default=0.0,
                    help="clip the gradients' total L2 norm to this (0: off); guards against loss spikes at high lr")
    add_run_arguments(ap)
    ap.add_argument("--init-weights", default=None,
                    help="start from these weights instead of random ones: a shipped network's id or ONNX file "
                         "(dehaze, Models/dehaze.onnx) or a checkpoint of this stage; ignored when --resume finds "
                         "last.pt")
    ap.add_argument("--pairs", default=None, help="folder of rendered pairs (hazy/, clear/)")
    ap.add_argument("--pairs-fraction", type=float, default=0.5, help="share of rendered pairs per batch")
    ap.add_argument("--pairs-val-prefix", default="val", help="rendered pairs held out for validation")
    ap.add_argument("--photos", default=data.DEFAULT_PHOTOS)
    ap.add_argument("--splits", default=data.DEFAULT_SPLITS)
    ap.add_argument("--max-side", type=int, default=2048, help="downscale larger photos once at load (0: never)")
    ap.add_argument("--val-size", type=int, default=256, help="held-out photos: shorter side after downscaling")
    ap.add_argument("--val-crop", type=int, default=512, help="held-out rendered pairs: centre crop")
    ap.add_argument("--deterministic", action="store_true", help="deterministic kernels (slower on GPU)")
    ap.add_argument("--flat-weight", type=float, default=0.0,
                    help="weight of the flat-input term: flat colours (padded as the runtime pads) must come back "
                         "uniform; PixelShuffle otherwise learns a fixed 2x2 pattern that shows on flat areas")
    ap.add_argument("--flat-batch", type=int, default=4, help="flat colours per iteration for --flat-weight")
    ap.add_argument("--flat-norm", choices=("mean", "max"), default="mean",
                    help="the flat term per colour: mean absolute deviation, or the largest (what a flatness test checks)")
    ap.add_argument("--stop-at", type=int, default=None, help=argparse.SUPPRESS)  # tests: simulate a kill
    a = ap.parse_args(argv)
    if a.patch % 16:
        ap.error("--patch must be a multiple of 16")
    if a.stage == "teacher" and (a.teacher or a.no_detail or a.no_kt):
        ap.error("--teacher / --no-detail / --no-kt are for --stage dehaze")
    if a.stage == "dehaze" and not a.no_kt and not a.teacher:
        ap.error("--stage dehaze needs --teacher CKPT (or --no-kt)")
    if a.no_kt:
        a.kt_weight = 0.0
    return a


def load_teacher(path, device):
    ck = load_checkpoint(path, map_location="cpu")
    if ck["meta"].get("model") != "dehaze-teacher":
        raise SystemExit(f"{path} is not a dehaze teacher checkpoint")
    teacher = build_from_meta(ck["meta"])
    teacher.load_state_dict(ck["model"])
    teacher = teacher.to(device).eval()
    for p in teacher.parameters():
        p.requires_grad_(False)
    return teacher


def load_init_weights(spec):
    """(meta, state_dict) of --init-weights: a shipped network rebuilt from its ONNX file (an id or the file's path;
    onnx_weights.py) or a train_dehaze.py checkpoint."""
    if onnx_weights.id_of(spec) is not None:
        net, meta = onnx_weights.load_spec(spec)
        return {k: meta[k] for k in ("model", "config", "multiple") if k in meta}, net.state_dict()
    ck = load_checkpoint(spec, map_location="cpu")
    return ck.get("meta"), ck["model"]


def psnr_rgb(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10.0 * math.log10(255.0 ** 2 / mse)


def ssim_rgb(a, b):
    """Mean SSIM over R, G, B (Gaussian window sigma 1.5, 11 taps; K1 0.01, K2 0.03, L 255)."""
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    vals = []
    for ch in range(3):
        x, y = a[..., ch].astype(np.float64), b[..., ch].astype(np.float64)

        def f(z):
            return gaussian_filter(z, 1.5, truncate=3.5)

        mx, my = f(x), f(y)
        sxx, syy, sxy = f(x * x) - mx * mx, f(y * y) - my * my, f(x * y) - mx * my
        s = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
        vals.append(s[5:-5, 5:-5].mean())
    return float(np.mean(vals))


@torch.no_grad()
def validate(model, val, stage, device):
    """(mean PSNR, mean SSIM, mean PSNR of the hazy inputs) over the held-out
    pairs; the teacher reconstructs the clear image (input PSNR: None),
    DehazeNet dehazes."""
    model.eval()
    ps, ss, base = [], [], []
    for _, hazy, clear in val:
        inp = clear if stage == "teacher" else hazy
        out = model(data.to_tensor(inp)[None].to(device))
        res = data.to_uint8(out[0])
        ps.append(psnr_rgb(res, clear))
        ss.append(ssim_rgb(res, clear))
        if stage != "teacher":
            base.append(psnr_rgb(inp, clear))
    model.train()
    return float(np.mean(ps)), float(np.mean(ss)), float(np.mean(base)) if base else None


def compute_loss(stage, model, teacher, hazy, clear, kt_weight):
    """(total loss, L1 term, KT term) of one batch.  Teacher stage: L1
    reconstruction of ``clear``.  Dehaze stage: L1(model(hazy), clear) +
    kt_weight * KT(model encoder(hazy), teacher encoder(clear)); the teacher
    runs under no_grad (KT is 0 when ``teacher`` is None)."""
    if stage == "teacher":
        l1 = F.l1_loss(model(clear), clear)
        return l1, l1, torch.zeros((), device=l1.device)
    out, feats = model.forward_features(hazy)
    l1 = F.l1_loss(out, clear)
    if teacher is None:
        return l1, l1, torch.zeros((), device=l1.device)
    with torch.no_grad():
        tfeats = teacher.encoder(clear)
    kt = kt_loss(feats, tfeats)
    return l1 + kt_weight * kt, l1, kt


FLAT_MAX_SIZE = 96  # largest image side of a flat sample; sides are drawn from 1..FLAT_MAX_SIZE
FLAT_BORDER = 16    # the edge border the runtime adds (the dehaze card's edgePadding)


def flat_loss(model, n, generator, device, multiple=16, norm="mean"):
    """Mean absolute deviation of the output from its own spatial mean, over ``n`` flat colours of one random size,
    extended as the runtime extends a frame (FLAT_BORDER of replicated edge, then up to a multiple of 16) and
    measured on the image part: a flat input has no structure to restore, so any pattern in the output (the
    decoder's PixelShuffle pattern, or a top-to-bottom gradient learned from hazier skies) is an artefact."""
    height, width = (int(v) for v in torch.randint(1, FLAT_MAX_SIZE + 1, (2,), generator=generator))
    # Half the colours near grey: a uniform grey field is what fog looks like, and it is where the network's
    # learned "haze thickens towards the top" shows most (15 levels of spread on a flat 128 grey before this term).
    colours = torch.rand(n, 3, 1, 1, generator=generator)
    grey = torch.rand(n, 1, 1, 1, generator=generator) + 0.05 * (torch.rand(n, 3, 1, 1, generator=generator) - 0.5)
    colours = torch.where(torch.arange(n).view(n, 1, 1, 1) % 2 == 0, grey.clamp(0, 1), colours).to(device)
    tensor_h = -(-(height + 2 * FLAT_BORDER) // multiple) * multiple
    tensor_w = -(-(width + 2 * FLAT_BORDER) // multiple) * multiple
    x = colours.expand(n, 3, tensor_h, tensor_w).contiguous()
    out = model(x)[:, :, FLAT_BORDER:FLAT_BORDER + height, FLAT_BORDER:FLAT_BORDER + width]
    deviation = (out - out.mean(dim=(2, 3), keepdim=True)).abs()
    return deviation.mean() if norm == "mean" else deviation.amax(dim=(1, 2, 3)).mean()


def train(args):
    device, last_path, best_path, log_path = prepare_run(args)

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    if args.stage == "teacher":
        model = Teacher().to(device)
        meta_model = "dehaze-teacher"
    else:
        model = DehazeNet(detail_branch=not args.no_detail).to(device)
        meta_model = "dehaze"
    teacher = load_teacher(args.teacher, device) if args.stage == "dehaze" and args.kt_weight > 0 else None
    meta = {"model": meta_model, "config": config_of(model), "multiple": 16}
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, Cosine(args.iters, args.min_lr / args.lr))

    start, best = 0, -1.0
    if args.resume and os.path.exists(last_path):
        _, start, best = resume_run(last_path, log_path, model, opt, sched, meta)
    else:
        if args.resume:
            print(f"--resume: no {last_path} yet, starting from scratch", flush=True)
        if args.init_weights:
            init_meta, init_state = load_init_weights(args.init_weights)
            if init_meta != meta:
                raise SystemExit(f"--init-weights {args.init_weights} holds {init_meta}, not {meta}")
            model.load_state_dict(init_state)
            print(f"initialised from {args.init_weights}", flush=True)

    def save(iteration):
        atomic_save({"meta": meta, "args": vars(args), "model": model.state_dict(), "optimizer": opt.state_dict(),
                     "scheduler": sched.state_dict(), "iteration": iteration, "best_psnr": best,
                     "rng": rng_state()}, last_path)

    train_photos, val_photos = data.load_split(args.splits, args.photos, args.max_side)
    pair_train, pair_val = [], []
    if args.pairs:
        pair_train, pair_val = synth.split_pairs(synth.list_pairs(args.pairs), args.pairs_val_prefix)
        print(f"rendered pairs: {len(pair_train)} train / {len(pair_val)} held out", flush=True)
    val = synth.validation_pairs(val_photos, args.val_size, pairs_dir=args.pairs, pair_names=pair_val,
                                 val_crop=args.val_crop)
    ds = synth.HazeTrainSet(train_photos, args.patch, seed=args.seed, pairs_dir=args.pairs,
                            pair_names=pair_train, pairs_fraction=args.pairs_fraction)
    end = args.iters if args.stop_at is None else min(args.iters, args.stop_at)
    loader = torch.utils.data.DataLoader(ds, batch_sampler=data.IterationBatchSampler(start, end, args.batch),
                                         num_workers=args.workers, pin_memory=device.type == "cuda")

    model.train()
    t0 = time.time()
    run = {"loss": 0.0, "l1": 0.0, "kt": 0.0, "flat": 0.0}
    run_n = 0
    it = start
    flat_gen = torch.Generator().manual_seed(args.seed * 7919 + start)
    for hazy, clear in loader:
        hazy = hazy.to(device, non_blocking=True)
        clear = clear.to(device, non_blocking=True)
        loss, l1, kt = compute_loss(args.stage, model, teacher, hazy, clear, args.kt_weight)
        flat = flat_loss(model, args.flat_batch, flat_gen, device, norm=args.flat_norm) if args.flat_weight > 0 else torch.zeros(())
        loss = loss + args.flat_weight * flat
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if args.clip_grad_norm > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_grad_norm)
        opt.step()
        sched.step()
        it += 1
        run["loss"] += loss.item()
        run["l1"] += l1.item()
        run["kt"] += kt.item()
        run["flat"] += flat.item()
        run_n += 1
        if args.log_every and it % args.log_every == 0:
            print(f"iter {it} loss {run['loss'] / run_n:.5f} l1 {run['l1'] / run_n:.5f} kt {run['kt'] / run_n:.5f} "
                  f"flat {run['flat'] / run_n:.5f} lr {sched.get_last_lr()[0]:.3e} {(time.time() - t0) / max(1, it - start):.3f}s/it", flush=True)
        epoch_end = it % args.epoch_iters == 0 or it == args.iters
        if epoch_end:
            psnr, ssim, base = validate(model, val, args.stage, device)
            if psnr > best:
                best = psnr
                atomic_save({"meta": meta, "model": model.state_dict(), "iteration": it, "psnr": psnr}, best_path)
            n = max(1, run_n)
            rec = {"epoch": math.ceil(it / args.epoch_iters), "iter": it, "loss": run["loss"] / n,
                   "l1": run["l1"] / n, "kt": run["kt"] / n, "flat": run["flat"] / n, "val_psnr": psnr, "val_ssim": ssim,
                   "val_input_psnr": base, "lr": sched.get_last_lr()[0], "time": time.time() - t0}
            with open(log_path, "a") as fh:
                fh.write(json.dumps(rec) + "\n")
            print(json.dumps(rec), flush=True)
            run = {k: 0.0 for k in run}
            run_n = 0
        if epoch_end or it % args.ckpt_every == 0 or it == end:
            save(it)
    return model, it


def main(argv=None):
    train(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
