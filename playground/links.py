"""URL fragment <-> PlaygroundState, in TF Playground's vocabulary.

``encode`` writes what TF's ``State.serialize()`` writes (every prop, in its
order, ``tutorial`` only when set), so a state using nothing of ours gives the
very link TF would; our keys follow only when they differ from the default,
then ``hide=name,name`` for hidden controls (TF's ``NAME_hide=true`` keys are
read too). ``decode`` reads TF's links with
TF's rules (last duplicate wins, a boolean is true unless "false", empty
``networkShape`` means no hidden layers) but never raises: each problem becomes
one short warning naming the key and value, and everything else is kept.
Warnings are ``i18n.Message``s: English text the app can say in the interface's language.
"""

import difflib
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, unquote, urlsplit

import param

from playground.i18n import LANGUAGES, Message, match
from playground.state import HIDABLE_CONTROLS, MAX_LAYERS, MAX_NEURONS, PlaygroundState, PointText
from playground.yourdata import MAX_POINTS, point_code

#: TF's ``State.PROPS`` order, which is also the order it writes them.
TF_KEYS = (
    "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
    "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
    "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY",
    "sinY", "collectStats", "tutorial", "problem", "initZero", "hideText",
)
OUR_KEYS = ("optimizer", "loss", "stopAtEpoch", "epochsPerFrame", "lang", "classes", "yourData")
STATE_KEYS = TF_KEYS + OUR_KEYS
HIDE_KEY = "hide"
"""``hide=name,name``: the controls hidden, in HIDABLE_CONTROLS order (the form ``encode`` writes)."""
HIDE_SUFFIX = "_hide"
"""TF's form, one key per control: ``NAME_hide=true``."""

RAW_KEYS = ("seed",)
"""Keys read as written, not percent-decoded: TF seeds its stream with the seed's very text."""
NOISE_ABOVE_MAX_READ_AS = 50
"""TF's reading of a link's noise above 80 (``playground.ts``): its slider's maximum."""

#: Real links are under 1 kB; beyond this the rest is dropped so work stays bounded.
MAX_FRAGMENT = 8192
MAX_WARNINGS = 20
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _number(value: float) -> str:
    """A plain decimal, as JavaScript prints it: 10, 0.03, 0.00001 (never 1e-05)."""
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_value(value) -> str:
    """A value as a link writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(size) for size in value)
    if isinstance(value, (int, float)):
        return _number(value)
    return value


def encode(state: PlaygroundState) -> str:
    """The fragment (without '#') that reopens ``state`` here and, for TF's keys, in TF."""
    parts = [f"{key}={format_value(getattr(state, key))}" for key in TF_KEYS if key != "tutorial" or state.tutorial]
    parts += [
        f"{key}={format_value(getattr(state, key))}"
        for key in OUR_KEYS
        if getattr(state, key) != state.param[key].default and (key != "yourData" or points_in_link(state))
    ]
    if state.hidden:
        parts.append(f"{HIDE_KEY}={','.join(name for name in HIDABLE_CONTROLS if name in state.hidden)}")
    return "&".join(parts)


def points_in_link(state: PlaygroundState) -> bool:
    """Whether a link carries the student's points: few enough (point_code.LINK_POINTS), in use or set aside
    for another data set (a reload keeps them for when Your data is chosen again)."""
    return point_code.count(state.yourData) <= point_code.LINK_POINTS


def _show(text: str) -> str:
    """``text`` shortened and made printable, for a warning."""
    short = text if len(text) <= 40 else text[:40] + "…"
    return short if short.isprintable() else repr(short)[1:-1]


def _fragment(link: str) -> str:
    """The part after '#'; a URL without one carries no state."""
    if "#" in link:
        return link.split("#", 1)[1]
    return "" if "://" in link else link


#: Keys about the page rather than the playground: the lesson open and its step (from 1),
#: ``embed=1`` (shown inside another page's iframe: compact, no header) and ``parent=ORIGIN,…``
#: (the pages around it that may send it commands). The address keeps them, in this order.
PAGE_KEYS = ("lesson", "step", "embed", "parent")


