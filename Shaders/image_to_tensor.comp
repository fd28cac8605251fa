#version 430
// Image -> planar float tensor (NCHW, batch 1): R plane, then G, then B, values clamped to [0, 1].
//
// Row order: GL stores texture rows bottom-up and a camera renders the scene's top at the highest row, so tensor
// row 0 reads texel row height-1. Networks then see upright images, as they were trained on, and
// tensor_to_image.comp flips back the same way.
//
// The image starts `border` columns and rows in from the tensor's top-left, and the tensor may be larger still
// (models that need sizes in multiples of N). Every tensor pixel outside the image reads the image extended
// outwards: the edge pixels repeated (edgeMode 0) or the opposite edge (edgeMode 1, wrap, for tileable
// textures). A network's convolutions pad with zeros, which at an image border reads as a black frame; the
// border pushes that frame out of the part of the output that is kept.

layout(local_size_x = 16, local_size_y = 16) in;

layout(binding = 0) uniform sampler2D source;
layout(std430, binding = 0) writeonly buffer Tensor { float values[]; };

// Separate ints because the device sets int, float and vecN uniforms only (no ivecN).
uniform int imageWidth;      // source size in texels
uniform int imageHeight;
uniform int tensorWidth;     // tensor row stride in floats, at least imageWidth
uniform int tensorHeight;    // at least imageHeight
uniform int planeStride;     // floats from one channel plane to the next, at least tensorWidth * tensorHeight
uniform int border;          // tensor columns left of (and rows above) the image's first pixel
uniform int edgeMode;        // 0: replicate the edge, 1: wrap around

int edge(int coordinate, int size)
{
    // GLSL leaves % of a negative operand undefined: shift by whole periods until the coordinate (at least
    // -border) is non-negative first.
    return edgeMode == 1 ? (coordinate + size * ((border + size - 1) / size)) % size : clamp(coordinate, 0, size - 1);
}

void main()
{
    ivec2 t = ivec2(gl_GlobalInvocationID.xy); // x: tensor column, y: tensor row (0 = top)
    if (t.x >= tensorWidth || t.y >= tensorHeight)
    {
        return;
    }

    ivec2 texel = ivec2(edge(t.x - border, imageWidth), imageHeight - 1 - edge(t.y - border, imageHeight));
    vec3 c = clamp(texelFetch(source, texel, 0).rgb, 0.0, 1.0);
    int i = t.y * tensorWidth + t.x;
    values[i] = c.r;
    values[i + planeStride] = c.g;
    values[i + 2 * planeStride] = c.b;
}
