#version 430
// Per-channel statistics over H x W (batch 1), one work group per channel: the mean (ReduceMean over axes
// 2,3 and GlobalAveragePool), or IMDN's contrast, standard deviation + mean. The deviation is summed in a
// second pass rather than as E[x^2] - E[x]^2, which cancels badly in fp32 and differs from the ONNX graph
// (Sub, Pow, ReduceMean, Sqrt, Add) it replaces. With chunks > 0 the input is channel_partials.comp's
// (mean, squared deviations) per chunk, combined exactly: mean = sum(n_k mean_k) / N and
// M2 = sum(M2_k + n_k (mean_k - mean)^2).

layout(local_size_x = 256) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

shared float partial[256];
shared float channelMean;

// Leaves the work group's sum of v in partial[0]. Written out inline, not as a function returning the sum:
// llvmpipe (Mesa 22) then fed a stale 0 into the second pass.
#define REDUCE(v) \
    partial[lid] = (v); \
    barrier(); \
    for (int s = 128; s > 0; s >>= 1) \
    { \
        if (lid < s) partial[lid] += partial[lid + s]; \
        barrier(); \
    }

#define CHUNK 4096

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], plane = params[P + 1], outOff = params[P + 2], mode = params[P + 3];
    int chunks = params[P + 4];
    int c = int(gl_WorkGroupID.x);
    int lid = int(gl_LocalInvocationID.x);
    int items = chunks > 0 ? chunks : plane;
    int base = chunks > 0 ? inOff + c * chunks * 2 : inOff + c * plane;
    int stride = chunks > 0 ? 2 : 1;

    // Chunk k holds min(CHUNK, plane - k*CHUNK) values; the weights make the chunk means a plain mean.
    float s0 = 0.0;
    for (int i = lid; i < items; i += 256)
    {
        float n = chunks > 0 ? float(min(CHUNK, plane - i * CHUNK)) : 1.0;
        s0 += n * in0(base + i * stride);
    }
    REDUCE(s0)
    if (lid == 0) channelMean = partial[0] / float(plane);
    barrier();
    float mean = channelMean;

    // The second pass always runs so every barrier stays in uniform control flow.
    float d = 0.0;
    for (int i = lid; i < items; i += 256)
    {
        float n = chunks > 0 ? float(min(CHUNK, plane - i * CHUNK)) : 1.0;
        float e = in0(base + i * stride) - mean;
        d += n * e * e + (chunks > 0 ? in0(base + i * stride + 1) : 0.0);
    }
    REDUCE(d)
    if (lid == 0) store(outOff + c, mode == 1 ? sqrt(partial[0] / float(plane)) + mean : mean);
}
