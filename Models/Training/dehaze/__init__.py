"""NeuralPost dehaze network (SRKTDN-style, real-time size).

Modules: ``nets`` (LightEncoder, AttentionDecoder, DetailBranch,
PyramidPoolingTail, Teacher, DehazeNet), ``synth`` (synthetic non-homogeneous
haze and rendered-pair loading), ``train_dehaze`` (teacher / dehaze training
CLI), ``export_dehaze`` (ONNX export).  See README.md in this folder.

The package imports the shared training modules (``data``, ``export``,
``macs``, ``nets.imdn``) from its parent folder ``Models/Training``, which must
be on ``sys.path`` (the scripts and the tests arrange that).
"""
