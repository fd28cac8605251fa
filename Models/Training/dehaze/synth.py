"""Hazy / clear training pairs for the dehaze network.

Synthetic pairs
---------------
Made on the fly from the Debian photos (``build_dataset.py``; split by
``splits.json``) with the atmospheric scattering model

    I(x) = J(x) t(x) + A (1 - t(x)),      t(x) = exp(-beta(x) d(x))

J: the clear photo crop (float RGB in [0, 1]); A: a global airlight colour
(grey, bluish or warm, brightness 0.6 .. 0.95); d: a smooth depth proxy (a
vertical gradient, far at the top, plus low-frequency value noise); beta: a
spatially varying scattering coefficient (random density x (low-frequency
value noise + a few Gaussian fog banks / clear holes)), so the haze is
NON-HOMOGENEOUS like the NTIRE 2021 data.  t is clipped to [T_MIN, 1].  The
hazy image is quantised to 8 bits (frames arrive as 8-bit RGB).  Every sample
is a pure function of ``(seed, index)``.

Each sample takes a square region of ``patch * s`` pixels (s log-uniform in
[1, 4], limited by the photo) and resizes it to ``patch`` pixels, so a crop
shows a whole scene part rather than a few pixels of a 2048 px photo; then a
random horizontal flip (no vertical flips: the depth proxy assumes sky on
top).  ``patch`` must be a multiple of ``nets.MULTIPLE`` (16).

Rendered pairs
--------------
``--pairs DIR`` adds pairs rendered by the engine (``neuralpost capture
--pairs dehaze``): ``DIR/hazy/NAME.png`` and ``DIR/clear/NAME.png`` with equal
names and sizes.  Held out for validation: every name starting with
``val`` (e.g. ``val_0003.png``, ``val-seed7-12.png``); if no name does, the
names whose SHA-1 (of the file name) is among the smallest 10 % (at least one
when there are two or more pairs), the same rule ``build_dataset.py`` uses for
photos, so the split does not depend on listing order.  When pairs are given,
each training sample is a rendered pair with probability ``pairs_fraction``
(default 0.5): a random ``patch`` crop of both images (same window), random
horizontal flip.

Validation: the held-out photos of ``splits.json`` (each downscaled so its
shorter side is ``val_size``, centre-cropped to a multiple of 16 at most
``val_size * 1.5`` wide, hazed twice with fixed seeds) plus the held-out
rendered pairs (centre-cropped to a multiple of 16, at most ``val_crop``).
"""
import hashlib
import math
import os

import numpy as np
import torch
from PIL import Image

from dehaze.nets import MULTIPLE

T_MIN = 0.08
VAL_SEED = 20210
AIRLIGHT_KINDS = ("grey", "blue", "warm")


# --------------------------------------------------------------- haze model
def _smoothstep(f):
    return f * f * (3.0 - 2.0 * f)


def value_noise(rng, h, w, cells):
    """Smooth noise in [0, 1]: a (cells+1)^2 random lattice (over the longer
    side; the other gets proportionally many) interpolated with smoothstep
    weights (C1 continuous, no high frequencies)."""
    side = max(h, w)
    gy = max(1, int(math.ceil(cells * h / side)))
    gx = max(1, int(math.ceil(cells * w / side)))
    lat = rng.random((gy + 1, gx + 1))
    ys = (np.arange(h) + 0.5) / side * cells
    xs = (np.arange(w) + 0.5) / side * cells
    y0 = np.minimum(ys.astype(int), gy - 1)
    x0 = np.minimum(xs.astype(int), gx - 1)
    fy = _smoothstep(np.clip(ys - y0, 0, 1))[:, None]
    fx = _smoothstep(np.clip(xs - x0, 0, 1))[None, :]
    a = lat[y0][:, x0]
    b = lat[y0][:, x0 + 1]
    c = lat[y0 + 1][:, x0]
    d = lat[y0 + 1][:, x0 + 1]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def gaussian_blobs(rng, h, w, n):
    """Sum of ``n`` isotropic Gaussians (centres anywhere, sigma 0.12 .. 0.45
    of the longer side, amplitudes -0.6 .. 1.2: fog banks and clear holes)."""
    side = float(max(h, w))
    yy = (np.arange(h)[:, None] + 0.5) / side
    xx = (np.arange(w)[None, :] + 0.5) / side
    out = np.zeros((h, w))
    for _ in range(n):
        cy, cx = rng.uniform(0, h / side), rng.uniform(0, w / side)
        s = rng.uniform(0.12, 0.45)
        amp = rng.uniform(-0.6, 1.2)
        out += amp * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
    return out


