"""Networks of the NeuralPost dehaze model (SRKTDN-style, real-time size).

SRKTDN (NTIRE 2021 non-homogeneous dehazing) combines a knowledge-transfer
dehazing network (an encoder taught by the encoder of an autoencoder trained on
clear images) with a super-resolution-style detail branch run in parallel at
full resolution; both outputs are concatenated and fused by a tail.  The
paper's heavy pre-trained encoders are replaced here by a light encoder
trained from scratch, so the whole network costs ~66 K multiply-adds per
pixel (0.38x IMDN x2; 37 K without the detail branch).

    x (N x 3 x H x W, RGB in [0, 1]; H and W multiples of MULTIPLE = 16)
    |-- LightEncoder      -> features at 1/2, 1/4, 1/8, 1/16
    |   AttentionDecoder  -> (conv + channel attention + pixel attention,
    |                         PixelShuffle x2) per level, skip-adds at 1/8, 1/4
    |                         -> full-resolution features
    |-- DetailBranch      -> full-resolution IMDN-style distillation blocks
    concat -> PyramidPoolingTail (global / 1/8 / 1/16 average pools) -> 3 ch
    output = x + tail(...)        (no clamp in the graph: the runtime clamps)

Why MULTIPLE = 16: the encoder halves the resolution four times and the decoder
doubles it back with PixelShuffle, and the pyramid tail pools with fixed
kernel = stride = 8 and 16 and upsamples with a fixed scale factor.  Fixed
pools replace AdaptiveAvgPool2d(2) / (4) because the TorchScript ONNX exporter
bakes the sample input's kernel size into an adaptive pool with an output size
other than 1, which silently breaks dynamic H/W.  Callers pad frames to a
multiple of 16 (reflect or edge padding) and crop the result.
"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

_TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TRAINING not in sys.path:
    sys.path.insert(0, _TRAINING)

from nets.imdn import IMDB  # noqa: E402

MULTIPLE = 16
ENCODER_CHANNELS = (32, 48, 64, 96)  # at 1/2, 1/4, 1/8, 1/16


def conv(cin, cout, k=3, stride=1):
    return nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=True)


def act():
    return nn.LeakyReLU(0.1, inplace=True)


class ResBlock(nn.Module):
    """conv3x3 - LeakyReLU - conv3x3 + identity."""

    def __init__(self, c):
        super().__init__()
        self.c1, self.c2, self.act = conv(c, c), conv(c, c), act()

    def forward(self, x):
        return x + self.c2(self.act(self.c1(x)))


class LightEncoder(nn.Module):
    """Strided 3x3 convolutions to 1/2, 1/4, 1/8, 1/16 of the input, each
    followed by ``blocks[i]`` residual blocks.  ``forward`` returns the list of
    the four level outputs (finest first)."""

    def __init__(self, channels=ENCODER_CHANNELS, blocks=(1, 1, 1, 2)):
        super().__init__()
        self.channels = tuple(channels)
        levels, cin = [], 3
        for c, b in zip(channels, blocks):
            levels.append(nn.Sequential(conv(cin, c, 3, stride=2), act(), *[ResBlock(c) for _ in range(b)]))
            cin = c
        self.levels = nn.ModuleList(levels)

    def forward(self, x):
        feats = []
        for level in self.levels:
            x = level(x)
            feats.append(x)
        return feats


class ChannelAttention(nn.Module):
    """Global average pool -> 1x1 -> ReLU -> 1x1 -> sigmoid -> per-channel scale."""

    def __init__(self, c, reduction=8):
        super().__init__()
        m = max(4, c // reduction)
        self.body = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(c, m, 1), nn.ReLU(inplace=True),
                                  nn.Conv2d(m, c, 1), nn.Sigmoid())

    def forward(self, x):
        return x * self.body(x)


class PixelAttention(nn.Module):
    """1x1 -> ReLU -> 1x1 (one channel) -> sigmoid -> per-pixel scale."""

    def __init__(self, c, reduction=8):
        super().__init__()
        m = max(4, c // reduction)
        self.body = nn.Sequential(nn.Conv2d(c, m, 1), nn.ReLU(inplace=True), nn.Conv2d(m, 1, 1), nn.Sigmoid())

    def forward(self, x):
        return x * self.body(x)


class AttentionBlock(nn.Module):
    """conv3x3 - LeakyReLU - conv3x3 - channel attention - pixel attention, + identity."""

    def __init__(self, c):
        super().__init__()
        self.body = nn.Sequential(conv(c, c), act(), conv(c, c), ChannelAttention(c), PixelAttention(c))

    def forward(self, x):
        return x + self.body(x)


class UpShuffle(nn.Module):
    """x2 upsampling: conv3x3 to 4*cout channels, PixelShuffle(2) (no
    transposed convolution, so no checkerboard), LeakyReLU."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv, self.shuffle, self.act = conv(cin, 4 * cout), nn.PixelShuffle(2), act()

    def forward(self, x):
        return self.act(self.shuffle(self.conv(x)))


