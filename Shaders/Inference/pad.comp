#version 430
// Pad on H and W: mode 0 constant (the value given), 1 edge (clamp), 2 reflect (mirror without repeating the
// edge), as ONNX's Pad defines them.

layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

int reflectIndex(int i, int n)
{
    if (n == 1) return 0;
    int period = 2 * (n - 1);
    // Mirror negatives first: GLSL leaves % of a negative operand undefined.
    i = abs(i) % period;
    return i < n ? i : period - i;
}

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outH = params[P + 6], outW = params[P + 7];
    int padT = params[P + 8], padL = params[P + 9], mode = params[P + 10];
    float value = intBitsToFloat(params[P + 11]);
    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y), c = int(gl_GlobalInvocationID.z);
    if (ox >= outW || oy >= outH) return;

    int iy = oy - padT, ix = ox - padL;
    float v;
    if (mode == 1) v = in0(inOff + (c * inH + clamp(iy, 0, inH - 1)) * inW + clamp(ix, 0, inW - 1));
    else if (mode == 2) v = in0(inOff + (c * inH + reflectIndex(iy, inH)) * inW + reflectIndex(ix, inW));
    else v = iy >= 0 && iy < inH && ix >= 0 && ix < inW ? in0(inOff + (c * inH + iy) * inW + ix) : value;
    store(outOff + (c * outH + oy) * outW + ox, v);
}
