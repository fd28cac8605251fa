// Appended to atmosphere.frag.
in vec2 vNdc;

uniform mat4 inverseViewProjection;

out vec4 fragColor;

const float SkyFogDistance = 900.0;

void main()
{
    vec4 onRay = inverseViewProjection * vec4(vNdc, 0.5, 1.0);
    vec3 dir = normalize(onRay.xyz / onRay.w - cameraPosition.xyz);
    vec3 clear = skyRadiance(dir);
    float t = fogTransmittance(cameraPosition.xyz, dir, SkyFogDistance);
    fragColor = vec4(clear * t + airlight(dir) * (1.0 - t), 1.0);
}
