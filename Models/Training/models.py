"""Model factory and checkpoint loading shared by train.py, export.py, macs.py."""
import torch

from nets.imdn import IMDN, IMDN_RTC
from nets.lapsrn import LapSRN
from nets import vdsr_family

# the bicubic-input networks (nets/vdsr_family.py) are named by variant: drcn, drcn-f64r8, drrn-b1u25, ...
VDSR_FAMILY = tuple(vdsr_family.VARIANTS)
MODELS = ("imdn", "imdn-rtc", "lapsrn") + VDSR_FAMILY


def build_model(name, scale):
    if name == "imdn":
        return IMDN(scale)
    if name == "imdn-rtc":
        if scale != 2:
            raise ValueError("imdn-rtc is x2 only")
        return IMDN_RTC(scale)
    if name == "lapsrn":
        if scale != 8:
            raise ValueError("lapsrn is trained as one 3-level model: use --scale 8")
        return LapSRN(levels=3)
    if name in vdsr_family.VARIANTS:
        if scale not in (2, 3, 4):
            raise ValueError(f"{name} is built for x2, x3 or x4")
        return vdsr_family.build(name, scale)
    raise ValueError(f"unknown model {name!r}; choose from {MODELS}")


def load_checkpoint(path, map_location="cpu"):
    """torch.load for our own checkpoints (they hold RNG states and args, so
    torch >= 2.6's weights_only default must be switched off)."""
    try:
        return torch.load(path, map_location=map_location, weights_only=False)
    except TypeError:  # torch without the weights_only argument
        return torch.load(path, map_location=map_location)


def load_checkpoint_model(path, map_location="cpu"):
    """Build the network named by ``path`` and load its weights. Returns (model, meta) with 'model' and 'scale'
    (a dehaze network: 'model' and 'config').

    ``path`` is a shipped network's id (``imdn-x3``) or ONNX file (``Models/imdn-x3.onnx``): its weights are rebuilt
    from the ONNX initializers (onnx_weights.py; each weight set is stored once, there); or a train.py checkpoint
    (best.pt / last.pt of a run)."""
    import onnx_weights  # imported here: it imports this module's build_model
    if onnx_weights.id_of(path) is not None:
        return onnx_weights.load_spec(path)
    return model_from_checkpoint(load_checkpoint(path, map_location=map_location), path)


def model_from_checkpoint(ck, path="checkpoint"):
    """load_checkpoint_model for a train.py checkpoint already loaded with load_checkpoint."""
    if "meta" not in ck:
        # publish.py once wrote Models/Training/weights/<id>.pt in another layout; those files are gone (the ONNX
        # files hold the same weights), so say where the weights are rather than guess the layout
        raise ValueError(f"{path} is not a train.py checkpoint (no 'meta'); a shipped network's weights are read "
                         "from its ONNX file: give its id or Models/<id>.onnx")
    meta, state = ck["meta"], ck["model"]
    model = build_model(meta["model"], meta.get("scale"))  # a dehaze checkpoint: build_model names the model
    model.load_state_dict(state)
    return model, meta


def load_body(model, path):
    """Copies every tensor of the network in ``path`` (a shipped id or ONNX file, or a train.py checkpoint) whose name
    and shape match ``model``'s into it: an IMDN of another scale gives all but the scale-specific ``up``
    convolution (the way EDSR starts x3/x4 from its x2 network); a bicubic-input network (DRCN, DRRN, RED-Net) of
    another scale gives every tensor, its scale being only the graph's Resize. Returns the names left at their initial values;
    refuses another architecture."""
    source, meta = load_checkpoint_model(path, map_location="cpu")
    if type(source) is not type(model):
        raise ValueError(f"{path} holds {meta['model']}, not a {type(model).__name__}")
    own = model.state_dict()
    taken = {k: v for k, v in source.state_dict().items() if k in own and own[k].shape == v.shape}
    model.load_state_dict(taken, strict=False)
    return sorted(set(own) - set(taken))
