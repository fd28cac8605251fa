"""Distillation losses for an IMDN-RTC student and an IMDN teacher (models issue, item 4).

Every method is an ``nn.Module`` called the same way::

    loss = method(student_feats, teacher_feats, student_out, teacher_out)

``student_feats`` / ``teacher_feats`` are the lists of block outputs from ``forward_features`` (student block i is
matched to teacher block ``teacher_index_map(...)[i]``: 0, 1, 3, 4, 5 for 5 student and 6 teacher blocks),
``student_out`` / ``teacher_out`` the SR outputs.  The teacher's tensors are detached inside every method; the
method's own parameters (adapters, projection heads) train with the student and are checkpointed as ``distiller``
(never exported).  ``train.py`` adds ``--distill-weight`` x this loss to L1(student_out, HR).

Methods (``METHODS``, the names ``train.py --distill`` takes):

* ``feature-l1``  :class:`FeatureL1`  plain FitNet-style feature distillation (the baseline);
* ``lsfd``        :class:`LocallySelective`  locally selective feature distillation;
* ``facd``        :class:`Contrastive`  feature-based adaptive contrastive distillation (InfoNCE);
* ``output``      :class:`OutputDistillation`  output-level distillation (teacher output as a soft target).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from nets.imdn import FeatureDistiller, teacher_index_map

METHODS = ("feature-l1", "lsfd", "facd", "output")
DEFAULT_TEMPERATURE = {"lsfd": 1.0, "facd": 0.1}


class FeatureL1(FeatureDistiller):
    """Plain feature distillation (FitNet style), the method ``train.py --teacher`` always used:

        L = 1/B sum_i mean_{n,c,p} | A_i(s_i)[n,c,p] - t_j(i)[n,c,p] |

    with A_i a learnable 1x1 conv from the student's channels to the teacher's, s_i student block i, t_j(i) the
    matched teacher block, B the number of student blocks.  The state dict (``adapters.*``) is
    :class:`nets.imdn.FeatureDistiller`'s, so checkpoints written before ``--distill`` existed resume."""

    def forward(self, student_feats, teacher_feats, student_out=None, teacher_out=None):
        return super().forward(student_feats, teacher_feats)


