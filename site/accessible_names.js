// Accessible names for the controls Bokeh draws without one, so a screen reader
// announces every control of the app. Bokeh renders each widget in its own shadow
// root and offers no aria attributes, so this walks the page now and then and names:
// a control inside a host that carries aria-label (set from Python for symbol
// buttons such as "+"; a plot with such a host becomes an image), a slider by its title, a checkbox by the text beside it,
// a number field's spin buttons, and a toggle button's pressed state. Names are set again
// on each walk, so they follow the labels when the app's language changes.
const PERIOD_MS = 1000;

// A name Bokeh gave a control stays; one given here is replaced when its text changes.
function nameControl(element, name) {
  if (!name || element.getAttribute("aria-label") === name) return;
  if (element.hasAttribute("aria-label") && !element.hasAttribute("data-np-named")) return;
  element.setAttribute("aria-label", name);
  element.setAttribute("data-np-named", "");
}

function titleOf(root) {
  const title = root.querySelector(".bk-slider-title, label");
  return title ? title.textContent.replace(/:\s*[-\d.,]+\s*$/, "").trim() : ""; // "Noise: 5" names "Noise"
}

function nameOne(root) {
  const host = root.host;
  const given = host.getAttribute("aria-label");
  const controls = root.querySelectorAll("button, input, select, [role=slider]");
  if (given && controls.length === 1) {
    nameControl(controls[0], given);
  } else if (given && controls.length === 0) {
    host.setAttribute("role", "img"); // a plot: Python names nothing else that holds no control
  }
  for (const slider of root.querySelectorAll("[role=slider]")) nameControl(slider, titleOf(root));
  for (const box of root.querySelectorAll("input[type=checkbox]")) {
    nameControl(box, box.nextElementSibling?.textContent.trim());
  }
  for (const [selector, key] of [[".bk-spin-btn-up", "accessibility.increase"],
                                 [".bk-spin-btn-down", "accessibility.decrease"]]) {
    const button = root.querySelector(selector);
    if (button) nameControl(button, window.playground.words.text(key, { control: titleOf(root) }).trim());
  }
  for (const button of root.querySelectorAll(".bk-btn-group > .bk-btn")) {
    button.setAttribute("aria-pressed", String(button.classList.contains("bk-active")));
  }
}

// Every shadow root below root, depth first: Bokeh renders each widget in one of its own.
export function* shadowRoots(root) {
  for (const element of root.querySelectorAll("*")) {
    if (element.shadowRoot) {
      yield element.shadowRoot;
      yield* shadowRoots(element.shadowRoot);
    }
  }
}

export function nameControls() {
  for (const root of shadowRoots(document)) nameOne(root);
}

export function keepNamingControls() {
  nameControls();
  setInterval(nameControls, PERIOD_MS);
  document.addEventListener("click", () => setTimeout(nameControls, 100), true);
}
