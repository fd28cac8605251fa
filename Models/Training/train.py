#!/usr/bin/env python3
"""Train NeuralPost SR models (IMDN x2/x3/x4, IMDN-RTC x2, LapSRN x2/x4/x8, DRCN, DRRN, RED-Net).

    /usr/bin/python3 Models/Training/train.py --model imdn --scale 2 --out runs/imdn-x2

Losses: L1 (IMDN, IMDN-RTC), multi-level Charbonnier (LapSRN), MSE on Y (DRCN, DRRN, RED-Net: the papers' loss
on the luminance they work on; DRCN with recursive supervision, see vdsr_loss), plus
``--distill-weight`` x a distillation loss when ``--teacher`` is given
(IMDN-RTC student, IMDN x2 teacher; ``--distill`` picks the method from
``nets/distill.py``: feature-l1, the default, lsfd, facd or output).  Adam,
cosine learning-rate schedule over ``--iters``.  An epoch is ``--epoch-iters``
iterations; at each epoch end the held-out photos are evaluated (PSNR on Y)
and a line is appended to ``<out>/log.jsonl``.  ``<out>/last.pt`` is written atomically every
``--ckpt-every`` iterations and at each epoch end; ``<out>/best.pt`` holds the
weights with the best validation PSNR among those that pass the flat-colour check (flat.py; while none has
passed, the best of those that fail).  ``--resume`` continues from last.pt.
"""
import argparse
import io
import json
import math
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import atomic  # noqa: E402
import data  # noqa: E402
import flat  # noqa: E402
from models import MODELS, VDSR_FAMILY, build_model, load_body, load_checkpoint, load_checkpoint_model  # noqa: E402
from nets.distill import METHODS as DISTILL_METHODS, build_distiller  # noqa: E402
from nets.lapsrn import multilevel_charbonnier  # noqa: E402
from nets.vdsr_family import FULL, VARIANTS, recursive_supervision_loss, rgb_to_y  # noqa: E402

DEFAULT_PATCH = {"imdn": 64, "imdn-rtc": 64, "lapsrn": 16}
DEFAULT_PATCH.update({v: 24 for v in VDSR_FAMILY})
# --model drcn / drrn / rednet: the family; --variant picks one of its VARIANTS (default: the paper's network)
FAMILIES = tuple(FULL)


