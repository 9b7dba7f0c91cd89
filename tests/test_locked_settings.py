"""Which settings a locked or hidden control keeps, compared between the page's state and a loaded one."""

from playground.links import decode
from playground.locked_settings import changed_fixed


def state(link: str, **page):
    made, warnings = decode(link)
    assert warnings == []
    made.param.update(**page)
    return made


def test_the_layers_and_each_layers_neurons_are_kept_by_their_own_controls():
    page = state("networkShape=4,2", locked=["numHiddenLayers", "numNodes2", "playButton"])
    assert changed_fixed(page, state("networkShape=4,2")) == []
    assert changed_fixed(page, state("networkShape=8,2")) == []  # layer 1 is free
    assert changed_fixed(page, state("networkShape=4,3")) == ["numNodes2"]
    assert changed_fixed(page, state("networkShape=4")) == ["numHiddenLayers", "numNodes2"]


def test_the_data_set_control_keeps_the_problem_the_data_and_the_students_points():
    page = state("dataset=yours&yourData=AAAAA", hidden=["dataset"])
    assert changed_fixed(page, state("dataset=yours&yourData=AAAAA&regDataset=reg-gauss")) == []
    assert changed_fixed(page, state("dataset=yours&yourData=AAAAB")) == ["dataset"]
    assert changed_fixed(page, state("dataset=xor")) == ["dataset"]
    assert changed_fixed(state("dataset=xor", locked=["x", "noise"]), state("dataset=xor&x=false&noise=10")) == ["x", "noise"]
