/* kernfilter.js: "Laat voorzieningen zien voor [kern]" on theme pages (the macro kernfilter in
 * generator/build/templates/_macros.html). Preset to the kern this device remembers (kern.js); a
 * choice here is remembered the same way. Cards carry data-werkgebied (kern, gebied and gemeente ids, as
 * in the records) and each optgroup data-gebieden (its gebied and gemeente); a card shows when it serves
 * the kern, its gebied or its gemeente. Teams carry data-kernen; the resident's own sociaal team moves to the top of its list.
 * Without JavaScript the chooser is hidden (a noscript style) and everything shows.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-sk-kernfilter]");
  var Kern = window.SocialeKaartKern;
  if (!box || !Kern) { return; }
  var select = box.querySelector("select");
  var status = box.querySelector("[data-sk-kernfilter-status]");
  var alles = box.querySelector("[data-sk-kernfilter-alles]");
  var geen = document.querySelector("[data-sk-kernfilter-geen]");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".sk-card[data-werkgebied]"));
  var teamList = document.querySelector("[data-sk-teams]");
  var teams = teamList ? Array.prototype.slice.call(teamList.children) : [];

  function serves(item, kern) {
    return item.getAttribute("data-kernen").split(" ").indexOf(kern) !== -1;
  }

  function optie(kern) {
    return kern ? select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(kern) : kern) + '"]') : null;
  }

  function kernNaam(kern) {
    var option = optie(kern);
    return option ? option.textContent : "";
  }

  function toon(kern) {
    var shown = 0;
    var option = optie(kern);
    var gebieden = option ? [kern].concat(option.parentNode.getAttribute("data-gebieden").split(" ")) : [];
    cards.forEach(function (card) {
      var werkgebied = card.getAttribute("data-werkgebied").split(" ");
      card.hidden = !!option && !gebieden.some(function (id) { return werkgebied.indexOf(id) !== -1; });
      if (!card.hidden) { shown++; }
    });
    var own = kern ? teams.filter(function (team) { return serves(team, kern); }) : [];
    own.concat(teams.filter(function (team) { return own.indexOf(team) === -1; })).forEach(function (team) {
      team.classList.toggle("sk-teamlijst__jouw", own.indexOf(team) !== -1);
      teamList.appendChild(team);
    });
    // One page of several: say so, and link to the search page that filters all of them for this kern.
    var pagina = status.hasAttribute("data-sk-kernfilter-pagina");
    status.textContent = !kern ? "" : pagina ?
      "Op deze pagina zijn " + shown + " van de " + cards.length + " voorzieningen er voor " + kernNaam(kern) + ". Er zijn meer pagina's." :
      shown + " van de " + cards.length + " voorzieningen zijn er voor " + kernNaam(kern) + ".";
    if (alles) {
      alles.hidden = !kern;
      if (kern) {
        var link = alles.querySelector("a");
        var url = new URL(link.getAttribute("href"), location.href);
        url.searchParams.set("kern", kern);
        link.href = url.pathname + url.search;
        alles.querySelector("[data-sk-kernfilter-naam]").textContent = kernNaam(kern);
      }
    }
    if (geen) { geen.hidden = !(kern && shown === 0 && cards.length); }
    // The heading counts what shows: "Voorzieningen (2 van 30)" with a kern (on one page of several, the total stays).
    var aantal = document.querySelector("[data-sk-kernfilter-aantal]");
    if (aantal) aantal.textContent = kern && !pagina ? shown + " van " + cards.length : aantal.getAttribute("data-sk-kernfilter-aantal");
  }

  function herstel() {
    var kern = Kern.lees();
    select.value = kern && kernNaam(kern) ? kern : "";
    toon(select.value);
  }

  select.addEventListener("change", function () {
    toon(select.value);
    Kern.kies(select.value);
  });
  Kern.volg(function (kern) { if (kern !== select.value) { herstel(); } });
  herstel();
})();
