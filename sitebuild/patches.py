"""Small, pinned edits to third-party sources, made while slimming their wheels and copying
Pyodide's runtime (its files named pyodide/NAME).

Each patch names the file, the exact text it replaces (found exactly once, or the build
stops: an upgrade that moved the code must be looked at again) and why. Every patch must
be applied in a build, so one left behind by an upgrade is noticed too.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import plain_markdown


@dataclass(frozen=True)
class Patch:
    path: str
    old: str
    new: str
    why: str


PATCHES = [
    # Upstream: Panel could import pandas inside the wrappers, or wrap read_csv/read_json
    # only when pandas is already imported (an issue to file at holoviz/panel).
    Patch("panel/io/pyodide.py", "import pandas\n", "",
          "Panel 1.10 imports pandas under Pyodide only to let read_csv/read_json open URLs; "
          "the app never uses pandas, which costs 5 MB and 1.5 s of every load"),
    Patch("panel/io/pyodide.py",
          '# Patch pandas.read_csv\n'
          '_read_csv_original = pandas.read_csv\n'
          '@functools.wraps(pandas.read_csv)\n'
          'def _read_csv(*args, **kwargs):\n'
          '    args, kwargs = _read_file(*args, **kwargs)\n'
          '    return _read_csv_original(*args, **kwargs)\n'
          'pandas.read_csv = _read_csv  # type: ignore\n'
          '\n'
          '# Patch pandas.read_json\n'
          '_read_json_original = pandas.read_json\n'
          '@functools.wraps(pandas.read_json)\n'
          'def _read_json(*args, **kwargs):\n'
          '    args, kwargs = _read_file(*args, **kwargs)\n'
          '    return _read_json_original(*args, **kwargs)\n'
          'pandas.read_json = _read_json  # type: ignore\n',
          "", "the wrapping of pandas' readers, which needs the import above"),
    # Upstream: Panel already imports panel.ui lazily "until Panel 2.0"; chat and template
    # could go the same way.
    Patch("panel/__init__.py", "from . import template  # noqa\n", "",
          "Panel's templates (0.15 s of imports in the browser) are imported when first asked for"),
    Patch("panel/__init__.py", "from .template import Template  # noqa\n", "", "the same, for pn.Template"),
    Patch("panel/__init__.py", "from . import chat  # isort:skip noqa has to be after widgets\n", "",
          "Panel's chat components (0.1 s) are imported when first asked for"),
    Patch("panel/__init__.py",
          "    if name == 'ui':\n        import importlib\n        return importlib.import_module('panel.ui')\n",
          "    import importlib\n"
          "    if name in ('ui', 'chat', 'template'):  # imported when first asked for (sitebuild/patches.py)\n"
          "        return importlib.import_module(f'panel.{name}')\n"
          "    if name == 'Template':\n"
          "        return importlib.import_module('panel.template').Template\n",
          "pn.chat, pn.template and pn.Template work as before, imported on first use"),
    # Upstream: a Mock type key makes every Panel import load unittest (and argparse) for a
    # hash rule only tests need; a key by qualified name would do, as for pandas and polars.
    Patch("panel/io/cache.py", "import unittest.mock\n", "",
          "Panel's cache imports unittest (50 ms of every load) only to hash Mock objects"),
    Patch("panel/io/cache.py", "    unittest.mock.Mock : lambda obj: _int_to_bytes(id(obj)),\n",
          "    lambda obj: type(obj).__module__ == 'unittest.mock': lambda obj: _int_to_bytes(id(obj)),\n",
          "Mock objects are still hashed by identity, recognised by their module"),
    # Upstream: Panel could render a description without Markdown syntax as it is (or import
    # markdown-it on first hover); a tooltip's text is almost always a plain sentence.
    Patch("panel/widgets/base.py", "from ..viewable import Layoutable, Viewable\n",
          "from ..viewable import Layoutable, Viewable\n" + Path(plain_markdown.__file__).read_text().split('"""', 2)[2],
          "sitebuild/plain_markdown.py's plain_paragraph, in Panel's widget module"),
    Patch("panel/widgets/base.py",
          "            if isinstance(description, str):\n"
          "                from ..pane.markup import Markdown\n"
          "                parser = Markdown._get_parser('markdown-it', (), Markdown.hard_line_break, **renderer_options)\n"
          "                html = parser.render(description)\n",
          "            if isinstance(description, str):\n"
          "                html = None if renderer_options else plain_paragraph(description)\n"
          "                if html is None:  # not plain text (sitebuild/patches.py)\n"
          "                    from ..pane.markup import Markdown\n"
          "                    parser = Markdown._get_parser('markdown-it', (), Markdown.hard_line_break, **renderer_options)\n"
          "                    html = parser.render(description)\n",
          "a tooltip in plain words is its HTML without markdown-it, which a page with tooltips "
          "imported at start (81 modules, ~0.2 s of a first visit)"),
]


