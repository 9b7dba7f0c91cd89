"""A notice over the playground: plain text in one of Panel's alert boxes, never Markdown.

Notices carry messages (a link's values, a lesson file's problem, why training stopped)
that must show exactly as written; Panel's own Alert renders Markdown, whose parser would
also be imported at the page's start for the empty notices (~0.2 s of a first visit).
"""
import html

import panel as pn
import param
from panel.io.resources import CDN_DIST


class Notice(pn.pane.HTML):
    """Panel's Alert box around plain text: each line of the text is a paragraph."""

    alert_type = param.Selector(default="warning", objects=["warning", "danger", "success"])

    priority = 0  # never what pn.panel() makes of an object
    _rename = {"alert_type": None}
    _stylesheets = [f"{CDN_DIST}css/alerts.css"]

    def __init__(self, object=None, **params):
        if "width" not in params:
            params.setdefault("sizing_mode", "stretch_width")
        super().__init__(object, **params)

    def _transform_object(self, obj) -> dict:
        lines = str(obj or "").split("\n")
        return super()._transform_object("".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line.strip()))

    def _process_param_change(self, params: dict) -> dict:
        if "css_classes" in params or "alert_type" in params:
            params["css_classes"] = [*self.css_classes, "alert", f"alert-{self.alert_type}"]
        return super()._process_param_change(params)