class LocallySelective(FeatureDistiller):
    """Locally selective feature distillation (LSFD, as the project brief describes it: local features instead of
    global feature matching, and a soft attention that weights pixel positions by the teacher-student difference).

    For each matched pair, a = A_i(s_i) (1x1 adapter to the teacher's C channels) and t = t_j(i) (detached), on an
    H x W grid.  The local feature at position p is the k x k x C window of the feature map around p (zero padded,
    ``window`` = k, odd); the local distance is the mean absolute difference of the two local features:

        d(p) = 1/(C k^2) sum_{q in W_k(p)} sum_c | a_c(q) - t_c(q) |

    (computed as a k x k average pool, count including the zero padding, of the channel-mean |a - t|; equal to
    the L1 between ``F.unfold`` windows, which the tests check).  The attention is a softmax over the H*W
    positions of each image of the detached local distance, scaled by its per-image mean so that the
    ``temperature`` T is relative and independent of the feature scale of each block:

        w(p) = softmax_p( d'(p) / (T * (mean_p d'(p) + eps)) ),   d' = d detached,   sum_p w(p) = 1

    and the pair's loss is the attention-weighted local distance, averaged over the batch and the B pairs:

        L = 1/B sum_i mean_n sum_p w_n(p) d_n(p)

    Large T gives uniform weights (plain feature L1 on local windows); small T concentrates the loss on the
    positions where the student is furthest from the teacher.  Gradients flow through d only (w is a weight)."""

    def __init__(self, student_channels, teacher_channels, n_student, n_teacher, window=3, temperature=1.0,
                 eps=1e-8):
        super().__init__(student_channels, teacher_channels, n_student, n_teacher)
        if window < 1 or window % 2 == 0:
            raise ValueError("window must be odd and >= 1")
        if temperature <= 0:
            raise ValueError("temperature must be > 0")
        self.window, self.temperature, self.eps = window, float(temperature), eps

    def local_distance(self, a, t):
        """d(p): N x H x W mean absolute difference of the k x k local features around p."""
        e = (a - t).abs().mean(dim=1, keepdim=True)
        k = self.window
        return F.avg_pool2d(e, k, stride=1, padding=k // 2, count_include_pad=True)[:, 0]

    def attention(self, d):
        """w(p): N x H x W softmax over positions of the detached local distance (each image sums to 1)."""
        d = d.detach().flatten(1)
        scale = self.temperature * (d.mean(dim=1, keepdim=True) + self.eps)
        return torch.softmax(d / scale, dim=1)

    def pair_loss(self, a, t):
        d = self.local_distance(a, t.detach())
        w = self.attention(d)
        return (w * d.flatten(1)).sum(dim=1).mean()

    def forward(self, student_feats, teacher_feats, student_out=None, teacher_out=None):
        adapted = self.adapt(student_feats)
        return torch.stack([self.pair_loss(a, teacher_feats[j]) for a, j in zip(adapted, self.index)]).mean()


class Contrastive(nn.Module):
    """Feature-based adaptive contrastive distillation (FACD-style, as the project brief describes it: a
    contrastive loss that maximises the mutual information between teacher and student features instead of L1).

    Per matched pair (student block i, teacher block j(i)), learnable linear projection heads (a 1x1 conv, applied
    only at the sampled positions) map both to D channels: g_i (student channels -> D) and h_i (teacher channels
    -> D, on the detached teacher feature).  P = ``samples`` positions are drawn per image (the same positions for
    student and teacher; without replacement, all of them when P >= H*W), giving M = N*P vectors; each is
    L2-normalised:

        u_m = g_i(s_i[n_m, :, p_m]) / ||.||,   v_m = h_i(t_j(i)[n_m, :, p_m]) / ||.||

    The loss is InfoNCE with temperature T, the positive for student vector m being the teacher vector at the same
    position of the same image and the negatives the teacher vectors at every other sampled position of this and
    the other images of the batch:

        L_i = -1/M sum_m log( exp(u_m . v_m / T) / sum_{m'} exp(u_m . v_{m'} / T) ),   L = 1/B sum_i L_i

    (the InfoNCE bound: I(u; v) >= log M - L_i).  The cosine similarities are bounded, so L_i stays above 0 at
    any finite T; with unrelated features it is log M (chance) or more.  The cost grows with M^2 (the M x M
    similarity matrix): at batch 16 the default P = 32 gives M = 512 (511 negatives per anchor).

    The positions come from a generator seeded by ``seed`` and a step counter kept as a buffer (``step``, in the
    state dict), so a resumed run draws the positions an uninterrupted one would, whatever else used torch's
    global random state."""

    def __init__(self, student_channels, teacher_channels, n_student, n_teacher, dim=64, samples=32,
                 temperature=0.1, seed=0):
        super().__init__()
        if temperature <= 0:
            raise ValueError("temperature must be > 0")
        if samples < 2:
            raise ValueError("samples must be >= 2")
        self.index = teacher_index_map(n_student, n_teacher)
        self.student_heads = nn.ModuleList([nn.Linear(student_channels, dim) for _ in range(n_student)])
        self.teacher_heads = nn.ModuleList([nn.Linear(teacher_channels, dim) for _ in range(n_student)])
        self.samples, self.temperature, self.seed = samples, float(temperature), seed
        self.register_buffer("step", torch.zeros((), dtype=torch.long))

    def positions(self, n, hw):
        """N x P flat position indices, drawn from (seed, step)."""
        g = torch.Generator().manual_seed(self.seed * 1_000_003 + int(self.step))
        p = min(self.samples, hw)
        return torch.stack([torch.randperm(hw, generator=g)[:p] for _ in range(n)])

    @staticmethod
    def sample(x, pos):
        """The feature vectors of x (N x C x H x W) at positions pos (N x P): (N*P) x C, image-major."""
        n, c = x.shape[:2]
        idx = pos.to(x.device)[:, None, :].expand(n, c, pos.shape[1])
        return torch.gather(x.flatten(2), 2, idx).transpose(1, 2).reshape(-1, c)

    def info_nce(self, u, v):
        """InfoNCE of M x D student vectors u against M x D teacher vectors v (positive: the same row)."""
        logits = F.normalize(u, dim=1) @ F.normalize(v, dim=1).t() / self.temperature
        return F.cross_entropy(logits, torch.arange(logits.shape[0], device=logits.device))

    def forward(self, student_feats, teacher_feats, student_out=None, teacher_out=None):
        n, _, h, w = student_feats[0].shape
        pos = self.positions(n, h * w)
        if self.training:
            self.step += 1
        losses = []
        for g, hd, s, j in zip(self.student_heads, self.teacher_heads, student_feats, self.index):
            losses.append(self.info_nce(g(self.sample(s, pos)), hd(self.sample(teacher_feats[j].detach(), pos))))
        return torch.stack(losses).mean()


class OutputDistillation(nn.Module):
    """Output-level distillation: the teacher's SR output is a soft target beside the ground truth,

        L = mean | student_out - teacher_out |    (teacher_out detached; no parameters)

    so the student's total loss is L1(student_out, HR) + W * L1(student_out, teacher_out)."""

    index = None

    def forward(self, student_feats, teacher_feats, student_out, teacher_out):
        return F.l1_loss(student_out, teacher_out.detach())


def build_distiller(method, student, teacher, temperature=None, window=3, samples=32, seed=0):
    """The ``method`` module for this student/teacher pair (both with ``feature_channels`` and ``blocks``);
    ``temperature`` None takes the method's default (``DEFAULT_TEMPERATURE``)."""
    if method not in METHODS:
        raise ValueError(f"unknown distillation method {method!r}; one of {', '.join(METHODS)}")
    if method == "output":
        return OutputDistillation()
    dims = (student.feature_channels, teacher.feature_channels, len(student.blocks), len(teacher.blocks))
    if method == "feature-l1":
        return FeatureL1(*dims)
    t = DEFAULT_TEMPERATURE[method] if temperature is None else temperature
    if method == "lsfd":
        return LocallySelective(*dims, window=window, temperature=t)
    return Contrastive(*dims, samples=samples, temperature=t, seed=seed)
