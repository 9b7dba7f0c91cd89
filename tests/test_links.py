"""Links: TF Playground's URL fragments in, the same vocabulary out, never an exception."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.links import (MAX_WARNINGS, OUR_KEYS, STATE_KEYS, TF_KEYS, Embedding, decode, encode, read_embedding,
                              split_page_keys, with_page_keys)
from playground.state import (
    HIDABLE_CONTROLS,
    LEARNING_RATES,
    NAME_PATTERN,
    REGULARIZATION_RATES,
    PlaygroundState,
)

TF_DEFAULT_LINK = (
    "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle"
    "&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2"
    "&seed=0.66230&showTestData=false&discretize=false&percTrainData=50&x=true&y=true"
    "&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false"
    "&collectStats=false&problem=classification&initZero=false&hideText=false"
)


def values(state: PlaygroundState) -> dict:
    return {key: value for key, value in state.param.values().items() if key != "name"}


def assert_valid(state: PlaygroundState) -> None:
    """Every value passes param's validation again (none slipped in unchecked)."""
    assert values(PlaygroundState(**values(state))) == values(state)


def choice(key: str):
    return st.sampled_from(PlaygroundState.param[key].objects)


def bounded(key: str):
    low, high = PlaygroundState.param[key].bounds
    return st.integers(low, high)


def ordered_subsets(names):
    return st.sets(st.sampled_from(names)).map(lambda chosen: [n for n in names if n in chosen])


states = st.builds(
    PlaygroundState,
    **{key: choice(key) for key in ("activation", "regularization", "dataset", "regDataset",
                                    "problem", "optimizer", "loss", "lang")},
    **{key: bounded(key) for key in ("batchSize", "noise", "percTrainData", "stopAtEpoch",
                                     "epochsPerFrame", "classes")},
    learningRate=st.sampled_from(LEARNING_RATES)
    | st.floats(0, 10, exclude_min=True, allow_nan=False),
    regularizationRate=st.sampled_from(REGULARIZATION_RATES) | st.floats(0, 10, allow_nan=False),
    networkShape=st.lists(st.integers(1, 8), max_size=6),
    seed=st.from_regex(NAME_PATTERN, fullmatch=True),
    tutorial=st.just("") | st.from_regex(NAME_PATTERN, fullmatch=True),
    hidden=ordered_subsets(HIDABLE_CONTROLS),
    **{key: st.booleans() for key in ("showTestData", "discretize", "x", "y", "xTimesY",
                                      "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY",
                                      "collectStats", "initZero", "hideText")},
)


@settings(max_examples=300)
@given(states)
def test_round_trip_of_every_state(state):
    decoded, warnings = decode(encode(state))
    assert warnings == []
    assert values(decoded) == values(state)


def test_default_state_encodes_as_tf_serializes():
    fragment = encode(PlaygroundState(seed="0.66230"))
    assert [pair.split("=")[0] for pair in fragment.split("&")] == [k for k in TF_KEYS if k != "tutorial"]
    state, _ = decode(TF_DEFAULT_LINK)
    assert "#" + encode(state) == "#" + TF_DEFAULT_LINK.split("#")[1].replace(
        "batchSize=10&", "regularization=none&batchSize=10&"
    )


def test_real_tf_link_decodes_to_its_values():
    state, warnings = decode(TF_DEFAULT_LINK)
    assert warnings == []
    assert state.seed == "0.66230"
    assert values(state) == values(PlaygroundState(seed="0.66230"))


@pytest.mark.parametrize("form", [TF_DEFAULT_LINK, "#" + TF_DEFAULT_LINK.split("#")[1],
                                  TF_DEFAULT_LINK.split("#")[1]])
def test_url_hash_or_bare_fragment(form):
    assert decode(form)[0].seed == "0.66230"


def test_url_without_fragment_carries_no_state():
    state, warnings = decode("https://playground.tensorflow.org/")
    assert warnings == [] and values(state) == values(PlaygroundState())


