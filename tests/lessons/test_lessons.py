"""Reading lessons: a valid lesson in full, and every kind of mistake named with its file and line."""

import re
from dataclasses import dataclass, field

import pytest

from playground.lessons import Answer, load_catalog, parse_lesson, replay
from playground.lessons.goals import AllOf, Continue, MetricGoal, ParamGoal
from tests.helpers import ROOT
from tests.helpers.lesson_files import CHINESE, ENGLISH, NAME, line_of, write_lesson


def test_a_lesson_is_read_in_full(tmp_path):
    lesson, errors = parse_lesson(write_lesson(tmp_path))

    assert errors == []
    assert (lesson.id, lesson.version, lesson.level, lesson.minutes) == ("one-neuron", 1, "beginner", 5)
    # Values as the state holds them; the seed as written, trailing zeros and all (a link's "0.10000").
    assert lesson.preset == (("dataset", "gauss"), ("networkShape", []), ("learningRate", 0.03), ("seed", "0.10000"))
    assert lesson.locked == ("dataset",) and lesson.hidden == ("regularization", "regularizationRate")
    assert [step.id for step in lesson.steps] == ["watch", "train", "relu"]
    watch, train, relu = lesson.steps
    assert watch.goal == Continue() and watch.answer is None
    assert train.goal == MetricGoal("test_loss", "below", 0.05, within=300)
    assert train.answer == Answer(train=300)
    assert relu.goal == AllOf((ParamGoal("activation", "equals", ("relu",)), MetricGoal("test_loss", "below", 0.1, 500)))
    assert relu.answer == Answer(set=(("activation", "relu"),), train=500)

    assert lesson.languages == ("en", "zh-CN")
    english, chinese = lesson.text("en"), lesson.text("zh-CN")
    assert english.title == "One neuron draws a straight line" and chinese.title == "一个神经元画一条直线"
    assert english.intro == "Two clouds of points, and a network with **no hidden layer**."
    assert [step.title for step in chinese.steps] == ["观察一个神经元", "训练", "试试 ReLU"]
    assert english.steps[1].hints == ("Watch the line between orange and blue.", "It only needs to turn.")
    assert chinese.steps[1].answer == "按播放，等大约 300 个周期。"
    assert english.steps[0].answer is None
    assert "## [not-a-step] a heading inside a code block is text" in english.steps[2].instructions
    assert english.steps[2].instructions.endswith("```") and english.steps[2].answer.startswith("Choose ReLU")


def test_the_start_state_is_the_preset_on_the_defaults(tmp_path):
    lesson, _ = parse_lesson(write_lesson(tmp_path))
    state = lesson.start_state()
    assert (state.dataset, state.networkShape, state.seed, state.activation) == ("gauss", [], "0.10000", "tanh")
    state.networkShape.append(3)  # a state never shares the lesson's own list
    assert lesson.start_state().networkShape == []


def test_a_lesson_without_a_translation_speaks_english_everywhere(tmp_path):
    english = ENGLISH.replace("  zh-CN: 一个神经元画一条直线\n", "")
    lesson, errors = parse_lesson(write_lesson(tmp_path, english, chinese=None))
    assert errors == []
    assert lesson.languages == ("en",)
    assert lesson.text("zh-CN") is lesson.text("en")


def test_a_title_in_a_language_without_its_file_is_a_mistake(tmp_path):
    path = write_lesson(tmp_path, chinese=None)
    _, errors = parse_lesson(path)
    assert [str(error) for error in errors] == [
        f"{path}:{line_of(ENGLISH, 'title:')}: title has zh-CN, but there is no {NAME}.zh-CN.md"]


@dataclass
class Mistake:
    """Edits that break the example lesson, and the error they must give."""

    english: list = field(default_factory=list)
    chinese: list = field(default_factory=list)
    file: str = "en"
    at: str = ""
    """Text on the line the error names, in the edited file."""
    message: str = ""


