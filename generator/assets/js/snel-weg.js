/* snel-weg.js: the quick exit ("Snel weg") for pages about violence and abuse.
 *
 * The button (docs/overrides/partials/snel-weg.html) is shown on pages the build marked
 * (data-sk-snelweg-pagina) and appears on any page as soon as the search shows a violence line: the
 * search dispatches the event "sociale-kaart:snel-weg" on document, or puts an element with the
 * attribute data-snel-weg on the page; both are watched for.
 *
 * Leaving: a click on the button, or Escape pressed twice within a second (not when another part of
 * the page used that Escape, such as closing the search results), replaces this page with the neutral
 * site (location.replace, so the back button does not return here) after forgetting this tab's
 * wegwijzer answers. On these pages kern.js keeps a chosen kern for the session only.
 */
(function () {
  "use strict";

  var EVENT = "sociale-kaart:snel-weg";
  var box = document.querySelector("[data-sk-snelweg]");
  if (!box) { return; }
  var link = box.querySelector("a");

  function toon() {
    box.hidden = false;
    document.documentElement.setAttribute("data-sk-snelweg-actief", "");
  }

  function weg() {
    try { sessionStorage.clear(); } catch (e) { /* storage off: nothing kept */ }
    location.replace(link.href);
  }

  if (box.hasAttribute("data-sk-snelweg-pagina")) { toon(); }
  document.addEventListener(EVENT, toon);
  if (document.querySelector("[data-snel-weg]")) { toon(); }
  if (window.MutationObserver && box.hidden) {
    // Looks only at what changed (not the whole page): lists that rebuild themselves stay cheap.
    var heeftSignaal = function (node) {
      return node.nodeType === 1 && (node.hasAttribute("data-snel-weg") || !!node.querySelector("[data-snel-weg]"));
    };
    var observer = new MutationObserver(function (records) {
      var gevonden = records.some(function (record) {
        return record.type === "attributes" ? heeftSignaal(record.target) : Array.prototype.some.call(record.addedNodes, heeftSignaal);
      });
      if (gevonden) { toon(); observer.disconnect(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-snel-weg"] });
  }

  link.addEventListener("click", function (event) {
    event.preventDefault();
    weg();
  });

  var laatsteEsc = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || box.hidden || event.defaultPrevented) { return; }
    var nu = Date.now();
    if (nu - laatsteEsc < 1000) { weg(); } else { laatsteEsc = nu; }
  });
})();
