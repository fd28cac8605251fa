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
DEFAULT_BORDER = 8  # EdgePadding.DefaultBorder, and the edgePadding publish.py writes in every card


def _sr_output(model, x):
    out = model(x)
    return out[-1] if isinstance(out, (list, tuple)) else out  # LapSRN: the deepest level


@torch.no_grad()
def flat_deviation(model, border=DEFAULT_BORDER, device="cpu"):
    """Largest |output - colour| in levels of 255 (after rounding to 8 bits, as the runtime writes pixels) over
    COLOURS x SIZES, each image replicate-padded by ``border`` LR pixels and the output cropped back. The scale is
    read from the output's size (LapSRN: its deepest level)."""
    was_training = model.training
    model.eval()
    worst = 0
    for w, h in SIZES:
        for colour in COLOURS:
            c = torch.tensor(colour, dtype=torch.float32, device=device).view(1, 3, 1, 1)
            x = (c / 255.0).expand(1, 3, h + 2 * border, w + 2 * border).contiguous()
            y = _sr_output(model, x)
            s = y.shape[-1] // x.shape[-1]
            b = border * s
            levels = torch.round(y[..., b:b + h * s, b:b + w * s].clamp(0, 1) * 255.0)
            worst = max(worst, int((levels - c).abs().max()))
    if was_training:
        model.train()
    return worst


def replace_with_flat(lr_img, target, fraction, rng):
    """Overwrites the first round(fraction * batch) samples of (lr_img, target) in place with flat pairs of a colour
    drawn per sample, so the loss teaches the network that a flat input maps to the same flat output (what bicubic
    does and the network must not lose). Returns how many."""
    n = int(round(fraction * lr_img.shape[0]))
    if n <= 0:
        return 0
    colours = torch.from_numpy(rng.integers(0, 256, size=(n, 3)).astype(np.float32) / 255.0).view(n, 3, 1, 1)
    lr_img[:n] = colours.to(lr_img.device)  # broadcast over each sample's height and width
    target[:n] = colours.to(target.device)
    return n
