"""DRCN, DRRN, RED-Net (nets/vdsr_family.py): the papers' structures and parameter counts, shared weights, recursive
supervision, and the in-graph bicubic upsampling (torch training path = the exported ONNX Resize = MATLAB imresize)."""
import collections
import math

import numpy as np
import onnx
from onnx import numpy_helper
import pytest
import torch
import torch.nn.functional as F

import matlab_bicubic
import train
from export import export_proto
from macs import macs_per_output_mp
from models import build_model
from nets.vdsr_family import (
    CUBIC_A, DRCN, DRRN, FULL, VARIANTS, BicubicUpsample, LumaSR, REDNet, StrideFreeConvTranspose, build_body,
    keys_cubic, recursive_supervision_loss, rgb_to_y)


def count(module):
    return sum(p.numel() for p in module.parameters())


# --- parameter counts of the papers' networks (one channel, Y, as published) ----------------------------------------

def test_drcn_parameter_count_is_the_papers():
    # Kim et al. 2016, DRCN: "1.77M" parameters. 256 ch, 16 recursions, biases, plus the 16 combination weights.
    n = count(build_body("drcn"))
    assert n == 1 * 256 * 9 + 256 + 3 * (256 * 256 * 9 + 256) + 256 * 9 + 1 + 16 == 1_775_121
    assert abs(n - 1.77e6) <= 0.01 * 1.77e6


def test_drrn_b1u25_parameter_count_is_the_papers():
    # Tai et al. 2017, DRRN B1U25 (52 layers): "297K" parameters (297,216 without biases; 297,601 with them).
    n = count(build_body("drrn-b1u25"))
    assert n == 297_601
    assert abs(n - 297e3) <= 0.01 * 297e3
    assert count(DRRN(blocks=1, units=25)) - sum(c.bias.numel() for c in build_body("drrn-b1u25").modules()
                                                  if isinstance(c, torch.nn.Conv2d)) == 297_216


def test_rednet30_parameter_count_from_the_papers_description():
    # Mao et al. 2016 (RED-Net, NIPS), section 3: RED30 = 15 conv + 15 deconv layers, 3x3 kernels, 64 feature maps;
    # the paper prints no total. From that description, one (luminance) channel, with biases:
    #   conv 1->64: 9*64 + 64 = 640; 14 convs 64->64: 14 * (9*64*64 + 64) = 516,992
    #   14 deconvs 64->64: 516,992; deconv 64->1: 9*64 + 1 = 577            total 1,035,201
    n = count(build_body("rednet30"))
    assert n == 640 + 516_992 + 516_992 + 577 == 1_035_201


def test_full_variants_are_the_papers_structures():
    drcn, drrn, red = build_body("drcn"), build_body("drrn-b1u25"), build_body("rednet30")
    assert (drcn.recursions, drcn.recursive.out_channels) == (16, 256)
    assert len(drrn.inputs) == 1 and drrn.units == 25 and drrn.conv1[0].out_channels == 128
    convs = sum(isinstance(m, torch.nn.Conv2d) and not isinstance(m, torch.nn.ConvTranspose2d) for m in red.modules())
    deconvs = sum(isinstance(m, torch.nn.ConvTranspose2d) for m in red.modules())
    assert (convs, deconvs) == (15, 15)
    assert all(m.kernel_size == (3, 3) for m in red.modules() if isinstance(m, torch.nn.Conv2d))
    assert FULL == {"drcn": "drcn", "drrn": "drrn-b1u25", "rednet": "rednet30"}
    assert build_model("drrn-b1u25", 2).body.state_dict().keys() == drrn.state_dict().keys()


def test_rednet30_skips_join_every_second_conv_to_its_mirrored_deconv():
    assert REDNet(15).skip_pairs() == [(2, 13), (4, 11), (6, 9), (8, 7), (10, 5), (12, 3), (14, 1)]


# --- shared weights, recursion, supervision -------------------------------------------------------------------------

def conv_calls(module, x):
    calls = collections.Counter()
    hooks = [m.register_forward_hook(lambda m, i, o, name=name: calls.update([name]))
             for name, m in module.named_modules() if isinstance(m, (torch.nn.Conv2d, torch.nn.ConvTranspose2d))]
    try:
        with torch.no_grad():
            module(x)
    finally:
        for h in hooks:
            h.remove()
    return calls


