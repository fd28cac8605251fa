import json
import os
import sys

import numpy as np
import pytest
from PIL import Image

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

import torch  # noqa: E402

torch.set_num_threads(1)


def smooth_photo(rng, h, w):
    """Synthetic 'photo': smooth random colour field plus some edges."""
    small = rng.random((h // 8 + 2, w // 8 + 2, 3))
    img = Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    a = np.asarray(img).astype(np.float64)
    a[h // 3 : h // 2, :, 0] += 60
    a[:, w // 4 : w // 4 + 5, 2] -= 50
    return np.clip(a, 0, 255).astype(np.uint8)


@pytest.fixture(scope="session")
def photo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(123)
    names = []
    for i in range(4):
        n = f"synthetic_{i}.png"
        Image.fromarray(smooth_photo(rng, 72 + 8 * i, 96)).save(d / n)
        names.append(n)
    splits = {"train": names[:3], "val": names[3:]}
    with open(d / "splits.json", "w") as fh:
        json.dump(splits, fh)
    return d
