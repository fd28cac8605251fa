"""IMDN (Hui et al., "Lightweight Image Super-Resolution with Information
Multi-distillation Network", ACM MM 2019) and the real-time IMDN-RTC variant.

Both networks take N x 3 x H x W RGB in [0, 1] and return N x 3 x rH x rW.
``forward_features(x)`` returns ``(output, [block outputs])`` for feature
distillation (see :class:`FeatureDistiller`).

Parameter counts (all convolutions with bias):
    IMDN x2 694,404 / x3 703,059 / x4 715,176;  IMDN-RTC x2 20,190.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv(cin, cout, k):
    return nn.Conv2d(cin, cout, k, padding=k // 2, bias=True)


class CCALayer(nn.Module):
    """Contrast-aware channel attention: (std + mean over H, W) -> 1x1 -> ReLU
    -> 1x1 -> sigmoid -> channel-wise scale."""

    def __init__(self, channels, reduction=16):
        super().__init__()
        self.down = nn.Conv2d(channels, channels // reduction, 1, bias=True)
        self.up = nn.Conv2d(channels // reduction, channels, 1, bias=True)

    def forward(self, x):
        mean = x.mean(dim=(2, 3), keepdim=True)
        # population std (divide by H*W), as in the paper's contrast definition
        std = (x - mean).pow(2).mean(dim=(2, 3), keepdim=True).sqrt()
        y = torch.sigmoid(self.up(F.relu(self.down(std + mean))))
        return x * y


class IMDB(nn.Module):
    """Information multi-distillation block (64 ch: 16 distilled / 48 kept)."""

    def __init__(self, channels=64, distill_ratio=0.25, cca=True):
        super().__init__()
        self.d = int(channels * distill_ratio)
        self.r = channels - self.d
        self.c1 = conv(channels, channels, 3)
        self.c2 = conv(self.r, channels, 3)
        self.c3 = conv(self.r, channels, 3)
        self.c4 = conv(self.r, self.d, 3)
        self.cca = CCALayer(4 * self.d) if cca else nn.Identity()
        self.c5 = conv(4 * self.d, channels, 1)
        self.act = nn.LeakyReLU(0.05)

    def forward(self, x):
        d, r = self.d, self.r
        t = self.act(self.c1(x))
        d1, t = torch.split(t, [d, r], dim=1)
        t = self.act(self.c2(t))
        d2, t = torch.split(t, [d, r], dim=1)
        t = self.act(self.c3(t))
        d3, t = torch.split(t, [d, r], dim=1)
        d4 = self.c4(t)
        out = self.c5(self.cca(torch.cat([d1, d2, d3, d4], dim=1)))
        return out + x


def run_blocks(blocks, x):
    """Runs the blocks in sequence and returns every block's output (the last one continues the trunk; all of them
    are the features feature distillation compares)."""
    feats = []
    for block in blocks:
        x = block(x)
        feats.append(x)
    return feats


class IMDN(nn.Module):
    def __init__(self, scale=2, channels=64, blocks=6):
        super().__init__()
        self.scale = scale
        self.fea = conv(3, channels, 3)
        self.blocks = nn.ModuleList([IMDB(channels) for _ in range(blocks)])
        self.fuse = conv(channels * blocks, channels, 1)
        self.fuse_act = nn.LeakyReLU(0.05)
        self.lr_conv = conv(channels, channels, 3)
        self.up = conv(channels, 3 * scale * scale, 3)
        self.shuffle = nn.PixelShuffle(scale)

    @property
    def feature_channels(self):
        return self.fea.out_channels

    def forward_features(self, x):
        f0 = self.fea(x)
        feats = run_blocks(self.blocks, f0)
        t = self.lr_conv(self.fuse_act(self.fuse(torch.cat(feats, dim=1)))) + f0
        return self.shuffle(self.up(t)), feats

    def forward(self, x):
        return self.forward_features(x)[0]


class RTCBlock(nn.Module):
    """Light IMDB for IMDN-RTC (12 channels, no attention).

    Chosen in the spirit of the IMDB: the same progressive distillation with
    a 25 % distillation ratio (12 ch -> 3 distilled + 9 refined at every step):
    c1 3x3 12->12, split 3/9; c2 3x3 9->12, split 3/9; c3 3x3 9->12, split
    3/9; c4 3x3 9->3; concat 4 x 3 = 12 ch; 1x1 fuse 12->12; + input.  CCA is
    dropped because global pooling is a synchronisation point that costs more
    latency than it is worth at 12 channels.  3,678 parameters per block.
    """

    def __init__(self, channels=12):
        super().__init__()
        self.body = IMDB(channels, distill_ratio=0.25, cca=False)

    def forward(self, x):
        return self.body(x)


class IMDN_RTC(nn.Module):
    """IMDN-RTC: 12 channels, 5 light blocks (no CCA), x2, 20,190 parameters.

    Head: 3x3 conv 3->12.  Body: 5 RTCBlocks in sequence.  Instead of the
    full IMDN's concat-of-all-blocks (which would need a 60-ch tensor and a
    60->12 fuse), the body ends in a 1x1 conv 12->12 and a long residual to
    the head features, which keeps memory traffic minimal for real-time use.
    Tail: 3x3 conv 12 -> 3*r^2 + PixelShuffle(r).
    """

    def __init__(self, scale=2, channels=12, blocks=5):
        super().__init__()
        self.scale = scale
        self.fea = conv(3, channels, 3)
        self.blocks = nn.ModuleList([RTCBlock(channels) for _ in range(blocks)])
        self.lr_conv = conv(channels, channels, 1)
        self.up = conv(channels, 3 * scale * scale, 3)
        self.shuffle = nn.PixelShuffle(scale)

    @property
    def feature_channels(self):
        return self.fea.out_channels

    def forward_features(self, x):
        f0 = self.fea(x)
        feats = run_blocks(self.blocks, f0)
        t = self.lr_conv(feats[-1]) + f0
        return self.shuffle(self.up(t)), feats

    def forward(self, x):
        return self.forward_features(x)[0]


def teacher_index_map(n_student, n_teacher):
    """Student block i (0-based) is matched to teacher block
    round((i + 1) * n_teacher / n_student) - 1 (evenly spaced, last to last)."""
    return [int(round((i + 1) * n_teacher / n_student)) - 1 for i in range(n_student)]


class FeatureDistiller(nn.Module):
    """Learnable 1x1 adapters from student block features to teacher channels;
    the loss is the mean over matched block pairs of the L1 distance."""

    def __init__(self, student_channels, teacher_channels, n_student, n_teacher):
        super().__init__()
        self.index = teacher_index_map(n_student, n_teacher)
        self.adapters = nn.ModuleList(
            [nn.Conv2d(student_channels, teacher_channels, 1, bias=True) for _ in range(n_student)]
        )

    def adapt(self, student_feats):
        return [a(f) for a, f in zip(self.adapters, student_feats)]

    def loss_from_adapted(self, adapted, teacher_feats):
        losses = [F.l1_loss(a, teacher_feats[j].detach()) for a, j in zip(adapted, self.index)]
        return torch.stack(losses).mean()

    def forward(self, student_feats, teacher_feats):
        return self.loss_from_adapted(self.adapt(student_feats), teacher_feats)


def count_params(model):
    return sum(p.numel() for p in model.parameters())
