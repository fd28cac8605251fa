"""Networks that take a bicubic-upsampled image: DRCN, DRRN and RED-Net (RED30).

All three papers feed the network the LR image bicubic-upsampled to the HR size and run every layer at HR resolution;
they work on the luminance (Y of MATLAB's ``rgb2ycbcr``) and the figures they publish are PSNR on Y. Here:

* :class:`BicubicUpsample` upsamples RGB by an integer factor with MATLAB ``imresize``'s bicubic (Keys kernel,
  a = -0.5, half-pixel centres, border taps clamped). Training runs it as a 5-tap phase convolution per axis; the ONNX
  export writes ONE ``Resize`` node (mode cubic, cubic_coeff_a -0.5, coordinate_transformation_mode half_pixel,
  exclude_outside 0), which is the same map (tests/test_vdsr_family.py proves it against a numpy transcription of the
  ONNX operator and against matlab_bicubic.py; ORT is checked through the C# CLI). So every runner and the manifest
  see an ordinary LR-in, HR-out network.
* :class:`LumaSR` is the shipped network: upsample RGB, Y = MATLAB ``rgb2ycbcr`` luma of it, run the paper's network on
  Y (one channel, as published, so parameter counts are the papers'), and add the predicted change of Y to R, G and B
  alike (x 255/219: the RGB change that moves Y by that amount and leaves Cb and Cr as they are). Chroma is the
  bicubic one, as in the papers' evaluations.
* The bodies take and return Y (N x 1 x H x W); ``colors=3`` builds an RGB body instead (not used by the shipped ids).

DRCN (Kim, Lee, Lee, CVPR 2016): embedding net (3x3 conv colors->F + ReLU, 3x3 conv F->F + ReLU), inference net = ONE
3x3 conv F->F + ReLU applied D times with the same weights, reconstruction net = the SAME (3x3 conv F->F + ReLU,
3x3 conv F->colors) applied to each recursion's features; prediction d = reconstruction(H_d) + input (skip);
output = sum_d w_d * prediction_d with learned w (initialised 1/D). F = 256, D = 16: 1,775,105 parameters with
biases (paper: 1.77M).

DRRN (Tai, Yang, Liu, CVPR 2017): B recursive blocks; block b: H0 = conv_in_b(ReLU(x)), then U residual units
H_u = conv2_b(ReLU(conv1_b(ReLU(H_{u-1})))) + H0 with conv1_b, conv2_b shared by the block's U units (pre-activation,
no BN); out = conv_out(ReLU(H_U of the last block)) + input. F = 128 channels; B1U25 (52 layers) with biases:
297,601 parameters (paper: 297K; 297,216 without biases).

RED-Net (Mao, Shen, Yang, NIPS 2016), RED30: 15 3x3 convs (F = 64 ch, ReLU each) then 15 3x3 deconvs
(transposed convolutions, ReLU each but the last); the outputs of convs 2, 4, ..., 14 are added to the outputs of the
mirrored deconvs 13, 11, ..., 1 (deconv j mirrors conv 15 - j) before their ReLU; the last deconv maps to
the image and the input is added (the network learns the residual). Parameter count computed from that description
(3x3 kernels, 64 feature maps, biases, one channel): 1,035,201. The deconvs are ``StridedFreeConvTranspose``: the
same parameters and ONNX ``ConvTranspose`` node as nn.ConvTranspose2d, computed in PyTorch as the equivalent
convolution (CPU transposed convolution is slow).
"""
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CUBIC_A = -0.5  # MATLAB imresize's bicubic (Keys); torch's F.interpolate bicubic uses -0.75

# MATLAB rgb2ycbcr luma, inputs and output in [0, 1]
Y_WEIGHTS = (65.481 / 255.0, 128.553 / 255.0, 24.966 / 255.0)
Y_OFFSET = 16.0 / 255.0
Y_TO_RGB = 255.0 / 219.0  # an RGB change of d on all three channels moves Y by d * 219/255 and keeps Cb, Cr


def keys_cubic(t, a=CUBIC_A):
    t = np.abs(np.asarray(t, dtype=np.float64))
    return np.where(t <= 1, (a + 2) * t ** 3 - (a + 3) * t ** 2 + 1,
                    np.where(t < 2, a * t ** 3 - 5 * a * t ** 2 + 8 * a * t - 4 * a, 0.0))


def phase_kernels(scale, a=CUBIC_A):
    """(scale, 5) weights: output sample i*scale + p reads input samples i-2 .. i+2 (clamped) with row p.
    Half-pixel mapping: x = (i*scale + p + 0.5) / scale - 0.5 = i + (p + 0.5) / scale - 0.5."""
    k = np.zeros((scale, 5))
    for p in range(scale):
        off = (p + 0.5) / scale - 0.5
        base = math.floor(off)
        for tap in range(-1, 3):
            k[p, base + tap + 2] += keys_cubic(off - (base + tap), a)
    return k


