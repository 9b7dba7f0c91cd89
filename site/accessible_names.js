// Accessible names for the controls Bokeh draws without one, so a screen reader
// announces every control of the app. Bokeh renders each widget in its own shadow
// root and offers no aria attributes, so this walks the page now and then and names:
// a control inside a host that carries aria-label (set from Python for symbol
// buttons such as "+"; a plot with such a host becomes an image), a slider by its title, a checkbox by the text beside it,
// a number field's spin buttons, and a toggle button's pressed state.
const PERIOD_MS = 1000;

function titleOf(root) {
  const title = root.querySelector(".bk-slider-title, label");
  return title ? title.textContent.replace(/:\s*[-\d.,]+\s*$/, "").trim() : ""; // "Noise: 5" names "Noise"
}

function nameOne(root) {
  const host = root.host;
  const given = host.getAttribute("aria-label");
  const controls = root.querySelectorAll("button, input, select, [role=slider]");
  if (given && controls.length === 1 && !controls[0].hasAttribute("aria-label")) {
    controls[0].setAttribute("aria-label", given);
  } else if (given && controls.length === 0) {
    host.setAttribute("role", "img"); // a plot: Python names nothing else that holds no control
  }
  for (const slider of root.querySelectorAll("[role=slider]:not([aria-label])")) {
    const title = titleOf(root);
    if (title) slider.setAttribute("aria-label", title);
  }
  for (const box of root.querySelectorAll("input[type=checkbox]:not([aria-label])")) {
    const text = box.nextElementSibling?.textContent.trim();
    if (text) box.setAttribute("aria-label", text);
  }
  for (const [selector, verb] of [[".bk-spin-btn-up", "Increase"], [".bk-spin-btn-down", "Decrease"]]) {
    const button = root.querySelector(`${selector}:not([aria-label])`);
    if (button) button.setAttribute("aria-label", `${verb} ${titleOf(root)}`.trim());
  }
  for (const button of root.querySelectorAll(".bk-btn-group > .bk-btn")) {
    button.setAttribute("aria-pressed", String(button.classList.contains("bk-active")));
  }
}

function walk(root) {
  for (const element of root.querySelectorAll("*")) {
    if (element.shadowRoot) {
      nameOne(element.shadowRoot);
      walk(element.shadowRoot);
    }
  }
}

export function nameControls() {
  walk(document);
}

export function keepNamingControls() {
  nameControls();
  setInterval(nameControls, PERIOD_MS);
  document.addEventListener("click", () => setTimeout(nameControls, 100), true);
}
