#version 430
// Planar float tensor (NCHW, batch 1) -> image, the inverse of image_to_tensor.comp: tensor row 0 is the
// image's top row, GL texel row height-1. The host prepends IMAGE_FORMAT (rgba8, rgba16f or rgba32f, the
// target's format, which image load/store requires to match) and, for passes that mix the network's output
// with their input, BLEND.
//
// Values are clamped to [0, 1] and NaN becomes 0, as ImageTensor.FromTensor does, so a network's overshoot
// never reaches an HDR target as out-of-range colour. Alpha is 1 (networks have no alpha), or the blend
// source's alpha when blending.

layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, binding = 0) readonly buffer Tensor { float values[]; };
layout(IMAGE_FORMAT, binding = 0) writeonly uniform image2D target;
#ifdef BLEND
layout(binding = 0) uniform sampler2D blendSource; // same size as target
uniform float strength;                            // 0: blendSource, 1: the tensor
#endif

uniform int tensorWidth;     // tensor row stride in floats, at least the target's width
uniform int planeStride;     // floats from one channel plane to the next
uniform int border;          // tensor columns left of (and rows above) the image's first pixel: cropped away

void main()
{
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    ivec2 size = imageSize(target);
    if (p.x >= size.x || p.y >= size.y)
    {
        return;
    }

    int i = (border + size.y - 1 - p.y) * tensorWidth + border + p.x;
    vec3 c = vec3(values[i], values[i + planeStride], values[i + 2 * planeStride]);
    c = mix(clamp(c, 0.0, 1.0), vec3(0.0), isnan(c));
#ifdef BLEND
    vec4 original = texelFetch(blendSource, p, 0);
    imageStore(target, p, vec4(mix(original.rgb, c, strength), original.a));
#else
    imageStore(target, p, vec4(c, 1.0));
#endif
}