@pytest.mark.parametrize(
    "fragment, expected",
    [
        (  # MLCC "spiral": sin features and a deep network.
            "#activation=relu&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.01"
            "&regularizationRate=0&noise=10&networkShape=8,8,6,6,4,2&seed=0.86493"
            "&showTestData=true&discretize=true&percTrainData=50&x=true&y=true&xTimesY=false"
            "&xSquared=false&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=true"
            "&collectStats=false&problem=classification&initZero=false&hideText=false",
            dict(activation="relu", dataset="spiral", learningRate=0.01, noise=10,
                 networkShape=[8, 8, 6, 6, 4, 2], showTestData=True, discretize=True,
                 sinX=True, sinY=True, seed="0.86493"),
        ),
        (  # regression on the multi-gaussian, linear units, no hidden layer.
            "#activation=linear&batchSize=30&dataset=circle&regDataset=reg-gauss&learningRate=0.003"
            "&regularizationRate=0&noise=35&networkShape=&seed=0.12345&percTrainData=70"
            "&problem=regression",
            dict(activation="linear", batchSize=30, regDataset="reg-gauss", learningRate=0.003,
                 noise=35, networkShape=[], seed="0.12345", percTrainData=70, problem="regression"),
        ),
        (  # MLCC regularization exercise: L1 with a rate, crossed features.
            "#activation=tanh&regularization=L1&learningRate=0.3&regularizationRate=0.003"
            "&networkShape=&xTimesY=true&xSquared=true&ySquared=true&seed=0.37158",
            dict(regularization="L1", learningRate=0.3, regularizationRate=0.003, networkShape=[],
                 xTimesY=True, xSquared=True, ySquared=True, seed="0.37158"),
        ),
        (  # a teacher's locked-down page from TF's "use it in classroom" link builder.
            "#dataset=xor&seed=0.5&learningRate_hide=true&activation_hide=true&numNodes2_hide=true"
            "&problem_hide=true&discretize_hide=false&x_hide=true&hideText=true&tutorial=dp-intro",
            dict(dataset="xor", seed="0.5", hideText=True, tutorial="dp-intro",
                 hidden=["learningRate", "activation", "problem", "numNodes2", "x"]),
        ),
        (  # ours ride along with TF's keys.
            "#optimizer=adam&loss=cross-entropy&stopAtEpoch=500&epochsPerFrame=5&optimizer_hide=true",
            dict(optimizer="adam", loss="cross-entropy", stopAtEpoch=500, epochsPerFrame=5,
                 hidden=["optimizer"]),
        ),
    ],
)
def test_constructed_links_decode(fragment, expected):
    state, warnings = decode(fragment)
    assert warnings == []
    assert values(state) == {**values(PlaygroundState()), **expected}


def test_tf_parsing_quirks():
    state, warnings = decode("networkShape=4%2C2&learningRate=0.05&noise=12&regularizationRate=1e-3")
    assert (state.networkShape, state.learningRate, state.noise) == ([4, 2], 0.05, 12)
    assert state.regularizationRate == 0.001 and warnings == []
    assert "learningRate=0.00001&" in encode(PlaygroundState(learningRate=1e-5))


def test_booleans_are_true_unless_false():
    state, warnings = decode("x=false&y=0&sinX=&cosX=True")
    assert (state.x, state.y, state.sinX, state.cosX) == (False, True, False, True)
    assert len(warnings) == 3 and "y=0" in warnings[0] and "sinX" in warnings[1]


def test_duplicate_key_keeps_the_last_value():
    state, warnings = decode("learningRate=0.1&noise=5&learningRate=1")
    assert (state.learningRate, state.noise) == (1, 5)
    assert warnings == ["learningRate appears 2 times; used the last value '1'"]


def test_our_keys_only_when_changed():
    plain = encode(PlaygroundState())
    assert not any(f"{key}=" in plain for key in OUR_KEYS)
    assert encode(PlaygroundState(optimizer="momentum")).endswith("&optimizer=momentum")


def test_classes_travel_as_our_key_and_tf_links_stay_two_class():
    assert "classes=" not in encode(PlaygroundState())
    state, warnings = decode("dataset=blobs&classes=3&networkShape=8,8")
    assert warnings == [] and (state.dataset, state.classes, state.class_count()) == ("blobs", 3, 3)
    assert encode(state).endswith("&classes=3")
    tf_state, _ = decode(TF_DEFAULT_LINK)
    assert tf_state.class_count() == 2


def test_a_bad_class_count_is_said_and_the_rest_kept():
    state, warnings = decode("dataset=spiral&classes=7&noise=10")
    assert warnings == ["classes=7: must be 2–4; kept 2"]
    assert (state.dataset, state.noise, state.classes) == ("spiral", 10, 2)


def test_hidden_controls_written_as_one_hide_key_in_canonical_order():
    fragment = encode(PlaygroundState(hidden=["noise", "sinY", "playButton", "languageMenu"]))
    assert fragment.endswith("&hideText=false&hide=playButton,noise,sinY,languageMenu")
    assert "_hide" not in fragment and "hide=" not in encode(PlaygroundState())


def test_hide_lists_controls_in_any_order_and_tfs_keys_still_hide():
    state, warnings = decode("hide=sinY, noise,lessonsButton,shareButton&playButton_hide=true&x_hide=false")
    assert warnings == []
    assert state.hidden == ["playButton", "noise", "sinY", "lessonsButton", "shareButton"]
    assert encode(state).endswith("&hide=playButton,noise,sinY,lessonsButton,shareButton")


