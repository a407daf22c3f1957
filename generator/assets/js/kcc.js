/*
 * Sociale Kaart: the KCC pages for the gemeente's phone desk (generator/kcc/).
 *
 * /kcc/ — keyboard-first search with the site's own search (window.SocialeKaartZoek, zoeken.js:
 * the same index and ranking as the residents' search) plus kcc/kcc.json (generator/kcc/data.py:
 * organisation, KCC answer, hand-over rule, hours for "nu open", freshness per record).
 *   - focus starts in the field; "/" (outside a field) returns to it; Esc clears the field, and in
 *     an empty field the kern filter ("nieuw gesprek").
 *   - ArrowDown/ArrowUp move through the result rows (focus on the row's name button; ArrowUp on
 *     the first row goes back to the field); Enter on a row opens or closes its details (Enter in the
 *     field opens the first row); K copies the row's phone number; Esc on a row goes back to the field.
 *   - the kern filter limits the results to offers for that kern and shows its sociaal team on top.
 *     The kern is deliberately NOT stored (nor read from) localStorage 'sociale-kaart-kern': at a
 *     shared desk every call is another caller, and the residents' choice on this device must not change.
 * /kcc/belscript/ — opens the question a link leads to and focuses it; opens everything for printing.
 * Everywhere on these pages: a copy button after each [data-kopieer] number; "Gekopieerd" is
 * announced in #kcc-gekopieerd (aria-live). Partner text is only set as textContent.
 * After every update of the results the page fires "kcc:bijgewerkt" on document (bench/kcc.py).
 */