def add_run_arguments(ap):
    """Flags every training CLI shares: device and threads, run folder, resume, seed, epoch/checkpoint/log cadence."""
    ap.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: leave torch's default)")
    ap.add_argument("--workers", type=int, default=0, help="DataLoader worker processes")
    ap.add_argument("--out", required=True)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--epoch-iters", type=int, default=1000)
    ap.add_argument("--ckpt-every", type=int, default=500)
    ap.add_argument("--log-every", type=int, default=100)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=sorted(set(MODELS + FAMILIES), key=(MODELS + FAMILIES).index), required=True)
    ap.add_argument("--variant", default=None,
                    help="with --model drcn/drrn/rednet: which network of the family (nets/vdsr_family.py VARIANTS), "
                         "e.g. f64r8 or drcn-f64r8; default the paper's (drcn, drrn-b1u25, rednet30)")
    ap.add_argument("--scale", type=int, default=None,
                    help="2/3/4 for imdn and the DRCN/DRRN/RED-Net family, 2 for imdn-rtc, 8 for lapsrn")
    ap.add_argument("--iters", type=int, default=300000, help="total iterations (schedule length)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--patch", type=int, default=None, help="LR patch size (HR = patch*scale); default 64, lapsrn 16")
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--min-lr", type=float, default=1e-7)
    ap.add_argument("--clip-grad", type=float, default=None,
                    help="clip the global gradient norm (default 1.0 for DRCN/DRRN/RED-Net, off for the others)")
    ap.add_argument("--alpha-iters", type=int, default=None,
                    help="DRCN: the intermediate-loss weight alpha falls linearly from 1 to 0 over these iterations "
                         "(default half of --iters)")
    add_run_arguments(ap)
    ap.add_argument("--init-weights", default=None,
                    help="start from these weights instead of random ones: a shipped network's id or ONNX file "
                         "(imdn-x2, Models/imdn-x2.onnx) or a train.py checkpoint; ignored when --resume finds last.pt")
    ap.add_argument("--init-body", default=None,
                    help="start an IMDN from the weights of an IMDN of another scale (all but its upsampling conv): "
                         "an id, ONNX file or checkpoint as for --init-weights; ignored when --resume finds last.pt")
    ap.add_argument("--teacher", default=None,
                    help="IMDN x2 for distillation: a shipped id or ONNX file (imdn-x2) or a train.py checkpoint")
    ap.add_argument("--distill-weight", type=float, default=1.0)
    ap.add_argument("--distill", choices=DISTILL_METHODS, default=None,
                    help="distillation method (needs --teacher; default feature-l1): plain feature L1, locally "
                         "selective (lsfd), contrastive (facd) or output-level; see nets/distill.py")
    ap.add_argument("--distill-temperature", type=float, default=None,
                    help="lsfd: softmax temperature relative to the mean difference (default 1); facd: InfoNCE "
                         "temperature (default 0.1)")
    ap.add_argument("--distill-window", type=int, default=3, help="lsfd: local window (odd)")
    ap.add_argument("--distill-samples", type=int, default=32, help="facd: positions drawn per image")
    ap.add_argument("--photos", default=data.DEFAULT_PHOTOS)
    ap.add_argument("--splits", default=data.DEFAULT_SPLITS)
    ap.add_argument("--max-side", type=int, default=2048, help="downscale larger photos once at load (0: never)")
    ap.add_argument("--val-crop", type=int, default=384)
    ap.add_argument("--deterministic", action="store_true", help="deterministic kernels (slower on GPU)")
    ap.add_argument("--flat-fraction", type=float, default=0.0,
                    help="share of each batch replaced by flat-colour pairs (flat.py), 0 to 1")
    ap.add_argument("--flat-border", type=int, default=flat.DEFAULT_BORDER,
                    help="edge padding (LR pixels) of the flat-colour check, as the card's edgePadding")
    ap.add_argument("--stop-at", type=int, default=None, help=argparse.SUPPRESS)  # tests: simulate a kill
    a = ap.parse_args(argv)
    if a.model in FAMILIES:
        a.model = resolve_variant(ap, a.model, a.variant)
    elif a.variant:
        ap.error("--variant is for --model drcn, drrn or rednet")
    if a.scale is None:
        a.scale = 2 if a.model in VDSR_FAMILY else {"imdn": 2, "imdn-rtc": 2, "lapsrn": 8}[a.model]
    if a.clip_grad is None:
        a.clip_grad = 1.0 if a.model in VDSR_FAMILY else 0.0
    if a.patch is None:
        a.patch = DEFAULT_PATCH[a.model]
    if not 0.0 <= a.flat_fraction < 1.0:
        ap.error("--flat-fraction must be from 0 to below 1")
    if a.flat_fraction and a.model == "lapsrn":
        ap.error("--flat-fraction is for single-scale networks")
    if a.init_weights and a.init_body:
        ap.error("--init-weights and --init-body exclude each other")
    if a.teacher and a.model != "imdn-rtc":
        ap.error("--teacher is for the imdn-rtc student")
    if a.distill and not a.teacher:
        ap.error("--distill needs --teacher")
    if a.teacher and a.distill is None:
        a.distill = "feature-l1"
    return a


