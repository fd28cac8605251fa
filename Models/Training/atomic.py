"""Atomic file writes: aside, fsync, rename, so a crash or a full disk never truncates a file people rely on
(the model manifest, published weights, the data split). The C# side does the same (Runtime/Core/AtomicFile.cs)."""

import os
import uuid


def write_bytes(path, data):
    """Replaces `path` with `data`; on any failure the old file is left as it was and no temporary file remains."""
    folder, name = os.path.split(os.path.abspath(path))
    # Same folder, so os.replace stays on one file system and is atomic.
    tmp = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def write_text(path, text):
    """write_bytes for UTF-8 text."""
    write_bytes(path, text.encode("utf-8"))
