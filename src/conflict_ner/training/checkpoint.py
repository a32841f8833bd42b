"""The resumable state of a run, kept beside the model folder and replaced atomically.

A run writing to ``runs/default`` keeps its last resumable state (model, optimizer,
scheduler, torch RNG, :class:`~conflict_ner.training.loop.TrainState`) in
``runs/default.checkpoint/``, so the model folder itself holds only what is shared.
The checkpoint is deleted when the run completes.

Replacing it never leaves a moment without one: the new state is written to
``.checkpoint.tmp``, the current one is renamed to ``.checkpoint.old``, the new one
takes its name, then ``.old`` is removed. A kill between the two renames leaves
``.old``, which :func:`find_checkpoint` falls back to.

>>> checkpoint_dir("runs/default").as_posix()
'runs/default.checkpoint'
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conflict_ner.errors import ModelError
from conflict_ner.training.loop import TrainState

STATE_FILE = "state.json"
#: where runs before 0.2 kept their checkpoint (inside the model folder); still resumable
LEGACY_NAME = "checkpoint"


def checkpoint_dir(output_dir: str | Path) -> Path:
    """The checkpoint folder of a run: a sibling of its output folder."""
    out = Path(output_dir)
    return out.with_name(out.name + ".checkpoint")


def _aside(ckpt: Path, suffix: str) -> Path:
    return ckpt.with_name(ckpt.name + suffix)


def checkpoint_folders(output_dir: str | Path) -> list[Path]:
    """Every folder that may hold a run's checkpoint, the one to prefer first."""
    ckpt = checkpoint_dir(output_dir)
    return [ckpt, _aside(ckpt, ".old"), _aside(ckpt, ".tmp"), Path(output_dir) / LEGACY_NAME]


def find_checkpoint(output_dir: str | Path) -> Path | None:
    """The checkpoint to resume from: the current one, else the one set aside during a
    replacement that was cut short, else a pre-0.2 ``checkpoint/`` inside the run; ``None``
    if there is none. (``.tmp`` is never trusted: it may be half written.)"""
    ckpt = checkpoint_dir(output_dir)
    for folder in (ckpt, _aside(ckpt, ".old"), Path(output_dir) / LEGACY_NAME):
        if (folder / STATE_FILE).is_file():
            return folder
    return None


def save_checkpoint(ckpt: Path, model, optimizer, scheduler, state: TrainState, event_heads=None) -> None:
    """Write the resumable state to ``ckpt`` (with the run's event heads, if any), replacing the
    previous one atomically."""
    import torch

    tmp, old = _aside(ckpt, ".tmp"), _aside(ckpt, ".old")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    if event_heads is not None:
        from conflict_ner.tagging.event_heads import save_event_heads, store_settings

        store_settings(event_heads.settings, model.config)
        save_event_heads(event_heads, tmp)
    model.save_pretrained(tmp)
    torch.save(optimizer.state_dict(), tmp / "optimizer.pt")
    torch.save(scheduler.state_dict(), tmp / "scheduler.pt")
    torch.save(torch.get_rng_state(), tmp / "torch_rng.pt")
    (tmp / STATE_FILE).write_text(json.dumps(state.to_dict(), indent=2))  # last: marks tmp complete
    if ckpt.exists():
        if old.exists():
            shutil.rmtree(old)
        ckpt.rename(old)
    _replace_step(tmp, ckpt)
    if old.exists():
        shutil.rmtree(old)


def _replace_step(tmp: Path, ckpt: Path) -> None:
    # its own function so a test can kill the run between the two renames
    tmp.rename(ckpt)


def load_checkpoint_model(ckpt: Path):
    """The model saved in a checkpoint (a shape-feature model included)."""
    from transformers import AutoModelForTokenClassification

    from conflict_ner.tagging.shape_bert import register

    register()
    try:
        return AutoModelForTokenClassification.from_pretrained(ckpt)
    except Exception as err:  # noqa: BLE001 - truncated weights raise OSError, safetensors errors, ...
        raise _damaged(ckpt, "model", err) from None


def restore_checkpoint(ckpt: Path, optimizer, scheduler) -> TrainState:
    """Load optimizer, scheduler and torch RNG from ``ckpt``; return its training state."""
    import torch

    try:
        state = TrainState.from_dict(json.loads((ckpt / STATE_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise _damaged(ckpt, STATE_FILE, err) from None
    for name, target in (("optimizer.pt", optimizer), ("scheduler.pt", scheduler)):
        try:
            target.load_state_dict(torch.load(ckpt / name, weights_only=True))
        except Exception as err:  # noqa: BLE001 - a truncated file raises from pickle or zip
            raise _damaged(ckpt, name, err) from None
    try:
        torch.set_rng_state(torch.load(ckpt / "torch_rng.pt", weights_only=True))
    except Exception as err:  # noqa: BLE001
        raise _damaged(ckpt, "torch_rng.pt", err) from None
    return state


def remove_checkpoints(output_dir: str | Path) -> None:
    """Delete every checkpoint folder of a run (when it completed, or is started afresh)."""
    for folder in checkpoint_folders(output_dir):
        if folder.is_dir():
            shutil.rmtree(folder)


def _damaged(ckpt: Path, what: str, err: Exception) -> ModelError:
    return ModelError(f"{ckpt}: the checkpoint is damaged, cannot load {what} ({type(err).__name__}: {err}); "
                      "delete it and start the run again with --overwrite")
