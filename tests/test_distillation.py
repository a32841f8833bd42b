import pytest
import torch

from conflict_ner.training.config import load_config
from conflict_ner.training.distillation import distillation_loss, load_teachers, soft_targets
from conflict_ner.tagging.encoding import encode_documents
from conflict_ner.errors import ConfigError
from conflict_ner.labels import LABELS, bio_tags
from conflict_ner.training.readers import read_jsonl

from .conftest import FIXTURES, REPO

TAGS = bio_tags(list(LABELS))


def test_loss_is_zero_at_the_teacher_and_grows_away_from_it():
    teacher_logits = torch.tensor([[3.0, 0.0, -1.0], [0.0, 0.5, 2.0]])
    targets = torch.softmax(teacher_logits / 2.0, dim=-1)
    assert float(distillation_loss(teacher_logits, targets, 2.0)) == pytest.approx(0.0, abs=1e-6)
    near = distillation_loss(teacher_logits + torch.tensor([0.5, 0.0, 0.0]), targets, 2.0)
    far = distillation_loss(teacher_logits.flip(-1), targets, 2.0)
    assert 0 < float(near) < float(far)


def test_loss_pulls_the_student_toward_the_teacher():
    student = torch.zeros(4, 3, requires_grad=True)
    targets = torch.tensor([[0.8, 0.1, 0.1]] * 4)
    distillation_loss(student, targets, 1.0).backward()
    # descending the gradient raises the logit of the teacher's favourite tag
    assert (student.grad[:, 0] < 0).all() and (student.grad[:, 1:] > 0).all()


def test_loss_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="targets"):
        distillation_loss(torch.zeros(2, 3), torch.zeros(3, 3), 1.0)


def test_soft_targets_cover_exactly_the_labelled_positions(tiny_model_dir, tokenizer):
    docs = read_jsonl(FIXTURES / "sample.jsonl", list(LABELS))
    windows, _, _ = encode_documents(docs, tokenizer, {t: i for i, t in enumerate(TAGS)}, 32, 8)
    teachers = load_teachers([str(tiny_model_dir)], TAGS, tokenizer.vocab_size)
    targets = soft_targets(teachers, windows, tokenizer.pad_token_id, 2.0)
    assert len(targets) == len(windows)
    for window, target in zip(windows, targets):
        assert target.shape == (sum(label != -100 for label in window.labels), len(TAGS))
        assert torch.allclose(target.sum(-1), torch.ones(len(target)))
    # a higher temperature gives flatter distributions
    hot = soft_targets(teachers, windows, tokenizer.pad_token_id, 20.0)
    assert hot[0].max() < targets[0].max()


def test_a_teacher_with_other_tags_is_refused(tiny_model_dir, tokenizer):
    with pytest.raises(ConfigError, match="has tags"):
        load_teachers([str(tiny_model_dir)], bio_tags(["PER"]), tokenizer.vocab_size)
    with pytest.raises(ConfigError, match="cannot load"):
        load_teachers([str(tiny_model_dir / "missing")], TAGS, tokenizer.vocab_size)


def test_a_teacher_with_damaged_weights_is_a_config_error(tiny_model_dir, tokenizer, tmp_path):
    import shutil

    broken = tmp_path / "teacher"
    shutil.copytree(tiny_model_dir, broken)
    data = (broken / "model.safetensors").read_bytes()
    (broken / "model.safetensors").write_bytes(data[:len(data) // 3])
    with pytest.raises(ConfigError, match=r"training.distill.teachers: cannot load .*teacher"):
        load_teachers([str(broken)], TAGS, tokenizer.vocab_size)


def test_training_with_a_teacher_runs_and_differs_from_training_without(smoke_overrides, tiny_model_dir, tmp_path):
    from conflict_ner.training.trainer import train

    def run(name, *extra):
        cfg = load_config(REPO / "configs/smoke.yaml", smoke_overrides + [f"training.output_dir={tmp_path / name}",
                                                                           "evaluation.splits=[]", *extra])
        train(cfg, progress=False)
        return _weights(tmp_path / name)

    plain = run("plain")
    taught = run("taught", f"training.distill.teachers=[{tiny_model_dir}]", "training.distill.weight=0.9")
    assert any(not torch.equal(plain[k], taught[k]) for k in plain)


def _weights(folder):
    from safetensors.torch import load_file

    return load_file(folder / "model.safetensors")
