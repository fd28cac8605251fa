#version 430
// Transposed 2-D convolution (group 1, dilation 1) as a gather: each output pixel sums the input pixels whose
// scattered kernel footprint covers it, so no atomics are needed. Weights are ONNX's [inC][outC][kH][kW].
// The epilogue (bias, activation, residual add) is the same as conv2d.comp's; OCT output channels per invocation
// share each input read.

#define OCT 4

layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 3) readonly buffer Weights { float weights[]; };
layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

float activate(float v, int kind, float alpha)
{
    if (kind == 1) return max(v, 0.0);
    if (kind == 2) return v >= 0.0 ? v : v * alpha;
    if (kind == 3) return 1.0 / (1.0 + exp(-v));
    return v;
}

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inC = params[P + 1], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outC = params[P + 5], outH = params[P + 6], outW = params[P + 7];
    int wOff = params[P + 8], bOff = params[P + 9], padT = params[P + 10], padL = params[P + 11];
    int actKind = params[P + 12];
    float alpha = intBitsToFloat(params[P + 13]);
    int resOff = params[P + 15];
    int kH = params[P + 18], kW = params[P + 19], strideY = params[P + 20], strideX = params[P + 21];

    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y);
    int oc0 = int(gl_WorkGroupID.z) * OCT;
    if (ox >= outW || oy >= outH) return;

    float acc[OCT];
    for (int j = 0; j < OCT; j++) acc[j] = 0.0;

    for (int ky = 0; ky < kH; ky++)
    {
        int ty = oy + padT - ky;
        if (ty < 0 || ty % strideY != 0) continue;
        int iy = ty / strideY;
        if (iy >= inH) continue;
        for (int kx = 0; kx < kW; kx++)
        {
            int tx = ox + padL - kx;
            if (tx < 0 || tx % strideX != 0) continue;
            int ix = tx / strideX;
            if (ix >= inW) continue;
            for (int ic = 0; ic < inC; ic++)
            {
                float x = in0(inOff + (ic * inH + iy) * inW + ix);
                int w = wOff + ((ic * outC + oc0) * kH + ky) * kW + kx;
                for (int j = 0; j < OCT; j++)
                {
                    if (oc0 + j < outC) acc[j] += x * weights[w + j * kH * kW];
                }
            }
        }
    }

    for (int j = 0; j < OCT; j++)
    {
        int oc = oc0 + j;
        if (oc >= outC) break;
        float v = activate(acc[j] + (bOff >= 0 ? weights[bOff + oc] : 0.0), actKind, alpha);
        int rel = (oc * outH + oy) * outW + ox;
        if (resOff >= 0) v += in1(resOff + rel);
        store(outOff + rel, v);
    }
}
