#version 450 core
// Shared by city.frag and sky.frag, which the scene appends to this file: light, sky and the fog field. Colours
// are display-referred [0, 1]; the fog composites after tone mapping so I = J t + A (1 - t) holds exactly in the
// image the post-processes see, which is what a dehaze network learns to invert.

uniform vec4 cameraPosition;   // xyz: eye, world space
uniform vec4 sunDirection;     // xyz: unit vector towards the sun
uniform vec4 sunColor;         // rgb: sun colour times intensity
uniform vec4 skyZenith;
uniform vec4 skyHorizon;
uniform vec4 ambientColor;     // sky light on an upward-facing surface
uniform vec4 fogColor;         // rgb: airlight before sun tint
uniform vec4 fogParams;        // x: density multiplier (0: no fog), y: drift time in seconds
uniform vec4 fogOffset;        // xyz: noise-space offset from the fog seed

const float FogBaseExtinction = 0.02; // per metre at ground level in an average patch
const float FogHeightScale = 32.0;      // metres over which the fog thins by e
const float FogFeatureSize = 50.0;      // metres: size of the denser and thinner patches
const vec3 FogWind = vec3(1.1, 0.0, 0.45);
const int FogSteps = 12;

uint hashUint(uvec3 v)
{
    // PCG-style 3-D integer hash: exact and identical on every GPU, unlike sin-based hashes.
    v = v * 1664525u + 1013904223u;
    v.x += v.y * v.z; v.y += v.z * v.x; v.z += v.x * v.y;
    v ^= v >> 16u;
    v.x += v.y * v.z; v.y += v.z * v.x; v.z += v.x * v.y;
    return v.x ^ v.y ^ v.z;
}

float hash13(vec3 p)
{
    return float(hashUint(uvec3(ivec3(floor(p)) + 32768))) * (1.0 / 4294967296.0);
}

float valueNoise(vec3 p)
{
    vec3 i = floor(p);
    vec3 f = fract(p);
    f = f * f * (3.0 - 2.0 * f);
    float a = mix(hash13(i), hash13(i + vec3(1, 0, 0)), f.x);
    float b = mix(hash13(i + vec3(0, 1, 0)), hash13(i + vec3(1, 1, 0)), f.x);
    float c = mix(hash13(i + vec3(0, 0, 1)), hash13(i + vec3(1, 0, 1)), f.x);
    float d = mix(hash13(i + vec3(0, 1, 1)), hash13(i + vec3(1, 1, 1)), f.x);
    return mix(mix(a, b, f.y), mix(c, d, f.y), f.z);
}

float valueNoise2(vec2 p)
{
    return valueNoise(vec3(p, 0.5));
}

// Relative extinction at p: exponential height fog broken into drifting banks and thin gaps.
float fogDensity(vec3 p)
{
    float height = exp(-max(p.y, 0.0) / FogHeightScale);
    vec3 q = (p - FogWind * fogParams.y) * vec3(1.0, 2.5, 1.0) / FogFeatureSize + fogOffset.xyz;
    float n = 0.62 * valueNoise(q) + 0.38 * valueNoise(q * 2.7 + vec3(17.3, 5.1, 9.7));
    float banks = smoothstep(0.3, 0.72, n);
    return height * (0.08 + 1.92 * banks);
}

// Transmittance from the eye along unit dir over rayLength metres; samples bunch near the eye, where the patches are
// large on screen, and are fixed per pixel so frames are deterministic.
float fogTransmittance(vec3 origin, vec3 dir, float rayLength)
{
    if (fogParams.x <= 0.0)
    {
        return 1.0;
    }

    float depth = 0.0;
    for (int i = 0; i < FogSteps; i++)
    {
        float a = float(i) / float(FogSteps);
        float b = float(i + 1) / float(FogSteps);
        float mid = (float(i) + 0.5) / float(FogSteps);
        depth += fogDensity(origin + dir * (rayLength * mid * mid)) * rayLength * (b * b - a * a);
    }

    return exp(-depth * FogBaseExtinction * fogParams.x);
}

// In-scattered colour A: the fog colour lit by sky and sun, brighter looking towards the sun.
vec3 airlight(vec3 dir)
{
    float forward = pow(max(dot(dir, sunDirection.xyz), 0.0), 8.0);
    vec3 tint = mix(vec3(1.0), sunColor.rgb, 0.25) * (0.92 + 0.3 * forward);
    return clamp(fogColor.rgb * tint, 0.0, 1.0);
}

vec3 toneMap(vec3 radiance)
{
    return 1.0 - exp(-1.35 * max(radiance, 0.0));
}

vec3 skyRadiance(vec3 dir)
{
    float up = dir.y;
    vec3 sky = mix(skyHorizon.rgb, skyZenith.rgb, pow(clamp(up, 0.0, 1.0), 0.5));
    if (up > 0.015)
    {
        // A cloud deck 1.2 km up, so the clear sky has texture for the upscaler too.
        vec2 deck = dir.xz * (1200.0 / up) / 700.0;
        float n = 0.6 * valueNoise2(deck) + 0.3 * valueNoise2(deck * 2.3 + 4.1) + 0.1 * valueNoise2(deck * 5.1);
        float cover = smoothstep(0.45, 0.75, n) * smoothstep(0.015, 0.15, up);
        sky = mix(sky, mix(skyHorizon.rgb, vec3(0.97), 0.6), cover * 0.75);
    }
    else
    {
        sky = skyHorizon.rgb * 0.85;
    }

    float toSun = max(dot(dir, sunDirection.xyz), 0.0);
    sky += sunColor.rgb * (4.0 * pow(toSun, 900.0) + 0.15 * pow(toSun, 10.0));
    return clamp(sky, 0.0, 1.0);
}
