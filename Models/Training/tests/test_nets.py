import pytest
import torch

from nets.imdn import IMDN, IMDN_RTC, FeatureDistiller, count_params, teacher_index_map
from nets.lapsrn import ConvTranspose2dX2, ImageUpsample, LapSRN, LapSRNLevel, multilevel_charbonnier


@pytest.mark.parametrize("scale,expected", [(2, 694404), (3, 703059), (4, 715176)])
def test_imdn_param_count(scale, expected):
    n = count_params(IMDN(scale))
    assert abs(n - expected) <= expected * 1e-3
    assert n == expected


def test_imdn_rtc_param_count():
    assert 15000 <= count_params(IMDN_RTC(2)) <= 25000


@pytest.mark.parametrize("scale", [2, 3, 4])
def test_imdn_shapes(scale):
    x = torch.rand(2, 3, 12, 17)
    out, feats = IMDN(scale).forward_features(x)
    assert out.shape == (2, 3, 12 * scale, 17 * scale)
    assert len(feats) == 6 and all(f.shape == (2, 64, 12, 17) for f in feats)


def test_imdn_rtc_shapes():
    x = torch.rand(1, 3, 9, 14)
    out, feats = IMDN_RTC(2).forward_features(x)
    assert out.shape == (1, 3, 18, 28)
    assert len(feats) == 5 and all(f.shape == (1, 12, 9, 14) for f in feats)


def test_lapsrn_shapes_and_levels():
    m = LapSRN()
    x = torch.rand(1, 3, 7, 10)
    outs = m(x)
    assert [tuple(o.shape) for o in outs] == [(1, 3, 14, 20), (1, 3, 28, 40), (1, 3, 56, 80)]
    for level in (1, 2, 3):
        y = LapSRNLevel(m, level)(x)
        assert torch.allclose(y, outs[level - 1])
    tg = [torch.rand_like(o) for o in outs]
    assert multilevel_charbonnier(outs, tg).item() > 0


def test_lapsrn_image_branch_is_bilinear():
    up = ImageUpsample(3)
    c = torch.full((1, 3, 6, 7), 0.37)
    assert torch.allclose(up(c), torch.full((1, 3, 12, 14), 0.37), atol=1e-6)
    # a horizontal ramp v(x) = 0.1 x: bilinear x2 (half-pixel centres) gives
    # v((j + 0.5) / 2 - 0.5) at output column j, exactly in the interior
    ramp = (0.1 * torch.arange(8.0)).view(1, 1, 1, 8).expand(1, 3, 5, 8)
    out = up(ramp)
    j = torch.arange(16.0)
    expect = 0.1 * ((j + 0.5) / 2 - 0.5)
    assert torch.allclose(out[0, :, :, 1:-1], expect[1:-1].expand(3, 10, 14), atol=1e-6)
    # cross-channel weights start at zero
    w = up.up.weight
    off = w.clone()
    for ch in range(3):
        off[ch, ch] = 0
    assert off.abs().max() == 0


def test_distillation_loss_zero_iff_equal():
    torch.manual_seed(0)
    d = FeatureDistiller(12, 64, 5, 6)
    assert d.index == teacher_index_map(5, 6) and d.index[-1] == 5
    student = [torch.rand(1, 12, 5, 6) for _ in range(5)]
    adapted = [a.detach() for a in d.adapt(student)]
    teacher = [torch.rand(1, 64, 5, 6) for _ in range(6)]
    for k, j in enumerate(d.index):
        teacher[j] = adapted[k].clone()
    assert d(student, teacher).item() == pytest.approx(0.0, abs=1e-7)
    teacher[d.index[2]] = teacher[d.index[2]] + 0.1
    assert d(student, teacher).item() > 0


@pytest.mark.parametrize("padding", [1, 3])
def test_subpixel_transposed_conv_equals_the_native_layer(padding):
    """ConvTranspose2dX2 trains through a 3x3 conv + PixelShuffle; it must be the same map as the native layer
    (which ONNX export writes), in value and in gradient."""
    torch.manual_seed(padding)
    layer = ConvTranspose2dX2(5, 7, padding=padding)
    x = torch.randn(2, 5, 9, 6, requires_grad=True)
    fast = layer(x)
    native = torch.nn.ConvTranspose2d.forward(layer, x)
    assert fast.shape == native.shape == (2, 7, 18 - 2 * (padding - 1), 12 - 2 * (padding - 1))
    assert torch.allclose(fast, native, atol=1e-5)
    (gw_fast,) = torch.autograd.grad(fast.square().sum(), layer.weight)
    (gw_native,) = torch.autograd.grad(native.square().sum(), layer.weight)
    assert torch.allclose(gw_fast, gw_native, rtol=1e-4, atol=1e-4)
    with pytest.raises(ValueError):
        ConvTranspose2dX2(5, 7, padding=2)
