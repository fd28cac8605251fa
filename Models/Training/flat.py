"""Flat-colour check: a flat input must come back flat.

The runtime's offline path (EdgePadding in Runtime/Core) repeats the image's edge by the card's ``edgePadding``
pixels before the network and crops the result, so a 1x1 image reaches the network as a (1 + 2*border)^2 flat
square whose own zero padding and IMDN's contrast-aware channel attention (global mean and standard deviation) see
the border. Tests/Effects/Upscale/EdgePaddingTests allows 2 levels of 255 at every pixel; an IMDN x3/x4 continuation
once passed validation but came back 7 levels off on a 1x1 (10,200,40), so training measures the same thing and
checkpoint selection refuses a checkpoint that fails it.
"""
import numpy as np
import torch

# the colours and sizes of EdgePaddingTests, plus the extremes (clipping) and a dark tone (gamma-dark game frames)
COLOURS = ((200, 30, 90), (128, 128, 128), (10, 200, 40), (0, 0, 0), (255, 255, 255), (20, 24, 32))
SIZES = ((1, 1), (2, 3), (7, 5), (64, 64))
TOLERANCE = 2  # levels of 255, as EdgePaddingTests
DEFAULT_BORDER = 8  # EdgePadding.DefaultBorder; the IMDN cards ask for 8


def _sr_output(model, x):
    out = model(x)
    return out[-1] if isinstance(out, (list, tuple)) else out  # LapSRN: the deepest level


@torch.no_grad()
def flat_deviation(model, scale, border=DEFAULT_BORDER, device="cpu", colours=COLOURS, sizes=SIZES):
    """Largest |output - colour| in levels of 255 (after rounding to 8 bits, as the runtime writes pixels) over
    ``colours`` x ``sizes``, each image replicate-padded by ``border`` LR pixels and the output cropped back."""
    was_training = model.training
    model.eval()
    worst = 0
    for w, h in sizes:
        for colour in colours:
            c = torch.tensor(colour, dtype=torch.float32, device=device).view(1, 3, 1, 1) / 255.0
            x = c.expand(1, 3, h + 2 * border, w + 2 * border).contiguous()
            y = _sr_output(model, x)
            s = y.shape[-1] // x.shape[-1]  # LapSRN's deepest level may be past ``scale``
            b = border * s
            y = y[..., b:b + h * s, b:b + w * s]
            levels = torch.round(y.clamp(0, 1) * 255.0)
            worst = max(worst, int((levels - torch.tensor(colour, device=device).view(1, 3, 1, 1)).abs().max()))
    if was_training:
        model.train()
    return worst


def flat_batch(n, lr_patch, scale, rng, levels=None):
    """``n`` flat LR/HR pairs (float32 NCHW in [0, 1]): a colour drawn per sample, so the L1 loss teaches the network
    that a flat input maps to the same flat output (what bicubic does and the network must not lose)."""
    colours = rng.integers(0, 256, size=(n, 3)) if levels is None else np.asarray(levels)
    c = torch.from_numpy(colours.astype(np.float32) / 255.0).view(n, 3, 1, 1)
    lr = c.expand(n, 3, lr_patch, lr_patch).contiguous()
    hr = c.expand(n, 3, lr_patch * scale, lr_patch * scale).contiguous()
    return lr, hr


def replace_with_flat(lr_img, target, fraction, scale, rng):
    """Overwrites the first round(fraction * batch) samples of (lr_img, target) with flat pairs, in place."""
    n = int(round(fraction * lr_img.shape[0]))
    if n <= 0:
        return 0
    lr, hr = flat_batch(n, lr_img.shape[-1], scale, rng)
    lr_img[:n] = lr.to(lr_img.device)
    target[:n] = hr.to(target.device)
    return n
