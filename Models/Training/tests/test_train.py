import json
import os

import numpy as np
import torch
import torch.nn.functional as F

import data
import train
from models import load_checkpoint
from nets.imdn import IMDN_RTC


def args_for(photo_dir, out, *extra):
    return train.parse_args(
        [
            "--model", "imdn-rtc", "--iters", "6", "--batch", "2", "--patch", "8",
            "--epoch-iters", "3", "--ckpt-every", "2", "--log-every", "0", "--threads", "1",
            "--device", "cpu", "--val-crop", "32", "--max-side", "0",
            "--photos", str(photo_dir), "--splits", str(photo_dir / "splits.json"),
            "--out", str(out), *extra,
        ]
    )


def test_training_step_decreases_loss(photo_dir):
    torch.manual_seed(0)
    photos, _ = data.load_split(photo_dir / "splits.json", photo_dir)
    ds = data.SRTrainSet(photos, "imdn-rtc", 2, 12, seed=3)
    lr, hr = [torch.stack(t) for t in zip(*[ds[i] for i in range(4)])]
    model = IMDN_RTC(2)
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    losses = []
    for _ in range(20):
        loss = F.l1_loss(model(lr), hr)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.7 * losses[0]


def test_samples_are_deterministic(photo_dir):
    photos, _ = data.load_split(photo_dir / "splits.json", photo_dir)
    ds = data.SRTrainSet(photos, "lapsrn", 8, 4, seed=5)
    a, b = ds[17], ds[17]
    assert len(a) == 4 and all(torch.equal(x, y) for x, y in zip(a, b))
    assert [tuple(t.shape) for t in a] == [(3, 4, 4), (3, 8, 8), (3, 16, 16), (3, 32, 32)]


def test_resume_matches_uninterrupted_run(photo_dir, tmp_path):
    # interrupted: 4 iterations, "killed" right after the checkpoint, resumed to 6
    a = args_for(photo_dir, tmp_path / "a", "--stop-at", "4")
    train.train(a)
    ck = load_checkpoint(tmp_path / "a" / "last.pt")
    assert ck["iteration"] == 4
    train.train(args_for(photo_dir, tmp_path / "a", "--resume"))
    # uninterrupted: 6 iterations
    train.train(args_for(photo_dir, tmp_path / "b"))
    ca = load_checkpoint(tmp_path / "a" / "last.pt")
    cb = load_checkpoint(tmp_path / "b" / "last.pt")
    assert ca["iteration"] == cb["iteration"] == 6
    for k in cb["model"]:
        assert torch.allclose(ca["model"][k], cb["model"][k], atol=1e-6, rtol=0), k
    assert ca["scheduler"]["last_epoch"] == cb["scheduler"]["last_epoch"] == 6
    # both logs hold the two epochs (iterations 3 and 6)
    for d in ("a", "b"):
        with open(tmp_path / d / "log.jsonl") as fh:
            recs = [json.loads(x) for x in fh]
        assert [r["iter"] for r in recs] == [3, 6]
        assert all(np.isfinite(r["val_psnr_y"]) for r in recs)
    assert os.path.exists(tmp_path / "b" / "best.pt")
    assert not [f for f in os.listdir(tmp_path / "b") if f.endswith(".tmp")]


def test_distillation_and_lapsrn_smoke(photo_dir, tmp_path):
    teacher = train.parse_args(
        ["--model", "imdn", "--scale", "2", "--iters", "1", "--batch", "1", "--patch", "8",
         "--epoch-iters", "1", "--log-every", "0", "--threads", "1", "--device", "cpu", "--val-crop", "24",
         "--max-side", "0", "--photos", str(photo_dir), "--splits", str(photo_dir / "splits.json"),
         "--out", str(tmp_path / "teacher")]
    )
    train.train(teacher)
    student = args_for(photo_dir, tmp_path / "student", "--teacher", str(tmp_path / "teacher" / "best.pt"),
                       "--distill-weight", "0.5", "--iters", "2", "--epoch-iters", "2")
    train.train(student)
    ck = load_checkpoint(tmp_path / "student" / "last.pt")
    assert ck["distiller"] is not None and ck["iteration"] == 2
    lap = train.parse_args(
        ["--model", "lapsrn", "--iters", "1", "--batch", "1", "--patch", "4", "--epoch-iters", "1",
         "--log-every", "0", "--threads", "1", "--device", "cpu", "--val-crop", "48", "--max-side", "0",
         "--photos", str(photo_dir), "--splits", str(photo_dir / "splits.json"), "--out", str(tmp_path / "lap")]
    )
    train.train(lap)
    with open(tmp_path / "lap" / "log.jsonl") as fh:
        rec = json.loads(fh.readline())
    assert set(rec["val"]) == {"x2", "x4", "x8"}


