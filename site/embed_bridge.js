// The embedded playground's side of talking to the page around it (window.postMessage).
// The messages are in embed/events.schema.json and embed/commands.schema.json (playground/embed/).
//   Events (from Python, playground/embed/events.py, as JSON text): wrapped in the envelope
//   and posted to window.parent, only when the page is framed: once per origin of the
//   address's parent= list (targetOrigin = that origin), or to "*" without one. Held until
//   the app is ready (<html data-state="ready">, set by loader.js), so the host hears
//   "ready" first; then "height" whenever the content's height changes.
//   Commands: accepted only from window.parent, from an origin of parent= (as Python read
//   and normalised it: links.parent_origins, handed over with listen()), shaped as
//   the schema says (each command's data, the schema's $defs, handed over with listen() too:
//   playground/embed/commands.py reads the schema), after ready. Anything else is ignored:
//   never evaluated, never throws.
//   What passes goes to Python (playground/embed/commands.py) as JSON text, checked again.
(function () {
  "use strict";
  if (window.playground.embed) return;
  var NAMESPACE = "neural-playground", VERSION = 1;
  var framed = window.parent !== window;
  var parents = []; // set by Python from the address's parent= (links.parent_origins)
  var shapes = {}; // each command's data by type, set by Python from the schema (embed.commands.SHAPES)
  var held = [], ready = false, receive = null, height = 0;

  function postNow(type, data) {
    if (!framed) return;
    var message = { namespace: NAMESPACE, version: VERSION, type: type, data: data };
    (parents.length ? parents : ["*"]).forEach(function (origin) {
      window.parent.postMessage(message, origin);
    });
  }

  function post(type, json) {
    var event = [String(type), JSON.parse(json)];
    if (ready) postNow(event[0], event[1]);
    else held.push(event);
  }

  function postHeight() {
    var now = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (now !== height) {
      height = now;
      postNow("height", { height: now });
    }
  }

  function start() {
    if (ready || document.documentElement.dataset.state !== "ready") return;
    ready = true;
    held.splice(0).forEach(function (event) { postNow(event[0], event[1]); });
    if (framed) {
      postHeight();
      new ResizeObserver(postHeight).observe(document.documentElement);
    }
  }

  var isObject = function (value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  };
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  var hasKeys = function (value, keys) {
    return isObject(value) && Object.keys(value).length === keys.length &&
      keys.every(function (key) { return has(value, key); });
  };

  // Whether value is of shape, a JSON Schema of the few keywords the command shapes use, read as
  // embed.commands.fits reads them: an object with only the keys it names, a string within its
  // lengths, a whole number from its minimum.
  function fits(value, shape) {
    if (shape.type === "object") {
      var properties = shape.properties || {};
      return isObject(value) &&
        Object.keys(value).every(function (key) { return has(properties, key) && fits(value[key], properties[key]); }) &&
        (shape.required || []).every(function (key) { return has(value, key); });
    }
    if (shape.type === "string") {
      return typeof value === "string" && value.length >= (shape.minLength || 0) &&
        !(value.length > shape.maxLength);
    }
    if (shape.type === "integer") return Number.isInteger(value) && !(value < shape.minimum);
    return false;
  }

  function isCommand(message) {
    return hasKeys(message, ["namespace", "version", "type", "data"]) && message.namespace === NAMESPACE &&
      message.version === VERSION && typeof message.type === "string" && has(shapes, message.type) &&
      fits(message.data, shapes[message.type]);
  }

  window.addEventListener("message", function (event) {
    if (!ready || !receive || !framed || event.source !== window.parent) return;
    if (parents.indexOf(event.origin) < 0) return;
    var message = event.data;
    try {
      if (!isCommand(message)) return;
      message = JSON.stringify(message);
    } catch (strange) {
      return; // a getter that throws, a cycle: not plain data
    }
    receive(message);
  });

  new MutationObserver(start).observe(document.documentElement, { attributes: true, attributeFilter: ["data-state"] });

  window.playground.embed = {
    framed: framed,
    post: post,
    // Python's command handler (playground/page/bridge.py), called with a command's JSON text,
    // the origins it may come from (a JSON list), which are also where events go, and the
    // commands' shapes (JSON: the schema's $defs).
    listen: function (handler, origins, commandShapes) {
      receive = handler;
      parents = JSON.parse(origins);
      shapes = JSON.parse(commandShapes);
    },
  };
})();
