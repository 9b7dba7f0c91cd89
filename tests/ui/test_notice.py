"""Notices show their messages as written, one paragraph a line, in Panel's alert boxes."""
from __future__ import annotations

import html

from playground.ui.notice import Notice


def shown_html(notice: Notice) -> str:
    return html.unescape(notice.get_root().text)


def test_a_notice_shows_its_text_as_written_never_as_markup():
    notice = Notice("parent=[click](https://evil.example): not an origin\n<b>bold</b> & **stars**")
    assert shown_html(notice) == ("<p>parent=[click](https://evil.example): not an origin</p>"
                                  "<p>&lt;b&gt;bold&lt;/b&gt; &amp; **stars**</p>")


def test_a_notice_is_an_alert_of_its_kind_and_follows_its_text():
    notice = Notice(alert_type="danger")
    model = notice.get_root()
    assert {"alert", "alert-danger"} <= set(model.css_classes) and model.text == ""
    notice.object = "Training stopped."
    assert html.unescape(model.text) == "<p>Training stopped.</p>"
