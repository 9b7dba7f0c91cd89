"""Do what every step's answer says and check its goal is reached: proof a lesson can be done.

The semantics are the lesson format's: the preset on a default state makes a session;
for each step, in order, its goal must not be met yet (a ``continue`` goal is exempt),
then the answer is applied (set, reset, new weights) and up to ``train`` epochs are
trained one at a time, the goal checked before the first and after each. The next step
starts from the state and the trainer this one left.
"""

from playground.session import Session

from .goals import Continue
from .model import Lesson
from .progress import LessonProgress


def replay(lesson: Lesson) -> list[str]:
    """What went wrong following ``lesson``'s answers (empty: every goal was reached)."""
    session = Session(lesson.start_state())
    progress = LessonProgress(lesson, session)
    problems = []
    for index, step in enumerate(lesson.steps):
        progress.go_to(index)
        where = f'step "{step.id}"'
        if not isinstance(step.goal, Continue) and step.goal.met(progress.snapshot()):
            problems.append(f"{where}: the goal is met before the student does anything "
                            f"({progress.status('en')})")
        progress.apply_answer()
        epochs = step.answer.train if step.answer else 0
        reached = progress.check()
        for _ in range(epochs):
            if reached or session.trainer.divergence:
                break
            session.step()
            reached = progress.check()
        if not reached:
            problems.append(f"{where}: the goal is not reached by the answer ({epochs} epochs): "
                            f"{progress.status('en')}")
    return problems
