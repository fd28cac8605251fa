#version 430
// Direct 2-D convolution (group 1, dilation 1) with its epilogue fused: bias, activation, PixelShuffle (CRD)
// placement, residual add, and on the input side an optional per-input-channel scale (channel attention
// applied on load) and zero, edge or reflect padding.
// The host prepends KSIZE (square kernel), STRIDE and OCT (output channels per invocation). Each work group
// computes a TILE_X x TILE_Y patch of OCT output channels; the input patch it needs is staged in shared memory
// IC_CHUNK channels at a time so every input value is read from the buffer once per work group, not KSIZE^2 x
// OCT times. Tensors are NCHW float32 with batch 1, addressed by float offsets into the bound buffers, so one
// buffer can hold several channel ranges (a Split's outputs, a Concat's inputs) without copies.

#define TILE_X 16
#define TILE_Y 8
#define IC_CHUNK 4
#define IN_TX ((TILE_X - 1) * STRIDE + KSIZE)
#define IN_TY ((TILE_Y - 1) * STRIDE + KSIZE)
#define KK (KSIZE * KSIZE)

layout(local_size_x = TILE_X, local_size_y = TILE_Y) in;

layout(std430, binding = 3) readonly buffer Weights { float weights[]; };
layout(std430, binding = 4) readonly buffer Params { int params[]; };
layout(std430, binding = 5) readonly buffer Scale { float scale[]; };

uniform int paramBase;

shared float tile[IC_CHUNK * IN_TY * IN_TX];

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

    int lx = int(gl_LocalInvocationID.x), ly = int(gl_LocalInvocationID.y);
    int ox0 = int(gl_WorkGroupID.x) * TILE_X, oy0 = int(gl_WorkGroupID.y) * TILE_Y;
    int oc0 = int(gl_WorkGroupID.z) * OCT;
    int ix0 = ox0 * STRIDE - padL, iy0 = oy0 * STRIDE - padT;
    int lid = ly * TILE_X + lx;

    float acc[OCT];
    for (int j = 0; j < OCT; j++) acc[j] = 0.0;

    for (int c0 = 0; c0 < inC; c0 += IC_CHUNK)
    {
        int n = min(IC_CHUNK, inC - c0);
        for (int i = lid; i < IC_CHUNK * IN_TY * IN_TX; i += TILE_X * TILE_Y)
        {
            int c = i / (IN_TY * IN_TX);
            int r = i - c * (IN_TY * IN_TX);
            int ty = r / IN_TX, tx = r - ty * IN_TX;
            int iy = padded(iy0 + ty, inH, padMode), ix = padded(ix0 + tx, inW, padMode);
            float v = 0.0;
            if (c < n && iy >= 0 && ix >= 0)
            {
                v = in0(inOff + ((c0 + c) * inH + iy) * inW + ix);
                if (scaleOff >= 0) v *= scale[scaleOff + c0 + c];
            }
            tile[i] = v;
        }
        barrier();

        for (int c = 0; c < n; c++)
        {
            float x[KK];
            for (int ky = 0; ky < KSIZE; ky++)
                for (int kx = 0; kx < KSIZE; kx++)
                    x[ky * KSIZE + kx] = tile[(c * IN_TY + ly * STRIDE + ky) * IN_TX + lx * STRIDE + kx];
            for (int j = 0; j < OCT; j++)
            {
                // Channels past outC read the last valid filter instead of branching; their sums are dropped.
                int w = wOff + (min(oc0 + j, outC - 1) * inC + c0 + c) * KK;
                float s = acc[j];
                for (int k = 0; k < KK; k++) s += x[k] * weights[w + k];
                acc[j] = s;
            }
        }
        barrier();
    }

    int ox = ox0 + lx, oy = oy0 + ly;
    if (ox >= outW || oy >= outH) return;
    for (int j = 0; j < OCT; j++)
    {
        int oc = oc0 + j;
        if (oc >= outC) break;
        float v = acc[j] + (bOff >= 0 ? weights[bOff + oc] : 0.0);
        v = activate(v, actKind, alpha);
        int rel;
        if (shuffle == 1)
        {
            rel = (oc * outH + oy) * outW + ox;
        }
        else
        {
            // DepthToSpace, CRD order: channel c*r*r + dy*r + dx lands at (c, oy*r + dy, ox*r + dx).
            int rr = shuffle * shuffle;
            int c = oc / rr, q = oc - c * rr, dy = q / shuffle, dx = q - dy * shuffle;
            rel = (c * outH * shuffle + oy * shuffle + dy) * (outW * shuffle) + ox * shuffle + dx;
        }
        if (resOff >= 0) v += in1(resOff + rel);
        store(outOff + rel, v);
    }
}