def lazy_imports(path: str, modules: dict[str, str], last_line: str, what: str) -> list[Patch]:
    """Patches that make a package's ``__init__`` import MODULES (``{".module": "its import
    line's names"}``) when one of their names is first asked for, not with the package. The
    attribute hook goes after LAST_LINE, the package's last import."""
    removed = [Patch(path, f"from {module} import {names}  # noqa\n", "",
                     f"{what}: {module} is imported when first asked for") for module, names in modules.items()]
    table = "".join(f"    {name!r}: {module!r},\n" for module, names in modules.items() for name in names.split(", "))
    hook = (f"\n_LAZY = {{  # imported when first asked for (the site's sitebuild/patches.py)\n{table}}}\n\n\n"
            "def __getattr__(name):\n"
            "    if name in _LAZY:\n"
            "        import importlib\n"
            "        return getattr(importlib.import_module(_LAZY[name], __name__), name)\n"
            "    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')\n")
    return [*removed, Patch(path, last_line, last_line + hook, f"{what}: the hook that imports them")]


# Upstream: as panel.ui, chat and template already are. Panel's own imports never need these; a pane
# imported late is not among those pn.panel() picks from until then (the app names its panes).
PATCHES += lazy_imports("panel/widgets/__init__.py", {
    ".codeeditor": "CodeEditor", ".debugger": "Debugger", ".misc": "FileDownload, JSONEditor, VideoStream",
    ".player": "DiscretePlayer, Player", ".speech_to_text": "Grammar, GrammarList, SpeechToText",
    ".text_to_speech": "TextToSpeech, Utterance, Voice", ".texteditor": "TextEditor",
}, "from .widget import widget  # noqa\n", "Panel widgets the app does not use (90 ms of every load)")
PATCHES += lazy_imports("panel/pane/__init__.py", {
    ".deckgl": "DeckGL", ".echarts": "ECharts", ".equation": "LaTeX", ".ipywidget": "IPyLeaflet, IPyWidget, Reacton",
    ".media": "Audio, Video", ".perspective": "Perspective", ".plotly": "Plotly", ".streamz": "Streamz",
    ".textual": "Textual", ".vega": "Vega", ".vizzu": "Vizzu", ".vtk": "VTK, VTKVolume",
}, "    ParamFunction, ParamMethod, ParamRef, ReactiveExpr,\n)\n", "Panel panes the app does not use (90 ms of every load)")


# Upstream (bokeh/bokeh): a visual could keep what it read of the page's CSS until the page's styles
# change, instead of for one task. Read once per task, each read forces the style recalculation that
# the frame's text changes left pending, for every axis label and visual (~25 % of a frame's paint).
PATCHES.append(Patch(
    "bokeh/server/static/js/bokeh.min.js",
    "null==this._css_cache&&(this._css_cache=new Map,queueMicrotask(()=>this._css_cache=null))",
    "null==this._css_cache&&(this._css_cache=new Map)",
    "BokehJS 3.10 reads each visual's --bk-* CSS properties (which this site never sets) once per task; "
    "kept instead, painting a frame forces no style recalculation: spiral 2x8 23 → 31 painted frames/s"))


# Upstream (bokeh/bokeh): a plot could read its font size once it is in the page (and again when
# its styles change), as the visuals above. Read at every axis and label extent, getComputedStyle
# forces the style recalculation the frame's text changes left pending, several times a paint.
PATCHES.append(Patch(
    "bokeh/server/static/js/bokeh.min.js",
    'get base_font_size(){const e=getComputedStyle(this.el).fontSize,',
    'get base_font_size(){return this._kept_base_font_size??=this._read_base_font_size()}'
    '_read_base_font_size(){const e=getComputedStyle(this.el).fontSize,',
    "BokehJS 3.10 reads a plot's CSS font size (which this site never changes) at each axis label; "
    "kept once read (not while the plot is out of the page: null), a paint forces no style recalculation"))

