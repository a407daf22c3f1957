/* menu.js: Material's phone menu is a <label for="__drawer"> around a hidden checkbox. The header
 * partial gives it role="button", tabindex="0" and a name; this makes it work like a button with the
 * keyboard (Enter and Space), keeps aria-expanded in step, and closes the open menu with Escape.
 * The closed drawer is out of the tab order through CSS (visibility: hidden, kaart.css).
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".sk-menuknop");
  if (!toggle || !button) { return; }
  var drawer = document.querySelector(".md-sidebar--primary");
  if (drawer) {
    drawer.id = drawer.id || "sk-menu";
    button.setAttribute("aria-controls", drawer.id);
  }

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation(); // Material's own keyboard handler would click the label a second time
      toggle.click();
      if (toggle.checked && drawer) {
        var first = drawer.querySelector("a[href], label[tabindex], input, button");
        if (first) { setTimeout(function () { first.focus(); }, 260); }
      }
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  sync();
})();