MISTAKES = {
    "unknown metric": Mistake(
        [("metric: test_loss, below: 0.05", "metric: tset_loss, below: 0.05")], at="tset_loss",
        message='step "train": unknown metric "tset_loss" (known: test_loss, train_loss, test_accuracy, '
                'train_accuracy, epoch); did you mean "test_loss"?'),
    "preset value a link refuses": Mistake(
        [("dataset: gauss", "dataset: gaus")], at="dataset: gaus",
        message="preset: dataset=gaus: choose circle, xor, gauss, spiral"),
    "preset value out of range": Mistake(
        [("learningRate: 0.03", "learningRate: 20")], at="learningRate: 20",
        message="preset: learningRate=20: must be above 0 and at most 10"),
    "preset network too wide": Mistake(
        [('networkShape: ""', 'networkShape: "4,9"')], at="networkShape",
        message="preset: networkShape=4,9: at most 6 layers of 1–8 neurons"),
    "boolean a link reads as true": Mistake(
        [("  seed: 0.10000\n", "  seed: 0.10000\n  x: no\n")], at="x: no",
        message="preset: x=no: read as true (only 'false' is false)"),
    "unknown state key": Mistake(
        [("learningRate: 0.03", "learnigRate: 0.03")], at="learnigRate",
        message='preset: unknown state key "learnigRate"; did you mean "learningRate"?'),
    "network as a list": Mistake(
        [('networkShape: ""', "networkShape: [4, 2]")], at="networkShape",
        message='preset: write networkShape as a link writes it, e.g. networkShape: "4,2"'),
    "unknown control locked": Mistake(
        [("locked: [dataset]", "locked: [datset]")], at="locked",
        message='did you mean "dataset"?'),
    "unknown control hidden": Mistake(
        [("hidden: [regularization, regularizationRate]", "hidden: [regularization, rate]")], at="hidden:",
        message='hidden: unknown control "rate"'),
    "unknown view opened": Mistake(
        [("locked: [dataset]", "locked: [dataset]\nopen: [gradientflow]")], at="open:",
        message='open: unknown view "gradientflow" (known: gradientFlow, hiddenSpace, stepThrough); '
                'did you mean "gradientFlow"?'),
    "unknown field": Mistake(
        [("minutes: 5\n", "minutes: 5\nauthor: me\n")], at="author",
        message='front matter: unknown field "author"'),
    "unknown step field": Mistake(
        [("    answer: {train: 300}\n", "    answer: {train: 300}\n    hint: x\n")], at="hint: x",
        message='step 2: unknown field "hint" (known: id, goal, answer)'),
    "missing field": Mistake(
        [("level: beginner\n", "")], at="id: one-neuron", message='front matter: "level" is missing'),
    "version not a number": Mistake(
        [("version: 1", "version: one")], at="version", message='version: expected a whole number, at least 1; got "one"'),
    "bad YAML": Mistake(
        [("level: beginner", "level: [beginner")], at="minutes: 5", message="front matter is not valid YAML"),
    "a Python tag": Mistake(
        [("seed: 0.10000", "seed: !!python/object/apply:os.system [echo hi]")], at="seed:",
        message="the tag !!python/object/apply:os.system is not allowed"),
    "step id twice": Mistake(
        [("  - id: relu\n", "  - id: train  # again\n"), ("## [relu] Try ReLU", "## [train] Try ReLU")],
        at="train  # again", message='step id "train" is used twice'),
    "step id not an id": Mistake(
        [("  - id: relu\n", "  - id: Try_ReLU\n")], at="Try_ReLU",
        message='step 3: id: "Try_ReLU" is not an id: use lowercase letters, digits and hyphens, like one-neuron'),
    "no answer for a goal": Mistake(
        [("    answer: {train: 300}\n", "")], at="  - id: train",
        message='step "train": needs an answer (what the prose answer tells the student to do), e.g. answer: {train: 300}'),
    "no answer prose for a goal": Mistake(
        [("### Answer\nPress Play and wait about 300 epochs.\n", "")], at="## [train]",
        message='step [train] needs an "### Answer" section: its goal is not continue'),
    "empty answer": Mistake(
        [("answer: {train: 300}", "answer: {}")], at="answer: {}",
        message='step "train": answer: is empty; give any of set, train, reset, new_weights'),
    "answer changes a locked control": Mistake(
        [("{set: {activation: relu}, train: 500}", "{set: {dataset: xor}, train: 500}")], at="dataset: xor",
        message='step "relu": answer: sets dataset, which the lesson locks or hides'),
    "accuracy in regression": Mistake(
        [("  dataset: gauss\n", "  problem: regression\n"), ("locked: [dataset]", "locked: [problem]"),
         ("metric: test_loss, below: 0.05", "metric: test_accuracy, above: 0.9")],
        at="test_accuracy", message='step "train": test_accuracy needs a classification problem; this step\'s is regression'),
    "accuracy after an answer switched to regression": Mistake(
        [("{set: {activation: relu}, train: 500}", "{set: {activation: relu, problem: regression}, train: 500}"),
         ("{metric: test_loss, below: 0.1, within: 500}", "{metric: train_accuracy, above: 0.5}")],
        at="train_accuracy", message="train_accuracy needs a classification problem; this step's is regression"),
    "accuracy as a percentage": Mistake(
        [("metric: test_loss, below: 0.05", "metric: test_accuracy, above: 95")], at="test_accuracy",
        message='step "train": accuracy is a fraction from 0 to 1 (0.95, not 95)'),
    "below and above": Mistake(
        [("{metric: test_loss, below: 0.05, within: 300}", "{metric: test_loss, below: 0.05, above: 0.01}")],
        at="above: 0.01", message='step "train": give exactly one of below, above'),
    "unknown goal": Mistake(
        [("goal: continue", "goal: done")], at="goal: done",
        message='step "watch": unknown goal "done" (known: continue, metric, param, count, diverged, all, any)'),
    "continue inside all": Mistake(
        [("- {param: activation, equals: relu}", "- continue")], at="- continue",
        message='step "relu": continue stands alone, never inside all or any'),
    "diverged false": Mistake(
        [("{metric: test_loss, below: 0.05, within: 300}", "{diverged: false}")], at="diverged: false",
        message='step "train": the only divergence goal is diverged: true'),
    "param value a link refuses": Mistake(
        [("{param: activation, equals: relu}", "{param: activation, equals: rellu}")], at="rellu",
        message='step "relu": activation=rellu: choose relu, tanh'),
    "param of no state key": Mistake(
        [("{param: activation, equals: relu}", "{param: activaton, in: [relu, tanh]}")], at="activaton",
        message='step "relu": unknown state key "activaton"; did you mean "activation"?'),
    "unknown count": Mistake(
        [("{param: activation, equals: relu}", "{count: neurons, at_most: 3}")], at="neurons",
        message='step "relu": unknown count "neurons" (known: hidden_neurons, hidden_layers, inputs)'),
    "two goal kinds": Mistake(
        [("{param: activation, equals: relu}", "{param: activation, equals: relu, count: inputs}")], at="count: inputs",
        message='step "relu": a goal needs exactly one of metric, param, count, diverged, all, any; found param, count'),
    "file named for another id": Mistake(
        [("id: one-neuron", "id: two-neurons")], [("id: one-neuron", "id: two-neurons")], at="id: two-neurons",
        message=f'the file of lesson "two-neurons" must be named NN-two-neurons.md (NN: two digits that order the '
                f"lessons), not {NAME}.md"),
    "too many hints": Mistake(
        [("### Answer\nPress Play", "### Hint\nThird.\n\n### Hint\nFourth.\n\n### Answer\nPress Play")],
        at="### Hint\nFourth", message="step [train] has more than 3 hints"),
    "hint after the answer": Mistake(
        [("### Answer\nPress Play and wait about 300 epochs.\n", "### Answer\nPress Play.\n\n### Hint\nLate.\n")],
        at="### Hint\nLate", message="step [train]: hints come before the answer"),
    "unknown section": Mistake(
        [("### Hint\nWatch", "### Hints\nWatch")], at="### Hints", message='unknown section "### Hints" in step [train]'),
    "heading that is no step": Mistake(
        [("## [relu] Try ReLU", "## Summary\nAll done.\n\n## [relu] Try ReLU")], at="## Summary",
        message='heading "## Summary" is not a step: write "## [step-id] Title"'),
    "missing section": Mistake(
        [("## [watch] Watch one neuron\nThe output neuron alone sees X₁ and X₂.\n\n", "")], at="  - id: watch",
        message='step "watch" has no "## [watch] Title" section'),
    "extra section": Mistake(
        [("## [relu] Try ReLU", "## [extra] More\nText.\n\n## [relu] Try ReLU")], at="## [extra]",
        message="section [extra] is not one of the front matter's steps (watch, train, relu)"),
    "sections out of order": Mistake(
        [("## [watch] Watch one neuron\nThe output neuron alone sees X₁ and X₂.\n\n", ""),
         ("## [relu] Try ReLU", "## [watch] Watch one neuron\nLate.\n\n## [relu] Try ReLU")],
        at="## [train]", message="section [train] is out of order: the front matter's steps go watch, train, relu"),
    "no instructions": Mistake(
        [("## [watch] Watch one neuron\nThe output neuron alone sees X₁ and X₂.\n", "## [watch] Watch one neuron\n")],
        at="## [watch]", message="step [watch] has no instructions under its heading"),
    "no front matter": Mistake(
        [("---\nid: one-neuron\n", "id: one-neuron\n")], at="id: one-neuron",
        message="a lesson file starts with its front matter: a line ---, the fields, then ---"),
    "translation of another version": Mistake(
        chinese=[("version: 1", "version: 2")], file="zh", at="version: 2", message=f"version must be {NAME}.md's: 1"),
    "translation with more than id and version": Mistake(
        chinese=[("version: 1\n", "version: 1\ntitle: 一个神经元\n")], file="zh", at="title:",
        message='a translation\'s front matter: unknown field "title" (known: id, version)'),
    "translation in another order": Mistake(
        chinese=[("## [train] 训练", "## [relu] 训练"), ("## [relu] 试试 ReLU", "## [train] 试试 ReLU")], file="zh",
        at="## [relu] 训练", message=f"section [relu] is out of order: {NAME}.md's sections go watch, train, relu"),
    "translation with fewer hints": Mistake(
        chinese=[("### 提示\n它只需要转动。\n\n", "")], file="zh", at="## [train]",
        message=f"step [train]: 1 hints here, 2 in {NAME}.md"),
    "translation without an answer": Mistake(
        chinese=[("### 答案\n在激活函数菜单里选 ReLU，然后按播放。\n", "")], file="zh", at="## [relu]",
        message=f"step [relu] has no answer here, unlike in {NAME}.md"),
    "title without the translation's language": Mistake(
        [("  zh-CN: 一个神经元画一条直线\n", "")], at="title:",
        message=f"title: zh-CN is missing ({NAME}.zh-CN.md is there)"),
}


