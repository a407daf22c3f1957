/* kopieerblok.js: "Kopieer alle tekst" above a fill-in template (bijdragen/invulvoorbeeld/, generator/build/
 * templates/invulvoorbeeld.html). Selecting a long text inside a scrolling box by hand is where partners got
 * stuck. The button copies the whole template; when the browser does not allow that, it selects the text
 * and says which keys copy it. Without JavaScript the button stays hidden and the text can be selected as before.
 */
(function () {
  "use strict";

  document.querySelectorAll("[data-sk-kopieer-blok]").forEach(function (button) {
    var code = document.getElementById(button.getAttribute("data-sk-kopieer-blok"));
    var status = button.parentNode.querySelector("[data-sk-kopieer-status]");
    if (!code || !status) { return; }
    button.hidden = false;

    function gekopieerd() {
      status.textContent = "Gekopieerd. Plak de tekst in het nieuwe bestand (Ctrl+V, op een Mac Cmd+V).";
    }

    function geselecteerd() {
      window.getSelection().selectAllChildren(code);
      status.textContent = "De tekst is geselecteerd. Kopieer hem met Ctrl+C (op een Mac Cmd+C).";
    }

    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.textContent).then(gekopieerd, geselecteerd);
      } else {
        geselecteerd();
      }
    });
  });
})();
