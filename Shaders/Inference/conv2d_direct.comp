#version 430
// The same convolution as conv2d.comp (same parameter words, same epilogue) without shared memory: every
// invocation reads its input window straight from the buffer. Software renderers run it several times faster.

#define KK (KSIZE * KSIZE)
layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 3) readonly buffer Weights { float weights[]; };
layout(std430, binding = 4) readonly buffer Params { int params[]; };
layout(std430, binding = 5) readonly buffer Scale { float scale[]; };

uniform int paramBase;

float activate(float v, int kind, float alpha)
{
    if (kind == 1) return max(v, 0.0);
    if (kind == 2) return v >= 0.0 ? v : v * alpha;
    if (kind == 3) return 1.0 / (1.0 + exp(-v));
    return v;
}


// Where a padded coordinate reads: -1 for zero padding, else clamped (edge) or mirrored (reflect), so a
// Pad(edge|reflect) node folded into the convolution costs no pass.
int padded(int i, int n, int mode)
{
    if (i >= 0 && i < n) return i;
    if (mode == 1) return clamp(i, 0, n - 1);
    if (mode == 2)
    {
        if (n == 1) return 0;
        int period = 2 * (n - 1);
        // Mirror negatives first: GLSL leaves % of a negative operand undefined.
        i = abs(i) % period;
        return i < n ? i : period - i;
    }
    return -1;
}

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inC = params[P + 1], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outC = params[P + 5], outH = params[P + 6], outW = params[P + 7];
    int wOff = params[P + 8], bOff = params[P + 9], padT = params[P + 10], padL = params[P + 11];
    int actKind = params[P + 12];
    float alpha = intBitsToFloat(params[P + 13]);
    int shuffle = params[P + 14], resOff = params[P + 15], scaleOff = params[P + 16], padMode = params[P + 17];

    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y);
    int oc0 = int(gl_WorkGroupID.z) * OCT;
    if (ox >= outW || oy >= outH) return;
    int ix0 = ox * STRIDE - padL, iy0 = oy * STRIDE - padT;

    float acc[OCT];
    for (int j = 0; j < OCT; j++) acc[j] = 0.0;
    for (int c = 0; c < inC; c++)
    {
        float x[KK];
        for (int ky = 0; ky < KSIZE; ky++)
            for (int kx = 0; kx < KSIZE; kx++)
            {
                int iy = padded(iy0 + ky, inH, padMode), ix = padded(ix0 + kx, inW, padMode);
                x[ky * KSIZE + kx] = iy >= 0 && ix >= 0 ? in0(inOff + (c * inH + iy) * inW + ix) : 0.0;
            }
        float sc = scaleOff >= 0 ? scale[scaleOff + c] : 1.0;
        for (int j = 0; j < OCT; j++)
        {
            int w = wOff + (min(oc0 + j, outC - 1) * inC + c) * KK;
            float s = 0.0;
            for (int k = 0; k < KK; k++) s += x[k] * weights[w + k];
            acc[j] += s * sc;
        }
    }

    for (int j = 0; j < OCT; j++)
    {
        int oc = oc0 + j;
        if (oc >= outC) break;
        float v = acc[j] + (bOff >= 0 ? weights[bOff + oc] : 0.0);
        v = activate(v, actKind, alpha);
        int rel;
        if (shuffle == 1) rel = (oc * outH + oy) * outW + ox;
        else
        {
            int rr = shuffle * shuffle;
            int c = oc / rr, q = oc - c * rr, dy = q / shuffle, dx = q - dy * shuffle;
            rel = (c * outH * shuffle + oy * shuffle + dy) * (outW * shuffle) + ox * shuffle + dx;
        }
        if (resOff >= 0) v += in1(resOff + rel);
        store(outOff + rel, v);
    }
}