def split_page_keys(link: str) -> tuple[str, dict[str, str]]:
    """The link's playground part as a fragment for ``decode`` ('' if none), and its page keys,
    percent-decoded (the last one wins)."""
    setup, page = [], {}
    for piece in _fragment(link).split("&"):
        name, _, value = piece.partition("=")
        if unquote(name) in PAGE_KEYS:
            page[unquote(name)] = unquote(value)
        elif piece:
            setup.append(piece)
    return "#" + "&".join(setup) if setup else "", page


def given_keys(link: str) -> set[str]:
    """The state keys a link sets itself; every other key keeps its default (or a lesson's preset)."""
    return {unquote(piece.partition("=")[0]) for piece in _fragment(link).split("&")} & set(STATE_KEYS)


def with_page_keys(fragment: str, page: dict[str, str]) -> str:
    """``fragment`` (``encode``'s) followed by the page keys in PAGE_KEYS order, so the address
    reopens the page as it is."""
    ordered = sorted(page.items(), key=lambda item: PAGE_KEYS.index(item[0]))
    pairs = [f"{name}={quote(value, safe='')}" for name, value in ordered]
    return "&".join([fragment, *pairs] if fragment else pairs)


@dataclass(frozen=True)
class Embedding:
    """The address's ``embed`` and ``parent`` keys, read once (``read_embedding``)."""

    embedded: bool = False
    """``embed=1``: in another page's iframe, the compact layout."""
    parents: tuple[str, ...] = ()
    """The origins allowed to send commands, as a browser writes them (``MessageEvent.origin``)."""

    def page_keys(self) -> dict[str, str]:
        """The keys as the address keeps them: only what is in effect."""
        return {**({"embed": "1"} if self.embedded else {}), **({"parent": ",".join(self.parents)} if self.parents else {})}


def read_embedding(page: dict[str, str]) -> tuple[Embedding, list[Message]]:
    """The page keys ``embed`` and ``parent`` (``split_page_keys``'s), and a warning for each bad one.

    Taken: ``embed=1`` (a link may say ``true``) and ``parent`` as the origins a browser
    reports (lower case, no default port), comma separated; a value that is not one of them
    is left out, so the address says only what is in effect.
    """
    embedded, origins, warnings = False, {}, []
    if "embed" in page:
        embedded = page["embed"].strip().lower() in ("1", "true")
        if not embedded:
            warnings.append(Message("links.embed_not_1", pair=f"embed={_show(page['embed'])}"))
    if "parent" in page:
        entries = [entry.strip() for entry in page["parent"].split(",") if entry.strip()]
        origins = {entry: origin_of(entry) for entry in entries}
        bad = [entry for entry, origin in origins.items() if origin is None]
        if bad:
            warnings.append(Message("links.not_origins", pair=f"parent={_show(page['parent'])}", names=_listed(bad)))
    parents = tuple(origin for origin in dict.fromkeys(origins.values()) if origin)
    return Embedding(embedded, parents), warnings


_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\]")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(entry: str) -> str | None:
    """``entry`` as a browser writes its origin (``scheme://host[:port]``), or None if it is not one.

    http or https, a host, an optional port, nothing else (a trailing '/' is forgiven).
    """
    if not entry.isprintable():  # urlsplit would drop a tab or a newline and read what is left
        return None
    try:
        parts = urlsplit(entry)
        port = parts.port
        host = parts.hostname.encode("idna").decode("ascii") if parts.hostname else ""
    except (ValueError, UnicodeError):
        return None
    scheme = parts.scheme.lower()
    if (scheme not in _DEFAULT_PORTS or parts.path not in ("", "/") or "@" in parts.netloc
            or any(mark in entry for mark in "?#\\ ")):
        return None
    host = f"[{host}]" if ":" in host else host
    if not _HOST.fullmatch(host):
        return None
    return f"{scheme}://{host}" + (f":{port}" if port is not None and port != _DEFAULT_PORTS[scheme] else "")