def transmission_map(rng, h, w, density=None):
    """Smooth, non-homogeneous t = exp(-beta d) in [T_MIN, 1] (float64 H x W).

    d = 0.25 + 0.9 * (1 - y)^g * far + 0.5 * value noise (y: 0 at the top)
    beta = density * max(0.05, 0.35 + 0.65 * value noise + Gaussian blobs)
    density log-uniform in [0.35, 2.5] unless given."""
    if density is None:
        density = math.exp(rng.uniform(math.log(0.35), math.log(2.5)))
    yy = ((np.arange(h) + 0.5) / h)[:, None]
    far = rng.uniform(0.3, 1.0)
    g = rng.uniform(0.7, 2.0)
    depth = 0.25 + 0.9 * far * (1.0 - yy) ** g + 0.5 * value_noise(rng, h, w, rng.integers(2, 5))
    beta = 0.35 + 0.65 * value_noise(rng, h, w, rng.integers(2, 6)) + gaussian_blobs(rng, h, w, rng.integers(1, 5))
    beta = density * np.maximum(beta, 0.05)
    return np.clip(np.exp(-beta * depth), T_MIN, 1.0)


def random_airlight(rng):
    """Airlight colour (3,): grey, bluish or warm, brightness 0.6 .. 0.95."""
    v = rng.uniform(0.6, 0.95)
    kind = AIRLIGHT_KINDS[rng.integers(len(AIRLIGHT_KINDS))]
    if kind == "grey":
        tint = np.array([1.0, 1.0, 1.0]) + rng.uniform(-0.02, 0.02, 3)
    elif kind == "blue":
        tint = np.array([rng.uniform(0.82, 0.95), rng.uniform(0.9, 0.98), 1.0])
    else:
        tint = np.array([1.0, rng.uniform(0.9, 0.97), rng.uniform(0.75, 0.9)])
    return np.clip(v * tint, 0.0, 1.0)


def apply_haze(clear, t, airlight):
    """I = J t + A (1 - t); ``clear`` float H x W x 3 in [0, 1], ``t`` H x W."""
    t3 = t[..., None]
    return clear * t3 + np.asarray(airlight, dtype=np.float64) * (1.0 - t3)


def synthesize(clear, rng, density=None):
    """float clear H x W x 3 in [0, 1] -> (hazy float, t, airlight)."""
    h, w = clear.shape[:2]
    t = transmission_map(rng, h, w, density)
    a = random_airlight(rng)
    return apply_haze(clear, t, a), t, a


