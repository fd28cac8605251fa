#version 430
// Image -> planar float tensor (NCHW, batch 1): R plane, then G, then B, values clamped to [0, 1].
//
// Row order: GL stores texture rows bottom-up and a camera renders the scene's top at the highest row, so tensor
// row 0 reads texel row height-1. Networks then see upright images, as they were trained on, and
// tensor_to_image.comp flips back the same way.
//
// The tensor may be larger than the image (models that need sizes in multiples of N): the extra columns and
// rows repeat the edge pixels, which disturbs a convolution's border less than zeros would.

layout(local_size_x = 16, local_size_y = 16) in;

layout(binding = 0) uniform sampler2D source;
layout(std430, binding = 0) writeonly buffer Tensor { float values[]; };

// Separate ints because the device sets int, float and vecN uniforms only (no ivecN).
uniform int imageWidth;      // source size in texels
uniform int imageHeight;
uniform int tensorWidth;     // tensor row stride in floats, at least imageWidth
uniform int tensorHeight;    // at least imageHeight
uniform int planeStride;     // floats from one channel plane to the next, at least tensorWidth * tensorHeight

void main()
{
    ivec2 t = ivec2(gl_GlobalInvocationID.xy); // x: tensor column, y: tensor row (0 = top)
    if (t.x >= tensorWidth || t.y >= tensorHeight)
    {
        return;
    }

    ivec2 texel = ivec2(min(t.x, imageWidth - 1), imageHeight - 1 - min(t.y, imageHeight - 1));
    vec3 c = clamp(texelFetch(source, texel, 0).rgb, 0.0, 1.0);
    int i = t.y * tensorWidth + t.x;
    values[i] = c.r;
    values[i + planeStride] = c.g;
    values[i + 2 * planeStride] = c.b;
}