def _parse(parameter: param.Parameter, text: str):
    """``text`` as a value for ``parameter``, or raise ValueError with the reason."""
    if isinstance(parameter, param.Boolean):
        return text != "false"
    if isinstance(parameter, param.Selector):
        if text not in parameter.objects:
            raise ValueError(Message("links.choose", options=", ".join(parameter.objects)))
        return text
    if isinstance(parameter, param.Number):
        if not _NUMBER.fullmatch(text.strip()):
            raise ValueError(Message("links.not_a_number"))
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(Message("links.too_large"))
        if not isinstance(parameter, param.Integer):
            return number
        if not number.is_integer():
            raise ValueError(Message("links.not_a_whole_number"))
        return int(number)
    if isinstance(parameter, param.List):
        sizes = [] if not text.strip() else text.split(",")
        if not all(re.fullmatch(r"\s*\d{1,3}\s*", size) for size in sizes):
            raise ValueError(Message("links.not_layer_sizes"))
        return [int(size) for size in sizes]
    return text


def _limits(parameter: param.Parameter) -> Message:
    """Why a parsed value was refused, in the user's words."""
    if isinstance(parameter, param.Number):
        low, high = (format_value(bound) for bound in parameter.bounds)
        if not parameter.inclusive_bounds[0]:
            return Message("links.above_and_at_most", low=low, high=high)
        return Message("links.within", low=low, high=high)
    if isinstance(parameter, param.List):
        return Message("links.layer_limits", layers=MAX_LAYERS, neurons=MAX_NEURONS)
    if isinstance(parameter, PointText):
        return Message("links.not_points", most=MAX_POINTS)
    return Message("links.name_pattern")


def _read_pairs(fragment: str, warn) -> dict[str, str | None]:
    """Percent-decoded ``name -> value`` (None when there is no '='); the last duplicate wins."""
    if len(fragment) > MAX_FRAGMENT:
        warn(Message("links.too_long", limit=MAX_FRAGMENT))
        cut = fragment.rfind("&", 0, MAX_FRAGMENT + 1)
        fragment = fragment[: cut if cut > 0 else MAX_FRAGMENT]
    pairs: dict[str, str | None] = {}
    counts: dict[str, int] = {}
    for piece in fragment.split("&"):
        if not piece:
            continue
        name, equals, value = piece.partition("=")
        name = unquote(name)
        if not name:
            warn(Message("links.no_key", value=_show(unquote(value))))
            continue
        pairs.pop(name, None)  # re-insert so a duplicate is read in its last position
        pairs[name] = (value if name in RAW_KEYS else unquote(value)) if equals else None
        counts[name] = counts.get(name, 0) + 1
    for name, count in counts.items():
        if count > 1:
            warn(Message("links.repeated", name=_show(name), count=count, value=_show(pairs[name] or "")))
    return pairs


def _hide(state: PlaygroundState, controls: list[str]) -> None:
    state.hidden = [c for c in HIDABLE_CONTROLS if c in state.hidden or c in controls]


def _read_hide(state: PlaygroundState, name: str, value: str | None, warn) -> None:
    """TF's ``NAME_hide=true``."""
    control = name[: -len(HIDE_SUFFIX)]
    pair = f"{_show(name)}={_show(value or '')}"
    if control not in HIDABLE_CONTROLS:
        warn(Message("links.no_such_control", pair=pair, control=_show(control)))
    elif value == "true":
        _hide(state, [control])
    elif value != "false":
        warn(Message("links.hide_not_true_or_false", pair=pair))


def _read_hide_list(state: PlaygroundState, value: str | None, warn) -> None:
    """``hide=a,b``: every control named is hidden; a name that is none is said, the others still hidden."""
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    unknown = [name for name in names if name not in HIDABLE_CONTROLS]
    if unknown:
        warn(Message("links.no_such_controls", pair=f"{HIDE_KEY}={_show(value)}", names=_listed(unknown)))
    _hide(state, names)


