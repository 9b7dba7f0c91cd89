"""A small valid lesson in English and Chinese, for tests to write into a tmp dir (and to break)."""

from pathlib import Path

ENGLISH = """\
---
id: one-neuron
version: 1
title:
  en: One neuron draws a straight line
  zh-CN: 一个神经元画一条直线
level: beginner
minutes: 5
preset:
  dataset: gauss
  networkShape: ""
  learningRate: 0.03
  seed: 0.10000
locked: [dataset]
hidden: [regularization, regularizationRate]
steps:
  - id: watch
    goal: continue
  - id: train
    goal: {metric: test_loss, below: 0.05, within: 300}
    answer: {train: 300}
  - id: relu
    goal:
      all:
        - {param: activation, equals: relu}
        - {metric: test_loss, below: 0.1, within: 500}
    answer: {set: {activation: relu}, train: 500}
---

Two clouds of points, and a network with **no hidden layer**.

## [watch] Watch one neuron
The output neuron alone sees X₁ and X₂.

## [train] Train it
Press **Play** until the test loss is below 0.05.

### Hint
Watch the line between orange and blue.

### Hint
It only needs to turn.

### Answer
Press Play and wait about 300 epochs.

## [relu] Try ReLU
Switch the activation to ReLU and train again.

```markdown
## [not-a-step] a heading inside a code block is text
```

### Answer
Choose ReLU in the Activation menu, then press Play.
"""

CHINESE = """\
---
id: one-neuron
version: 1
---

两团点，和一个**没有隐藏层**的网络。

## [watch] 观察一个神经元
输出神经元只看到 X₁ 和 X₂。

## [train] 训练
按 **播放**，直到测试损失低于 0.05。

### 提示
看橙色和蓝色之间的那条线。

### 提示
它只需要转动。

### 答案
按播放，等大约 300 个周期。

## [relu] 试试 ReLU
把激活函数换成 ReLU，再训练一次。

### 答案
在激活函数菜单里选 ReLU，然后按播放。
"""

NAME = "01-one-neuron"


def write_lesson(directory: Path, english: str = ENGLISH, chinese: str | None = CHINESE, name: str = NAME) -> Path:
    """Write the lesson's files into ``directory``; the English file's path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.md"
    path.write_text(english, encoding="utf-8")
    if chinese is not None:
        (directory / f"{name}.zh-CN.md").write_text(chinese, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    """The line (from 1) where ``fragment`` first appears in ``text``."""
    return text[: text.index(fragment)].count("\n") + 1
