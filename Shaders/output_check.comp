#version 430
// A cheap health check of a network's output on the GPU, so a driver that computes garbage is caught without the
// frame ever leaving the GPU: one pass over the input and output tensors, reduced into a few flags per check slot.
//
//   result[3*slot + 0] != 0: the output holds NaN or an infinity somewhere;
//   result[3*slot + 1] != 0: the input has a pixel that is not black (a channel above INPUT_LIT);
//   result[3*slot + 2] != 0: the output has a value above OUTPUT_LIT.
//
// The host reads the flags back a few frames later, without waiting, and counts "non-finite" or "lit input, dark
// output" as a failed network. A fixed grid of work groups walks the tensors with a grid stride, each group ORs its
// flags in shared memory and one invocation per group touches the result, so the cost is a read of both tensors
// and a handful of atomics whatever the size. With RESET defined the kernel only zeroes the result.

layout(local_size_x = 256) in;

layout(std430, binding = 0) readonly buffer Input { float inputValues[]; };
layout(std430, binding = 1) readonly buffer Output { float outputValues[]; };
layout(std430, binding = 2) buffer Result { uint result[]; };

uniform int inputCount;  // floats in the input tensor
uniform int outputCount; // floats in the output tensor
uniform int slot;        // which triple of result this check writes
uniform int resultCount; // uints in result, for RESET

// A network's output from an input with a pixel above 4/255 is never all below 1/255 unless it is broken.
const float INPUT_LIT = 4.0 / 255.0;
const float OUTPUT_LIT = 1.0 / 255.0;

shared uint groupFlags;

// Exponent all ones: NaN or infinity. A bit test rather than isnan/isinf, which fast-math drivers may fold away.
bool nonFinite(float v) { return (floatBitsToUint(v) & 0x7f800000u) == 0x7f800000u; }

void main()
{
#ifdef RESET
    if (gl_GlobalInvocationID.x < uint(resultCount))
    {
        result[gl_GlobalInvocationID.x] = 0u;
    }
#else
    if (gl_LocalInvocationIndex == 0u)
    {
        groupFlags = 0u;
    }

    barrier();
    uint flags = 0u;
    uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
    for (uint i = gl_GlobalInvocationID.x; i < uint(outputCount); i += stride)
    {
        float v = outputValues[i];
        if (nonFinite(v))
        {
            flags |= 1u;
        }
        else if (v > OUTPUT_LIT)
        {
            flags |= 4u;
        }
    }

    for (uint i = gl_GlobalInvocationID.x; i < uint(inputCount) && (flags & 2u) == 0u; i += stride)
    {
        if (inputValues[i] > INPUT_LIT)
        {
            flags |= 2u;
        }
    }

    atomicOr(groupFlags, flags);
    barrier();
    if (gl_LocalInvocationIndex == 0u)
    {
        uint f = groupFlags;
        uint base = 3u * uint(slot);
        if ((f & 1u) != 0u) atomicOr(result[base], 1u);
        if ((f & 2u) != 0u) atomicOr(result[base + 1u], 1u);
        if ((f & 4u) != 0u) atomicOr(result[base + 2u], 1u);
    }
#endif
}
