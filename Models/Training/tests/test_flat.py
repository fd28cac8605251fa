import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import flat
import train
from models import load_checkpoint
from test_train import args_for


class Nearest(torch.nn.Module):
    def __init__(self, scale, bias=0.0, blur=False):
        super().__init__()
        self.scale, self.bias, self.blur = scale, bias, blur

    def forward(self, x):
        if self.blur:  # a 3x3 mean with zero padding: exact inside, darker at the image's own border
            x = F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=True)
        return F.interpolate(x, scale_factor=self.scale, mode="nearest") + self.bias


def test_a_network_that_keeps_flat_colours_passes():
    assert flat.flat_deviation(Nearest(3)) == 0


def test_a_colour_shift_is_measured_in_levels():
    assert flat.flat_deviation(Nearest(2, bias=5 / 255)) == 5


def test_the_border_is_what_keeps_zero_padding_out():
    blur = Nearest(2, blur=True)
    assert flat.flat_deviation(blur, border=8) == 0
    assert flat.flat_deviation(blur, border=0) > 100  # white at 1x1 becomes 4/9 of white


def test_replace_with_flat_overwrites_the_first_samples_with_matching_flat_pairs():
    lr, hr = torch.rand(8, 3, 6, 6), torch.rand(8, 3, 12, 12)
    lr0, hr0 = lr.clone(), hr.clone()
    n = flat.replace_with_flat(lr, hr, 0.25, np.random.default_rng(1))
    assert n == 2
    for i in range(2):
        colour = lr[i, :, 0, 0].view(3, 1, 1)
        assert torch.equal(lr[i], colour.expand(3, 6, 6)) and torch.equal(hr[i], colour.expand(3, 12, 12))
    assert torch.equal(lr[2:], lr0[2:]) and torch.equal(hr[2:], hr0[2:])


def test_flat_fraction_is_checked(photo_dir, tmp_path):
    with pytest.raises(SystemExit):
        args_for(photo_dir, tmp_path, "--flat-fraction", "1.5")
    with pytest.raises(SystemExit):
        train.parse_args(["--model", "lapsrn", "--out", str(tmp_path), "--flat-fraction", "0.1"])


@pytest.mark.parametrize("devs, best_iter", [([5, 5, 0], 6), ([0, 5, 0], 2), ([5, 5, 5], 4)])
def test_best_is_the_best_checkpoint_that_keeps_flat_colours(photo_dir, tmp_path, monkeypatch, devs, best_iter):
    """Validation PSNR 30, 31, 29 at iterations 2, 4, 6: the best.pt is the highest that passes the flat check;
    while none passes, the highest of those that fail."""
    psnrs, flats = iter([30.0, 31.0, 29.0]), iter(devs)
    monkeypatch.setattr(train, "validate", lambda *a: (lambda p: (p, {"x2": p}))(next(psnrs)))
    monkeypatch.setattr(flat, "flat_deviation", lambda *a, **k: next(flats))
    train.train(args_for(photo_dir, tmp_path, "--epoch-iters", "2", "--flat-fraction", "0.5"))
    best = load_checkpoint(tmp_path / "best.pt")
    assert best["iteration"] == best_iter and best["flat_dev"] == devs[best_iter // 2 - 1]
    with open(tmp_path / "log.jsonl") as fh:
        assert [json.loads(x)["flat_dev"] for x in fh] == devs


def test_publish_refuses_a_network_whose_flat_colours_drift():
    from publish import require_flat
    assert require_flat(Nearest(2)) == 0
    with pytest.raises(SystemExit, match="5 levels of 255 off"):
        require_flat(Nearest(2, bias=5 / 255))
    assert require_flat(Nearest(2, bias=5 / 255), allow=True) == 5
