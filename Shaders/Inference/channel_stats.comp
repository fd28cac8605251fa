#version 430
// Per-channel statistics over H x W (batch 1), one work group per channel: the mean (ReduceMean over axes
// 2,3 and GlobalAveragePool), or IMDN's contrast, standard deviation + mean. The deviation is summed in a
// second pass over the channel rather than as E[x^2] - E[x]^2, which cancels badly in fp32 and differs from
// the ONNX graph (Sub, Pow, ReduceMean, Sqrt, Add) it replaces.

layout(local_size_x = 256) in;

layout(std430, binding = 0) readonly buffer Source { float src[]; };
layout(std430, binding = 2) buffer Destination { float dst[]; };
layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

shared float partial[256];
shared float channelMean;

// Leaves the work group's sum of v in partial[0]. The tree is written out inline, not as a function
// returning the sum: llvmpipe (Mesa 22) then fed a stale 0 into the second pass.
#define REDUCE(v) \
    partial[lid] = (v); \
    barrier(); \
    for (int s = 128; s > 0; s >>= 1) \
    { \
        if (lid < s) partial[lid] += partial[lid + s]; \
        barrier(); \
    }

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], plane = params[P + 1], outOff = params[P + 2], mode = params[P + 3];
    int c = int(gl_WorkGroupID.x);
    int base = inOff + c * plane;
    int lid = int(gl_LocalInvocationID.x);

    float s0 = 0.0;
    for (int i = lid; i < plane; i += 256) s0 += src[base + i];
    REDUCE(s0)
    if (lid == 0) channelMean = partial[0] / float(plane);
    barrier();
    float mean = channelMean;

    // The second pass always runs so every barrier stays in uniform control flow.
    float d = 0.0;
    for (int i = lid; i < plane; i += 256)
    {
        float e = src[base + i] - mean;
        d += e * e;
    }
    REDUCE(d)
    if (lid == 0) dst[outOff + c] = mode == 1 ? sqrt(partial[0] / float(plane)) + mean : mean;
}
