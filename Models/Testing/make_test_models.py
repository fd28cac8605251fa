#!/usr/bin/python3
"""Generates the tiny analytic ONNX models the tests and the foundation CLI use.

Their outputs can be computed by hand, so a test can check inference exactly without trained weights:
  test-nearest-x{2,3,4}  1x1 conv that copies each channel s*s times + DepthToSpace(s) = nearest upscale.
  test-blur-x2           two 5x5 depthwise convolutions with a fixed asymmetric kernel (zero padding) and a
                         per-channel bias, then the nearest x2 upscale. Receptive field 9x9 (radius 4): big
                         enough for the tiling tests to tell a correct overlap from a wrong one.
  test-gray-input        a 1x1xHxW input: violates the 1x3xHxW contract on purpose.
  test-uint8-input       a uint8 1x3xHxW input: violates the float contract on purpose.

Run with Debian's python3-onnx: /usr/bin/python3 Models/Testing/make_test_models.py
The output is deterministic, so rerunning it reproduces the committed files byte for byte.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
HERE = os.path.dirname(os.path.abspath(__file__))


def blur_kernel():
    """5x5 asymmetric kernel k[i, j] proportional to (i + 1) * (j + 2); asymmetric so a flipped kernel shows."""
    k = np.array([[(i + 1) * (j + 2) for j in range(5)] for i in range(5)], dtype=np.float32)
    return k / k.sum()


def image_io(name, elem_type=TensorProto.FLOAT, channels=3, h="height", w="width"):
    return helper.make_tensor_value_info(name, elem_type, [1, channels, h, w])


def replicate_then_shuffle(source, scale, nodes, inits, suffix=""):
    """Appends a 1x1 conv copying channel c to channels c*s*s .. c*s*s+s*s-1, then DepthToSpace(CRD)."""
    s2 = scale * scale
    w = np.zeros((3 * s2, 3, 1, 1), dtype=np.float32)
    for c in range(3):
        w[c * s2:(c + 1) * s2, c, 0, 0] = 1.0
    inits.append(numpy_helper.from_array(w, "replicate_w" + suffix))
    nodes.append(helper.make_node("Conv", [source, "replicate_w" + suffix], ["replicated" + suffix]))
    nodes.append(helper.make_node("DepthToSpace", ["replicated" + suffix], ["output"], blocksize=scale, mode="CRD"))


def save(graph, file_name, doc):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="neuralpost-tests")
    model.ir_version = 8
    model.doc_string = doc
    onnx.checker.check_model(model)
    path = os.path.join(HERE, file_name)
    with open(path, "wb") as f:
        f.write(model.SerializeToString())
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def nearest(scale):
    nodes, inits = [], []
    replicate_then_shuffle("input", scale, nodes, inits)
    graph = helper.make_graph(nodes, f"nearest_x{scale}", [image_io("input")],
                              [image_io("output", h=f"height_x{scale}", w=f"width_x{scale}")], inits)
    save(graph, f"test-nearest-x{scale}.onnx", f"Nearest-neighbour x{scale} upscale (analytic test model).")


def blur_x2():
    k = blur_kernel()
    w = np.stack([k[None]] * 3).astype(np.float32)  # depthwise: 3 x 1 x 5 x 5
    bias = np.array([0.01, 0.02, 0.03], dtype=np.float32)
    inits = [numpy_helper.from_array(w, "blur_w"), numpy_helper.from_array(bias, "blur_b")]
    nodes = [
        helper.make_node("Conv", ["input", "blur_w", "blur_b"], ["blur1"], group=3, pads=[2, 2, 2, 2]),
        helper.make_node("Conv", ["blur1", "blur_w", "blur_b"], ["blur2"], group=3, pads=[2, 2, 2, 2]),
    ]
    replicate_then_shuffle("blur2", 2, nodes, inits)
    graph = helper.make_graph(nodes, "blur_x2", [image_io("input")],
                              [image_io("output", h="height_x2", w="width_x2")], inits)
    save(graph, "test-blur-x2.onnx", "Two 5x5 depthwise blurs then nearest x2 (analytic test model, receptive field 9).")


def gray_input():
    node = helper.make_node("Identity", ["input"], ["output"])
    graph = helper.make_graph([node], "gray", [image_io("input", channels=1)], [image_io("output", channels=1)])
    save(graph, "test-gray-input.onnx", "Single-channel input: violates the RGB contract on purpose.")


def uint8_input():
    node = helper.make_node("Identity", ["input"], ["output"])
    graph = helper.make_graph([node], "uint8", [image_io("input", TensorProto.UINT8)],
                              [image_io("output", TensorProto.UINT8)])
    save(graph, "test-uint8-input.onnx", "uint8 input: violates the float contract on purpose.")


if __name__ == "__main__":
    for s in (2, 3, 4):
        nearest(s)
    blur_x2()
    gray_input()
    uint8_input()
