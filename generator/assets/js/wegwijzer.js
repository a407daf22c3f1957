/* Wegwijzer: extras on top of the static question and outcome pages (which work without JavaScript).
 *
 * - The answers given so far are kept in sessionStorage under "sociale-kaart-wegwijzer-pad": only in this
 *   browser tab, gone when the tab is closed. They are shown as a summary with "wijzig" links.
 * - The chosen kern (dorp or wijk) is remembered through kern.js (window.SocialeKaartKern), shared with the
 *   contact block on every page (contact.js), so a resident chooses their kern once and both follow a change.
 *   The wording follows whose kern it is: "Je woont in …" for yourself, "Die persoon woont in …" after an
 *   answer about someone else (data-ww-ander), neutral when the page cannot tell.
 * - The suggested voorzieningen follow the kern: its own gebied first, then region-wide, at most data-max;
 *   the rest is behind the "meer" links; nothing from elsewhere, and a note when nothing serves the kern. An
 *   outcome with one door has no chooser: there the kern chosen elsewhere filters them (template[data-ww-kernen]).
 * Nothing is sent anywhere and no cookies are used.
 */
(function () {
  "use strict";

  var PAD_KEY = "sociale-kaart-wegwijzer-pad";
  var Kern = window.SocialeKaartKern;

  function readPad() {
    try {
      var pad = JSON.parse(sessionStorage.getItem(PAD_KEY) || "[]");
      return Array.isArray(pad) ? pad.filter(isStep) : [];
    } catch (e) {
      return [];
    }
  }

  function writePad(pad) {
    try { sessionStorage.setItem(PAD_KEY, JSON.stringify(pad)); } catch (e) { /* storage off: no summary */ }
  }

  // Only same-site paths ("/wegwijzer/..."), never "//other.host" or "javascript:".
  function isLocalPath(value) {
    return typeof value === "string" && /^\/(?!\/)[^\s]*$/.test(value);
  }

  function isStep(step) {
    return step && typeof step.vraag === "string" && typeof step.vraagTekst === "string" &&
      typeof step.antwoordTekst === "string" && isLocalPath(step.vraagUrl) && isLocalPath(step.naar);
  }

  function pathOf(href) {
    return new URL(href, location.href).pathname;
  }

  // The answers that led to this page: the stored path cut at this question (after "wijzig" or the
  // back button), or the whole stored path when its last answer led here; otherwise none (a shared link).
  function padHierheen(vraagId) {
    var pad = readPad();
    for (var i = 0; vraagId && i < pad.length; i++) {
      if (pad[i].vraag === vraagId) { return pad.slice(0, i); }
    }
    if (pad.length && pad[pad.length - 1].naar === location.pathname) { return pad; }
    return [];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function toonSamenvatting(pad) {
    var box = document.querySelector("[data-ww-pad]");
    if (!box) { return; }
    var list = box.querySelector("ol");
    list.textContent = "";
    pad.forEach(function (step) {
      var item = element("li", "sk-ww-pad__stap");
      item.appendChild(element("span", "sk-ww-pad__vraag", step.vraagTekst + " "));
      item.appendChild(element("strong", "sk-ww-pad__antwoord", step.antwoordTekst));
      item.appendChild(document.createTextNode(" "));
      var wijzig = element("a", "sk-ww-pad__wijzig", "wijzig");
      wijzig.href = step.vraagUrl;
      wijzig.appendChild(element("span", "sk-ww-verborgen", ": " + step.vraagTekst));
      item.appendChild(wijzig);
      list.appendChild(item);
    });
    box.hidden = pad.length === 0;
  }

  function toonVorige(pad) {
    var holder = document.querySelector("[data-ww-vorige-js]");
    if (!holder) { return; }
    var link = holder.querySelector("a");
    if (pad.length) {
      link.href = pad[pad.length - 1].vraagUrl;
      link.onclick = null;
      holder.hidden = false;
    } else if (document.referrer && pathOf(document.referrer).indexOf("/wegwijzer/") !== -1 &&
               new URL(document.referrer).origin === location.origin && history.length > 1) {
      link.onclick = function (event) { event.preventDefault(); history.back(); };
      holder.hidden = false;
    }
  }

  function onthoudAntwoorden(vraag) {
    var vraagId = vraag.getAttribute("data-ww-vraag");
    var vraagTekst = vraag.getAttribute("data-ww-tekst");
    vraag.querySelectorAll("a[data-ww-antwoord]").forEach(function (link) {
      link.addEventListener("click", function () {
        var pad = padHierheen(vraagId);
        pad.push({
          vraag: vraagId,
          vraagTekst: vraagTekst,
          vraagUrl: location.pathname,
          antwoord: link.getAttribute("data-ww-antwoord"),
          antwoordTekst: link.querySelector(".sk-ww-antwoord__tekst").textContent,
          naar: pathOf(link.href),
          ander: link.hasAttribute("data-ww-ander")
        });
        writePad(pad);
      });
    });
  }

  // --- the kern chooser ------------------------------------------------------------------------

  function kernGebieden(select, kern) {
    var option = kern && select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(kern) : kern) + '"]');
    // the kern itself, then its gebied and gemeente (data-gebieden on the optgroup, once per gebied)
    return option ? { naam: option.textContent, gebieden: [option.value].concat(option.parentNode.getAttribute("data-gebieden").split(" ")) } : null;
  }

  // Whose kern: "ja" (someone else), "nee" (yourself) from the page, else from the answers given.
  function overEenAnder(box) {
    var fixed = box.getAttribute("data-ww-over-een-ander");
    if (fixed) { return fixed === "ja"; }
    var pad = padHierheen(null);
    if (!pad.length) { return null; }
    return pad.some(function (step) { return step.ander === true; });
  }

  var WOORDEN = {
    "true": { vraag: "In welk dorp of welke wijk woont die persoon?", woont: "Die persoon woont in ", team: "Het sociaal team daar is " },
    "false": { vraag: "In welk dorp of welke wijk woon je?", woont: "Je woont in ", team: "Jouw sociaal team is " },
    "null": { vraag: "Om welk dorp of welke wijk gaat het?", woont: "Gekozen: ", team: "Het sociaal team is " }
  };

  // Nothing on the list serves the chosen kern: say so where the list would be. The note goes after the
  // list: the place right before it belongs to dichtbij.js's note ("Plekken dicht bij …"), found as its
  // previous sibling.
  function toonGeen(list, tekst) {
    var note = list.parentNode.querySelector("[data-ww-geen]");
    if (!note && !tekst) { return; }
    if (!note) {
      note = element("p", "sk-note");
      note.setAttribute("data-ww-geen", "");
      list.parentNode.insertBefore(note, list.nextSibling);
    }
    note.textContent = tekst;
    note.hidden = !tekst;
  }

  function toonVoorzieningen(kern, gekozen) {
    var list = document.querySelector("[data-ww-voorzieningen]");
    if (!list) { return; }
    var max = Number(list.getAttribute("data-max")) || 6;
    var items = Array.prototype.slice.call(list.children);
    if (!list._volgorde) { list._volgorde = items; }
    var dichtbij = [], overal = [];
    list._volgorde.forEach(function (item) {
      var overalJa = item.getAttribute("data-overal") === "ja";  // serves every kern: carries no kern list
      var serves = !gekozen || overalJa || (" " + item.getAttribute("data-kernen") + " ").indexOf(" " + kern + " ") !== -1;
      if (!serves) { item.hidden = true; return; }
      (gekozen && !overalJa ? dichtbij : overal).push(item);
    });
    var order = dichtbij.concat(overal);
    order.forEach(function (item, index) { item.hidden = index >= max; list.appendChild(item); });
    list._volgorde.forEach(function (item) { if (order.indexOf(item) === -1) { list.appendChild(item); } });
    toonGeen(list, gekozen && !order.length ? "Voor " + gekozen.naam + " staan hier geen voorzieningen die passen." : "");
    var tekst = document.querySelector("[data-ww-meer-tekst]");
    if (tekst) {
      tekst.textContent = gekozen ? "Dit zijn " + Math.min(max, order.length) + " van de " + order.length +
        " voorzieningen die passen voor " + gekozen.naam + ", eerst die dichtbij." : tekst.getAttribute("data-standaard") || tekst.textContent;
    }
    var kernLink = document.querySelector("[data-ww-meer-kern]");
    if (kernLink) {
      kernLink.hidden = !gekozen;
      var link = kernLink.querySelector("a");
      if (gekozen) {
        link.href = new URL(kern + "/", new URL(link.getAttribute("data-basis") || link.getAttribute("href"), location.href)).pathname;
        link.textContent = "alles in " + gekozen.naam;
      }
    }
  }

  function toonOndersteuners(gekozen) {
    document.querySelectorAll(".sk-ww-ondersteuners li[data-werkgebied]").forEach(function (item) {
      var gebied = item.getAttribute("data-werkgebied").split(" ");
      item.hidden = !!gekozen && !gekozen.gebieden.some(function (id) { return gebied.indexOf(id) !== -1; });
    });
  }

  function toonKern(select, teamsInOrder) {
    var kern = select.value;
    var gekozen = kernGebieden(select, kern);
    var box = document.querySelector("[data-ww-kernkeuze]");
    var woorden = WOORDEN[String(box ? overEenAnder(box) : false)];
    var label = document.querySelector("[data-ww-kern-vraag]");
    if (label) { label.textContent = woorden.vraag; }
    toonVoorzieningen(kern, gekozen);
    var uitkomst = document.querySelector("[data-ww-kern-uitkomst]");
    var container = document.querySelector("[data-ww-teams]");
    var jouwTeam = null;
    teamsInOrder.forEach(function (team) {
      var match = gekozen && team.getAttribute("data-kernen").split(" ").indexOf(kern) !== -1;
      team.classList.toggle("sk-ww-team--jouw", !!match);
      var label = team.querySelector(".sk-ww-team__jouw");
      if (label) { label.remove(); }
      if (match) {
        jouwTeam = team;
        var kop = !team.hasAttribute("data-ww-team") ? "Hier kun je terecht" :
          woorden === WOORDEN["true"] ? "Sociaal team van die persoon" : "Jouw sociaal team";
        team.insertBefore(element("p", "sk-ww-team__jouw", kop), team.firstChild);
      }
    });
    if (container) {
      // The chosen kern's door right under the chooser (before "Op deze pagina"); the others in the list.
      var plek = document.querySelector("[data-ww-jouw-plek]");
      teamsInOrder.forEach(function (team) { (team === jouwTeam && plek ? plek : container).appendChild(team); });
    }
    toonOndersteuners(gekozen);
    // Until a kern is chosen, the gemeente's general number is the door (deur.py's terugval).
    var terugval = document.querySelector("[data-ww-terugval]");
    if (terugval) { terugval.hidden = !!gekozen; }
    if (!uitkomst) { return; }
    if (jouwTeam) {
      var naam = jouwTeam.querySelector("h3").textContent.trim();
      var tel = jouwTeam.querySelector(".sk-tel");
      uitkomst.textContent = woorden.woont + gekozen.naam + ". " + (jouwTeam.hasAttribute("data-ww-team") ? woorden.team : "Je kunt terecht bij ") + naam +
        (tel ? ": bel " + tel.textContent.trim() + "." : ".");
    } else {
      uitkomst.textContent = gekozen ? woorden.woont + gekozen.naam + "." : "";
    }
  }

  function kernKeuze() {
    var box = document.querySelector("[data-ww-kernkeuze]");
    if (!box) { return null; }
    var select = box.querySelector("select");
    var teams = Array.prototype.slice.call(document.querySelectorAll(".sk-ww-team"));
    box.hidden = false;
    select.addEventListener("change", function () {
      toonKern(select, teams);
      Kern.kies(select.value);
    });
    var restore = function () {
      var kern = Kern.lees();
      select.value = kernGebieden(select, kern) ? kern : "";
      toonKern(select, teams);
    };
    // A choice in the contact block (contact.js) or in another tab.
    Kern.volg(function (kern) {
      if (kern !== select.value) { restore(); }
    });
    return restore;
  }

  // One door and no chooser: the suggestions and cliëntondersteuners still follow the kern chosen elsewhere
  // (the contact block, another page), looked up in the page's inert list of kernen.
  function volgKern() {
    var lijst = document.querySelector("template[data-ww-kernen]");
    var select = lijst && lijst.content.querySelector("select");
    if (!select) { return; }
    var toon = function () {
      var kern = Kern.lees();
      var gekozen = kernGebieden(select, kern);
      toonVoorzieningen(gekozen ? kern : "", gekozen);
      toonOndersteuners(gekozen);
    };
    Kern.volg(toon);
    toon();
  }

  // --- start ----------------------------------------------------------------------------------

  function vernieuw() {
    var vraag = document.querySelector("[data-ww-vraag]");
    var pad = padHierheen(vraag ? vraag.getAttribute("data-ww-vraag") : null);
    if (vraag) { writePad(pad); }
    toonSamenvatting(pad);
    toonVorige(pad);
  }

  function init() {
    var vraag = document.querySelector("[data-ww-vraag]");
    if (vraag) { onthoudAntwoorden(vraag); }
    document.querySelectorAll("a[data-ww-opnieuw], .sk-ww-begin").forEach(function (link) {
      link.addEventListener("click", function () { writePad([]); });
    });
    var restoreKern = kernKeuze();
    vernieuw();
    if (restoreKern) { restoreKern(); } else { volgKern(); }
    // Coming back with the back button may show the page from the browser's cache: update it.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        vernieuw();
        if (restoreKern) { restoreKern(); }
      }
    });
  }

  init();
})();
