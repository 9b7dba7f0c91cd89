"""The build checks lessons/ before anything slow, refuses a broken lesson, and ships the rest."""
from __future__ import annotations

import pytest

from sitebuild import lessons, pipeline
from tests.helpers import ROOT
from tests.helpers.lesson_files import ENGLISH, NAME, line_of, write_lesson


@pytest.fixture
def project(tmp_path):
    """A project with this checkout's playground package and a lessons/ of its own."""
    (tmp_path / "playground").symlink_to(ROOT / "playground")
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons" / "README.md").write_text("# Writing lessons\n", encoding="utf-8")
    return tmp_path


def test_good_lessons_are_shipped_as_files(project, tmp_path):
    write_lesson(project / "lessons")
    names = lessons.check(project)
    assert names == [f"{NAME}.md", f"{NAME}.zh-CN.md"]

    dist = tmp_path / "dist"
    shipped = lessons.copy(project, names, dist)

    assert shipped == [f"lessons/{NAME}.md", f"lessons/{NAME}.zh-CN.md"]
    assert (dist / shipped[0]).read_text(encoding="utf-8") == ENGLISH


def test_a_lessons_points_are_shipped_beside_it(project, tmp_path):
    english = ENGLISH.replace("  dataset: gauss\n", "  dataset: yours\n").replace("locked:", "data: points.csv\nlocked:")
    write_lesson(project / "lessons", english)
    (project / "lessons" / "points.csv").write_text("x,y,label\n1,2,1\n-3,0,-1\n", encoding="utf-8")
    (project / "lessons" / "unused.csv").write_text("x,y,label\n", encoding="utf-8")  # no lesson's: not shipped

    shipped = lessons.copy(project, lessons.check(project), tmp_path / "dist")

    assert shipped == [f"lessons/{NAME}.md", f"lessons/{NAME}.zh-CN.md", "lessons/points.csv"]
    assert (tmp_path / "dist/lessons/points.csv").read_text(encoding="utf-8").endswith("-3,0,-1\n")


def test_a_broken_lesson_stops_the_build_before_any_download(project, monkeypatch):
    english = ENGLISH.replace("dataset: gauss", "dataset: gaus")
    write_lesson(project / "lessons", english)

    def slow_step():
        raise AssertionError("the build went on to the Pyodide runtime")

    monkeypatch.setattr(pipeline.pins, "load", slow_step)
    with pytest.raises(RuntimeError) as failure:
        pipeline.build(pipeline.Options(dist=project / "dist", project=project))

    assert f"lessons/{NAME}.md:{line_of(english, 'gaus')}: preset: dataset=gaus: choose" in str(failure.value)


def test_a_project_without_lessons_ships_none(tmp_path):
    assert lessons.check(tmp_path) == []


def test_a_changed_lesson_changes_the_build_fingerprint(project):
    path = write_lesson(project / "lessons")
    options = pipeline.Options(project=project)
    before = pipeline.fingerprint(options)
    path.write_text(ENGLISH.replace("minutes: 5", "minutes: 6"), encoding="utf-8")
    assert pipeline.fingerprint(options) != before
