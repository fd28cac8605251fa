"""Model factory and checkpoint loading shared by train.py, export.py, macs.py."""
import torch

from nets.imdn import IMDN, IMDN_RTC
from nets.lapsrn import LapSRN

MODELS = ("imdn", "imdn-rtc", "lapsrn")


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
    raise ValueError(f"unknown model {name!r}; choose from {MODELS}")


def load_checkpoint(path, map_location="cpu"):
    """torch.load for our own checkpoints (they hold RNG states and args, so
    torch >= 2.6's weights_only default must be switched off)."""
    try:
        return torch.load(path, map_location=map_location, weights_only=False)
    except TypeError:  # torch without the weights_only argument
        return torch.load(path, map_location=map_location)


def load_checkpoint_model(path, map_location="cpu"):
    """Build the model recorded in a train.py checkpoint, or in a shipped weights file written by publish.py
    (Models/Training/weights/<id>.pt), and load its weights. Returns (model, meta) with 'model' and 'scale'."""
    return model_from_checkpoint(load_checkpoint(path, map_location=map_location))


def model_from_checkpoint(ck):
    """load_checkpoint_model for a checkpoint already loaded with load_checkpoint."""
    if "meta" in ck:
        meta, state = ck["meta"], ck["model"]
    else:
        meta, state = {"model": ck["model_name"], "scale": ck["scale"]}, ck["state_dict"]
    model = build_model(meta["model"], meta["scale"])
    model.load_state_dict(state)
    return model, meta


def load_body(model, path):
    """Copies every tensor of the IMDN in ``path`` (a checkpoint or shipped weights) whose name and shape match
    ``model``'s into it: an IMDN of another scale gives all but the scale-specific ``up`` convolution (the way
    EDSR starts x3/x4 from its x2 network). Returns the names left at their initial values; refuses another
    architecture."""
    source, meta = load_checkpoint_model(path, map_location="cpu")
    if type(source) is not type(model):
        raise ValueError(f"{path} holds {meta['model']}, not a {type(model).__name__}")
    own = model.state_dict()
    taken = {k: v for k, v in source.state_dict().items() if k in own and own[k].shape == v.shape}
    model.load_state_dict(taken, strict=False)
    return sorted(set(own) - set(taken))
