"""Fast tests of the dehaze pipeline (Models/Training/dehaze)."""
import json
import os

import numpy as np
import onnx
import pytest
import torch
import torch.nn.functional as F
from PIL import Image

from dehaze import synth
from dehaze.export_dehaze import export_dehaze
from dehaze.nets import MULTIPLE, DehazeNet, Teacher, build_from_meta, count_params, kt_loss
from dehaze import train_dehaze
from macs import count_macs
from models import load_checkpoint

IMDN_X2_MACS_PER_PIXEL = 172.3e3


def small_args(photo_dir, out, *extra):
    return train_dehaze.parse_args(
        ["--iters", "6", "--batch", "2", "--patch", "32", "--epoch-iters", "3", "--ckpt-every", "2",
         "--log-every", "0", "--threads", "1", "--device", "cpu", "--val-size", "32", "--max-side", "0",
         "--photos", str(photo_dir), "--splits", str(photo_dir / "splits.json"), "--out", str(out), *extra]
    )


@pytest.fixture(scope="module")
def teacher_ckpt(photo_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("teacher")
    train_dehaze.train(small_args(photo_dir, out, "--stage", "teacher", "--iters", "2", "--epoch-iters", "2"))
    return out / "best.pt"


@pytest.mark.parametrize("hw", [(16, 16), (32, 48), (48, 80), (64, 32)])
def test_shapes(hw):
    torch.manual_seed(0)
    x = torch.rand(2, 3, *hw)
    with torch.no_grad():
        for m in (DehazeNet(), DehazeNet(detail_branch=False), Teacher()):
            out, feats = m.eval().forward_features(x)
            assert out.shape == x.shape
            assert [f.shape[-2:] for f in feats] == [(hw[0] >> k, hw[1] >> k) for k in (1, 2, 3, 4)]
    assert MULTIPLE == 16


def test_kt_loss_zero_iff_features_equal():
    feats = [torch.rand(1, c, 8 >> k, 8 >> k) for k, c in enumerate((32, 48, 64, 96))]
    assert kt_loss(feats, [f.clone() for f in feats]).item() == 0.0
    other = [f.clone() for f in feats]
    other[2] = other[2] + 0.1
    assert kt_loss(feats, other).item() == pytest.approx(0.1 / 3, rel=1e-4)


def test_teacher_is_frozen_in_stage_two(teacher_ckpt, photo_dir):
    teacher = train_dehaze.load_teacher(str(teacher_ckpt), torch.device("cpu"))
    before = {k: v.clone() for k, v in teacher.state_dict().items()}
    assert not teacher.training and all(not p.requires_grad for p in teacher.parameters())
    torch.manual_seed(0)
    student = DehazeNet()
    opt = torch.optim.Adam(student.parameters(), lr=1e-3)
    hazy, clear = torch.rand(2, 3, 32, 32), torch.rand(2, 3, 32, 32)
    for _ in range(3):
        loss, _, kt = train_dehaze.compute_loss("dehaze", student, teacher, hazy, clear, 0.5)
        assert kt.item() > 0
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert all(p.grad is None for p in teacher.parameters())
    for k, v in teacher.state_dict().items():
        assert torch.equal(v, before[k]), k
    # and through the CLI: the teacher file is read, never written
    mtime = os.path.getmtime(teacher_ckpt)
    train_dehaze.train(small_args(photo_dir, teacher_ckpt.parent.parent / "kt", "--stage", "dehaze",
                                  "--teacher", str(teacher_ckpt), "--iters", "2", "--epoch-iters", "2"))
    assert os.path.getmtime(teacher_ckpt) == mtime


def test_ablations(photo_dir, tmp_path):
    full, light = DehazeNet(), DehazeNet(detail_branch=False)
    assert light.detail is None and full.detail is not None
    assert count_params(light) < count_params(full)
    assert not any(k.startswith("detail.") for k in light.state_dict())
    a = small_args(photo_dir, tmp_path, "--stage", "dehaze", "--no-kt", "--no-detail", "--iters", "1",
                   "--epoch-iters", "1")
    assert a.kt_weight == 0.0 and a.teacher is None
    model, _ = train_dehaze.train(a)
    assert model.detail is None
    ck = load_checkpoint(tmp_path / "last.pt")
    assert ck["meta"]["config"]["detail_branch"] is False
    with pytest.raises(SystemExit):
        train_dehaze.parse_args(["--stage", "dehaze", "--out", str(tmp_path)])  # KT needs a teacher


@pytest.mark.parametrize("model", [DehazeNet(), DehazeNet(detail_branch=False), Teacher()])
def test_macs_within_budget(model):
    macs, h, w = count_macs(model.eval(), (48, 64))
    assert (h, w) == (48, 64)
    assert macs / (h * w) <= 3 * IMDN_X2_MACS_PER_PIXEL


def test_synthetic_pair_obeys_scattering_model():
    rng = np.random.default_rng(7)
    clear = rng.random((64, 96, 3))
    hazy, t, a = synth.synthesize(clear, np.random.default_rng([3, 5]))
    assert hazy.shape == clear.shape and t.shape == (64, 96) and a.shape == (3,)
    assert 0.6 * 0.75 <= a.min() and a.max() <= 0.95
    # recover t from the pair and the known airlight: t = (A - I) / (A - J)
    num, den = a - hazy, a - clear
    ok = np.abs(den) > 0.2
    t_hat = np.where(ok, num / np.where(ok, den, 1), 0)
    err = np.abs(t_hat - t[..., None])[ok]
    assert err.max() < 1e-9
    # quantised to 8 bits the relation holds to within a level
    q = synth.quantise(hazy).astype(np.float64) / 255
    assert np.abs(q - (clear * t[..., None] + a * (1 - t[..., None]))).max() <= 0.5 / 255 + 1e-12
    assert (t >= synth.T_MIN).all() and (t <= 1).all()


def test_transmission_is_non_homogeneous_and_smooth():
    stds, grads = [], []
    for i in range(20):
        t = synth.transmission_map(np.random.default_rng([1, i]), 128, 128)
        stds.append(t.std())
        grads.append(max(np.abs(np.diff(t, axis=0)).max(), np.abs(np.diff(t, axis=1)).max()))
    assert np.mean(stds) > 0.05 and min(stds) > 0.005
    assert max(grads) < 0.06  # per pixel at 128 px: no edges, only low frequencies
    a = synth.transmission_map(np.random.default_rng([1, 0]), 64, 64)
    b = synth.transmission_map(np.random.default_rng([1, 0]), 64, 64)
    assert np.array_equal(a, b)


def write_pairs(d, names, size=(40, 48)):
    rng = np.random.default_rng(0)
    for sub in ("hazy", "clear"):
        os.makedirs(d / sub, exist_ok=True)
    for n in names:
        c = (rng.random((*size, 3)) * 255).astype(np.uint8)
        Image.fromarray(c).save(d / "clear" / n)
        Image.fromarray((c // 2 + 100).astype(np.uint8)).save(d / "hazy" / n)


def test_dataset_determinism_and_rendered_pairs(photo_dir, tmp_path):
    import data

    photos, val_photos = data.load_split(photo_dir / "splits.json", photo_dir)
    names = ["a_000.png", "a_001.png", "b_000.png", "val_000.png"]
    write_pairs(tmp_path, names)
    (tmp_path / "hazy" / "orphan.png").write_bytes(b"")
    assert synth.list_pairs(tmp_path) == names
    tr, va = synth.split_pairs(names)
    assert va == ["val_000.png"] and tr == names[:3]
    tr2, va2 = synth.split_pairs(names[:3])  # no val_ prefix: ~10 % by name hash
    assert len(va2) == 1 and sorted(tr2 + va2) == names[:3]
    ds = synth.HazeTrainSet(photos, 32, seed=4, pairs_dir=tmp_path, pair_names=tr, pairs_fraction=0.5)
    items = [ds[i] for i in range(16)]
    for i in (0, 7):
        assert all(torch.equal(x, y) for x, y in zip(items[i], ds[i]))
    assert all(h.shape == c.shape == (3, 32, 32) for h, c in items)
    # rendered samples are recognisable by hazy == clear // 2 + 100
    rendered = [bool(torch.allclose(h * 255, torch.floor(c * 255 / 2) + 100, atol=1e-3)) for h, c in items]
    assert 0 < sum(rendered) < len(rendered)
    val = synth.validation_pairs(val_photos, 32, pairs_dir=tmp_path, pair_names=va)
    assert len(val) == 2 * len(val_photos) + 1
    assert all(h.shape == c.shape and h.shape[0] % 16 == 0 and h.shape[1] % 16 == 0 for _, h, c in val)
    with pytest.raises(ValueError):
        synth.HazeTrainSet(photos, 40)


def test_training_step_decreases_loss(photo_dir):
    import data

    torch.manual_seed(0)
    photos, _ = data.load_split(photo_dir / "splits.json", photo_dir)
    ds = synth.HazeTrainSet(photos, 32, seed=3)
    hazy, clear = [torch.stack(t) for t in zip(*[ds[i] for i in range(4)])]
    model = DehazeNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    losses = []
    for _ in range(15):
        loss = F.l1_loss(model(hazy), clear)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.8 * losses[0] and min(losses[-3:]) < min(losses[:3])


def test_resume_matches_uninterrupted_run(photo_dir, teacher_ckpt, tmp_path):
    extra = ("--stage", "dehaze", "--teacher", str(teacher_ckpt))
    train_dehaze.train(small_args(photo_dir, tmp_path / "a", *extra, "--stop-at", "4"))
    assert load_checkpoint(tmp_path / "a" / "last.pt")["iteration"] == 4
    train_dehaze.train(small_args(photo_dir, tmp_path / "a", *extra, "--resume"))
    train_dehaze.train(small_args(photo_dir, tmp_path / "b", *extra))
    ca, cb = load_checkpoint(tmp_path / "a" / "last.pt"), load_checkpoint(tmp_path / "b" / "last.pt")
    assert ca["iteration"] == cb["iteration"] == 6
    for k in cb["model"]:
        assert torch.allclose(ca["model"][k], cb["model"][k], atol=1e-6, rtol=0), k
    assert ca["scheduler"]["last_epoch"] == cb["scheduler"]["last_epoch"] == 6
    for d in ("a", "b"):
        with open(tmp_path / d / "log.jsonl") as fh:
            recs = [json.loads(x) for x in fh]
        assert [r["iter"] for r in recs] == [3, 6]
        assert all(np.isfinite(r["val_psnr"]) and 0 < r["val_ssim"] <= 1 and r["kt"] > 0 for r in recs)
        assert os.path.exists(tmp_path / d / "best.pt")
        assert not [f for f in os.listdir(tmp_path / d) if f.endswith(".tmp")]


def test_init_weights_continues_from_shipped_weights(photo_dir, teacher_ckpt, tmp_path):
    """A later session continues the shipped dehaze weights instead of restarting from random ones."""
    extra = ("--stage", "dehaze", "--teacher", str(teacher_ckpt), "--iters", "1", "--epoch-iters", "1")
    train_dehaze.train(small_args(photo_dir, tmp_path / "a", *extra))
    shipped = load_checkpoint(tmp_path / "a" / "last.pt")
    net = build_from_meta(shipped["meta"])
    net.load_state_dict(shipped["model"])
    weights = tmp_path / "dehaze.onnx"  # what publish_dehaze.py ships: the ONNX file holds the only copy
    export_dehaze(net, str(weights))
    tiny_lr = ("--lr", "1e-12", "--min-lr", "1e-12")
    train_dehaze.train(small_args(photo_dir, tmp_path / "b", *extra, *tiny_lr, "--init-weights", str(weights)))
    train_dehaze.train(small_args(photo_dir, tmp_path / "c", *extra, *tiny_lr, "--seed", "7"))
    cont = load_checkpoint(tmp_path / "b" / "last.pt")["model"]
    scratch = load_checkpoint(tmp_path / "c" / "last.pt")["model"]
    assert all(torch.allclose(cont[k].float(), shipped["model"][k].float(), atol=1e-6) for k in cont)
    assert not all(torch.allclose(scratch[k].float(), shipped["model"][k].float(), atol=1e-6) for k in scratch)
    with pytest.raises(SystemExit, match="not"):  # a teacher checkpoint is not DehazeNet weights
        train_dehaze.train(small_args(photo_dir, tmp_path / "d", *extra, "--init-weights", str(teacher_ckpt)))


def test_onnx_export_dynamic(tmp_path):
    torch.manual_seed(0)
    info = export_dehaze(DehazeNet(), str(tmp_path / "dehaze.onnx"))
    m = onnx.load(info["path"])
    onnx.checker.check_model(m)
    assert any(o.domain in ("", "ai.onnx") and o.version == 17 for o in m.opset_import)
    dims = [(v.name, [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim])
            for v in list(m.graph.input) + list(m.graph.output)]
    assert dims[0] == ("input", [1, 3, "height", "width"])
    assert dims[1][0] == "output" and dims[1][1][:2] == [1, 3]
    assert all(isinstance(d, str) and d for d in dims[1][1][2:])
    # the pyramid upsampling is by fixed scales, not sizes baked from the sample input
    resizes = [n for n in m.graph.node if n.op_type == "Resize"]
    assert len(resizes) == 2 and all(len(n.input) == 3 and n.input[2] for n in resizes)
    assert info["params"] == count_params(DehazeNet()) and info["multiple"] == 16
    assert info["macs_per_output_mp"] <= 3 * IMDN_X2_MACS_PER_PIXEL * 1e6
