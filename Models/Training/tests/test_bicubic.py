import os

import numpy as np
import pytest
from PIL import Image

from matlab_bicubic import imresize, imresize_reference, downscale

SET5 = "/work/shared/benchmarks/Set5"


@pytest.mark.parametrize("scale", [0.5, 1 / 3, 0.25, 0.125, 2.0, 3.0])
def test_uint8_matches_loop_reference(scale):
    rng = np.random.default_rng(7)
    a = rng.integers(0, 256, (19, 23, 3), dtype=np.uint8)
    out = imresize(a, scale)
    assert out.dtype == np.uint8
    assert np.array_equal(out, imresize_reference(a, scale))


def test_float_matches_loop_reference():
    rng = np.random.default_rng(8)
    a = rng.random((16, 21))
    assert np.allclose(imresize(a, 0.5), imresize_reference(a, 0.5), atol=1e-12)


def test_constant_is_preserved():
    a = np.full((24, 24, 3), 77, np.uint8)
    assert np.all(downscale(a, 3) == 77)


def test_set5_bit_exact():
    hr_path = os.path.join(SET5, "HR_x2", "img_001.png")
    if not os.path.exists(hr_path):
        pytest.skip(f"{hr_path} not present (shared benchmarks not available)")
    # checks the port against MATLAB's output; not used for training
    for s in (2, 3, 4):
        for i in range(1, 6):
            hr = np.asarray(Image.open(os.path.join(SET5, f"HR_x{s}", f"img_{i:03d}.png")))
            lr = np.asarray(Image.open(os.path.join(SET5, f"LR_x{s}", f"img_{i:03d}.png")))
            assert np.array_equal(downscale(hr, s), lr), (s, i)
