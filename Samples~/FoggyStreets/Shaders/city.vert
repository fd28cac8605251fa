#version 450 core
layout(location = 0) in vec3 position;
layout(location = 1) in vec3 normal;
layout(location = 2) in vec3 color;
layout(location = 3) in float kind;

uniform mat4 viewProjection;

out vec3 vWorld;
out vec3 vNormal;
out vec3 vColor;
flat out int vKind;

void main()
{
    // The city is built in world space, so there is no model matrix.
    vWorld = position;
    vNormal = normal;
    vColor = color;
    vKind = int(kind + 0.5);
    gl_Position = viewProjection * vec4(position, 1.0);
}