def quantise(img):
    """float [0, 1] H x W x 3 -> uint8 (round half up)."""
    return np.floor(np.clip(img, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


# --------------------------------------------------------------- samples
def to_tensor(a):
    return torch.from_numpy(np.ascontiguousarray(a.transpose(2, 0, 1))).float().div_(255.0)


def resize(img, w, h):
    if img.shape[1] == w and img.shape[0] == h:
        return np.ascontiguousarray(img)
    return np.asarray(Image.fromarray(np.ascontiguousarray(img)).resize((w, h), Image.BICUBIC))


def synthetic_pair(photo, rng, patch, max_scale=4.0):
    """Random region of ``photo`` (uint8) -> (hazy uint8, clear uint8), patch x patch."""
    side = min(photo.shape[:2])
    smax = min(max_scale, side / patch)
    s = math.exp(rng.uniform(0.0, math.log(smax))) if smax > 1 else 1.0
    r = min(side, max(patch, int(round(patch * s))))
    y = rng.integers(0, photo.shape[0] - r + 1)
    x = rng.integers(0, photo.shape[1] - r + 1)
    clear = resize(photo[y : y + r, x : x + r], patch, patch)
    if rng.integers(2):
        clear = clear[:, ::-1]
    clear = np.ascontiguousarray(clear)
    hazy, _, _ = synthesize(clear.astype(np.float64) / 255.0, rng)
    return quantise(hazy), clear


def load_png(path):
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.uint8).copy()


def list_pairs(pairs_dir):
    """Names present in both ``DIR/hazy`` and ``DIR/clear`` (sorted)."""
    hz = os.path.join(pairs_dir, "hazy")
    cl = os.path.join(pairs_dir, "clear")
    if not (os.path.isdir(hz) and os.path.isdir(cl)):
        raise FileNotFoundError(f"{pairs_dir} needs hazy/ and clear/ subfolders")
    names = sorted(set(f for f in os.listdir(hz) if f.lower().endswith(".png"))
                   & set(f for f in os.listdir(cl) if f.lower().endswith(".png")))
    if not names:
        raise FileNotFoundError(f"no matching hazy/clear PNG pairs in {pairs_dir}")
    return names


def split_pairs(names, val_prefix="val", val_fraction=0.1):
    """(train names, held-out names): see the module docstring."""
    val = [n for n in names if n.lower().startswith(val_prefix)]
    if not val and len(names) >= 2:
        k = max(1, int(round(len(names) * val_fraction)))
        val = sorted(sorted(names, key=lambda n: hashlib.sha1(n.encode("utf-8")).hexdigest())[:k])
    train = [n for n in names if n not in set(val)]
    return train, val


def load_pair(pairs_dir, name):
    hazy = load_png(os.path.join(pairs_dir, "hazy", name))
    clear = load_png(os.path.join(pairs_dir, "clear", name))
    if hazy.shape != clear.shape:
        raise ValueError(f"{name}: hazy {hazy.shape} and clear {clear.shape} differ in size")
    return hazy, clear


def rendered_crop(hazy, clear, rng, patch):
    h, w = hazy.shape[:2]
    if min(h, w) < patch:  # small captures: upscale both so the patch fits
        s = patch / min(h, w)
        w2, h2 = max(patch, int(math.ceil(w * s))), max(patch, int(math.ceil(h * s)))
        hazy, clear, h, w = resize(hazy, w2, h2), resize(clear, w2, h2), h2, w2
    y = rng.integers(0, h - patch + 1)
    x = rng.integers(0, w - patch + 1)
    hz, cl = hazy[y : y + patch, x : x + patch], clear[y : y + patch, x : x + patch]
    if rng.integers(2):
        hz, cl = hz[:, ::-1], cl[:, ::-1]
    return np.ascontiguousarray(hz), np.ascontiguousarray(cl)


class HazeTrainSet(torch.utils.data.Dataset):
    """Item ``i`` -> (hazy, clear) float tensors 3 x patch x patch, a pure
    function of ``(seed, i)``.  Synthetic pairs from ``photos`` (uint8
    arrays), mixed with rendered pairs (``pairs_dir`` + ``pair_names``) with
    probability ``pairs_fraction`` when given."""

    def __init__(self, photos, patch, seed=0, pairs_dir=None, pair_names=(), pairs_fraction=0.5,
                 length=2 ** 62):
        if patch % MULTIPLE:
            raise ValueError(f"patch {patch} must be a multiple of {MULTIPLE}")
        self.photos = [p for p in photos if min(p.shape[:2]) >= patch]
        self.pairs_dir, self.pair_names = pairs_dir, list(pair_names)
        if not self.photos and not self.pair_names:
            raise ValueError(f"no training photo is at least {patch} px on its shorter side, and no pairs")
        if self.photos:
            areas = np.array([p.shape[0] * p.shape[1] for p in self.photos], dtype=np.float64)
            self.prob = areas / areas.sum()
        self.pairs_fraction = pairs_fraction if self.pair_names else 0.0
        if not self.photos:
            self.pairs_fraction = 1.0
        self.patch, self.seed, self.length = patch, seed, length

    def __len__(self):
        return self.length

    def __getitem__(self, idx):
        rng = np.random.default_rng([self.seed, int(idx)])
        if rng.random() < self.pairs_fraction:
            name = self.pair_names[rng.integers(len(self.pair_names))]
            hazy, clear = rendered_crop(*load_pair(self.pairs_dir, name), rng, self.patch)
        else:
            photo = self.photos[rng.choice(len(self.photos), p=self.prob)]
            hazy, clear = synthetic_pair(photo, rng, self.patch)
        return to_tensor(hazy), to_tensor(clear)


def centre_crop(img, max_h, max_w, multiple=MULTIPLE):
    h = min(max_h, img.shape[0]) // multiple * multiple
    w = min(max_w, img.shape[1]) // multiple * multiple
    y, x = (img.shape[0] - h) // 2, (img.shape[1] - w) // 2
    return img[y : y + h, x : x + w]


def validation_pairs(val_photos, val_size=256, per_photo=2, pairs_dir=None, pair_names=(), val_crop=512):
    """Fixed held-out (name, hazy uint8, clear uint8) triples (see the module docstring)."""
    out = []
    for i, p in enumerate(val_photos):
        s = val_size / min(p.shape[:2])
        small = resize(p, max(1, round(p.shape[1] * s)), max(1, round(p.shape[0] * s)))
        clear = centre_crop(small, int(val_size * 1.5), int(val_size * 1.5))
        for k in range(per_photo):
            rng = np.random.default_rng([VAL_SEED, i, k])
            hazy, _, _ = synthesize(clear.astype(np.float64) / 255.0, rng)
            out.append((f"photo{i}-haze{k}", quantise(hazy), np.ascontiguousarray(clear)))
    for name in pair_names:
        hazy, clear = load_pair(pairs_dir, name)
        out.append((name, np.ascontiguousarray(centre_crop(hazy, val_crop, val_crop)),
                    np.ascontiguousarray(centre_crop(clear, val_crop, val_crop))))
    return out
