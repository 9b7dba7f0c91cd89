// Runs in the page when Python asks for a picture (playground/ui/export_menu.py sets the value of its
// hidden request, a CustomJS's `cb_obj`, to {"picture": "output" or "playground", "name", "count"}).
// BokehJS draws each plot it shows (`network`, `losses`, `output`: their models) into a canvas of its
// own; "playground" puts the network beside the loss curve above the output map, on white; the
// browser then saves the PNG under the name Python gave.
const request = JSON.parse(cb_obj.value || "null");
if (request) {
  const GAP = 16;
  const drawn = (model) => Bokeh.index.find_one(model).export("png").canvas;
  const columns = request.picture === "output" ? [[drawn(output)]] : [[drawn(network)], [drawn(losses), drawn(output)]];
  const width = (column) => Math.max(...column.map((canvas) => canvas.width));
  const height = (column) => column.reduce((sum, canvas) => sum + canvas.height, 0) + GAP * (column.length - 1);
  const picture = document.createElement("canvas");
  picture.width = columns.reduce((sum, column) => sum + width(column), 0) + GAP * (columns.length + 1);
  picture.height = Math.max(...columns.map(height)) + 2 * GAP;
  const ctx = picture.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, picture.width, picture.height);
  let x = GAP;
  for (const column of columns) {
    let y = GAP;
    for (const canvas of column) {
      ctx.drawImage(canvas, x, y);
      y += canvas.height + GAP;
    }
    x += width(column) + GAP;
  }
  picture.toBlob((blob) => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = request.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }, "image/png");
}