def edited(text: str, edits: list) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} is not in the example exactly once"
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_is_named_with_its_file_and_line(tmp_path, mistake):
    english, chinese = edited(ENGLISH, mistake.english), edited(CHINESE, mistake.chinese)
    path = write_lesson(tmp_path, english, chinese)
    file, text = (path, english) if mistake.file == "en" else (path.with_name(f"{NAME}.zh-CN.md"), chinese)

    lesson, errors = parse_lesson(path)

    assert lesson is None
    expected = f"{file}:{line_of(text, mistake.at)}: "
    assert any(str(error).startswith(expected) and mistake.message in error.message for error in errors), (
        f"wanted {expected}…{mistake.message}; got:\n" + "\n".join(map(str, errors)))


def test_every_mistake_in_a_file_is_reported_at_once(tmp_path):
    english = edited(ENGLISH, [("level: beginner", "level: expert"), ("dataset: gauss", "dataset: gaus"),
                               ("metric: test_loss, below: 0.05", "metric: tset_loss, below: 0.05")])
    _, errors = parse_lesson(write_lesson(tmp_path, english))
    assert [error.line for error in errors] == [line_of(english, fragment) for fragment in ("level", "gaus", "tset")]
    assert 'unknown level "expert"' in errors[0].message


def test_the_catalog_reads_lessons_in_file_order_and_skips_the_guides(tmp_path):
    write_lesson(tmp_path, ENGLISH.replace("id: one-neuron", "id: second"), CHINESE.replace("id: one-neuron", "id: second"),
                 name="02-second")
    write_lesson(tmp_path)
    (tmp_path / "README.md").write_text("# How to write a lesson\n", encoding="utf-8")
    (tmp_path / "README.zh-CN.md").write_text("# 如何编写课程\n", encoding="utf-8")

    catalog = load_catalog(tmp_path)

    assert catalog.errors == ()
    assert [lesson.id for lesson in catalog.lessons] == ["one-neuron", "second"]
    assert catalog.get("second").files["zh-CN"].name == "02-second.zh-CN.md"


