#version 430
// AveragePool over kH x kW windows with strides and zero padding; the divisor counts the padded cells only
// when count_include_pad is set, as ONNX defines.

layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outH = params[P + 6], outW = params[P + 7];
    int kH = params[P + 8], kW = params[P + 9], sY = params[P + 10], sX = params[P + 11];
    int padT = params[P + 12], padL = params[P + 13], includePad = params[P + 14];
    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y), c = int(gl_GlobalInvocationID.z);
    if (ox >= outW || oy >= outH) return;

    float s = 0.0;
    int count = 0;
    for (int ky = 0; ky < kH; ky++)
    {
        int iy = oy * sY - padT + ky;
        if (iy < 0 || iy >= inH) continue;
        for (int kx = 0; kx < kW; kx++)
        {
            int ix = ox * sX - padL + kx;
            if (ix < 0 || ix >= inW) continue;
            s += in0(inOff + (c * inH + iy) * inW + ix);
            count++;
        }
    }
    store(outOff + (c * outH + oy) * outW + ox, s / float(includePad != 0 ? kH * kW : max(count, 1)));
}
