#version 430
// Resize, mode linear on H and W (bilinear). The source coordinate follows ONNX's
// coordinate_transformation_mode: 0 half_pixel, 1 asymmetric, 2 align_corners, 3 pytorch_half_pixel, with
// the sample clamped to the edge as ONNX Runtime does.

layout(local_size_x = 16, local_size_y = 8) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

float sourceCoordinate(int o, int inSize, int outSize, float scale, int mode)
{
    if (mode == 1) return float(o) / scale;
    if (mode == 2) return outSize > 1 ? float(o) * float(inSize - 1) / float(outSize - 1) : 0.0;
    if (mode == 3 && outSize <= 1) return 0.0;
    return (float(o) + 0.5) / scale - 0.5;
}

void main()
{
    int P = paramBase;
    int inOff = params[P + 0], inH = params[P + 2], inW = params[P + 3];
    int outOff = params[P + 4], outH = params[P + 6], outW = params[P + 7];
    float scaleY = intBitsToFloat(params[P + 8]), scaleX = intBitsToFloat(params[P + 9]);
    int mode = params[P + 10];
    int ox = int(gl_GlobalInvocationID.x), oy = int(gl_GlobalInvocationID.y), c = int(gl_GlobalInvocationID.z);
    if (ox >= outW || oy >= outH) return;

    float fy = clamp(sourceCoordinate(oy, inH, outH, scaleY, mode), 0.0, float(inH - 1));
    float fx = clamp(sourceCoordinate(ox, inW, outW, scaleX, mode), 0.0, float(inW - 1));
    int y0 = int(fy), x0 = int(fx);
    int y1 = min(y0 + 1, inH - 1), x1 = min(x0 + 1, inW - 1);
    float wy = fy - float(y0), wx = fx - float(x0);
    int plane = inOff + c * inH * inW;
    float top = mix(in0(plane + y0 * inW + x0), in0(plane + y0 * inW + x1), wx);
    float bottom = mix(in0(plane + y1 * inW + x0), in0(plane + y1 * inW + x1), wx);
    store(outOff + (c * outH + oy) * outW + ox, mix(top, bottom, wy));
}