(function () {
  "use strict";

  var MAX_RIJEN = 20;
  var SOORTEN = ["voorziening", "vindplaats", "clientondersteuner", "ingang", "organisatie"];
  var SOORT_NAAM = {voorziening: "voorziening", vindplaats: "vindplaats", clientondersteuner: "cliëntondersteuning",
    ingang: "ingang", organisatie: "organisatie"};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function isField(node) {
    if (!node || !node.tagName) return false;
    var tag = node.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || node.isContentEditable;
  }

  // --- freshness: decided today, in the browser, with the thresholds of generator/freshness.py ---

  var amsterdam = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });
  var langeDatum = new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

  function vandaag() {
    var p = {};
    amsterdam.formatToParts(new Date()).forEach(function (part) { p[part.type] = part.value; });
    return p.year + "-" + p.month + "-" + p.day; // today in Amsterdam, "2026-11-29"
  }

  /* Whole months from `iso` to `today` (both "yyyy-mm-dd"), as age_in_months() in freshness.py. */
  function maandenOud(iso, today) {
    var a = iso.split("-").map(Number);
    var b = today.split("-").map(Number);
    return (b[0] - a[0]) * 12 + (b[1] - a[1]) - (b[2] < a[2] ? 1 : 0);
  }

  function controleNiveau(iso, drempels, today) {
    var maanden = maandenOud(iso, today);
    if (maanden >= drempels.verouderd) return "verouderd";
    if (maanden >= drempels.controleren) return "controleren";
    return null;
  }

  function datumTekst(iso) {
    return langeDatum.format(new Date(iso + "T00:00:00Z"));
  }

  function refreshNuOpen(root) {
    if (window.nuOpen && typeof window.nuOpen.toon === "function") window.nuOpen.toon(root || document);
  }

  // --- copying phone numbers --------------------------------------------------------------------

  var announceTimer = null;

  function announce(text) {
    var live = document.getElementById("kcc-gekopieerd");
    if (!live) return;
    clearTimeout(announceTimer);
    live.textContent = "";
    // A new text node after clearing, so the same message is announced again.
    setTimeout(function () { live.textContent = text; }, 30);
    announceTimer = setTimeout(function () { live.textContent = ""; }, 6000);
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    var active = document.activeElement;
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return ok;
  }

  function kopieer(nummer, shown) {
    var done = function () { announce("Gekopieerd: " + shown); };
    var failed = function () { announce("Kopiëren lukte niet. Het nummer is " + shown + "."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(nummer).then(done, function () {
        if (copyWithSelection(nummer)) done(); else failed();
      });
    } else if (copyWithSelection(nummer)) {
      done();
    } else {
      failed();
    }
  }

  function copyButton(nummer, shown) {
    var button = el("button", "sk-kcc-kopieer", "Kopieer");
    button.type = "button";
    button.setAttribute("data-nummer", nummer);
    button.setAttribute("data-toon", shown);
    button.setAttribute("aria-label", "Kopieer " + shown);
    return button;
  }

  function addCopyButtons(scope) {
    var spots = scope.querySelectorAll("[data-kopieer]");
    for (var i = 0; i < spots.length; i++) {
      var spot = spots[i];
      if (spot.firstChild) continue;
      var shown = spot.previousElementSibling ? spot.previousElementSibling.textContent : spot.getAttribute("data-kopieer");
      spot.appendChild(document.createTextNode(" "));
      spot.appendChild(copyButton(spot.getAttribute("data-kopieer"), shown));
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sk-kcc-kopieer") : null;
    if (button) kopieer(button.getAttribute("data-nummer"), button.getAttribute("data-toon"));
  });

  // --- /kcc/: search --------------------------------------------------------------------------

  function initZoeken(root) {
    var Zoek = window.SocialeKaartZoek;
    var form = root.querySelector("[data-kcc-form]");
    var field = document.getElementById("kcc-q");
    var kern = document.getElementById("kcc-kern");
    var list = document.getElementById("kcc-rijen");
    var status = document.getElementById("kcc-status");
    var teamSlot = document.getElementById("kcc-team");
    if (!Zoek || !form || !field) return;
    var extra = null;
    var ready = false;

    form.hidden = false;
    var fallback = root.querySelector("[data-kcc-zonderjs]");
    if (fallback) fallback.hidden = true;
    field.focus();

    function kccData() {
      return window.fetch(root.getAttribute("data-kcc-data")).then(function (response) {
        if (!response.ok) throw new Error("kcc.json niet gevonden (" + response.status + ")");
        return response.json();
      });
    }

    status.textContent = "Zoeken wordt geladen…";
    Promise.all([Zoek.ready(), kccData()]).then(function (parts) {
      extra = parts[1];
      ready = true;
      status.textContent = "";
      update();
    }).catch(function () {
      status.textContent = "Zoeken lukt nu niet. Gebruik het belscript, de A-Z lijst of de nummers hieronder.";
    });

    function extraFor(hit) {
      var perSoort = extra && extra.records[hit.soort];
      return (perSoort && perSoort[hit.id]) || {};
    }

    function telefoonRegel(hit, data, index) {
      var line = el("p", "sk-kcc-rij__tel");
      line.id = "kcc-tel-" + index;
      var shown = hit.telefoon || data.telefoon;
      if (!shown) {
        line.appendChild(el("span", "sk-note", "Geen telefoonnummer, zie de pagina."));
      } else {
        var nummer = shown.replace(/\s+/g, "");
        var link = el("a", "sk-tel", shown);
        link.href = "tel:" + nummer;
        line.appendChild(link);
        if (!hit.telefoon) line.appendChild(el("span", "sk-note", " (organisatie)"));
        line.appendChild(document.createTextNode(" "));
        line.appendChild(copyButton(nummer, shown));
      }
      [["open", ""], ["inloop", "Inloop: "]].forEach(function (pair) {
        var plan = data[pair[0]];
        if (!plan) return;
        line.appendChild(document.createTextNode(" "));
        if (pair[1]) line.appendChild(el("span", "sk-kcc-rij__soort", pair[1]));
        var span = el("span", "sk-nu-open");
        span.setAttribute("data-nu-open", JSON.stringify(plan));
        line.appendChild(span);
      });
      return line;
    }

    function labelled(className, label, text, id) {
      var p = el("p", className);
      if (id) p.id = id;
      p.appendChild(el("strong", null, label + " "));
      p.appendChild(document.createTextNode(text));
      return p;
    }

    function rij(hit, index, today) {
      var data = extraFor(hit);
      var item = el("li", "sk-kcc-rij");
      var kop = el("div", "sk-kcc-rij__kop");
      var naam = el("button", "sk-kcc-rij__naam", hit.naam);
      naam.type = "button";
      naam.id = "kcc-naam-" + index;
      naam.setAttribute("aria-expanded", "false");
      naam.setAttribute("aria-controls", "kcc-meer-" + index);
      var describedBy = ["kcc-wie-" + index, "kcc-tel-" + index];
      kop.appendChild(naam);
      var organisatie = data.organisatie && extra.organisaties[data.organisatie];
      var wie = el("span", "sk-kcc-rij__wie", (organisatie ? organisatie + " · " : "") + SOORT_NAAM[hit.soort]);
      wie.id = "kcc-wie-" + index;
      kop.appendChild(wie);
      if (hit.status) kop.appendChild(el("span", "sk-badge sk-badge--status", hit.status.charAt(0).toUpperCase() + hit.status.slice(1)));
      item.appendChild(kop);
      item.appendChild(telefoonRegel(hit, data, index));
      if (data.antwoord) {
        item.appendChild(labelled("sk-kcc-rij__zeg", "Zeg:", data.antwoord, "kcc-zeg-" + index));
        describedBy.push("kcc-zeg-" + index);
      } else if (hit.samenvatting) {
        item.appendChild(labelled("sk-kcc-rij__wat", "Wat:", hit.samenvatting));
      }
      if (data.doorverwijzen) item.appendChild(labelled("sk-kcc-rij__door", "Naar sociaal team:", data.doorverwijzen));
      var niveau = data.gecontroleerd && controleNiveau(data.gecontroleerd, extra.drempels, today);
      if (niveau) {
        item.appendChild(el("p", "sk-kcc-controle sk-kcc-controle--" + niveau, "Controleer: gegevens van " +
          datumTekst(data.gecontroleerd) + (niveau === "verouderd" ? " (ouder dan " + extra.drempels.verouderd + " maanden)" : "")));
      }
      naam.setAttribute("aria-describedby", describedBy.join(" "));
      var meer = el("div", "sk-kcc-rij__meer");
      meer.id = "kcc-meer-" + index;
      meer.hidden = true;
      if (data.antwoord && hit.samenvatting) meer.appendChild(labelled("", "Wat:", hit.samenvatting));
      var waar = Zoek.waar(hit);
      if (waar) meer.appendChild(labelled("", "Waar:", waar));
      var pagina = el("a", null, "Pagina van " + hit.naam);
      pagina.href = Zoek.href(hit);
      var naar = el("p");
      naar.appendChild(pagina);
      meer.appendChild(naar);
      item.appendChild(meer);
      return item;
    }

    function aantal(total, shown) {
      if (total === 0) return "Geen resultaten.";
      var text = total === 1 ? "1 resultaat" : total + " resultaten";
      return shown < total ? text + ", de eerste " + shown + " staan hieronder" : text;
    }

    function update() {
      if (!ready) return;
      var query = field.value;
      var filters = {soort: SOORTEN};
      if (kern.value) filters.kern = kern.value;
      var hits = query.trim() || kern.value ? Zoek.search(query, filters) : [];
      var shown = hits.slice(0, MAX_RIJEN);
      var fragment = document.createDocumentFragment();
      var today = vandaag();
      shown.forEach(function (hit, i) { fragment.appendChild(rij(hit, i, today)); });
      list.textContent = "";
      list.appendChild(fragment);
      status.textContent = query.trim() || kern.value ? aantal(hits.length, shown.length) : "";
      refreshNuOpen(list);
      document.dispatchEvent(new CustomEvent("kcc:bijgewerkt", {detail: {aantal: hits.length}}));
    }

    function showTeam() {
      teamSlot.textContent = "";
      teamSlot.hidden = true;
      if (!kern.value) return;
      var teams = root.querySelectorAll(".sk-kcc-nummers .sk-kcc-team");
      for (var i = 0; i < teams.length; i++) {
        if ((" " + teams[i].getAttribute("data-kernen") + " ").indexOf(" " + kern.value + " ") === -1) continue;
        var kernNaam = kern.options[kern.selectedIndex].textContent;
        var copy = teams[i].cloneNode(true);
        copy.setAttribute("aria-label", "Sociaal team voor " + kernNaam);
        teamSlot.appendChild(el("p", "sk-kcc-jouwteam__kop", "Sociaal team voor " + kernNaam + ":"));
        teamSlot.appendChild(copy);
        teamSlot.hidden = false;
        return;
      }
    }

    function rows() {
      return list.querySelectorAll(".sk-kcc-rij__naam");
    }

    function toggle(button) {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
    }

    function rowIndex(node) {
      var item = node.closest(".sk-kcc-rij");
      if (!item) return -1;
      return Array.prototype.indexOf.call(list.children, item);
    }

    function focusRow(index) {
      var buttons = rows();
      if (index < 0) { field.focus(); return; }
      if (index < buttons.length) buttons[index].focus();
    }

    field.addEventListener("input", update);
    kern.addEventListener("change", function () { showTeam(); update(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    field.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && rows().length) {
        event.preventDefault();
        focusRow(0);
      } else if (event.key === "Enter") {
        event.preventDefault();
        var first = rows()[0];
        if (first) {
          if (first.getAttribute("aria-expanded") !== "true") toggle(first);
          first.focus();
        }
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (field.value) {
          field.value = "";
        } else if (kern.value) {
          kern.value = "";
          showTeam();
        }
        update();
      }
    });

    list.addEventListener("click", function (event) {
      var button = event.target.closest(".sk-kcc-rij__naam");
      if (button) toggle(button);
    });

    list.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var index = rowIndex(event.target);
      if (index === -1) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        focusRow(Math.min(index + 1, rows().length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        focusRow(index - 1);
      } else if (event.key === "Escape") {
        event.preventDefault();
        field.focus();
      } else if (event.key === "k" || event.key === "K") {
        var copy = list.children[index].querySelector(".sk-kcc-kopieer");
        if (copy) {
          event.preventDefault();
          kopieer(copy.getAttribute("data-nummer"), copy.getAttribute("data-toon"));
        }
      } else if (event.key.length === 1 && event.key !== " " && event.key !== "/") {
        // Typing on a row goes on typing in the search field (K copies, Space/Enter open).
        event.preventDefault();
        field.focus();
        field.value += event.key;
        update();
      } else if (event.key === "Backspace") {
        event.preventDefault();
        field.focus();
        field.value = field.value.slice(0, -1);
        update();
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.altKey || event.ctrlKey || event.metaKey || isField(event.target)) return;
      event.preventDefault();
      field.focus();
      field.select();
    });
  }

  // --- /kcc/belscript/ --------------------------------------------------------------------------

  function initBelscript(root) {
    var knoppen = root.querySelector("[data-belscript-knoppen]");
    var all = function () { return root.querySelectorAll("details.sk-kcc-vraag"); };
    if (knoppen) {
      knoppen.hidden = false;
      knoppen.addEventListener("click", function (event) {
        var which = event.target.getAttribute && event.target.getAttribute("data-belscript-alles");
        if (!which) return;
        Array.prototype.forEach.call(all(), function (d) { d.open = which === "open"; });
      });
    }

    function openTarget(focus) {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target) return;
      if (target.tagName.toLowerCase() === "details") {
        target.open = true;
        if (focus) target.querySelector("summary").focus();
      } else if (focus) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }

    window.addEventListener("hashchange", function () { openTarget(true); });
    root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      // The same hash again fires no hashchange: open and focus it anyway.
      if (link && link.getAttribute("href") === location.hash) setTimeout(function () { openTarget(true); }, 0);
    });
    openTarget(false);

    var closedForPrint = [];
    window.addEventListener("beforeprint", function () {
      closedForPrint = Array.prototype.filter.call(all(), function (d) { return !d.open; });
      closedForPrint.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      closedForPrint.forEach(function (d) { d.open = false; });
      closedForPrint = [];
    });
  }

  function start() {
    var roots = document.querySelectorAll(".sk-kcc");
    for (var i = 0; i < roots.length; i++) addCopyButtons(roots[i]);
    var zoeken = document.querySelector("[data-kcc]");
    if (zoeken) initZoeken(zoeken);
    var script = document.querySelector("[data-belscript]");
    if (script) initBelscript(script);
  }

  // On DOMContentLoaded: this deferred script comes before zoeken.js and nu-open.js in the page.
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
