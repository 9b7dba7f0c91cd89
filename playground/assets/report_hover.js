// Runs in the page while the pointer moves over a plot (playground/views/live_source.py, a
// HoverTool's CustomJS with the plot's data source as `source`): Bokeh keeps hover in the
// browser, so the row under the pointer (-1 for none) is reported through the source's `tags`,
// which sync back to Python, and only when it changes.
const hit = cb_data.index.indices;
const row = hit.length ? hit[0] : -1;
if (source.tags[0] !== row) source.tags = [row];
