"""Knowledge distillation: soft tag targets from trained teachers, and the loss against them.

A student (a smaller model, or one seed of the same model) learns from the gold labels and
from the teachers' tag distributions softened by a temperature. The teachers' targets are
computed once per training window; with several teachers their log-probabilities are
averaged (the ensemble the student is meant to compress).

>>> import torch
>>> logits = torch.tensor([[2.0, 0.0], [0.0, 2.0]])
>>> targets = torch.softmax(logits / 2.0, dim=-1)
>>> float(distillation_loss(logits, targets, 2.0))  # student already equals the teacher
0.0
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from conflict_ner.tagging.alignment import IGNORE, EncodedWindow
from conflict_ner.errors import ConfigError


def load_teachers(paths: Sequence[str], tags: Sequence[str], vocab_size: int) -> list:
    """Trained token classifiers with exactly ``tags`` and the student's vocabulary, in eval mode."""
    from transformers import AutoModelForTokenClassification

    from conflict_ner.tagging.predict import model_tags
    from conflict_ner.tagging.shape_bert import register

    register()  # a shape-feature teacher loads through the Auto classes too
    teachers = []
    for path in paths:
        try:
            teacher = AutoModelForTokenClassification.from_pretrained(path)
        except Exception as err:  # noqa: BLE001 - missing files raise OSError, damaged weights many kinds
            raise ConfigError(f"training.distill.teachers: cannot load {path!r}: {err}") from None
        theirs = model_tags(teacher)
        if theirs != list(tags):
            raise ConfigError(f"training.distill.teachers: {path!r} has tags {theirs}, the student {list(tags)}")
        if teacher.config.vocab_size != vocab_size:
            raise ConfigError(f"training.distill.teachers: {path!r} has a vocabulary of "
                              f"{teacher.config.vocab_size}, the student {vocab_size}")
        teacher.eval()
        for param in teacher.parameters():
            param.requires_grad_(False)
        teachers.append(teacher)
    return teachers


def soft_targets(teachers: list, windows: Sequence[EncodedWindow], pad_id: int, temperature: float,
                 max_batch_tokens: int = 2048) -> list[torch.Tensor]:
    """For each window, the teachers' tag distributions at temperature ``temperature`` on the
    labelled positions (in order): ``[n_labelled, n_tags]``."""
    from conflict_ner.tagging.predict import window_logprobs

    logprobs = window_logprobs(teachers, windows, max_batch_tokens, pad_id)
    out = []
    for window, logp in zip(windows, logprobs):
        keep = np.asarray(window.labels) != IGNORE
        out.append(torch.softmax(torch.from_numpy(logp[keep]) / temperature, dim=-1))
    return out


def distillation_loss(student_logits: torch.Tensor, targets: torch.Tensor, temperature: float) -> torch.Tensor:
    """Mean KL(teacher || student) per position at ``temperature``, scaled by T^2 so that its
    gradients keep the size of the hard-label loss's (Hinton et al., 2015).

    ``student_logits`` and ``targets`` are ``[n_positions, n_tags]``.
    """
    if student_logits.shape != targets.shape:
        raise ValueError(f"student logits {tuple(student_logits.shape)} vs targets {tuple(targets.shape)}")
    log_student = torch.log_softmax(student_logits / temperature, dim=-1)
    kl = torch.nn.functional.kl_div(log_student, targets, reduction="sum") / max(len(targets), 1)
    return kl * temperature ** 2
