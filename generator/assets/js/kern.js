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
 * Nothing is sent to a server and no cookies are used.
 */
(function () {
  "use strict";

  var KEY = "sociale-kaart-kern";
  var EVENT = "sociale-kaart-kern";

  function lees() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function kies(kern) {
    try {
      if (kern) { localStorage.setItem(KEY, kern); } else { localStorage.removeItem(KEY); }
    } catch (e) { /* storage off: the choice lasts for this page only */ }
    window.dispatchEvent(new CustomEvent(EVENT, { detail: kern }));
  }

  function volg(callback) {
    window.addEventListener(EVENT, function (event) { callback(event.detail); });
    window.addEventListener("storage", function (event) { if (event.key === KEY) { callback(lees()); } });
  }

  window.SocialeKaartKern = { lees: lees, kies: kies, volg: volg };
})();
