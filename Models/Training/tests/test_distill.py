import json

import pytest
import torch
import torch.nn.functional as F

import train
from models import load_checkpoint
from nets.distill import (METHODS, Contrastive, FeatureL1, LocallySelective, OutputDistillation,
                          build_distiller)
from nets.imdn import IMDN, IMDN_RTC, FeatureDistiller, teacher_index_map

from test_train import args_for


def feats(channels, blocks, n=2, h=6, w=7, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(n, channels, h, w, generator=g) for _ in range(blocks)]


def matched_teacher(distiller, student):
    """Teacher features equal to the adapted student features at the matched blocks (random elsewhere)."""
    adapted = [a.detach() for a in distiller.adapt(student)]
    teacher = feats(64, 6, seed=9)
    for k, j in enumerate(distiller.index):
        teacher[j] = adapted[k].clone()
    return teacher


def test_every_method_is_finite_and_differentiable():
    torch.manual_seed(0)
    student, teacher = feats(12, 5), feats(64, 6, seed=1)
    for s in student:
        s.requires_grad_(True)
    sout = torch.rand(2, 3, 12, 14, requires_grad=True)
    tout = torch.rand(2, 3, 12, 14)
    for method in METHODS:
        d = build_distiller(method, IMDN_RTC(2), IMDN(2))
        loss = d(student, teacher, sout, tout)
        assert loss.dim() == 0 and torch.isfinite(loss), method
        loss.backward()
        grads = [s.grad for s in student] + [sout.grad]
        assert any(g is not None and g.abs().sum() > 0 for g in grads), method
        assert all(torch.isfinite(p.grad).all() for p in d.parameters()), method
        for t in student + [sout]:
            t.grad = None


def test_build_distiller_names_and_defaults():
    s, t = IMDN_RTC(2), IMDN(2)
    kinds = {m: type(build_distiller(m, s, t)) for m in METHODS}
    assert kinds == {"feature-l1": FeatureL1, "lsfd": LocallySelective, "facd": Contrastive,
                     "output": OutputDistillation}
    assert build_distiller("lsfd", s, t).temperature == 1.0
    assert build_distiller("facd", s, t).temperature == 0.1
    assert build_distiller("facd", s, t, temperature=0.5, samples=17).samples == 17
    assert build_distiller("lsfd", s, t).index == teacher_index_map(5, 6) == [0, 1, 3, 4, 5]
    with pytest.raises(ValueError):
        build_distiller("krnet", s, t)
    # the plain method keeps FeatureDistiller's state dict, so older checkpoints load
    assert isinstance(build_distiller("feature-l1", s, t), FeatureDistiller)
    assert set(build_distiller("feature-l1", s, t).state_dict()) == set(FeatureDistiller(12, 64, 5, 6).state_dict())


def test_feature_l1_and_output_are_zero_when_student_equals_teacher():
    torch.manual_seed(0)
    d = FeatureL1(12, 64, 5, 6)
    student = feats(12, 5)
    teacher = matched_teacher(d, student)
    assert d(student, teacher, None, None).item() == pytest.approx(0.0, abs=1e-7)
    teacher[d.index[1]] = teacher[d.index[1]] + 0.1
    assert d(student, teacher, None, None).item() == pytest.approx(0.1 / 5, rel=1e-4)
    out = torch.rand(2, 3, 8, 8)
    o = OutputDistillation()
    assert o(None, None, out, out.clone()).item() == 0.0
    assert o(None, None, out, out + 0.25).item() == pytest.approx(0.25, rel=1e-5)
    assert list(o.parameters()) == []


def test_lsfd_attention_sums_to_one_and_follows_the_difference():
    d = LocallySelective(12, 64, 5, 6, window=3, temperature=1.0)
    diff = torch.rand(2, 6, 7) * 0.1
    diff[0, 2, 3] = 1.0  # one position far from the teacher in image 0
    w = d.attention(diff)
    assert w.shape == (2, 42)
    assert torch.allclose(w.sum(dim=1), torch.ones(2), atol=1e-6)
    assert w[0].argmax().item() == 2 * 7 + 3
    # weights are monotonic in the difference, and a lower temperature concentrates them
    order = diff[1].flatten().argsort()
    assert (w[1][order].diff() >= 0).all()
    sharp = LocallySelective(12, 64, 5, 6, temperature=0.2).attention(diff)
    assert sharp[0, 2 * 7 + 3] > w[0, 2 * 7 + 3]
    flat = LocallySelective(12, 64, 5, 6, temperature=1e6).attention(diff)
    assert torch.allclose(flat, torch.full_like(flat, 1 / 42), atol=1e-6)
    # the attention carries no gradient
    x = diff.clone().requires_grad_(True)
    assert not d.attention(x).requires_grad


