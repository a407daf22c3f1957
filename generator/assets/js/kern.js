/* kern.js: the resident's kern (dorp or wijk), remembered on this device only.
 *
 * The one place that knows the storage key. The contact block (contact.js) and the wegwijzer
 * (wegwijzer.js) both read and set the kern through window.SocialeKaartKern, so a resident
 * chooses once. Loaded in <head> with defer, so it runs before every other script of the site.
 * The KCC page deliberately does not use it: at a shared desk every caller lives somewhere else.
 *
 *   SocialeKaartKern.lees()          the kern id, or "" when none was chosen (or storage is off)
 *   SocialeKaartKern.kies(id)        remember id ("" forgets) and tell every chooser on the page
 *   SocialeKaartKern.volg(callback)  callback(id) after a choice on this page or in another tab
 *
 * On pages about violence and abuse (the quick exit is shown: data-sk-snelweg-pagina, or snel-weg.js set
 * data-sk-snelweg-actief) a choice is kept for this browser session only (sessionStorage), so it leaves
 * no trace on a shared device; a kern remembered earlier is still read.
 *
 * Nothing is sent to a server and no cookies are used.
 */
(function () {
  "use strict";

  var KEY = "sociale-kaart-kern";
  var EVENT = "sociale-kaart-kern";

  function alleenDezeSessie() {
    return !!document.querySelector("[data-sk-snelweg-pagina]") || document.documentElement.hasAttribute("data-sk-snelweg-actief");
  }

  function lees() {
    try { return sessionStorage.getItem(KEY) || localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function kies(kern) {
    try {
      var store = alleenDezeSessie() ? sessionStorage : localStorage;
      if (kern) { store.setItem(KEY, kern); } else { sessionStorage.removeItem(KEY); localStorage.removeItem(KEY); }
      if (store === localStorage) { sessionStorage.removeItem(KEY); }
    } catch (e) { /* storage off: the choice lasts for this page only */ }
    window.dispatchEvent(new CustomEvent(EVENT, { detail: kern }));
  }

  function volg(callback) {
    window.addEventListener(EVENT, function (event) { callback(event.detail); });
    window.addEventListener("storage", function (event) { if (event.key === KEY) { callback(lees()); } });
  }

  window.SocialeKaartKern = { lees: lees, kies: kies, volg: volg };
})();
