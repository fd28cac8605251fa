#version 430
// Elementwise operations over a C x H x W box (batch 1) with NumPy broadcasting: each operand and the output
// are addressed as offset + c*strideC + y*strideY + x*strideX, so a stride of 0 broadcasts, a channel or
// spatial range of a larger tensor is read or written in place (Slice, Concat along H or W, Expand), and the
// same kernel copies, adds or scales. Operand B may be a constant in the weights buffer.

layout(local_size_x = 256) in;

layout(std430, binding = 4) readonly buffer Params { int params[]; };

uniform int paramBase;

// op: 0 copy A, 1 A+B, 2 A-B, 3 A*B, 4 A/B, 5 pow(A,B), 6 relu A, 7 leaky relu A, 8 sigmoid A, 9 sqrt A
void main()
{
    int P = paramBase;
    int op = params[P + 0];
    float alpha = intBitsToFloat(params[P + 1]);
    int C = params[P + 2], H = params[P + 3], W = params[P + 4];
    int i = int((gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * 256u + gl_LocalInvocationID.x);
    if (i >= C * H * W) return;
    int c = i / (H * W);
    int r = i - c * (H * W);
    int y = r / W, x = r - y * W;

    float va = in0(params[P + 5] + c * params[P + 6] + y * params[P + 7] + x * params[P + 8]);
    float vb = op >= 1 && op <= 5 ? in1(params[P + 9] + c * params[P + 10] + y * params[P + 11] + x * params[P + 12]) : 0.0;
    float v;
    if (op == 0) v = va;
    else if (op == 1) v = va + vb;
    else if (op == 2) v = va - vb;
    else if (op == 3) v = va * vb;
    else if (op == 4) v = va / vb;
    // pow with a negative base is defined for the integer exponents exports use (x^2 in variance).
    else if (op == 5) v = vb == 2.0 ? va * va : (vb == 1.0 ? va : pow(va, vb));
    else if (op == 6) v = max(va, 0.0);
    else if (op == 7) v = va >= 0.0 ? va : va * alpha;
    else if (op == 8) v = 1.0 / (1.0 + exp(-va));
    else v = sqrt(va);
    store(params[P + 13] + c * params[P + 14] + y * params[P + 15] + x * params[P + 16], v);
}
