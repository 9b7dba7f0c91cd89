// Neural Playground in a page: NeuralPlayground.connect(iframe) -> {on(type, fn), send(type, data)}.
// Connected iframes, and iframes on this script's site, follow the playground's height.
// Messages: embed/events.schema.json, embed/commands.schema.json. send() needs parent= in the iframe's address.
(function () {
  "use strict";
  if (window.NeuralPlayground) return; // loaded twice: the first copy does everything
  var NAMESPACE = "neural-playground", VERSION = 1;
  var script = document.currentScript;
  var ownSite = script && script.src ? siteOf(script.src) : null;
  var frames = [];

  function siteOf(address) {
    try {
      return new URL(address, location.href).origin;
    } catch (notAnAddress) {
      return null;
    }
  }

  function frameOf(iframe) {
    for (var i = 0; i < frames.length; i++) if (frames[i].iframe === iframe) return frames[i];
    var frame = { iframe: iframe, handlers: {} };
    frames.push(frame);
    return frame;
  }

  // The connected frame the message came from, or a frame on this script's site.
  function sender(event) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) return frames[i];
    }
    var iframes = document.getElementsByTagName("iframe");
    for (var j = 0; j < iframes.length; j++) {
      if (iframes[j].contentWindow === event.source && siteOf(iframes[j].src) === ownSite) return frameOf(iframes[j]);
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || typeof message !== "object" || message.namespace !== NAMESPACE ||
        message.version !== VERSION || typeof message.type !== "string") return;
    var frame = sender(event);
    if (!frame || event.origin !== siteOf(frame.iframe.src)) return;
    var data = message.data && typeof message.data === "object" ? message.data : {};
    if (message.type === "height" && typeof data.height === "number" && data.height > 0) {
      frame.iframe.style.height = Math.ceil(data.height) + "px";
    }
    (frame.handlers[message.type] || []).slice().forEach(function (handler) {
      try {
        handler(data);
      } catch (error) {
        setTimeout(function () { throw error; }); // reported; the other handlers still run
      }
    });
  });

  window.NeuralPlayground = {
    version: VERSION,
    connect: function (iframe) {
      var frame = frameOf(iframe);
      return {
        on: function (type, handler) {
          (frame.handlers[type] = frame.handlers[type] || []).push(handler);
          return this;
        },
        send: function (type, data) {
          var site = siteOf(iframe.src);
          if (iframe.contentWindow && site && site !== "null") {
            iframe.contentWindow.postMessage({ namespace: NAMESPACE, version: VERSION, type: type, data: data || {} },
                                             site);
          }
          return this;
        },
      };
    },
  };
})();
