// Appended to atmosphere.frag.
in vec3 vWorld;
in vec3 vNormal;
in vec3 vColor;
flat in int vKind;

uniform vec4 streetGrid; // x: pitch, y: half road width, z: half width between building lines

out vec4 fragColor;

const int KindGround = 0;
const int KindBuilding = 1;
const int KindEmissive = 3;

float hash12(vec2 p)
{
    return hash13(vec3(p, 7.0));
}

vec3 groundAlbedo(vec3 p)
{
    float pitch = streetGrid.x;
    float road = streetGrid.y;
    float pavement = streetGrid.z;
    // d.x: distance from the centre line of the street running along Z; d.y: of the one running along X.
    vec2 d = abs(p.xz - pitch * round(p.xz / pitch));
    float grain = 0.6 * valueNoise2(p.xz * 2.5) + 0.4 * valueNoise2(p.xz * 0.3);
    bool alongZ = d.x < road;
    bool alongX = d.y < road;
    if (alongZ || alongX)
    {
        vec3 asphalt = vec3(0.17, 0.17, 0.18) * (0.8 + 0.4 * grain);
        if (alongZ && alongX)
        {
            return asphalt;
        }

        float across = alongZ ? d.x : d.y;
        float along = alongZ ? p.z : p.x;
        float fromJunction = alongZ ? d.y : d.x;
        float acrossCoordinate = alongZ ? p.x : p.z;
        if (fromJunction > road + 0.8 && fromJunction < pavement - 0.4)
        {
            // Zebra crossing at each approach to a junction.
            return across < road - 0.4 && fract(acrossCoordinate) < 0.5 ? vec3(0.8) : asphalt;
        }

        if (fromJunction > pavement + 2.0 && across < 0.07 && fract(along / 6.0) < 0.5)
        {
            return vec3(0.80, 0.74, 0.50);
        }

        if (abs(across - (road - 0.4)) < 0.06 && fromJunction > pavement)
        {
            return vec3(0.72);
        }

        return asphalt;
    }

    float nearest = min(d.x, d.y);
    if (nearest < pavement)
    {
        if (nearest < road + 0.25)
        {
            return vec3(0.58, 0.57, 0.55);
        }

        vec2 tile = p.xz / 1.5;
        vec2 joint = abs(fract(tile) - 0.5);
        float slab = 0.9 + 0.18 * hash12(floor(tile));
        vec3 concrete = vec3(0.50, 0.49, 0.47) * slab * (0.9 + 0.2 * grain);
        return max(joint.x, joint.y) > 0.46 ? concrete * 0.7 : concrete;
    }

    // Block interiors: lawns in parks and yards, which the buildings mostly cover.
    return vec3(0.20, 0.33, 0.12) * (0.7 + 0.6 * grain);
}

// Walls with a grid of windows sized per building; roofs as gravel. Glass reflects the sky instead of
// scattering sunlight, so it comes back as emission.
vec3 buildingAlbedo(vec3 p, vec3 n, vec3 wall, vec3 viewDir, out vec3 emission)
{
    emission = vec3(0.0);
    float identity = hash13(floor(wall * 1024.0));
    if (n.y > 0.5)
    {
        return mix(vec3(0.33), wall, 0.3) * (0.85 + 0.3 * valueNoise2(p.xz * 1.7));
    }

    float horizontal = abs(n.x) > 0.5 ? p.z : p.x;
    float columnWidth = mix(2.4, 3.8, identity);
    float storey = mix(3.0, 3.9, fract(identity * 13.7));
    vec2 cell = vec2(horizontal / columnWidth, p.y / storey);
    vec2 id = floor(cell);
    vec2 f = fract(cell);
    bool shopFront = id.y < 1.0;
    vec2 lo = shopFront ? vec2(0.08, 0.06) : vec2(mix(0.18, 0.32, fract(identity * 7.1)), 0.30);
    vec2 hi = shopFront ? vec2(0.92, 0.78) : vec2(1.0 - lo.x, 0.84);

    vec3 albedo = wall * mix(0.65, 1.0, smoothstep(0.0, 2.5, p.y));
    if (f.y > 0.93)
    {
        albedo *= 0.78; // cornice between storeys
    }

    if (f.x > lo.x && f.x < hi.x && f.y > lo.y && f.y < hi.y)
    {
        float facing = abs(dot(viewDir, n));
        float fresnel = pow(1.0 - facing, 3.0);
        vec3 glass = mix(vec3(0.05, 0.07, 0.10), skyHorizon.rgb * 0.75, 0.2 + 0.7 * fresnel);
        float lit = hash13(vec3(id, identity * 977.0));
        if (lit > 0.8)
        {
            glass += vec3(0.55, 0.42, 0.25) * (lit - 0.6);
        }

        bool mullion = abs(f.x - 0.5) < 0.015 || (!shopFront && abs(f.y - 0.6) < 0.02);
        if (!mullion)
        {
            emission = glass;
            return vec3(0.02);
        }

        return wall * 0.45;
    }

    if (!shopFront && f.y < lo.y && f.y > lo.y - 0.05 && f.x > lo.x - 0.03 && f.x < hi.x + 0.03)
    {
        albedo = mix(albedo, vec3(0.8), 0.5); // sill
    }

    return albedo;
}

void main()
{
    vec3 n = normalize(vNormal);
    vec3 toFragment = vWorld - cameraPosition.xyz;
    float rayLength = length(toFragment);
    vec3 viewDir = toFragment / max(rayLength, 1e-4);

    vec3 emission = vec3(0.0);
    vec3 albedo;
    if (vKind == KindGround)
    {
        albedo = groundAlbedo(vWorld);
    }
    else if (vKind == KindBuilding)
    {
        albedo = buildingAlbedo(vWorld, n, vColor, viewDir, emission);
    }
    else if (vKind == KindEmissive)
    {
        albedo = vec3(0.0);
        emission = vColor;
    }
    else
    {
        albedo = vColor;
    }

    float sun = max(dot(n, sunDirection.xyz), 0.0);
    vec3 sky = ambientColor.rgb * (0.62 + 0.38 * n.y);
    vec3 bounce = vec3(0.16, 0.15, 0.14) * (0.5 - 0.5 * n.y) * sunColor.rgb;
    vec3 clear = toneMap(albedo * (sunColor.rgb * sun + sky + bounce)) + emission;
    clear = clamp(clear, 0.0, 1.0);

    float t = fogTransmittance(cameraPosition.xyz, viewDir, rayLength);
    fragColor = vec4(clear * t + airlight(viewDir) * (1.0 - t), 1.0);
}