@pytest.mark.parametrize("link", ["hide=", "hide", "hide=,,"])
def test_an_empty_hide_hides_nothing_and_is_no_problem(link):
    state, warnings = decode(link)
    assert state.hidden == [] and warnings == []


def test_a_control_hide_does_not_know_is_named_and_the_others_are_hidden():
    state, warnings = decode("hide=noise,learningrate,playButton,Spiral")
    assert state.hidden == ["playButton", "noise"]
    assert warnings == ["hide=noise,learningrate,playButton,Spiral: no control named 'learningrate', 'Spiral';"
                        " the others are hidden"]
    assert warnings[0].in_language("zh-CN") == ("hide=noise,learningrate,playButton,Spiral："
                                                "没有名为 'learningrate', 'Spiral' 的控件，其余的已隐藏")


@pytest.mark.parametrize(
    "bad",
    [
        "learningRate=fast", "learningRate=0", "learningRate=20", "learningRate=nan",
        "learningRate=1e999", "batchSize=2.5", "batchSize=0", "noise=-5", "percTrainData=95",
        "activation=swish", "regularization=L3", "dataset=moons", "regDataset=circle",
        "problem=ranking", "networkShape=4,9", "networkShape=1,1,1,1,1,1,1", "networkShape=4,,2",
        "networkShape=a", "seed=a%20b", "tutorial=..%2Fx", "optimizer=rmsprop", "loss=hinge",
        "stopAtEpoch=-1", "epochsPerFrame=-1", "xTimesY=yes", "collectStats", "seed=",
        "Activation=relu", "foo=bar", "foo_hide=true", "noise_hide=yes", "=orphan", "lang=fr", "lang=",
        "hide=nope", "hide=noise,nope", "classes=5", "classes=1", "classes=three", "classes=2.5",
    ],
)
def test_bad_pair_warns_once_and_keeps_the_rest(bad):
    state, warnings = decode(f"#initZero=true&{bad}&discretize=true&sinX=true")
    key, _, value = bad.partition("=")
    assert len(warnings) == 1
    shown = value if key == "seed" else value.replace("%20", " ").replace("%2F", "/")  # TF reads the seed as written
    assert key in warnings[0] and shown in warnings[0]
    assert state.initZero and state.discretize and state.sinX
    assert_valid(state)


@pytest.mark.parametrize(("noise", "read_as"), [("85", 50), ("100", 50), ("80", 80), ("35", 35)])
def test_noise_above_80_is_read_as_50_as_tf_does(noise, read_as):
    state, warnings = decode(f"noise={noise}")
    assert state.noise == read_as
    assert warnings == ([f"noise={noise}: above 80; read as 50, as TF Playground does"] if read_as != int(noise) else [])


def test_the_seed_is_read_as_written_not_percent_decoded():
    """TF keys its stream with the link's text: ``%41`` is three characters there, not ``A``."""
    state, warnings = decode("seed=%41")
    assert state.seed == "0.00000" and len(warnings) == 1 and "seed=%41" in warnings[0]
    assert decode("seed=Ab.1-_")[0].seed == "Ab.1-_"


@pytest.mark.parametrize(("link", "lang"), [("lang=zh-CN", "zh-CN"), ("lang=zh", "zh-CN"), ("lang=EN", "en"), ("", "")])
def test_lang_names_a_language_we_speak_or_leaves_the_browsers(link, lang):
    state, warnings = decode(link)
    assert state.lang == lang and warnings == []
    assert ("lang=" + lang in encode(state)) == bool(lang)  # written only when a link or the switch chose it


def test_an_unknown_lang_says_the_browsers_language_is_used():
    state, warnings = decode("lang=fr")
    assert state.lang == "" and warnings == ["lang=fr: choose en, zh-CN; the browser's language is used"]


def test_warnings_can_be_said_in_another_language():
    _, warnings = decode("learningRate=fast&noise=1.5&learningrate=0.1&x=yes&lang=fr")
    said = [warning.in_language("zh-CN") for warning in warnings]
    assert said[0] == "learningRate=fast：不是数字，保留 0.03"
    assert all(chinese != english for chinese, english in zip(said, warnings))


def test_unknown_key_suggests_the_right_one():
    assert "did you mean 'learningRate'" in decode("learningrate=0.1")[1][0]


junk = st.text(st.characters(), max_size=30)
pair_names = st.sampled_from(STATE_KEYS + tuple(f"{c}_hide" for c in HIDABLE_CONTROLS) + ("hide",)) | junk
pair_values = st.sampled_from(["true", "false", "", "0", "4,2", "1e-5", "NaN", "-3", "%", "%ff", "noise,x,y"]) | junk
soups = st.lists(st.tuples(pair_names, st.sampled_from(["=", "", "=="]), pair_values), max_size=40).map(
    lambda pairs: "#" + "&".join(n + sep + v for n, sep, v in pairs)
)


