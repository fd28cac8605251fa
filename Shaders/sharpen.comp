#version 430
// Contrast-adaptive sharpen in the spirit of AMD FidelityFX RCAS: a 4-neighbour cross with one negative lobe
// shared by all three channels (so hue does not shift),
//
//     out = (e - L * (b + d + f + h)) / (1 - 4 L),   0 <= L <= amount * MAX_LOBE,
//
// where L is further limited per pixel so that the output stays inside [min, max] of the five taps. RCAS limits
// against the [0, 1] output range; limiting against the local range instead means the sharpen never rings:
// it steepens soft edges but cannot create a halo darker or brighter than anything already in the 3x3
// neighbourhood (the cross is a subset of it). A flat region or a pixel at the local extreme gets L = 0.
// Amount 0 is the identity. The host prepends IMAGE_FORMAT, the target's format.

layout(local_size_x = 16, local_size_y = 16) in;

layout(binding = 0) uniform sampler2D source;
layout(IMAGE_FORMAT, binding = 0) writeonly uniform image2D target; // same size as source

uniform float amount; // [0, 1]

// RCAS's FSR_RCAS_LIMIT (0.25 - 1/16): stronger lobes turn sharpening into visible edge artefacts.
const float MAX_LOBE = 0.1875;

vec4 tap(ivec2 p, ivec2 size)
{
    return texelFetch(source, clamp(p, ivec2(0), size - 1), 0);
}

float min3(vec3 v) { return min(v.x, min(v.y, v.z)); }

void main()
{
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    ivec2 size = textureSize(source, 0);
    if (p.x >= size.x || p.y >= size.y)
    {
        return;
    }

    vec4 centre = tap(p, size);
    vec3 e = centre.rgb;
    vec3 b = tap(p + ivec2(0, 1), size).rgb;
    vec3 d = tap(p + ivec2(-1, 0), size).rgb;
    vec3 f = tap(p + ivec2(1, 0), size).rgb;
    vec3 h = tap(p + ivec2(0, -1), size).rgb;
    vec3 lo = min(e, min(min(b, d), min(f, h)));
    vec3 hi = max(e, max(max(b, d), max(f, h)));
    vec3 ring = b + d + f + h;

    // out <= hi  <=>  L * (4 hi - ring) <= hi - e;  out >= lo  <=>  L * (ring - 4 lo) <= e - lo.
    // Both denominators are >= 0; where one is 0 that bound is met by any L, which the tiny floor turns into a
    // huge limit unless its numerator is 0 too (then all five taps are equal and L = 0 changes nothing anyway).
    const float tiny = 1.0 / 65536.0;
    vec3 upLimit = (hi - e) / max(4.0 * hi - ring, vec3(tiny));
    vec3 downLimit = (e - lo) / max(ring - 4.0 * lo, vec3(tiny));
    float lobe = min(amount * MAX_LOBE, min(min3(upLimit), min3(downLimit)));
    lobe = max(lobe, 0.0);

    vec3 sharpened = (e - lobe * ring) / (1.0 - 4.0 * lobe);
    // The limits hold exactly in real arithmetic; the clamp absorbs float rounding so the bound is strict.
    imageStore(target, p, vec4(clamp(sharpened, lo, hi), centre.a));
}
