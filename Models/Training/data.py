"""Training / validation data for the NeuralPost SR models.

Images are the ones collected by ``build_dataset.py`` (photo and texture
packages, frames rendered by the sample scene; see DATA.md) and split by
``splits.json``, whose names are paths relative to the images folder
(``<source>/<file>``; the ``.decoded`` cache mirrors those subfolders).
Benchmark images are never read here.

Training samples are generated on the fly and are a pure function of
``(seed, sample index)``: batch ``i`` holds samples ``i*B .. i*B+B-1``.  This
makes resuming exact (the data stream does not depend on RNG state or on the
number of DataLoader workers).  Each sample: pick a photo (probability
proportional to its area), a random HR crop of ``patch*scale`` pixels, a
random horizontal flip and a random 90-degree rotation, and make the LR input
with the MATLAB-compatible bicubic downscale (uint8 in, uint8 out).
"""
import json
import os

import numpy as np
import torch
from PIL import Image

from matlab_bicubic import downscale, imresize

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PHOTOS = os.path.join(os.path.expanduser("~"), ".cache", "neuralpost", "photos", "images")
DEFAULT_SPLITS = os.path.join(HERE, "splits.json")


def load_photo(path, max_side=0):
    """uint8 H x W x 3 RGB.  Photos whose longer side exceeds ``max_side``
    (when > 0) are downscaled once with the MATLAB bicubic (antialiased)."""
    with Image.open(path) as im:
        im = im.convert("RGB")
        a = np.asarray(im, dtype=np.uint8).copy()
    if max_side and max(a.shape[:2]) > max_side:
        s = max_side / max(a.shape[:2])
        a = imresize(a, output_shape=(max(1, round(a.shape[0] * s)), max(1, round(a.shape[1] * s))))
    return a


def load_photo_cached(photos_dir, name, max_side=0):
    """Like :func:`load_photo`, but keeps the decoded (and capped) array as
    ``<photos_dir>/.decoded/<name>.<max_side>.npy`` and memory-maps it, so
    restarts are fast and DataLoader workers share the pages."""
    path = os.path.join(photos_dir, name)
    cache = os.path.join(photos_dir, ".decoded", f"{name}.{max_side}.npy")
    try:
        if os.path.getmtime(cache) >= os.path.getmtime(path):
            return np.load(cache, mmap_mode="r")
    except OSError:
        pass
    a = load_photo(path, max_side)
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        tmp = cache + f".{os.getpid()}.tmp.npy"
        np.save(tmp, a)
        os.replace(tmp, cache)
    except OSError:
        pass
    return a


def load_split(splits_path=DEFAULT_SPLITS, photos_dir=DEFAULT_PHOTOS, max_side=0):
    with open(splits_path) as fh:
        splits = json.load(fh)
    out = {}
    for part in ("train", "val"):
        missing = [n for n in splits[part] if not os.path.exists(os.path.join(photos_dir, n))]
        if missing:
            raise FileNotFoundError(
                f"{len(missing)} {part} photos missing in {photos_dir} (first: {missing[0]}); "
                "run build_dataset.py first"
            )
        out[part] = [load_photo_cached(photos_dir, n, max_side) for n in splits[part]]
    return out["train"], out["val"]


def to_tensor(a):
    """uint8 H x W x 3 -> float32 3 x H x W in [0, 1]."""
    return torch.from_numpy(np.ascontiguousarray(a.transpose(2, 0, 1))).float().div_(255.0)


def to_uint8(t):
    """float tensor 3 x H x W (any range) -> uint8 H x W x 3, clipped and
    rounded half up (MATLAB im2uint8)."""
    a = t.detach().float().cpu().clamp(0, 1).numpy().transpose(1, 2, 0).astype(np.float64)
    return np.floor(a * 255.0 + 0.5).astype(np.uint8)


def targets_for(hr, model, scale):
    """HR uint8 crop -> (lr, [targets]) as uint8 arrays.

    IMDN / IMDN-RTC: lr = hr / scale, targets = [hr].
    LapSRN (scale = 2**L): lr = hr / scale, targets = [hr / 2**(L-1), ...,
    hr / 2, hr] (each made directly from hr with the MATLAB bicubic).
    """
    lr = downscale(hr, scale)
    if model == "lapsrn":
        levels = int(round(np.log2(scale)))
        tg = [downscale(hr, 2 ** (levels - k)) if k < levels else hr for k in range(1, levels + 1)]
    else:
        tg = [hr]
    return lr, tg


class SRTrainSet(torch.utils.data.Dataset):
    def __init__(self, photos, model, scale, patch, seed=0, length=2 ** 62):
        hr = patch * scale
        self.photos = [p for p in photos if min(p.shape[:2]) >= hr]
        if not self.photos:
            raise ValueError(f"no training photo is at least {hr} px on its shorter side")
        areas = np.array([p.shape[0] * p.shape[1] for p in self.photos], dtype=np.float64)
        self.prob = areas / areas.sum()
        self.model, self.scale, self.patch, self.seed = model, scale, patch, seed
        self.length = length

    def __len__(self):
        return self.length

    def __getitem__(self, idx):
        rng = np.random.default_rng([self.seed, int(idx)])
        img = self.photos[rng.choice(len(self.photos), p=self.prob)]
        hs = self.patch * self.scale
        y = rng.integers(0, img.shape[0] - hs + 1)
        x = rng.integers(0, img.shape[1] - hs + 1)
        hr = img[y : y + hs, x : x + hs]
        if rng.integers(2):
            hr = hr[:, ::-1]
        hr = np.ascontiguousarray(np.rot90(hr, int(rng.integers(4))))
        lr, tg = targets_for(hr, self.model, self.scale)
        return (to_tensor(lr),) + tuple(to_tensor(t) for t in tg)


class IterationBatchSampler(torch.utils.data.Sampler):
    """Yields the index lists of batches ``start_iter .. end_iter - 1``."""

    def __init__(self, start_iter, end_iter, batch):
        self.start, self.end, self.batch = start_iter, end_iter, batch

    def __iter__(self):
        for i in range(self.start, self.end):
            yield list(range(i * self.batch, (i + 1) * self.batch))

    def __len__(self):
        return max(0, self.end - self.start)


def centre_crop(img, size, multiple):
    h = min(size, img.shape[0]) // multiple * multiple
    w = min(size, img.shape[1]) // multiple * multiple
    y, x = (img.shape[0] - h) // 2, (img.shape[1] - w) // 2
    return img[y : y + h, x : x + w]


def validation_set(photos, model, scale, crop=384):
    """Fixed centre crops (at most crop x crop, a multiple of ``scale``) of the
    held-out photos -> list of (lr, [targets]) uint8 arrays."""
    return [targets_for(centre_crop(p, crop, scale), model, scale) for p in photos]


def rgb2y(a):
    """MATLAB rgb2ycbcr luma of uint8 RGB, as float: 16 + (65.481 R +
    128.553 G + 24.966 B) / 255."""
    a = a.astype(np.float64)
    return 16.0 + (65.481 * a[..., 0] + 128.553 * a[..., 1] + 24.966 * a[..., 2]) / 255.0


def psnr_y(sr, hr, border):
    """PSNR on Y (uint8 inputs), ``border`` pixels cropped from each side."""
    ys, yh = rgb2y(sr), rgb2y(hr)
    if border:
        ys = ys[border:-border, border:-border]
        yh = yh[border:-border, border:-border]
    mse = np.mean((ys - yh) ** 2)
    return float("inf") if mse == 0 else 10.0 * np.log10(255.0 ** 2 / mse)