class _CubicResize(torch.autograd.Function):
    """Only used while exporting: writes the ONNX Resize node (its forward is never differentiated)."""

    @staticmethod
    def forward(ctx, x, scale, reference):
        return reference

    @staticmethod
    def symbolic(g, x, scale, reference):
        roi = g.op("Constant", value_t=torch.tensor([], dtype=torch.float32))
        scales = g.op("Constant", value_t=torch.tensor([1.0, 1.0, float(scale), float(scale)], dtype=torch.float32))
        return g.op("Resize", x, roi, scales, mode_s="cubic", cubic_coeff_a_f=CUBIC_A,
                    coordinate_transformation_mode_s="half_pixel", exclude_outside_i=0, nearest_mode_s="floor")


class BicubicUpsample(nn.Module):
    """x ``scale`` bicubic upsampling as MATLAB imresize does it (see the module docstring); no parameters."""

    def __init__(self, scale):
        super().__init__()
        self.scale = scale
        self._kernel = torch.tensor(phase_kernels(scale), dtype=torch.float32)

    def _axis(self, x, dim):
        # x: (M, 1, H, W); dim 2 or 3: replicate-pad by 2, 5-tap conv to `scale` phases, interleave
        s, k = self.scale, self._kernel.to(x.device, x.dtype)
        if dim == 2:
            x = F.pad(x, (0, 0, 2, 2), mode="replicate")
            y = F.conv2d(x, k.view(s, 1, 5, 1))  # M, s, H, W
            m, _, h, w = y.shape
            return y.permute(0, 2, 1, 3).reshape(m, 1, h * s, w)
        x = F.pad(x, (2, 2, 0, 0), mode="replicate")
        y = F.conv2d(x, k.view(s, 1, 1, 5))  # M, s, H, W
        m, _, h, w = y.shape
        return y.permute(0, 2, 3, 1).reshape(m, 1, h, w * s)

    def reference(self, x):
        n, c, h, w = x.shape
        y = self._axis(self._axis(x.reshape(n * c, 1, h, w), 2), 3)
        return y.reshape(n, c, h * self.scale, w * self.scale)

    def forward(self, x):
        if torch.onnx.is_in_onnx_export():
            return _CubicResize.apply(x, self.scale, self.reference(x))
        return self.reference(x)


def rgb_to_y(x):
    r, g, b = x[:, 0:1], x[:, 1:2], x[:, 2:3]
    return Y_WEIGHTS[0] * r + Y_WEIGHTS[1] * g + Y_WEIGHTS[2] * b + Y_OFFSET


class DRCN(nn.Module):
    def __init__(self, features=256, recursions=16, colors=1):
        super().__init__()
        self.recursions = recursions
        self.embed = nn.Sequential(nn.Conv2d(colors, features, 3, padding=1), nn.ReLU(),
                                   nn.Conv2d(features, features, 3, padding=1), nn.ReLU())
        self.recursive = nn.Conv2d(features, features, 3, padding=1)  # ONE conv, applied `recursions` times
        self.reconstruct = nn.Sequential(nn.Conv2d(features, features, 3, padding=1), nn.ReLU(),
                                         nn.Conv2d(features, colors, 3, padding=1))
        # the learned weights of the D predictions, shaped to broadcast over stacked predictions (so the ONNX file
        # keeps this parameter as one initializer instead of folding per-recursion slices of it)
        self.combine = nn.Parameter(torch.full((recursions, 1, 1, 1, 1), 1.0 / recursions))

    def forward_all(self, x):
        """(output, [prediction after recursion 1, ..., D]) for recursive supervision."""
        h = self.embed(x)
        preds = []
        for _ in range(self.recursions):
            h = F.relu(self.recursive(h))
            preds.append(self.reconstruct(h) + x)
        out = (torch.stack(preds) * self.combine).sum(0)
        return out, preds

    def forward(self, x):
        return self.forward_all(x)[0]


class DRRN(nn.Module):
    def __init__(self, blocks=1, units=25, features=128, colors=1):
        super().__init__()
        self.units = units
        self.inputs = nn.ModuleList([nn.Conv2d(colors if b == 0 else features, features, 3, padding=1)
                                     for b in range(blocks)])
        # the two convolutions of each block, shared by its U residual units
        self.conv1 = nn.ModuleList([nn.Conv2d(features, features, 3, padding=1) for _ in range(blocks)])
        self.conv2 = nn.ModuleList([nn.Conv2d(features, features, 3, padding=1) for _ in range(blocks)])
        self.output = nn.Conv2d(features, colors, 3, padding=1)

    def forward(self, x):
        h = x
        for conv_in, c1, c2 in zip(self.inputs, self.conv1, self.conv2):
            h0 = conv_in(F.relu(h))
            h = h0
            for _ in range(self.units):
                h = c2(F.relu(c1(F.relu(h)))) + h0
        return self.output(F.relu(h)) + x