# Upstream (bokeh/bokeh): a glyph could build its spatial index (a Hilbert sort of every point) when
# something first asks it a question: hit testing, auto-ranging. Built at every data change, each
# frame sorts every line and point the frame changed, though only the hover and tap tools ask.
PATCHES += [
    Patch("bokeh/server/static/js/bokeh.min.js",
          "this.glglyph.set_data_changed(),null==n&&this.index_data()}",
          "this.glglyph.set_data_changed(),null==n&&(this._index=this._extent_kept=null)}",
          "BokehJS 3.10 indexes a glyph's data at every change; the index is dropped instead, and built "
          "when first asked for (below)"),
    Patch("bokeh/server/static/js/bokeh.min.js",
          "get index(){const{_index:e}=this;if(null!=e)return e;",
          "get index(){null==this._index&&null!=this._data_size&&this.index_data();const{_index:e}=this;"
          "if(null!=e)return e;",
          "a glyph's index is built when first asked for, from its data then"),
    Patch("bokeh/server/static/js/bokeh.min.js",
          "get bbox(){if(null==this.base){const{x0:e,y0:t,x1:i,y1:s}=this.index.bbox,",
          "_extent(){if(null!=this._index)return this._index.bbox;if(null==this._extent_kept){"
          "const e=new S.SpatialIndex(this._index_size);this._index_data(e),this._extent_kept=e.bbox}"
          "return this._extent_kept}"
          "get bbox(){if(null==this.base){const{x0:e,y0:t,x1:i,y1:s}=this._extent(),",
          "a glyph's extent, which its renderer reads at every paint to place its element, is measured "
          "without sorting its points into an index"),
    Patch("bokeh/server/static/js/bokeh.min.js",
          "null==this._mask_data?y.Indices.all_set(this.data_size):this._mask_data()",
          "null==this._mask_data||null==this._index?y.Indices.all_set(this.data_size):this._mask_data()",
          "a glyph without an index paints all its points rather than build one to leave out those outside "
          "the plot: the site's plots show all their points, and moving ones change every frame"),
    # Upstream (bokeh/bokeh): PlotView._update_dataranges measures every glyph's bounds for the plot's
    # DataRange1d's even when it has none.
    Patch("bokeh/server/static/js/bokeh.min.js",
          'let e=!1;for(const[,n]of t.x_ranges)n instanceof r.DataRange1d&&"log"==n.scale_hint&&(e=!0);'
          'for(const[,n]of t.y_ranges)n instanceof r.DataRange1d&&"log"==n.scale_hint&&(e=!0);'
          'for(const t of this.parent.auto_ranged_renderers){',
          'let e=!1,np_fits=!1;'
          'for(const[,n]of t.x_ranges)n instanceof r.DataRange1d&&(np_fits=!0,"log"==n.scale_hint&&(e=!0));'
          'for(const[,n]of t.y_ranges)n instanceof r.DataRange1d&&(np_fits=!0,"log"==n.scale_hint&&(e=!0));'
          'for(const t of np_fits?this.parent.auto_ranged_renderers:[]){',
          "BokehJS 3.10 measures the extent of every glyph after each data change to fit the plot's "
          "DataRange1d's; the site's plots set their ranges themselves (Range1d), so it measures nothing, and "
          "the glyphs' indexes (above) are not built for it"),
    # Upstream (bokeh/bokeh): InlineStyleSheet._update could leave a sheet whose text is unchanged alone.
    Patch("bokeh/server/static/js/bokeh.min.js",
          "_update(t){this.el.textContent=t}",
          "_update(t){this.el.textContent!==t&&(this.el.textContent=t)}",
          "BokehJS 3.10 rewrites each renderer's position style sheet at every paint, most often with the same "
          "text, and each write makes the browser recalculate the plot's styles; an unchanged sheet is kept"),
]

# Upstream (bokeh/bokeh): ContinuousColorMapper._v_compute could colour a typed array into RGBA words
# in a loop of its own. Its one loop serves CSS strings and RGBA words, arrays and typed arrays; V8
# then keeps each pixel's value and colour as a heap number (a colour bar's plain array is enough).
PATCHES.append(Patch(
    "bokeh/server/static/js/bokeh.min.js",
    "for(let n=0,c=t.length;n<c;n++){const c=t[n];isNaN(c)?o[n]=l:o[n]=this.cmap(c,e,s,i)}}",
    "if(ArrayBuffer.isView(t)&&o instanceof Uint32Array&&e instanceof Uint32Array)return this._rgba_words(t,o,e,l,s,i);"
    "for(let n=0,c=t.length;n<c;n++){const c=t[n];isNaN(c)?o[n]=l:o[n]=this.cmap(c,e,s,i)}}"
    "_rgba_words(t,o,e,l,s,i){const p=e.length;for(let n=0,c=t.length;n<c;n++){const c=t[n];"
    "if(isNaN(c))o[n]=l;else{const a=this.value_to_index(c,p);if(a<0)o[n]=s;else if(a>=p)o[n]=i;else o[n]=e[a]}}}",
    "BokehJS 3.10 colours each image pixel through cmap(), which returns a boxed number: on spiral 6x8 "
    "(120,000 pixels a frame) 45 % of the page's JavaScript allocations, 50 MB/s of garbage; the RGBA "
    "case has its own loop, whose values stay unboxed, with the same colours"))

