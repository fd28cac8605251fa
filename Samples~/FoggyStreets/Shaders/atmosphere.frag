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
uniform vec4 fogParams;        // x: density multiplier (0: no fog), y: 1 / size of the fog patches in metres
uniform vec4 fogOffset;        // xyz: noise-space offset: the fog seed's, minus the wind's drift so far

const float FogBaseExtinction = 0.02; // per metre at ground level in an average patch
const float FogHeightScale = 32.0;      // metres over which the fog thins by e
const int FogSteps = 12;
const int FogDetailSteps = 6;

// Integer hashing (lowbias32): exact and identical on every GPU, unlike sin-based hashes, and cheap enough for
// the fog march's hundreds of lookups per pixel.
uint lowBias(uint x)
{
    x ^= x >> 16u;
    x *= 0x7feb352du;
    x ^= x >> 15u;
    x *= 0x846ca68bu;
    x ^= x >> 16u;
    return x;
}

const uint LatticeY = 0x9E3779B1u;
const uint LatticeZ = 0x85EBCA77u;

float unitFloat(uint x)
{
    return float(lowBias(x) >> 8u) * (1.0 / 16777216.0);
}

float hash13(vec3 p)
{
    ivec3 i = ivec3(floor(p));
    return unitFloat(uint(i.x) + uint(i.y) * LatticeY + uint(i.z) * LatticeZ);
}

float valueNoise(vec3 p)
{
    vec3 cell = floor(p);
    vec3 f = p - cell;
    f = f * f * (3.0 - 2.0 * f);
    ivec3 i = ivec3(cell);
    uint n = uint(i.x) + uint(i.y) * LatticeY + uint(i.z) * LatticeZ;
    float a = mix(unitFloat(n), unitFloat(n + 1u), f.x);
    float b = mix(unitFloat(n + LatticeY), unitFloat(n + LatticeY + 1u), f.x);
    float c = mix(unitFloat(n + LatticeZ), unitFloat(n + LatticeZ + 1u), f.x);
    float d = mix(unitFloat(n + LatticeY + LatticeZ), unitFloat(n + LatticeY + LatticeZ + 1u), f.x);
    return mix(mix(a, b, f.y), mix(c, d, f.y), f.z);
}

float valueNoise2(vec2 p)
{
    return valueNoise(vec3(p, 0.5));
}

// Relative extinction at p: exponential height fog broken into drifting banks and thin gaps. The detail octave
// only matters near the eye; far samples stand for long stretches of ray, which average it away.
float fogDensity(vec3 p, bool detail)
{
    float height = exp(-max(p.y, 0.0) / FogHeightScale);
    // Squashed vertically: fog lies in layers more than it stands in columns.
    vec3 q = p * vec3(1.0, 2.5, 1.0) * fogParams.y + fogOffset.xyz;
    float n = valueNoise(q);
    n = detail ? 0.62 * n + 0.38 * valueNoise(q * 2.7 + vec3(17.3, 5.1, 9.7)) : n;
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
        depth += fogDensity(origin + dir * (rayLength * mid * mid), i < FogDetailSteps) * rayLength * (b * b - a * a);
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
