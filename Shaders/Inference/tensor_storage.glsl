// Inserted by the host after the defines of every inference kernel: the tensors a kernel reads (bindings 0 and 1)
// and writes (binding 2), each either float32 or, under IN0_HALF / IN1_HALF / OUT_HALF, IEEE half floats packed two
// to a 32-bit word (element i in word i/2, even elements in the low 16 bits). packHalf2x16/unpackHalf2x16 are core
// GLSL 4.20, so half storage needs no extension and runs on every GL 4.3 device, llvmpipe included; arithmetic stays
// float32. Offsets stay in elements, so the plan's parameter words are the same for both storages.

#ifdef IN0_HALF
layout(std430, binding = 0) readonly buffer In0 { uint in0Words[]; };
float in0(int i) { return unpackHalf2x16(in0Words[i >> 1])[i & 1]; }
#else
layout(std430, binding = 0) readonly buffer In0 { float in0Values[]; };
float in0(int i) { return in0Values[i]; }
#endif

#ifdef IN1_HALF
layout(std430, binding = 1) readonly buffer In1 { uint in1Words[]; };
float in1(int i) { return unpackHalf2x16(in1Words[i >> 1])[i & 1]; }
#else
layout(std430, binding = 1) readonly buffer In1 { float in1Values[]; };
float in1(int i) { return in1Values[i]; }
#endif

#ifdef OUT_HALF
layout(std430, binding = 2) buffer Out { uint outWords[]; };
// Neighbouring elements may belong to different invocations (odd offsets, strided and shuffled writes): each
// clears and sets only its own 16 bits, and atomic AND/OR on disjoint bits commute, so neither loses the other's.
void store(int i, float v)
{
    uint bits = packHalf2x16(vec2(v, 0.0));
    if ((i & 1) == 0)
    {
        atomicAnd(outWords[i >> 1], 0xFFFF0000u);
        atomicOr(outWords[i >> 1], bits);
    }
    else
    {
        atomicAnd(outWords[i >> 1], 0x0000FFFFu);
        atomicOr(outWords[i >> 1], bits << 16);
    }
}
#else
layout(std430, binding = 2) buffer Out { float outValues[]; };
void store(int i, float v) { outValues[i] = v; }
#endif
