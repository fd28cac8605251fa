#version 430
// DepthToSpace for a producer that could not write the shuffled layout itself: output (c, y, x) reads input
// channel c*r*r + (y%r)*r + x%r (CRD) or ((y%r)*r + x%r)*C + c (DCR).

layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outC = params[P + 5], outH = params[P + 6], outW = params[P + 7];
    int r = params[P + 8], dcr = params[P + 9];
    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y), c = int(gl_GlobalInvocationID.z);
    if (ox >= outW || oy >= outH) return;

    int q = (oy % r) * r + ox % r;
    int ic = dcr != 0 ? q * outC + c : c * r * r + q;
    store(outOff + (c * outH + oy) * outW + ox, in0(inOff + (ic * inH + oy / r) * inW + ox / r));
}
