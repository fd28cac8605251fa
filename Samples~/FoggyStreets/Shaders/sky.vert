#version 450 core
layout(location = 0) in vec2 position;

out vec2 vNdc;

void main()
{
    vNdc = position;
    // Just inside the far end of the depth range so the sky fills only pixels no geometry covered.
    gl_Position = vec4(position, 0.99999, 1.0);
}