class StrideFreeConvTranspose(nn.ConvTranspose2d):
    """nn.ConvTranspose2d(cin, cout, k, stride 1, padding (k-1)/2): same parameters, state_dict and ONNX node
    (ConvTranspose); in PyTorch computed as the equal convolution (kernel flipped, in/out swapped)."""

    def __init__(self, cin, cout, kernel=3):
        super().__init__(cin, cout, kernel, stride=1, padding=(kernel - 1) // 2)

    def forward(self, x):
        if torch.onnx.is_in_onnx_export():
            return super().forward(x)
        w = self.weight.transpose(0, 1).flip(2, 3)
        return F.conv2d(x, w, self.bias, padding=self.padding)


class REDNet(nn.Module):
    """RED-Net with ``layers`` convs and ``layers`` deconvs (RED30: 15); skips from every second conv."""

    def __init__(self, layers=15, features=64, colors=1):
        super().__init__()
        self.layers = layers
        self.convs = nn.ModuleList([nn.Conv2d(colors if i == 0 else features, features, 3, padding=1)
                                    for i in range(layers)])
        self.deconvs = nn.ModuleList([StrideFreeConvTranspose(features, colors if j == layers - 1 else features)
                                      for j in range(layers)])

    def skip_pairs(self):
        """(conv index, deconv index), 1-based: conv 2, 4, ... (not the last conv) -> the mirrored deconv."""
        return [(i, self.layers - i) for i in range(2, self.layers, 2)]

    def forward(self, x):
        feats = {}
        h = x
        for i, conv in enumerate(self.convs, 1):
            h = F.relu(conv(h))
            feats[i] = h
        into = {d: c for c, d in self.skip_pairs()}
        for j, deconv in enumerate(self.deconvs, 1):
            h = deconv(h)
            if j == self.layers:
                break
            if j in into:  # the mirrored conv's features are added, then rectified
                h = h + feats[into[j]]
            h = F.relu(h)
        return h + x


class LumaSR(nn.Module):
    """RGB LR in [0, 1] -> RGB HR: bicubic x scale inside the network, the body on Y, its change of Y added to RGB."""

    def __init__(self, body, scale):
        super().__init__()
        self.scale = scale
        self.upsample = BicubicUpsample(scale)
        self.body = body

    def _to_rgb(self, up, y, y_sr):
        return up + (y_sr - y) * Y_TO_RGB

    def forward_all(self, x):
        """(RGB output, Y output, [Y intermediate predictions]) (DRCN's recursive supervision; [] for the others)."""
        up = self.upsample(x)
        y = rgb_to_y(up)
        if isinstance(self.body, DRCN):
            y_sr, preds = self.body.forward_all(y)
        else:
            y_sr, preds = self.body(y), []
        return self._to_rgb(up, y, y_sr), y_sr, preds

    def forward(self, x):
        up = self.upsample(x)
        y = rgb_to_y(up)
        return self._to_rgb(up, y, self.body(y))


# Variants: name -> (family, constructor arguments). The paper's networks, and reduced ones a CPU can train.
VARIANTS = {
    "drcn": ("drcn", {"features": 256, "recursions": 16}),       # the paper's: 1.77M
    "drcn-f64r8": ("drcn", {"features": 64, "recursions": 8}),
    "drcn-f32r8": ("drcn", {"features": 32, "recursions": 8}),
    "drrn-b1u25": ("drrn", {"blocks": 1, "units": 25, "features": 128}),  # the paper's B1U25: 297K
    "drrn-b1u9": ("drrn", {"blocks": 1, "units": 9, "features": 128}),
    "drrn-b1u9-f32": ("drrn", {"blocks": 1, "units": 9, "features": 32}),
    "rednet30": ("rednet", {"layers": 15, "features": 64}),     # the paper's RED30
    "rednet10": ("rednet", {"layers": 5, "features": 64}),
    "rednet10-f32": ("rednet", {"layers": 5, "features": 32}),
    "rednet10-f16": ("rednet", {"layers": 5, "features": 16}),  # under the real-time tier's 21K parameters
}
FULL = {"drcn": "drcn", "drrn": "drrn-b1u25", "rednet": "rednet30"}
BODIES = {"drcn": DRCN, "drrn": DRRN, "rednet": REDNet}


def build_body(variant, colors=1):
    family, kw = VARIANTS[variant]
    return BODIES[family](colors=colors, **kw)


def build(variant, scale):
    return LumaSR(build_body(variant), scale)


def recursive_supervision_loss(y_sr, preds, target, alpha, loss=F.mse_loss):
    """DRCN: alpha * mean over recursions of loss(prediction_d) + (1 - alpha) * loss(output)."""
    inter = sum(loss(p, target) for p in preds) / len(preds)
    return alpha * inter + (1 - alpha) * loss(y_sr, target)