def test_the_catalog_names_lessons_that_clash_or_a_translation_alone(tmp_path):
    write_lesson(tmp_path)
    write_lesson(tmp_path, name="02-one-neuron")  # the same id again: its file name fits, its id clashes
    (tmp_path / "03-lost.zh-CN.md").write_text(CHINESE, encoding="utf-8")

    catalog = load_catalog(tmp_path)

    assert [lesson.id for lesson in catalog.lessons] == ["one-neuron"]
    assert [str(error) for error in catalog.errors] == [
        f'{tmp_path / "02-one-neuron.md"}:1: another lesson has the id "one-neuron"',
        f"{tmp_path / '03-lost.zh-CN.md'}:1: a translation without its English file 03-lost.md",
    ]


def test_a_missing_directory_is_an_empty_catalog(tmp_path):
    catalog = load_catalog(tmp_path / "nowhere")
    assert catalog.lessons == () and catalog.errors == ()


@pytest.mark.parametrize("guide", ["README.md", "README.zh-CN.md"])
def test_the_guides_example_is_a_lesson_whose_answers_reach_its_goals(tmp_path, guide):
    text = (ROOT / "lessons" / guide).read_text(encoding="utf-8")
    english, chinese = re.findall(r"````markdown\n(.*?)````", text, re.S)
    lesson, errors = parse_lesson(write_lesson(tmp_path, english, chinese))
    assert errors == []
    assert replay(lesson) == []