# Upstream (bokeh/bokeh): ImageBase could draw an image's RGBA bytes with `new ImageData(bytes)`
# instead of reading the canvas back (getImageData) to copy them into.
PATCHES.append(Patch(
    "bokeh/server/static/js/bokeh.min.js",
    "const a=s.getImageData(0,0,this.image_width[t],this.image_height[t]);a.data.set(e),s.putImageData(a,0,0),",
    "const a=e instanceof Uint8ClampedArray&&e.length==4*this.image_width[t]*this.image_height[t]"
    "?new ImageData(e,this.image_width[t],this.image_height[t])"
    ":s.getImageData(0,0,this.image_width[t],this.image_height[t]);a.data!==e&&a.data.set(e),s.putImageData(a,0,0),",
    "BokehJS 3.10 reads each image's canvas back into a new buffer at every data change only to overwrite "
    "it: a 440 kB buffer and copy a frame for the 6x8 network's map; the colours are drawn from their "
    "own bytes instead"))

# Upstream (bokeh/bokeh): RendererView.update_position could place a renderer's element with its inline
# style. It rewrites the element's position style sheet with the glyph's new extent at every paint: a
# line that grows (the loss chart's) makes the browser parse a new style sheet each frame (Blink's
# garbage-collected heap grew 26 MB in a minute of 6x8, 18 with this patch).
PATCHES.append(Patch(
    "bokeh/server/static/js/bokeh.min.js",
    r'`):t.replace(`\n        :host {\n          position: absolute;\n          left:     ${e.left}px;\n'
    r'          top:      ${e.top}px;\n          width:    ${e.width}px;\n          height:   ${e.height}px;\n'
    r'        }\n        `):t.replace("\n      :host {\n        display: none;\n      }\n      ")}resolve_frame(){',
    r'`):(t.replace("\n        :host {\n          position: absolute;\n        }\n        "),this._place(e))'
    r':(this._place(null),t.replace("\n      :host {\n        display: none;\n      }\n      "))}'
    r'_place(e){const{style:s}=this.el;'
    r'for(const k of["left","top","width","height"])null==e?s.removeProperty(k):s.setProperty(k,`${e[k]}px`)}'
    r'resolve_frame(){',
    "BokehJS 3.10 writes a glyph renderer's extent into its position style sheet at every paint; its sheet "
    "now says only `position: absolute` (unchanged, so kept: above) and the extent goes in the element's "
    "own style, which the browser applies without parsing a sheet: a tab training 6x8 for a minute "
    "617 → 591 MB (2 runs each)"))


# Upstream (pyodide/pyodide): API.restoreSnapshot could skip what is already in place. It copies the
# whole heap image into memory; the 64 KiB blocks that are zero there and in the image (most of the
# 10 MB stack, which a snapshot taken between imports barely used) need no copy, and a block written
# with zeros is memory the tab holds as much as any other. startup_snapshot.js's restoreHeap copies the
# rest; without it (a start that restores nothing sets none) the copy is whole, as before.
PATCHES.append(Patch(
    "pyodide/pyodide.asm.mjs",
    "return Module.HEAP8.set(t),l}",
    "return(Module.restoreHeap??(b=>Module.HEAP8.set(b)))(t),l}",
    "Pyodide 314 writes a snapshot's whole heap into memory on a restore, zeros included: the page's "
    "Python holds 10 MB more than it uses"))


class Patcher:
    """Applies PATCHES to wheel members and runtime files, and remembers which were applied."""

    def __init__(self, patches: list[Patch] = PATCHES):
        self.patches = patches
        self.applied: set[int] = set()

    def __call__(self, name: str, data: bytes) -> bytes:
        for index, patch in enumerate(self.patches):
            if patch.path != name:
                continue
            text = data.decode("utf-8")
            if text.count(patch.old) != 1:
                raise RuntimeError(f"patch of {name} no longer fits ({text.count(patch.old)} matches "
                                   f"of {patch.old!r}); see sitebuild/patches.py: {patch.why}")
            data = text.replace(patch.old, patch.new).encode("utf-8")
            self.applied.add(index)
        return data

    def check_all_applied(self) -> None:
        missing = [p for i, p in enumerate(self.patches) if i not in self.applied]
        if missing:
            raise RuntimeError("patches not applied (file gone?): "
                               + ", ".join(f"{p.path}: {p.why}" for p in missing))
