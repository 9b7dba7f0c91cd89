// Runs in the page when a file input's value changes (playground/ui/file_picker.py, a CustomJS's
// `cb_obj`): once the chosen file's content has gone out, the input forgets the file, as BokehJS's
// own clear does, so the same file chosen again is read again (a browser fires no change for the
// file its input already holds). Python's FileInput.clear() cannot ask for this in the site: its
// event does not reach BokehJS under Pyodide. The empty value reaches Python as None.
if (cb_obj.value.length > 0) {
  setTimeout(() => {
    cb_obj.setv({value: "", mime_type: "", filename: ""});
    const view = Bokeh.index.find_one(cb_obj);
    if (view) view.input_el.value = "";
  });
}
