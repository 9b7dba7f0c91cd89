// Runs in the page when a Copy button of the Share dialog is pressed (playground/ui/share_dialog.py:
// the button's own inline handler, so it needs nothing from Bokeh and no trip to Python; a browser
// lets only a click's own script write the clipboard): the field's text to the clipboard, or
// selected for Ctrl+C when the browser refuses, and the dialog says which.
const field = this.closest('.np-copy-field'), box = field.querySelector('textarea');
const say = (which) => field.querySelectorAll('.np-copy-note').forEach((note) => {
  note.hidden = !note.classList.contains(which);
});
const refused = () => { box.focus(); box.select(); say('np-refused'); };
if (navigator.clipboard && window.isSecureContext) {
  navigator.clipboard.writeText(box.value).then(() => say('np-copied'), refused);
} else {
  refused();
}