def test_drcn_one_recursive_conv_applied_d_times_and_one_reconstruction_for_every_recursion():
    m = DRCN(features=8, recursions=5)
    calls = conv_calls(m, torch.rand(1, 1, 6, 7))
    assert calls == {"embed.0": 1, "embed.2": 1, "recursive": 5, "reconstruct.0": 5, "reconstruct.2": 5}
    # one parameter tensor for the recursion: no copies hidden elsewhere
    assert [n for n, _ in m.named_parameters() if n.startswith("recursive")] == ["recursive.weight", "recursive.bias"]


def test_drrn_units_share_the_blocks_two_convs():
    m = DRRN(blocks=2, units=3, features=8)
    calls = conv_calls(m, torch.rand(1, 1, 6, 7))
    assert calls == {"inputs.0": 1, "inputs.1": 1, "conv1.0": 3, "conv2.0": 3, "conv1.1": 3, "conv2.1": 3,
                     "output": 1}
    assert count(m) == (9 * 8 + 8) + 5 * (9 * 64 + 8) + (9 * 8 + 1)


def test_drcn_recursive_supervision_outputs():
    torch.manual_seed(0)
    m = DRCN(features=8, recursions=4)
    with torch.no_grad():
        m.combine.copy_(torch.tensor([0.1, 0.2, 0.3, 0.5]).view(4, 1, 1, 1, 1))
    x = torch.rand(2, 1, 5, 6)
    out, preds = m.forward_all(x)
    assert len(preds) == 4 and all(p.shape == x.shape for p in preds)
    assert torch.allclose(out, 0.1 * preds[0] + 0.2 * preds[1] + 0.3 * preds[2] + 0.5 * preds[3], atol=1e-6)
    assert torch.equal(m(x), out)
    # each prediction is the reconstruction of that recursion's features plus the input (skip)
    h = m.embed(x)
    for p in preds:
        h = F.relu(m.recursive(h))
        assert torch.allclose(p, m.reconstruct(h) + x, atol=1e-6)
    target = torch.rand_like(x)
    inter = sum(F.mse_loss(p, target) for p in preds) / 4
    assert torch.allclose(recursive_supervision_loss(out, preds, target, 1.0), inter)
    assert torch.allclose(recursive_supervision_loss(out, preds, target, 0.0), F.mse_loss(out, target))
    recursive_supervision_loss(out, preds, target, 0.5).backward()
    assert m.combine.grad is not None and m.combine.grad.abs().sum() > 0


def test_drcn_train_loss_alpha_falls_to_zero():
    m = LumaSR(DRCN(features=4, recursions=3), 2)
    x, hr = torch.rand(1, 3, 4, 4), torch.rand(1, 3, 8, 8)
    args = train.parse_args(["--model", "drcn", "--variant", "f64r8", "--iters", "10", "--out", "/tmp/unused"])
    assert args.model == "drcn-f64r8" and args.clip_grad == 1.0 and args.patch == 24 and args.scale == 2
    _, y_sr, preds = m.forward_all(x)
    y = rgb_to_y(hr)
    start = train.vdsr_loss(m, x, hr, 0, args)
    assert torch.allclose(start, sum(F.mse_loss(p, y) for p in preds) / 3)
    assert torch.allclose(train.vdsr_loss(m, x, hr, 5, args), F.mse_loss(y_sr, y))