class AttentionDecoder(nn.Module):
    """From the encoder's 1/16 features back to full resolution.

    1/16: attention block -> up to 1/8, + encoder 1/8 features (skip-add)
    1/8 : attention block -> up to 1/4, + encoder 1/4 features (skip-add)
    1/4 : attention block -> up to 1/2
    1/2 : attention block -> up to 1/1 (``out_channels`` features)
    With ``attention=False`` the blocks are plain residual blocks (the
    teacher's decoder).
    """

    def __init__(self, enc_channels=ENCODER_CHANNELS, out_channels=16, attention=True):
        super().__init__()
        c1, c2, c3, c4 = enc_channels
        block = AttentionBlock if attention else ResBlock
        self.b4, self.up4 = block(c4), UpShuffle(c4, c3)
        self.b3, self.up3 = block(c3), UpShuffle(c3, c2)
        self.b2, self.up2 = block(c2), UpShuffle(c2, c1)
        self.b1, self.up1 = block(c1), UpShuffle(c1, out_channels)
        self.out_channels = out_channels

    def forward(self, feats):
        _, f2, f3, f4 = feats
        t = self.up4(self.b4(f4)) + f3
        t = self.up3(self.b3(t)) + f2
        t = self.up2(self.b2(t))
        return self.up1(self.b1(t))


class DetailBranch(nn.Module):
    """Full-resolution IMDN-style branch: 3x3 conv 3 -> c, ``blocks`` IMDB
    blocks (25 % distillation, no contrast attention, as in IMDN-RTC), 1x1
    fuse + long residual to the head features."""

    def __init__(self, channels=16, blocks=4):
        super().__init__()
        self.head = conv(3, channels)
        self.blocks = nn.Sequential(*[IMDB(channels, distill_ratio=0.25, cca=False) for _ in range(blocks)])
        self.fuse = conv(channels, channels, 1)
        self.out_channels = channels

    def forward(self, x):
        h = self.head(x)
        return self.fuse(self.blocks(h)) + h


class PyramidPoolingTail(nn.Module):
    """PSPNet-style pyramid pooling on the concatenated features.

    Branches: global average pool (bin 1), AvgPool2d(8, 8) and AvgPool2d(16,
    16) (fixed strides instead of adaptive bins 2 / 4 so the ONNX graph is valid
    for any H, W that are multiples of 16); each -> 1x1 conv (``branch``
    channels) -> ReLU -> bilinear upsample to full size.  Concat with the input
    -> 3x3 conv -> LeakyReLU -> 3x3 conv to 3 channels.
    """

    POOLS = (8, 16)

    def __init__(self, cin, branch=8, mid=16):
        super().__init__()
        self.reduce = nn.ModuleList([nn.Sequential(nn.Conv2d(cin, branch, 1), nn.ReLU(inplace=True))
                                     for _ in range(1 + len(self.POOLS))])
        self.fuse = conv(cin + branch * (1 + len(self.POOLS)), mid)
        self.act = act()
        self.out = conv(mid, 3)

    def forward(self, x):
        parts = [x]
        g = self.reduce[0](x.mean(dim=(2, 3), keepdim=True))
        parts.append(g.expand(-1, -1, x.shape[2], x.shape[3]))
        for red, k in zip(self.reduce[1:], self.POOLS):
            p = red(F.avg_pool2d(x, k, k))
            parts.append(F.interpolate(p, scale_factor=float(k), mode="bilinear", align_corners=False))
        return self.out(self.act(self.fuse(torch.cat(parts, dim=1))))


