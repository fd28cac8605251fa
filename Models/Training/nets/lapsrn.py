"""LapSRN (Lai et al., "Deep Laplacian Pyramid Networks for Fast and Accurate
Super-Resolution", CVPR 2017).

One model with 3 pyramid levels (x2, x4, x8); ``forward`` returns the list
``[out_x2, out_x4, out_x8]``.  Input N x 3 x H x W RGB in [0, 1].

Per level:
  feature branch: d x (3x3 conv 64->64 + LeakyReLU(0.2)) at the coarse
    resolution, ConvTranspose2d 64->64 (4x4, stride 2, pad 1) + LeakyReLU(0.2),
    then a 3x3 conv 64->3 predicting the residual; the next level continues
    from the upsampled features.
  image branch: ConvTranspose2d 3->3 (4x4, stride 2) initialised to bilinear
    x2 upsampling (per channel, zero cross-channel, zero bias), learnable.
  level output = upsampled image + residual.
First layer: 3x3 conv 3->64 + LeakyReLU(0.2).

d = 10 (the paper's LapSRN with depth 10 per level, used for its x8 model).
Weights are not shared between levels (that is MS-LapSRN).  Parameter count
with d = 10: 1,312,066.

Deviation from the paper: the image branch pads its input by one pixel with
edge replication and uses transposed-conv padding 3 instead of zero padding 1.
In the interior this is identical (same 4x4 kernel, same output grid); at the
border it makes the bilinear initialisation reproduce constant images exactly
(zero padding darkens the outermost output row/column to 0.75 of its value),
so the image branch equals ``F.interpolate(scale 2, bilinear,
align_corners=False)`` at initialisation.  The edge padding is written as
slices + concat so the ONNX graph is Slice/Concat/ConvTranspose only.

Export: :class:`LapSRNLevel` wraps the model to output one level only; the
exporter writes three files (lapsrn-x2/x4/x8.onnx), each with one input
``input`` and one output ``output``.  Level k only computes levels 1..k.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# Sub-pixel form of a 4x4, stride-2 transposed convolution: output phase a (row or column parity) of the 3x3
# correlation tap t reads kernel index _TAP[a][t] (-1: no tap).
_TAP = ((3, 1, -1), (-1, 2, 0))


class ConvTranspose2dX2(nn.ConvTranspose2d):
    """nn.ConvTranspose2d(cin, cout, 4, stride=2, padding=1 or 3), the same parameters and state_dict, computed in
    PyTorch as a 3x3 convolution to 4*cout channels + PixelShuffle(2) with the kernel rearranged.

    Why: torch's CPU transposed convolution has no oneDNN path (slow_conv_transpose2d) and made LapSRN training
    ~10x slower than its convolutions; the sub-pixel form is the same linear map (equal to float rounding, tested)
    and runs on the fast convolution. ONNX export keeps the plain ConvTranspose node (the paper's layer)."""

    def __init__(self, cin, cout, padding=1):
        if padding not in (1, 3):
            raise ValueError("padding must be 1 (output 2n) or 3 (output 2n - 4)")
        super().__init__(cin, cout, 4, stride=2, padding=padding, bias=True)

    def subpixel_weight(self):
        idx = torch.tensor(_TAP, device=self.weight.device)
        taps = idx.clamp(min=0)
        mask = (idx >= 0).to(self.weight.dtype)
        w = self.weight[:, :, taps[:, :, None, None], taps[None, None, :, :]]  # cin, cout, a, ty, b, tx
        w = w * (mask[:, :, None, None] * mask[None, None, :, :])
        cin, cout = self.weight.shape[:2]
        return w.permute(1, 2, 4, 0, 3, 5).reshape(cout * 4, cin, 3, 3)

    def forward(self, x):
        if torch.onnx.is_in_onnx_export():
            return super().forward(x)
        out = F.conv2d(x, self.subpixel_weight(), self.bias.repeat_interleave(4), padding=(3 - self.padding[0]) // 2)
        return F.pixel_shuffle(out, 2)


def bilinear_kernel_4x4():
    k1 = np.array([0.25, 0.75, 0.75, 0.25], dtype=np.float32)
    return np.outer(k1, k1)


class ImageUpsample(nn.Module):
    """Learnable x2 image upsampler initialised as bilinear interpolation."""

    def __init__(self, channels=3):
        super().__init__()
        self.up = ConvTranspose2dX2(channels, channels, padding=3)
        with torch.no_grad():
            w = torch.zeros_like(self.up.weight)  # [in, out, 4, 4]
            k = torch.from_numpy(bilinear_kernel_4x4())
            for c in range(channels):
                w[c, c] = k
            self.up.weight.copy_(w)
            self.up.bias.zero_()

    def forward(self, x):
        # edge replication by concatenation (exports to Slice + Concat, which
        # every ONNX Runtime execution provider handles)
        x = torch.cat([x[:, :, :1], x, x[:, :, -1:]], dim=2)
        x = torch.cat([x[:, :, :, :1], x, x[:, :, :, -1:]], dim=3)
        return self.up(x)


class LapLevel(nn.Module):
    def __init__(self, channels=64, depth=10):
        super().__init__()
        layers = []
        for _ in range(depth):
            layers += [nn.Conv2d(channels, channels, 3, padding=1), nn.LeakyReLU(0.2)]
        layers += [ConvTranspose2dX2(channels, channels, padding=1), nn.LeakyReLU(0.2)]
        self.features = nn.Sequential(*layers)
        self.residual = nn.Conv2d(channels, 3, 3, padding=1)
        self.image_up = ImageUpsample(3)

    def forward(self, feat, img):
        feat = self.features(feat)
        img = self.image_up(img) + self.residual(feat)
        return feat, img


class LapSRN(nn.Module):
    def __init__(self, levels=3, channels=64, depth=10):
        super().__init__()
        self.levels = levels
        self.scale = 2 ** levels
        self.head = nn.Sequential(nn.Conv2d(3, channels, 3, padding=1), nn.LeakyReLU(0.2))
        self.pyramid = nn.ModuleList([LapLevel(channels, depth) for _ in range(levels)])
        self._init_weights()

    def _init_weights(self):
        bilinear = {id(u.up) for u in self.modules() if isinstance(u, ImageUpsample)}
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)) and id(m) not in bilinear:
                nn.init.kaiming_normal_(m.weight, a=0.2, nonlinearity="leaky_relu")
                nn.init.zeros_(m.bias)
        for lvl in self.pyramid:  # start close to the bilinear image branch
            lvl.residual.weight.data.mul_(0.1)

    def forward(self, x, levels=None):
        levels = self.levels if levels is None else levels
        feat = self.head(x)
        img = x
        outs = []
        for lvl in self.pyramid[:levels]:
            feat, img = lvl(feat, img)
            outs.append(img)
        return outs


class LapSRNLevel(nn.Module):
    """Single-output wrapper: level 1 -> x2, 2 -> x4, 3 -> x8."""

    def __init__(self, model, level):
        super().__init__()
        assert 1 <= level <= model.levels
        self.model = model
        self.level = level
        self.scale = 2 ** level

    def forward(self, x):
        return self.model(x, levels=self.level)[-1]


def charbonnier(pred, target, eps=1e-6):
    return torch.sqrt((pred - target) ** 2 + eps).mean()


def multilevel_charbonnier(outs, targets, eps=1e-6):
    """Sum over levels of the mean Charbonnier penalty sqrt(d^2 + eps)."""
    return sum(charbonnier(o, t, eps) for o, t in zip(outs, targets))
