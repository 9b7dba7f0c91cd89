// Runs in the page when the Share button is pressed (playground/ui/share_dialog.py, a CustomJS
// with the dialog's Close button as `close`): from then on Escape presses Close while the dialog
// shows. Listened for once a page: window.playground.shareEscape says it is (the page's one
// object, playground/page/__init__.py; made here under `panel serve`, which has none).
const page = (window.playground ??= {});
if (!page.shareEscape) {
  page.shareEscape = true;
  document.addEventListener("keydown", (event) => {
    const view = event.key === "Escape" ? Bokeh.index.find_one(close) : null;
    if (view && view.el.getClientRects().length > 0) view.button_el.click();
  });
}