class Teacher(nn.Module):
    """Autoencoder trained on clear images: a LightEncoder plus a plain
    decoder (same topology as the AttentionDecoder, residual blocks instead of
    attention blocks, skip-adds at 1/8 and 1/4) and a 3x3 conv to RGB.  The
    output is the reconstruction itself (no input residual, which would let
    the network ignore its encoder), so everything passes through the 1/4 ..
    1/16 encoder features that DehazeNet's encoder is taught to produce."""

    def __init__(self, enc_channels=ENCODER_CHANNELS, dec_channels=16):
        super().__init__()
        self.encoder = LightEncoder(enc_channels)
        self.decoder = AttentionDecoder(enc_channels, dec_channels, attention=False)
        self.out = conv(dec_channels, 3)

    def forward_features(self, x):
        feats = self.encoder(x)
        return self.out(self.decoder(feats)), feats

    def forward(self, x):
        return self.forward_features(x)[0]


class DehazeNet(nn.Module):
    """LightEncoder + AttentionDecoder, DetailBranch in parallel, concat,
    PyramidPoolingTail; output = input + residual (not clamped).

    ``detail_branch=False`` builds the ablation without the detail branch
    (the tail then sees the decoder features only).
    ``forward_features(x)`` returns ``(output, encoder features)``; the
    features are compared with the teacher's for the knowledge-transfer loss.
    """

    multiple = MULTIPLE

    def __init__(self, detail_branch=True, enc_channels=ENCODER_CHANNELS, dec_channels=16,
                 detail_channels=16, detail_blocks=4):
        super().__init__()
        self.encoder = LightEncoder(enc_channels)
        self.decoder = AttentionDecoder(enc_channels, dec_channels, attention=True)
        self.detail = DetailBranch(detail_channels, detail_blocks) if detail_branch else None
        cin = dec_channels + (detail_channels if detail_branch else 0)
        self.tail = PyramidPoolingTail(cin)

    @property
    def has_detail_branch(self):
        return self.detail is not None

    def forward_features(self, x):
        feats = self.encoder(x)
        t = self.decoder(feats)
        if self.detail is not None:
            t = torch.cat([t, self.detail(x)], dim=1)
        return x + self.tail(t), feats

    def forward(self, x):
        return self.forward_features(x)[0]


def kt_loss(student_feats, teacher_feats, levels=(1, 2, 3)):
    """Knowledge-transfer loss: mean over the encoder ``levels`` (indices
    into the feature lists; default 1/4, 1/8, 1/16) of L1(student, teacher);
    the teacher side is detached."""
    losses = [F.l1_loss(student_feats[i], teacher_feats[i].detach()) for i in levels]
    return torch.stack(losses).mean()


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def check_size(h, w):
    if h % MULTIPLE or w % MULTIPLE:
        raise ValueError(f"dehaze input {w}x{h}: width and height must be multiples of {MULTIPLE}")


def build_from_meta(meta):
    """Rebuild the network recorded in a train_dehaze.py checkpoint's meta."""
    cfg = meta.get("config", {})
    enc = tuple(cfg.get("enc_channels", ENCODER_CHANNELS))
    if meta["model"] == "dehaze-teacher":
        return Teacher(enc, cfg.get("dec_channels", 16))
    if meta["model"] == "dehaze":
        return DehazeNet(detail_branch=cfg.get("detail_branch", True), enc_channels=enc,
                         dec_channels=cfg.get("dec_channels", 16), detail_channels=cfg.get("detail_channels", 16),
                         detail_blocks=cfg.get("detail_blocks", 4))
    raise ValueError(f"not a dehaze checkpoint: model {meta['model']!r}")


def config_of(model):
    """The constructor arguments recorded in checkpoints (see build_from_meta)."""
    cfg = {"enc_channels": list(model.encoder.channels), "dec_channels": model.decoder.out_channels}
    if isinstance(model, DehazeNet):
        cfg["detail_branch"] = model.detail is not None
        if model.detail is not None:
            cfg["detail_channels"] = model.detail.out_channels
            cfg["detail_blocks"] = len(model.detail.blocks)
    return cfg