def _listed(texts: list[str], most: int = 5) -> str:
    """The first few of ``texts``, quoted, for a warning that names them."""
    shown = ", ".join(f"'{_show(text)}'" for text in texts[:most])
    return shown + (", …" if len(texts) > most else "")


def _read_language(state: PlaygroundState, value: str | None, warn) -> None:
    """A language we speak, by its tag or its primary tag (``zh``); another one leaves the browser's."""
    language = match(value or "")
    if language:
        state.lang = language
    else:
        warn(Message("links.unknown_language", pair=f"lang={_show(value or '')}", options=", ".join(LANGUAGES)))


def _read_key(state: PlaygroundState, name: str, value: str | None, warn) -> None:
    parameter = state.param[name]
    kept = Message("links.kept", value=format_value(getattr(state, name)) or Message("links.nothing"))
    if value is None or (not value.strip() and name != "networkShape"):
        warn(Message("links.no_value", pair=f"{name}={_show(value or '')}", kept=kept))
        return
    pair = f"{name}={_show(value)}"
    try:
        parsed = _parse(parameter, value)
    except ValueError as reason:
        warn(Message("links.refused", pair=pair, reason=reason.args[0], kept=kept))
        return
    if isinstance(parameter, param.Boolean) and value != "true" and parsed:
        warn(Message("links.read_as_true", pair=pair))
    if name == "noise" and parsed > parameter.bounds[1]:
        parsed = NOISE_ABOVE_MAX_READ_AS
        warn(Message("links.noise_above_max", pair=pair, most=parameter.bounds[1], value=parsed))
    try:
        setattr(state, name, parsed)
    except ValueError:
        warn(Message("links.refused", pair=pair, reason=_limits(parameter), kept=kept))


def decode(link: str, start: PlaygroundState | None = None) -> tuple[PlaygroundState, list[Message]]:
    """The state a link describes, and warnings for whatever in it was not understood.

    Accepts a fragment with or without '#', or a whole URL. Keys a link leaves
    out keep their defaults, including the fixed seed (TF would draw a random
    one; callers wanting that check for ``seed`` themselves), or ``start``'s values
    when given (a change to a running playground: a refused key keeps its value too).
    ``start`` itself is not changed. Never raises.
    """
    warnings: list[Message] = []

    def warn(message: Message) -> None:
        warnings.append(message)

    state = PlaygroundState() if start is None else _copy(start)
    for name, value in _read_pairs(_fragment(link), warn).items():
        if name == HIDE_KEY:
            _read_hide_list(state, value, warn)
        elif name.endswith(HIDE_SUFFIX):
            _read_hide(state, name, value, warn)
        elif name == "lang":
            _read_language(state, value, warn)
        elif name in STATE_KEYS:
            _read_key(state, name, value, warn)
        else:
            # Guessing is skipped once warnings are capped: a junk link may hold thousands of keys.
            cheap = len(name) <= 40 and len(warnings) < MAX_WARNINGS
            guess = difflib.get_close_matches(name, STATE_KEYS, n=1) if cheap else []
            if guess:
                warn(Message("links.unknown_key_like", name=_show(name), value=_show(value or ""), guess=guess[0]))
            else:
                warn(Message("links.unknown_key", name=_show(name), value=_show(value or "")))
    if len(warnings) > MAX_WARNINGS:
        extra = len(warnings) - MAX_WARNINGS
        warnings = warnings[:MAX_WARNINGS] + [Message("links.more_problems", count=extra)]
    return state, warnings


def _copy(state: PlaygroundState) -> PlaygroundState:
    """A new state with ``state``'s values (lists copied, so changing one leaves the other)."""
    values = {name: list(value) if isinstance(value, list) else value for name, value in state.values().items()}
    return PlaygroundState(**values)
