// Runs in the page when a button that opens something is pressed (a CustomJS of the Share button,
// playground/ui/share_dialog.py, and of the Export button, playground/ui/export_menu.py), given
// `close`, the button that closes it, and `shown`, a model on screen only while it is open: from
// then on Escape presses `close` while `shown` shows, and leaves the focus on `close` if it stays
// on screen (the Export button), so a keyboard goes on from where the menu opened. One listener
// for each `close`: window.playground.escapeCloses holds their ids (the page's one object,
// playground/page/__init__.py; made here under `panel serve`, which has none).
const page = (window.playground ??= {});
page.escapeCloses ??= new Set();
if (!page.escapeCloses.has(close.id)) {
  page.escapeCloses.add(close.id);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const button = Bokeh.index.find_one(close);
    const open = Bokeh.index.find_one(shown);
    if (button && open && open.el.getClientRects().length > 0) {
      button.button_el.click();
      button.button_el.focus();
    }
  });
}
