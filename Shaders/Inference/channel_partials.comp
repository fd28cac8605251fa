#version 430
// First stage of per-channel statistics over a large H x W: work group (k, c) summarises chunk k of channel c
// (CHUNK floats) as its mean and its sum of squared deviations from that mean, each computed over values held
// in registers, so channel_stats.comp can combine chunks exactly (Chan et al.) with the whole GPU busy rather
// than one work group per channel.

#define ITEMS 16
#define CHUNK (256 * ITEMS)

layout(local_size_x = 256) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

shared float partial[256];
shared float chunkMean;

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
    int inOff = params[P + 0], plane = params[P + 1], outOff = params[P + 2];
    int k = int(gl_WorkGroupID.x), c = int(gl_WorkGroupID.y), chunks = int(gl_NumWorkGroups.x);
    int lid = int(gl_LocalInvocationID.x);
    int first = k * CHUNK;
    int count = min(CHUNK, plane - first);
    int base = inOff + c * plane + first;

    float values[ITEMS];
    float s0 = 0.0;
    for (int j = 0; j < ITEMS; j++)
    {
        int i = lid + j * 256;
        values[j] = i < count ? in0(base + i) : 0.0;
        s0 += values[j];
    }
    REDUCE(s0)
    if (lid == 0) chunkMean = partial[0] / float(count);
    barrier();
    float mean = chunkMean;

    float d = 0.0;
    for (int j = 0; j < ITEMS; j++)
    {
        float e = values[j] - mean;
        d += lid + j * 256 < count ? e * e : 0.0;
    }
    REDUCE(d)
    if (lid == 0)
    {
        store(outOff + (c * chunks + k) * 2, mean);
        store(outOff + (c * chunks + k) * 2 + 1, partial[0]);
    }
}