def test_lsfd_local_distance_is_the_l1_of_unfolded_windows_and_zero_when_equal():
    torch.manual_seed(0)
    d = LocallySelective(12, 64, 5, 6, window=3)
    a, t = torch.randn(2, 64, 6, 7), torch.randn(2, 64, 6, 7)
    ua = F.unfold(a, 3, padding=1)
    ut = F.unfold(t, 3, padding=1)
    expect = (ua - ut).abs().mean(dim=1).view(2, 6, 7)
    assert torch.allclose(d.local_distance(a, t), expect, atol=1e-6)
    # the loss is the attention-weighted mean of d, so between its mean and its maximum
    dist = d.local_distance(a, t)
    loss = d.pair_loss(a, t)
    assert dist.flatten(1).mean(1).mean() <= loss <= dist.flatten(1).max(1).values.mean()
    student = feats(12, 5)
    assert d(student, matched_teacher(d, student)).item() == pytest.approx(0.0, abs=1e-7)


def test_facd_prefers_the_teachers_own_features():
    torch.manual_seed(0)
    c = Contrastive(64, 64, 5, 6, dim=32, samples=20, temperature=0.1)
    for g, h in zip(c.student_heads, c.teacher_heads):  # same projection on both sides
        h.load_state_dict(g.state_dict())
    teacher = feats(64, 6, seed=3)
    equal = [teacher[j].clone() for j in c.index]
    random = feats(64, 5, seed=4)
    le = c(equal, teacher, None, None).item()
    lr = c(random, teacher, None, None).item()
    m = 2 * 20
    # unrelated features: at least about log M (chance); the teacher's own: near 0
    assert lr > 0.9 * torch.log(torch.tensor(float(m))).item()
    assert le < 0.05 * lr
    # positions follow (seed, step); the step is saved, so a restored module draws what the original would
    assert c.step.item() == 2
    c2 = Contrastive(64, 64, 5, 6, dim=32, samples=20)
    c2.load_state_dict(c.state_dict())
    assert torch.equal(c.positions(2, 42), c2.positions(2, 42))
    assert not torch.equal(c.positions(2, 42), Contrastive(64, 64, 5, 6, samples=20).positions(2, 42))
    assert c.positions(2, 42).shape == (2, 20) and c.positions(1, 6).shape == (1, 6)


def test_facd_training_reduces_its_loss():
    torch.manual_seed(0)
    student_net = torch.nn.Conv2d(12, 12, 1)
    c = Contrastive(12, 64, 5, 6, dim=16, samples=16, temperature=0.2)
    opt = torch.optim.Adam(list(c.parameters()) + list(student_net.parameters()), lr=1e-2)
    x = feats(12, 5, seed=5)
    proj = torch.nn.Conv2d(12, 64, 1)
    teacher = [proj(x[min(j, 4)]).detach() for j in range(6)]
    losses = []
    for _ in range(30):
        loss = c([student_net(f) for f in x], teacher)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]


def teacher_checkpoint(tmp_path):
    torch.manual_seed(0)
    path = tmp_path / "teacher.pt"
    train.atomic_save({"meta": {"model": "imdn", "scale": 2}, "model": IMDN(2).state_dict()}, str(path))
    return str(path)


def test_distill_without_teacher_is_a_usage_error(photo_dir, tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        args_for(photo_dir, tmp_path / "x", "--distill", "lsfd")
    assert e.value.code == 2 and "--distill needs --teacher" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        args_for(photo_dir, tmp_path / "x", "--teacher", "t.pt", "--distill", "krnet")
    assert args_for(photo_dir, tmp_path / "x").distill is None
    assert args_for(photo_dir, tmp_path / "x", "--teacher", "t.pt").distill == "feature-l1"


@pytest.mark.parametrize("method", METHODS)
def test_resume_restores_each_methods_parameters(photo_dir, tmp_path, method):
    teacher = teacher_checkpoint(tmp_path)
    extra = ["--teacher", teacher, "--distill", method, "--distill-weight", "0.5", "--distill-samples", "8"]
    train.train(args_for(photo_dir, tmp_path / "a", *extra, "--stop-at", "4"))
    assert load_checkpoint(tmp_path / "a" / "last.pt")["iteration"] == 4
    train.train(args_for(photo_dir, tmp_path / "a", *extra, "--resume"))
    train.train(args_for(photo_dir, tmp_path / "b", *extra))
    ca = load_checkpoint(tmp_path / "a" / "last.pt")
    cb = load_checkpoint(tmp_path / "b" / "last.pt")
    assert ca["iteration"] == cb["iteration"] == 6 and ca["args"]["distill"] == method
    for part in ("model", "distiller"):
        assert set(ca[part]) == set(cb[part])
        for k in cb[part]:
            assert torch.allclose(ca[part][k].float(), cb[part][k].float(), atol=1e-6, rtol=0), (part, k)
    if method == "output":
        assert ca["distiller"] == {}
    if method == "facd":
        assert ca["distiller"]["step"].item() == 6
    # the log records the method and its loss term
    with open(tmp_path / "b" / "log.jsonl") as fh:
        recs = [json.loads(x) for x in fh]
    assert [r["distill"] for r in recs] == [method, method]
    assert all(r["distill_loss"] >= 0 for r in recs)
    # another method cannot resume this run
    other = "lsfd" if method != "lsfd" else "facd"
    with pytest.raises(SystemExit, match=f"distilled with {method}"):
        train.train(args_for(photo_dir, tmp_path / "a", "--teacher", teacher, "--distill", other, "--resume"))