def test_psnr_y():
    a = np.zeros((20, 20, 3), np.uint8)
    b = a.copy()
    b[3, 3] = 10
    assert data.psnr_y(a, a, 2) == float("inf")
    assert 40 < data.psnr_y(a, b, 2) < 70
    assert data.psnr_y(a, b, 4) == float("inf")  # the differing pixel is cropped away


def test_init_weights_starts_from_shipped_weights(tmp_path):
    """A later session continues from the published weights instead of restarting from random ones: they are read
    back from the ONNX file publish.py writes (the only copy)."""
    import torch
    from export import export_module
    from models import build_model, load_checkpoint_model

    torch.manual_seed(123)
    source = build_model("imdn-rtc", 2)
    export_module(source, str(tmp_path / "imdn-rtc-x2.onnx"))
    loaded, meta = load_checkpoint_model(str(tmp_path / "imdn-rtc-x2.onnx"))
    assert (meta["model"], meta["scale"]) == ("imdn-rtc", 2)
    for a, b in zip(loaded.parameters(), source.parameters()):
        assert torch.equal(a, b)


def test_train_continues_the_shipped_network_by_id(photo_dir, tmp_path):
    """train.py --init-weights imdn-rtc-x2: the run starts from the weights in Models/imdn-rtc-x2.onnx (with a
    vanishing learning rate its first checkpoint still holds them); a network of another scale is refused."""
    import pytest
    from models import load_checkpoint_model

    tiny = ("--lr", "1e-12", "--min-lr", "1e-12", "--iters", "1", "--epoch-iters", "1")
    train.train(args_for(photo_dir, tmp_path / "a", *tiny, "--init-weights", "imdn-rtc-x2"))
    shipped, _ = load_checkpoint_model("imdn-rtc-x2")
    ran = load_checkpoint(tmp_path / "a" / "last.pt")["model"]
    assert all(torch.allclose(ran[k], v, atol=1e-6) for k, v in shipped.state_dict().items())
    with pytest.raises(SystemExit, match="holds imdn x3, not imdn-rtc x2"):
        train.train(args_for(photo_dir, tmp_path / "b", *tiny, "--init-weights", "imdn-x3"))


def test_continued_card_adds_the_earlier_training(tmp_path):
    """publish --continues: the card tells the whole training (hours, iterations, both commands)."""
    import pytest
    from publish import add_earlier_training

    manifest = tmp_path / "models.json"
    earlier = {"id": "m", "training": {"hours": 1.25, "iterations": 4000, "command": "first"}}
    manifest.write_text(json.dumps({"models": [earlier]}))
    card = {"id": "m", "training": {"hours": 0.5, "iterations": 3000, "command": "second"}}
    add_earlier_training(card, str(manifest))
    assert card["training"] == {"hours": 1.75, "iterations": 7000, "command": "first ; then second"}
    with pytest.raises(SystemExit, match="no card"):
        add_earlier_training({"id": "other", "training": {}}, str(manifest))
    # --builds-on: another network's card (an IMDN x2 started from the x3 body)
    card = {"id": "x2", "training": {"hours": 2.0, "iterations": 100, "command": "x2 run"}}
    add_earlier_training(card, str(manifest), "m")
    assert card["training"] == {"hours": 3.25, "iterations": 4100, "command": "first ; then x2 run"}


def test_init_body_takes_another_scales_imdn_but_its_upsampler(tmp_path):
    """train.py --init-body: an IMDN x2 starts from an x3 network's body; the x3-specific upsampling conv stays fresh,
    and a network of another architecture is refused."""
    import pytest
    from models import build_model, load_body

    torch.manual_seed(7)
    x3 = build_model("imdn", 3)
    weights = tmp_path / "x3.pt"
    torch.save({"meta": {"model": "imdn", "scale": 3}, "model": x3.state_dict()}, weights)  # a train.py checkpoint
    torch.manual_seed(8)
    x2 = build_model("imdn", 2)
    fresh_up = x2.up.weight.detach().clone()
    assert load_body(x2, str(weights)) == ["up.bias", "up.weight"]
    source = x3.state_dict()
    for name, value in x2.state_dict().items():
        if not name.startswith("up."):
            assert torch.equal(value, source[name]), name
    assert torch.equal(x2.up.weight, fresh_up)
    rtc = tmp_path / "rtc.pt"
    torch.save({"meta": {"model": "imdn-rtc", "scale": 2}, "model": build_model("imdn-rtc", 2).state_dict()}, rtc)
    with pytest.raises(ValueError, match="not a IMDN"):
        load_body(build_model("imdn", 2), str(rtc))
    with pytest.raises(SystemExit):
        train.parse_args(["--model", "imdn", "--out", str(tmp_path / "r"), "--init-weights", str(weights),
                          "--init-body", str(weights)])