def resolve_variant(ap, family, variant):
    """--model drrn --variant b1u9-f32 (or drrn-b1u9-f32) -> "drrn-b1u9-f32"; no --variant: the paper's network."""
    if variant is None:
        return FULL[family]
    for name in (variant, f"{family}-{variant}", f"{family}{variant}"):
        if name in VARIANTS and VARIANTS[name][0] == family:
            return name
    ap.error(f"no {family} variant {variant!r}; known: "
             + ", ".join(k for k, (f, _) in VARIANTS.items() if f == family))


def vdsr_loss(model, lr_img, target, it, args):
    """DRCN / DRRN / RED-Net: MSE on Y (MATLAB rgb2ycbcr luma) of the output against the HR crop's Y. DRCN adds the
    paper's recursive supervision: alpha * mean over the D predictions' losses + (1 - alpha) * the output's loss, alpha
    falling linearly from 1 to 0 over --alpha-iters (default half the run), then the output's loss alone."""
    _, y_sr, preds = model.forward_all(lr_img)
    y_hr = rgb_to_y(target)
    if not preds:
        return F.mse_loss(y_sr, y_hr)
    span = args.alpha_iters if args.alpha_iters is not None else max(1, args.iters // 2)
    alpha = max(0.0, 1.0 - it / max(1, span))
    return recursive_supervision_loss(y_sr, preds, y_hr, alpha)


def pick_device(name):
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda requested but CUDA is not available")
    return torch.device(name)


def atomic_save(obj, path):
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    atomic.write_bytes(path, buffer.getvalue())


def rng_state():
    st = {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        st["cuda"] = torch.cuda.get_rng_state_all()
    return st


def set_rng_state(st):
    torch.set_rng_state(st["torch"])
    np.random.set_state(st["numpy"])
    random.setstate(st["python"])
    if "cuda" in st and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(st["cuda"])


class Cosine:
    """lr factor for LambdaLR: cosine from 1 to min_lr/lr over `total` steps.
    A callable object so LambdaLR's state_dict stays picklable."""

    def __init__(self, total, floor):
        self.total, self.floor = max(1, total), floor

    def __call__(self, step):
        t = min(step, self.total) / self.total
        return self.floor + (1 - self.floor) * 0.5 * (1 + math.cos(math.pi * t))


@torch.no_grad()
def validate(model, val, args, device):
    """Mean PSNR-Y over the held-out crops (per level for LapSRN)."""
    model.eval()
    if args.model == "lapsrn":
        levels = len(val[0][1])
        sums = [0.0] * levels
        for lr, tg in val:
            outs = model(data.to_tensor(lr)[None].to(device))
            for k in range(levels):
                sums[k] += data.psnr_y(data.to_uint8(outs[k][0]), tg[k], 2 ** (k + 1))
        res = {f"x{2 ** (k + 1)}": s / len(val) for k, s in enumerate(sums)}
        psnr = res[f"x{args.scale}"]
    else:
        s = 0.0
        for lr, tg in val:
            out = model(data.to_tensor(lr)[None].to(device))
            s += data.psnr_y(data.to_uint8(out[0]), tg[0], args.scale)
        psnr = s / len(val)
        res = {f"x{args.scale}": psnr}
    model.train()
    return psnr, res


def truncate_log(path, iteration):
    """Drop log lines written after the checkpoint we resume from."""
    if not os.path.exists(path):
        return
    with open(path) as fh:
        lines = [ln for ln in fh if ln.strip() and json.loads(ln).get("iter", 0) <= iteration]
    atomic.write_text(path, "".join(lines))


def resume_run(last_path, log_path, model, opt, sched, meta=None):
    """Restores model, optimiser, scheduler and RNG states from ``last_path`` (a checkpoint written by the training
    loop), drops log lines written after it, and returns (checkpoint, start iteration, best validation PSNR).
    With ``meta``, a checkpoint of another network is refused."""
    ck = load_checkpoint(last_path, map_location="cpu")  # RNG states must stay on the CPU
    if meta is not None and ck["meta"] != meta:
        raise SystemExit(f"{last_path} holds {ck['meta']}, not {meta}")
    model.load_state_dict(ck["model"])
    opt.load_state_dict(ck["optimizer"])
    sched.load_state_dict(ck["scheduler"])
    set_rng_state(ck["rng"])
    start = ck["iteration"]
    truncate_log(log_path, start)
    print(f"resumed from {last_path} at iteration {start}", flush=True)
    return ck, start, ck.get("best_psnr", -1.0)


def prepare_run(args):
    """Device, thread count, cuDNN determinism and the run folder's paths (last.pt, best.pt, log.jsonl)."""
    device = pick_device(args.device)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.deterministic or device.type == "cpu":
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
    else:
        torch.backends.cudnn.benchmark = True
    os.makedirs(args.out, exist_ok=True)
    last_path = os.path.join(args.out, "last.pt")
    best_path = os.path.join(args.out, "best.pt")
    log_path = os.path.join(args.out, "log.jsonl")
    return device, last_path, best_path, log_path


def train(args):
    device, last_path, best_path, log_path = prepare_run(args)

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    random.seed(args.seed)

    model = build_model(args.model, args.scale).to(device)
    params = list(model.parameters())
    teacher = distiller = None
    if args.teacher:
        teacher, tmeta = load_checkpoint_model(args.teacher, map_location="cpu")
        if tmeta["model"] != "imdn" or tmeta.get("scale") != args.scale:
            raise SystemExit("teacher must be an IMDN checkpoint with the student's scale")
        teacher = teacher.to(device).eval()
        for p in teacher.parameters():
            p.requires_grad_(False)
        distiller = build_distiller(args.distill, model, teacher, temperature=args.distill_temperature,
                                    window=args.distill_window, samples=args.distill_samples, seed=args.seed).to(device)
        params += list(distiller.parameters())
        print(f"distillation: {args.distill}, weight {args.distill_weight}", flush=True)
    opt = torch.optim.Adam(params, lr=args.lr, betas=(0.9, 0.999))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, Cosine(args.iters, args.min_lr / args.lr))

    start, best, best_flat = 0, -1.0, False
    if args.resume and os.path.exists(last_path):
        if distiller is not None:  # before the optimiser's state, whose groups differ between methods
            last = load_checkpoint(last_path)  # written before --distill existed: feature-l1 if it has a distiller
            method = (last.get("args") or {}).get("distill") or ("feature-l1" if last.get("distiller") else None)
            if method != args.distill:
                raise SystemExit(f"{last_path} was distilled with {method or 'no teacher'}, not {args.distill}")
        ck, start, best = resume_run(last_path, log_path, model, opt, sched)
        best_flat = ck.get("best_flat_ok", False)  # unknown before the check existed: any passing one replaces it
        if distiller is not None and ck.get("distiller") is not None:
            distiller.load_state_dict(ck["distiller"])
    else:
        if args.resume:
            print(f"--resume: no {last_path} yet, starting from scratch", flush=True)
        if args.init_weights:
            init, imeta = load_checkpoint_model(args.init_weights, map_location="cpu")
            if (imeta["model"], imeta.get("scale")) != (args.model, args.scale):
                raise SystemExit(f"--init-weights holds {imeta['model']} x{imeta.get('scale')}, "
                                 f"not {args.model} x{args.scale}")
            model.load_state_dict(init.state_dict())
            print(f"initialised from {args.init_weights}", flush=True)
        if args.init_body:
            fresh = load_body(model, args.init_body)
            print(f"initialised from {args.init_body}" + (f" but {', '.join(fresh)}" if fresh else " (every tensor)"),
                  flush=True)

    meta = {"model": args.model, "scale": args.scale}

    def save(iteration):
        atomic_save(
            {
                "meta": meta,
                "args": vars(args),
                "model": model.state_dict(),
                "optimizer": opt.state_dict(),
                "scheduler": sched.state_dict(),
                "distiller": distiller.state_dict() if distiller is not None else None,
                "iteration": iteration,
                "best_psnr": best,
                "best_flat_ok": best_flat,
                "rng": rng_state(),
            },
            last_path,
        )

    train_photos, val_photos = data.load_split(args.splits, args.photos, args.max_side)
    val = data.validation_set(val_photos, args.model, args.scale, args.val_crop)
    ds = data.SRTrainSet(train_photos, args.model, args.scale, args.patch, seed=args.seed)
    end = args.iters if args.stop_at is None else min(args.iters, args.stop_at)
    loader = torch.utils.data.DataLoader(
        ds,
        batch_sampler=data.IterationBatchSampler(start, end, args.batch),
        num_workers=args.workers,
        pin_memory=device.type == "cuda",
        persistent_workers=False,
    )

    flat_rng = np.random.default_rng(args.seed + start)  # seeded by the start: a resumed run repeats itself
    model.train()
    t0 = time.time()
    run_loss, run_n, run_distill = 0.0, 0, 0.0
    it = start
    for batch in loader:
        batch = [b.to(device, non_blocking=True) for b in batch]
        lr_img, targets = batch[0], batch[1:]
        if args.flat_fraction:
            flat.replace_with_flat(lr_img, targets[0], args.flat_fraction, flat_rng)
        if args.model == "lapsrn":
            loss = multilevel_charbonnier(model(lr_img), targets)
        elif args.model in VDSR_FAMILY:
            loss = vdsr_loss(model, lr_img, targets[0], it, args)
        elif distiller is not None:
            out, feats = model.forward_features(lr_img)
            with torch.no_grad():
                tout, tfeats = teacher.forward_features(lr_img)
            distill_loss = distiller(feats, tfeats, out, tout)
            run_distill += distill_loss.item()
            loss = F.l1_loss(out, targets[0]) + args.distill_weight * distill_loss
        else:
            loss = F.l1_loss(model(lr_img), targets[0])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if args.clip_grad > 0:
            torch.nn.utils.clip_grad_norm_(params, args.clip_grad)
        opt.step()
        sched.step()
        it += 1
        run_loss += loss.item()
        run_n += 1
        if args.log_every and it % args.log_every == 0:
            print(f"iter {it} loss {run_loss / run_n:.5f} lr {sched.get_last_lr()[0]:.3e} "
                  f"{(time.time() - t0) / max(1, it - start):.3f}s/it", flush=True)
        epoch_end = it % args.epoch_iters == 0 or it == args.iters
        if epoch_end:
            psnr, per = validate(model, val, args, device)
            flat_dev = flat.flat_deviation(model, args.flat_border, device)
            # a checkpoint whose flat colours drift fails the runtime's edge test, whatever its PSNR
            flat_ok = flat_dev <= flat.TOLERANCE
            if (flat_ok, psnr) > (best_flat, best):
                best, best_flat = psnr, flat_ok
                atomic_save({"meta": meta, "model": model.state_dict(), "iteration": it, "psnr": psnr,
                             "flat_dev": flat_dev}, best_path)
            rec = {"epoch": math.ceil(it / args.epoch_iters), "iter": it, "loss": run_loss / max(1, run_n),
                   "val_psnr_y": psnr, "val": per, "flat_dev": flat_dev, "lr": sched.get_last_lr()[0],
                   "time": time.time() - t0}
            if distiller is not None:  # the method and its unweighted loss term, mean over the epoch
                rec.update(distill=args.distill, distill_loss=run_distill / max(1, run_n))
            with open(log_path, "a") as fh:
                fh.write(json.dumps(rec) + "\n")
            print(json.dumps(rec), flush=True)
            run_loss, run_n, run_distill = 0.0, 0, 0.0
        if epoch_end or it % args.ckpt_every == 0 or it == end:
            save(it)
    return model, it


def main(argv=None):
    args = parse_args(argv)
    train(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