@settings(max_examples=400)
@given(st.text() | st.binary().map(lambda b: b.decode("latin-1")) | soups)
def test_fuzzed_fragments_never_raise(fragment):
    state, warnings = decode(fragment)
    assert_valid(state)
    assert all(isinstance(w, str) and w for w in warnings) and len(warnings) <= MAX_WARNINGS + 1
    again, second = decode(encode(state))
    assert second == [] and values(again) == values(state)


@pytest.mark.parametrize("huge", ["x=true&" * 200_000, "\x00%ff&=" * 300_000, "a" * 2_000_000])
def test_huge_input_is_bounded(huge):
    start = time.perf_counter()
    state, warnings = decode(huge)
    assert time.perf_counter() - start < 1.0
    assert warnings[0].startswith("link longer than") and len(warnings) <= MAX_WARNINGS + 1
    assert_valid(state)


# --- the page keys of an embed: embed=1 and parent=ORIGIN,ORIGIN ------------------------------------


def test_embed_and_parent_are_page_keys_kept_apart_and_written_last_percent_encoded():
    setup, page = split_page_keys("#parent=https%3A%2F%2Fschool.example&dataset=xor&embed=1&lesson=xor&step=2")
    assert setup == "#dataset=xor" and decode(setup)[1] == []
    assert page == {"parent": "https://school.example", "embed": "1", "lesson": "xor", "step": "2"}
    assert with_page_keys("dataset=xor", page) == (
        "dataset=xor&lesson=xor&step=2&embed=1&parent=https%3A%2F%2Fschool.example")
    assert split_page_keys("#" + with_page_keys("dataset=xor", page)) == (setup, page)


@pytest.mark.parametrize("value", ["1", "true", "TRUE", " 1 "])
def test_embed_1_or_true_asks_for_the_embedded_page(value):
    assert read_embedding({"embed": value}) == (Embedding(embedded=True), [])
    assert read_embedding({"embed": value})[0].page_keys() == {"embed": "1"}


@pytest.mark.parametrize("value", ["0", "false", "yes", "", "2"])
def test_another_embed_value_is_said_and_the_page_is_whole(value):
    kept, warnings = read_embedding({"embed": value})
    assert kept == Embedding() and kept.page_keys() == {}
    assert warnings == [f"embed={value}: write embed=1 to embed; shown as a whole page"]
    assert warnings[0].in_language("zh-CN") == f"embed={value}：嵌入请写 embed=1，按完整页面显示"


def test_no_embed_key_is_the_whole_page_without_a_word():
    assert read_embedding({"lesson": "xor"}) == (Embedding(), []) and read_embedding({})[0].parents == ()


def test_parent_origins_are_kept_as_a_browser_writes_them():
    page = {"parent": "https://school.example, HTTP://127.0.0.1:8123/,https://School.Example:443,"
                      "http://[::1]:8000,https://moodle.school.example:8443"}
    kept, warnings = read_embedding(page)
    assert kept.parents == ("https://school.example", "http://127.0.0.1:8123", "http://[::1]:8000",
                            "https://moodle.school.example:8443")
    assert warnings == [] and kept.page_keys() == {"parent": ",".join(kept.parents)}


@pytest.mark.parametrize("bad", ["school.example", "ftp://school.example", "https://school.example/course",
                                 "https://school.example?x=1", "https://user@school.example", "*", "null",
                                 "https://school.example:99999", "https://", "javascript:alert(1)",
                                 "https://school.example#top", "https://bad_host.example", "https://sch\tool.example"])
def test_a_bad_parent_is_named_and_the_good_ones_are_kept(bad):
    page = {"parent": f"https://school.example,{bad},http://127.0.0.1:8123"}
    kept, warnings = read_embedding(page)
    assert kept.page_keys() == {"parent": "https://school.example,http://127.0.0.1:8123"}
    shown = bad if bad.isprintable() else repr(bad)[1:-1]  # a tab is named as \t
    assert len(warnings) == 1 and f"not an origin: '{shown}'" in warnings[0]
    assert "不是来源" in warnings[0].in_language("zh-CN")
    assert kept.parents == ("https://school.example", "http://127.0.0.1:8123")


def test_an_empty_parent_allows_no_one_and_is_not_kept():
    assert read_embedding({"parent": ""}) == (Embedding(), []) and read_embedding({"parent": " , "})[0].parents == ()


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(["embed", "parent"]), junk | st.just("https://a.example,1")))
def test_fuzzed_embed_keys_never_raise_and_keep_only_what_reads_again(page):
    kept, warnings = read_embedding(page)
    assert all(isinstance(w, str) and w for w in warnings) and len(warnings) <= 2
    assert read_embedding(kept.page_keys()) == (kept, [])
    assert split_page_keys("#" + with_page_keys("x=true", kept.page_keys()))[1] == kept.page_keys()
