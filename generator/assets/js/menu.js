/* menu.js: Material's phone menu is a <label for="__drawer"> around a hidden checkbox: fine for a mouse
 * or a finger, but not a button for the keyboard or a screen reader. The header partial also holds a real
 * <button aria-label="Menu">, hidden until this script shows it in place of the label. The button toggles
 * the checkbox, keeps aria-expanded in step, and Escape closes the open menu. The closed drawer is out of
 * the tab order through CSS (visibility: hidden, kaart.css).
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".sk-menuknop");
  var label = document.querySelector(".sk-menulabel");
  if (!toggle || !button) { return; }
  var drawer = document.querySelector(".md-sidebar--primary");
  if (drawer) {
    drawer.id = drawer.id || "sk-menu";
    button.setAttribute("aria-controls", drawer.id);
  }

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }

  button.addEventListener("click", function () {
    toggle.click();
    if (toggle.checked && drawer) {
      var first = drawer.querySelector("a[href], input, button");
      if (first) { setTimeout(function () { first.focus(); }, 260); }
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  if (label) { label.hidden = true; }
  button.hidden = false;
  sync();
})();