def test_rednet_transposed_convolution_equals_the_native_layer():
    torch.manual_seed(1)
    layer = StrideFreeConvTranspose(5, 7)
    x = torch.randn(2, 5, 9, 6, requires_grad=True)
    fast, native = layer(x), torch.nn.ConvTranspose2d.forward(layer, x)
    assert fast.shape == native.shape == (2, 7, 9, 6)
    assert torch.allclose(fast, native, atol=1e-5)
    (g1,) = torch.autograd.grad(fast.square().sum(), layer.weight)
    (g2,) = torch.autograd.grad(native.square().sum(), layer.weight)
    assert torch.allclose(g1, g2, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("scale", [2, 3, 4])
def test_shapes(variant, scale):
    family, kw = VARIANTS[variant]
    if variant == FULL[family] and scale != 2:
        pytest.skip("the full networks: x2 is enough for shapes (slow on the CPU)")
    torch.manual_seed(0)
    m = build_model(variant, scale)
    x = torch.rand(2, 3, 5, 7)
    out, y_sr, preds = m.forward_all(x)
    assert out.shape == (2, 3, 5 * scale, 7 * scale) and y_sr.shape == (2, 1, 5 * scale, 7 * scale)
    assert len(preds) == (kw["recursions"] if family == "drcn" else 0)


# --- bicubic inside the graph ---------------------------------------------------------------------------------------

def onnx_resize_cubic(x, scale, a=CUBIC_A):
    """numpy transcription of ONNX Resize (opset 11-18) for mode=cubic, coordinate_transformation_mode=half_pixel,
    exclude_outside=0 over H and W: x_original = (x_resized + 0.5) / scale - 0.5; the 4 taps floor(x_original) - 1 ..
    + 2 weighted by the Keys kernel of their distance; taps outside the image take the edge value (ONNX reference
    implementation: edge padding; ONNX Runtime: clamped indices)."""
    def axis(arr, ax):
        n = arr.shape[ax]
        out = []
        for j in range(n * scale):
            xo = (j + 0.5) / scale - 0.5
            base = math.floor(xo)
            acc = 0
            for t in range(-1, 3):
                idx = min(max(base + t, 0), n - 1)
                acc = acc + keys_cubic(xo - (base + t), a) * np.take(arr, idx, axis=ax)
            out.append(acc)
        return np.stack(out, axis=ax)
    return axis(axis(x.astype(np.float64), 2), 3)


@pytest.mark.parametrize("scale", [2, 3, 4])
@pytest.mark.parametrize("hw", [(1, 1), (2, 3), (7, 5), (16, 11)])
def test_torch_bicubic_is_onnx_resize_cubic_and_matlab_imresize(scale, hw):
    rng = np.random.default_rng(scale * 100 + hw[0])
    x = rng.random((2, 3, *hw)).astype(np.float32)
    got = BicubicUpsample(scale)(torch.from_numpy(x)).double().numpy()
    ref = onnx_resize_cubic(x, scale)
    assert np.abs(got - ref).max() < 1e-6
    if min(hw) >= 2:  # MATLAB imresize(img, scale, 'bicubic') on a float image (the project's port)
        mat = matlab_bicubic.imresize(x[0].transpose(1, 2, 0).astype(np.float64), scale)
        assert np.abs(got[0].transpose(1, 2, 0) - mat).max() < 1e-6


def test_torch_interpolate_bicubic_is_not_matlab():
    # why the project does not use F.interpolate: its a = -0.75 differs from MATLAB's by more than the eval's rounding
    x = torch.from_numpy(np.random.default_rng(3).random((1, 1, 12, 12)).astype(np.float32))
    ours = BicubicUpsample(2)(x)
    theirs = F.interpolate(x, scale_factor=2, mode="bicubic", align_corners=False)
    assert (ours - theirs).abs().max() > 1 / 255


def test_bicubic_keeps_flat_colours_and_has_no_parameters():
    up = BicubicUpsample(3)
    assert list(up.parameters()) == [] and up.state_dict() == {}
    c = torch.full((1, 3, 4, 5), 0.42)
    assert torch.allclose(up(c), torch.full((1, 3, 12, 15), 0.42), atol=1e-6)


@pytest.mark.parametrize("variant", ["drcn-f64r8", "drrn-b1u9-f32", "rednet10-f32"])
def test_export_is_one_cubic_resize_then_the_network(variant):
    torch.manual_seed(0)
    m = build_model(variant, 3)
    proto = export_proto(m, (16, 16))
    resize = [n for n in proto.graph.node if n.op_type == "Resize"]
    assert len(resize) == 1
    attrs = {a.name: onnx.helper.get_attribute_value(a) for a in resize[0].attribute}
    assert attrs["mode"] == b"cubic" and attrs["coordinate_transformation_mode"] == b"half_pixel"
    assert attrs["cubic_coeff_a"] == pytest.approx(-0.5) and attrs["exclude_outside"] == 0
    assert resize[0].input[0] == "input"
    scales = [t for t in proto.graph.node if t.op_type == "Constant" and t.output[0] == resize[0].input[2]]
    assert numpy_helper.to_array(scales[0].attribute[0].t).tolist() == [1, 1, 3, 3]
    # nothing of the training-time phase convolution is left: the Convs / ConvTransposes are the network's
    convs = sum(n.op_type in ("Conv", "ConvTranspose") for n in proto.graph.node)
    assert convs == sum(conv_calls(m.body, torch.rand(1, 1, 4, 4)).values())
    # every parameter is one initializer under its own name (the shared convs included)
    names = {i.name for i in proto.graph.initializer}
    assert set(m.state_dict()) <= names


def test_shared_conv_is_one_initializer_read_by_every_recursion():
    torch.manual_seed(0)
    proto = export_proto(build_model("drcn-f64r8", 2), (8, 8))
    readers = [n for n in proto.graph.node if "body.recursive.weight" in n.input]
    assert len(readers) == 8


def test_luma_change_goes_to_rgb_alike():
    class Plus(torch.nn.Module):
        def forward(self, y):
            return y + 0.05
    m = LumaSR(Plus(), 2)
    x = torch.rand(1, 3, 5, 6)
    out, up = m(x), BicubicUpsample(2)(x)
    d = out - up
    assert torch.allclose(d, torch.full_like(d, 0.05 * 255 / 219), atol=1e-6)
    assert torch.allclose(rgb_to_y(out), rgb_to_y(up) + 0.05, atol=1e-6)


def test_macs_run_at_hr_resolution():
    # DRCN: per output pixel 1x(3x3, 1->256) + (1 + 16 + 16) x (3x3 256->256) + 16 x (3x3 256->1)
    per_pixel = 9 * 256 + 33 * 9 * 256 * 256 + 16 * 9 * 256
    assert macs_per_output_mp(build_model("drcn", 2), 2, lr_hw=(3, 4)) == pytest.approx(per_pixel * 1e6)
    drrn = 9 * 128 + 50 * 9 * 128 * 128 + 9 * 128
    assert macs_per_output_mp(build_model("drrn-b1u25", 4), 4, lr_hw=(2, 3)) == pytest.approx(drrn * 1e6)
    red = 2 * (9 * 64 + 14 * 9 * 64 * 64)
    assert macs_per_output_mp(build_model("rednet30", 2), 2, lr_hw=(3, 3)) == pytest.approx(red * 1e6)


def test_a_short_run_trains_exports_and_resumes(photo_dir, tmp_path):
    from models import load_checkpoint, load_checkpoint_model

    def run(*extra):
        return train.parse_args(["--model", "drrn", "--variant", "b1u9-f32", "--iters", "4", "--batch", "2",
                                 "--patch", "6", "--epoch-iters", "2", "--ckpt-every", "2", "--log-every", "0",
                                 "--threads", "1", "--device", "cpu", "--val-crop", "24", "--max-side", "0",
                                 "--photos", str(photo_dir), "--splits", str(photo_dir / "splits.json"),
                                 "--out", str(tmp_path), *extra])
    train.train(run("--stop-at", "2"))
    train.train(run("--resume"))
    ck = load_checkpoint(tmp_path / "last.pt")
    assert ck["iteration"] == 4 and ck["meta"] == {"model": "drrn-b1u9-f32", "scale": 2}
    model, _ = load_checkpoint_model(str(tmp_path / "best.pt"))
    assert isinstance(model, LumaSR) and isinstance(model.body, DRRN)


def test_family_and_variant_arguments():
    def model_of(*argv):
        return train.parse_args(["--out", "/tmp/unused", *argv]).model
    assert model_of("--model", "drcn") == "drcn"
    assert model_of("--model", "drrn") == "drrn-b1u25"
    assert model_of("--model", "rednet") == "rednet30"
    assert model_of("--model", "rednet", "--variant", "rednet10-f32") == "rednet10-f32"
    assert model_of("--model", "drrn", "--variant", "b1u9-f32") == "drrn-b1u9-f32"
    assert model_of("--model", "rednet10") == "rednet10"
    for bad in (["--model", "drrn", "--variant", "f64r8"], ["--model", "imdn", "--variant", "b1u9"]):
        with pytest.raises(SystemExit):
            train.parse_args(["--out", "/tmp/unused", *bad])
    assert train.parse_args(["--out", "/tmp/u", "--model", "imdn"]).clip_grad == 0.0


def test_card_architecture_names_the_reduction():
    from publish import vdsr_architecture
    assert "reduced" not in vdsr_architecture("drrn-b1u25") and "B1U25" in vdsr_architecture("drrn-b1u25")
    assert "reduced" in vdsr_architecture("rednet10-f32") and "RED10" in vdsr_architecture("rednet10-f32")
    assert "Resize" in vdsr_architecture("drcn") and "16 times" in vdsr_architecture("drcn")


def test_rednet10_f16_fits_the_real_time_tiers_parameter_budget():
    # the models issue holds the real-time tier to 21K parameters (imdn-rtc-x2: 20,190)
    n = sum(p.numel() for p in build_model("rednet10-f16", 2).parameters())
    assert n == 18865 and n <= 21000
