/*
 * Sociale Kaart: the KCC pages for the gemeente's phone desk (generator/kcc/). Built for a five-second
 * answer with the keyboard only.
 *
 * /kcc/ — search with the site's own search (window.SocialeKaartZoek, zoeken.js: the same index and
 * ranking as the residents' search) plus kcc/kcc.json (generator/kcc/data.py: organisation, KCC answer,
 * hand-over rule, phone hours for "nu open", freshness per record).
 *   - focus starts in the field; "/" (outside a field) returns to it; Esc clears the field, and in an
 *     empty field the kern ("nieuw gesprek").
 *   - a query that calls up a crisis line (kaart/vangnet.yaml) shows the Spoed box above the rows, drawn with
 *     the rows from the same query (typed, from ?q=, after Back or a reload); its lines are the first stops
 *     (↓ and Enter land there, K copies the crisis number) and they are not repeated as rows.
 *   - ArrowDown/ArrowUp move through the rows (ArrowUp on the first goes back to the field); ArrowDown on
 *     the last shows the next rows, so every result is reachable; Enter opens a row.
 *   - K copies the row's number, T the number of the sociaal team of the caller's kern, V the referral
 *     (name, number, hours, what to say) for the call log; the feedback appears in the row itself.
 *     Numbers are copied in one format: the digits as dialled (0523800240).
 *   - the kern limits the results to offers for that kern and shows its sociaal team on top; what is left
 *     out is counted and one key away ("0 resultaten in Haarsloo, 3 elders: toon"). ArrowUp/ArrowDown never
 *     change the kern (ArrowDown goes on to the results); type letters or Alt+ArrowDown to choose one.
 *   - query and kern live in the URL (?q=…&kern=…), so Back and a shared link show the same results. The
 *     kern is deliberately NOT read from or stored in the residents' localStorage 'sociale-kaart-kern'.
 * /kcc/belscript/ — focus on the first question; number keys choose an answer, Backspace goes back.
 * /kcc/belscript/uitkomsten/ — the kern's sociaal team on every outcome; K, T and V as on /kcc/.
 * Copy buttons after each [data-kopieer] number. Partner text is only set as textContent.
 * After every update of the results the page fires "kcc:bijgewerkt" on document (bench/kcc.py).
 */
(function () {
  "use strict";

  var PER_KEER = 20; // rows added at a time; ArrowDown on the last row adds the next ones
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

  // --- copying: numbers in one format (digits as dialled: 0523800240), feedback next to the row ---------

  var announceTimer = null;

  function announce(text, near) {
    var live = document.getElementById("kcc-gekopieerd");
    var spots = [];
    if (live) spots.push(live);
    var here = near && near.querySelector(".sk-kcc-gekopieerd-hier");
    if (near && !here) {
      here = el("p", "sk-kcc-gekopieerd-hier");
      var tel = near.querySelector(".sk-kcc-rij__tel");
      if (tel) near.insertBefore(here, tel.nextSibling); else near.appendChild(here);
    }
    // The row's own line shows it where the eye is; the page's live region announces it once.
    if (here) {
      document.querySelectorAll(".sk-kcc-gekopieerd-hier").forEach(function (other) { if (other !== here) other.textContent = ""; });
      here.textContent = text;
    }
    clearTimeout(announceTimer);
    spots.forEach(function (spot) { spot.textContent = ""; });
    // A new text node after clearing, so the same message is announced again.
    setTimeout(function () { spots.forEach(function (spot) { spot.textContent = text; }); }, 30);
    announceTimer = setTimeout(function () {
      spots.forEach(function (spot) { spot.textContent = ""; });
      if (here) here.textContent = "";
    }, 8000);
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

  /* Copy `text`; `label` says what was copied ("0523 800 240", "de verwijzing"); `near` gets the feedback. */
  function kopieer(text, label, near) {
    window.kccKlembord = text; // what the last copy put on the clipboard (tests, and a fallback to read back)
    var done = function () { announce("Gekopieerd: " + label, near); };
    var failed = function () { announce("Kopiëren lukte niet: " + text, near); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        if (copyWithSelection(text)) done(); else failed();
      });
    } else if (copyWithSelection(text)) {
      done();
    } else {
      failed();
    }
  }

  function digits(shown) {
    return shown.replace(/[^\d+]/g, "");
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

  function rowOf(node) {
    return node && node.closest ? node.closest(".sk-kcc-rij, .sk-vangnet__lijn, [data-uitkomst], [data-team], .sk-kcc-jouwteam") : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".sk-kcc-kopieer") : null;
    if (button) kopieer(button.getAttribute("data-nummer"), button.getAttribute("data-toon"), rowOf(button));
  });

  function copyNumberOf(scope, near) {
    var button = scope && scope.querySelector(".sk-kcc-kopieer");
    if (!button) return false;
    kopieer(button.getAttribute("data-nummer"), button.getAttribute("data-toon"), near || scope);
    return true;
  }

  function deurTekst(deur) {
    var naam = deur.querySelector("[data-naam]");
    var button = deur.querySelector(".sk-kcc-kopieer");
    var open = deur.querySelector(".sk-nu-open:not(:empty), .sk-note");
    var line = naam ? naam.textContent.trim() : "";
    if (button) line += (line ? ", " : "") + button.getAttribute("data-nummer");
    if (open && open.textContent.trim()) line += " (" + open.textContent.trim().replace(/^\(|\)$/g, "") + ")";
    return line;
  }

  /* "Verwezen naar: Naam, 0523800240 (Nu open tot 17.00). Gezegd: …. Sociaal team: …" for the call log. */
  function verwijzing(scope) {
    var parts = [];
    scope.querySelectorAll(".sk-kcc-deur [data-deur], .sk-kcc-rij__tel [data-deur]").forEach(function (deur) {
      if (deur.hidden || deur.querySelector("[data-deur]")) return; // hidden for this kern, or only a wrapper
      var line = deurTekst(deur);
      if (line) parts.push(line);
    });
    var text = "Verwezen naar: " + (parts.length ? parts.join("; ") : "zie de sociale kaart") + ".";
    var zeg = scope.querySelector("[data-zeg]");
    if (zeg) text += " " + (zeg.getAttribute("data-zeg") || "Gezegd") + ": " + zeg.textContent.trim();
    var team = scope.querySelector(".sk-kcc-teamregel [data-deur]");
    if (team) text += " Sociaal team: " + deurTekst(team) + ".";
    return text;
  }

  // --- the caller's kern: in the URL, never changed by the arrow keys -------------------------------

  function urlParam(name) {
    return new URLSearchParams(location.search).get(name) || "";
  }

  function setUrlParams(values) {
    var params = new URLSearchParams(location.search);
    Object.keys(values).forEach(function (key) {
      if (values[key]) params.set(key, values[key]); else params.delete(key);
    });
    var search = params.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function kernNaam(select) {
    return select.value ? select.options[select.selectedIndex].textContent : "";
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* The kern select: restored from ?kern=, kept in the URL, and ArrowUp/ArrowDown do not change it.
     Letters choose the first kern whose name starts with what was typed ("ros" → Rosmarke), the same on
     every browser and however fast the employee types; the letters count as one word for 2 seconds. */
  function initKern(select, onChange, onArrowDown) {
    var fromUrl = urlParam("kern");
    if (fromUrl && select.querySelector('option[value="' + fromUrl.replace(/[^a-z0-9-]/g, "") + '"]')) select.value = fromUrl;
    var typed = "";
    var typedTimer = null;
    function choose(value) {
      if (select.value === value) return;
      select.value = value;
      setUrlParams({kern: select.value});
      onChange();
    }
    select.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return; // Alt+ArrowDown opens the list: a deliberate choice
      if (event.key.length === 1 && event.key !== " ") {
        event.preventDefault();
        clearTimeout(typedTimer);
        typed += fold(event.key);
        typedTimer = setTimeout(function () { typed = ""; }, 2000);
        var match = Array.prototype.find.call(select.options, function (option) {
          return option.value && fold(option.textContent).indexOf(typed) === 0;
        });
        if (match) choose(match.value);
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp" || event.key === "PageDown" || event.key === "PageUp" ||
          event.key === "Home" || event.key === "End") {
        event.preventDefault();
        if (event.key === "ArrowDown" && onArrowDown) onArrowDown();
      }
    });
    select.addEventListener("change", function () {
      setUrlParams({kern: select.value});
      onChange();
    });
  }

  /* The sociaal team of the chosen kern, from the page's list of teams ([data-team] with data-kernen). */
  function teamVoor(kern) {
    if (!kern) return null;
    var teams = document.querySelectorAll("[data-team]");
    for (var i = 0; i < teams.length; i++) {
      if ((" " + teams[i].getAttribute("data-kernen") + " ").indexOf(" " + kern + " ") !== -1) return teams[i];
    }
    return null;
  }

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
    var hits = [];
    var elders = [];
    var shown = 0;
    var today = null;
    var vangnet = window.SocialeKaartVangnet; // zoeken-ui.js: the residents' safety-net box, here labelled "Spoed"
    var spoedBox = vangnet ? vangnet.slot(list, true) : function () { return ""; };

    form.hidden = false;
    var fallback = root.querySelector("[data-kcc-zonderjs]");
    if (fallback) fallback.hidden = true;
    field.value = urlParam("q");
    field.focus();

    function kccData() {
      return window.fetch(root.getAttribute("data-kcc-data")).then(function (response) {
        if (!response.ok) throw new Error("kcc.json niet gevonden (" + response.status + ")");
        return response.json();
      });
    }

    status.textContent = "Zoeken wordt geladen…";
    Zoek.ready().then(function () { drawSpoed(field.value); }, function () {});
    Promise.all([Zoek.ready(), kccData()]).then(function (parts) {
      extra = parts[1];
      ready = true;
      status.textContent = "";
      showTeam();
      update();
    }).catch(function () {
      status.textContent = "Zoeken lukt nu niet. Gebruik het belscript, de A-Z lijst of de nummers hieronder.";
    });

    function extraFor(hit) {
      var perSoort = extra && extra.records[hit.soort];
      return (perSoort && perSoort[hit.id]) || {};
    }

    function nuOpenSpan(plan, label) {
      var span = el("span", "sk-nu-open");
      span.setAttribute("data-nu-open", JSON.stringify(plan));
      if (label) span.setAttribute("data-label", label);
      return span;
    }

    // The number with "nu open" of that number (its phone hours) only; opening and walk-in hours are
    // labelled as such on their own line.
    function telefoonRegel(hit, data, index) {
      var line = el("p", "sk-kcc-rij__tel");
      line.id = "kcc-tel-" + index;
      var shownNumber = hit.telefoon || data.telefoon;
      var andere = andereGemeente(data);
      if (andere) {
        // Another gemeente's place: its number is no door for this caller; their own sociaal team is.
        var niet = el("span", "sk-note", andere + ": geef dit nummer niet aan een beller uit " + kernNaam(kern) +
          ". T kopieert het nummer van het eigen sociaal team.");
        niet.setAttribute("data-niet-doorgeven", niet.textContent);
        line.appendChild(niet);
        return [line];
      }
      if (!shownNumber) {
        line.appendChild(el("span", "sk-note", "Geen telefoonnummer, zie de pagina."));
        return [line];
      }
      if (data.algemeen) {
        // The record's number is a gemeente's general number: passing it on sends the caller back to a desk.
        var eigen = el("span", "sk-note", algemeenTekst(data.algemeen, shownNumber));
        eigen.setAttribute("data-niet-doorgeven", algemeenTekst(data.algemeen, shownNumber));
        line.appendChild(eigen);
        return [line];
      }
      var deur = el("span");
      deur.setAttribute("data-deur", "");
      var naam = el("span", "sk-verborgen", hit.naam);
      naam.setAttribute("data-naam", "");
      deur.appendChild(naam);
      var link = el("a", "sk-tel", shownNumber);
      link.href = "tel:" + digits(shownNumber);
      deur.appendChild(link);
      if (!hit.telefoon) deur.appendChild(el("span", "sk-note", " (organisatie)"));
      deur.appendChild(document.createTextNode(" "));
      deur.appendChild(copyButton(digits(shownNumber), shownNumber));
      if (data.bellen) {
        deur.appendChild(document.createTextNode(" "));
        deur.appendChild(nuOpenSpan(data.bellen));
      }
      line.appendChild(deur);
      var lines = [line];
      [["open", "Open: "], ["inloop", "Inloop: "]].forEach(function (pair) {
        var plan = data[pair[0]];
        if (!plan) return;
        var hours = el("p", "sk-kcc-rij__uren");
        hours.appendChild(el("span", "sk-kcc-rij__soort", pair[1]));
        hours.appendChild(nuOpenSpan(plan));
        lines.push(hours);
      });
      return lines;
    }

    /* "Voor inwoners van Gemeente Egelstede" when the record is only for other gemeenten than the caller's kern's. */
    function andereGemeente(data) {
      var option = kern.value && kern.options[kern.selectedIndex];
      var eigen = option && option.getAttribute("data-gemeente");
      if (!eigen || !data.gemeenten || data.gemeenten.indexOf(eigen) !== -1) return "";
      return "Voor inwoners van " + data.gemeenten.map(function (id) { return extra.gemeenten[id] || id; }).join(" en ");
    }

    function algemeenTekst(gemeente, nummer) {
      return "Geen eigen nummer: dit loopt via het algemene nummer van " + gemeente + " (" + nummer +
        "). Geef dat nummer niet door; regel het in dit gesprek.";
    }

    function labelled(className, label, text, id) {
      var p = el("p", className);
      if (id) p.id = id;
      p.appendChild(el("strong", null, label + " "));
      var span = el("span", null, text);
      if (label === "Zeg:") span.setAttribute("data-zeg", "");
      p.appendChild(span);
      return p;
    }

    function rij(hit, index, elsewhere) {
      var data = extraFor(hit);
      var item = el("li", "sk-kcc-rij" + (elsewhere ? " sk-kcc-rij--elders" : ""));
      var kop = el("div", "sk-kcc-rij__kop");
      var naam = el("button", "sk-kcc-rij__naam", hit.naam);
      naam.type = "button";
      naam.id = "kcc-naam-" + index;
      naam.setAttribute("aria-expanded", "false");
      naam.setAttribute("aria-controls", "kcc-meer-" + index);
      var describedBy = ["kcc-wie-" + index, "kcc-tel-" + index];
      kop.appendChild(naam);
      var organisatie = data.organisatie && extra.organisaties[data.organisatie];
      var wie = el("span", "sk-kcc-rij__wie", (organisatie ? organisatie + " · " : "") + SOORT_NAAM[hit.soort] +
        (elsewhere ? " · niet in " + kernNaam(kern) : "") + (andereGemeente(data) ? " · andere gemeente" : ""));
      wie.id = "kcc-wie-" + index;
      kop.appendChild(wie);
      if (hit.status) kop.appendChild(el("span", "sk-badge sk-badge--status", hit.status.charAt(0).toUpperCase() + hit.status.slice(1)));
      item.appendChild(kop);
      telefoonRegel(hit, data, index).forEach(function (line) { item.appendChild(line); });
      var script = andereGemeente(data) ? {} : data; // another gemeente's script would send this caller there
      if (script.antwoord) {
        item.appendChild(labelled("sk-kcc-rij__zeg", "Zeg:", data.antwoord, "kcc-zeg-" + index));
        describedBy.push("kcc-zeg-" + index);
      } else if (hit.samenvatting) {
        item.appendChild(labelled("sk-kcc-rij__wat", "Wat:", hit.samenvatting));
      }
      if (script.doorverwijzen) item.appendChild(labelled("sk-kcc-rij__door", "Naar sociaal team:", data.doorverwijzen));
      var niveau = data.gecontroleerd && controleNiveau(data.gecontroleerd, extra.drempels, today);
      if (niveau) {
        item.appendChild(el("p", "sk-kcc-controle sk-kcc-controle--" + niveau, "Controleer: gegevens van " +
          datumTekst(data.gecontroleerd) + (niveau === "verouderd" ? " (ouder dan " + extra.drempels.verouderd + " maanden)" : "")));
      }
      naam.setAttribute("aria-describedby", describedBy.join(" "));
      var meer = el("div", "sk-kcc-rij__meer");
      meer.id = "kcc-meer-" + index;
      meer.hidden = true;
      if (script.antwoord && hit.samenvatting) meer.appendChild(labelled("", "Wat:", hit.samenvatting));
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

    // Rows shown after "elders: toon" stay counted as elders: "0 resultaten in Stroetinge, 2 elders."
    function aantal() {
      var kernText = kern.value ? " in " + kernNaam(kern) : "";
      var own = hits.filter(function (hit) { return !hit.elders; }).length;
      var away = elders.length + hits.length - own;
      var text = (own === 1 ? "1 resultaat" : own + " resultaten") + kernText;
      if (away) text += ", " + away + " elders";
      if (shown < hits.length) text += " (" + shown + " getoond, ↓ op de laatste toont meer)";
      var team = own === 0 && teamVoor(kern.value);
      text += ".";
      if (team) text += " Eerst: " + team.querySelector("[data-naam]").textContent + " (↓ of T).";
      return text;
    }

    /* With nothing in the caller's kern, their own sociaal team is the first keyboard stop. */
    function markOwnDoor(asked) {
      var first = asked && kern.value && !teamSlot.hidden && !hits.some(function (hit) { return !hit.elders; });
      if (first) teamSlot.setAttribute("data-eerst", ""); else teamSlot.removeAttribute("data-eerst");
    }

    function eldersKnop() {
      var item = el("li", "sk-kcc-elders");
      var button = el("button", "sk-kcc-elders__knop", elders.length + " elders, niet in " + kernNaam(kern) + ": toon");
      button.type = "button";
      button.setAttribute("data-kcc-elders", "");
      item.appendChild(button);
      return item;
    }

    function appendRows(count) {
      var fragment = document.createDocumentFragment();
      var end = Math.min(shown + count, hits.length);
      for (var i = shown; i < end; i++) {
        if (hits[i].url === undefined) { end = i; break; } // its card is not loaded yet: withCards first
        fragment.appendChild(rij(hits[i], i, hits[i].elders));
      }
      var knop = list.querySelector(".sk-kcc-elders");
      list.insertBefore(fragment, knop);
      var added = end - shown;
      shown = end;
      refreshNuOpen(list);
      return added;
    }

    // Hits carry their card (url, samenvatting) only once its chunk is loaded (zoeken.js, shards.py):
    // rows are added for loaded cards, and the next rows' cards are fetched ahead.
    function withCards(list, then) {
      if (list.every(function (hit) { return hit.url !== undefined; })) { then(); return; }
      Zoek.kaarten(list).then(then, function () {
        status.textContent = "Zoeken lukt nu niet. Gebruik het belscript, de A-Z lijst of de nummers hieronder.";
      });
    }

    function prefetchNext() {
      var next = hits.slice(shown, shown + PER_KEER).concat(elders.slice(0, PER_KEER));
      if (next.length) Zoek.kaarten(next).catch(function () {});
    }

    var asking = 0; // the newest search; an older answer that comes later is dropped

    /* The Spoed box needs only the search manifest (zoeken.js), never a shard or kcc.json: drawn first. */
    function drawSpoed(query) {
      var lines = query.trim() ? Zoek.vangnet(query) : [];
      spoedBox(lines);
      if (lines.length) spoedStops();
      return lines;
    }

    function update() {
      if (Zoek.isReady()) drawSpoed(field.value);
      if (!ready) return;
      var query = field.value;
      setUrlParams({q: query.trim() ? query : ""});
      var filters = {soort: SOORTEN};
      var asked = query.trim() || kern.value;
      if (kern.value) filters.kern = kern.value;
      var searches = [asked ? Zoek.zoek(query, filters, {kaarten: PER_KEER}) : Promise.resolve([])];
      if (kern.value && query.trim()) searches.push(Zoek.zoek(query, {soort: SOORTEN}, {kaarten: 0}));
      var mine = ++asking;
      Promise.all(searches).then(function (found) {
        if (mine !== asking) return;
        show(query, found[0], found[1] || [], asked);
      }, function () {
        status.textContent = "Zoeken lukt nu niet. Gebruik het belscript, de A-Z lijst of de nummers hieronder.";
      });
    }

    function show(query, found, everywhere, asked) {
      // A crisis line the query calls up stands in the Spoed box above the rows, not again as a row. Box and
      // rows are drawn together, from the query the rows were found for (typed, from the URL, Back, restore).
      var lines = drawSpoed(query);
      var spoed = lines.map(function (line) { return "ingang/" + line.id; });
      function notInBox(hit) { return spoed.indexOf(hit.soort + "/" + hit.id) === -1; }
      hits = found.filter(notInBox);
      elders = [];
      if (everywhere.length) {
        var inKern = {};
        hits.forEach(function (hit) { inKern[hit.soort + "/" + hit.id] = true; });
        elders = everywhere.filter(function (hit) { return !inKern[hit.soort + "/" + hit.id] && notInBox(hit); });
      }
      today = vandaag();
      var focusedName = focusedRowName();
      list.textContent = "";
      shown = 0;
      if (elders.length) list.appendChild(eldersKnop());
      appendRows(PER_KEER);
      if (focusedName !== null) refocusRow(focusedName);
      status.textContent = asked ? aantal() : "";
      markOwnDoor(asked);
      prefetchNext();
      document.dispatchEvent(new CustomEvent("kcc:bijgewerkt", {detail: {aantal: hits.length, elders: elders.length, spoed: lines.length}}));
    }

    // A row can have the focus while a later answer redraws the list (ArrowDown pressed before the last
    // keystroke's results arrived): the focus stays on the same record, or goes back to the field.
    function focusedRowName() {
      var row = document.activeElement && list.contains(document.activeElement) && document.activeElement.closest(".sk-kcc-rij");
      var name = row && row.querySelector(".sk-kcc-rij__naam");
      return name ? name.textContent : null;
    }

    function refocusRow(name) {
      var same = Array.prototype.find.call(list.querySelectorAll(".sk-kcc-rij__naam"), function (button) {
        return button.textContent === name;
      });
      (same || field).focus();
    }

    function toonElders() {
      withCards(elders, function () {
        var knop = list.querySelector(".sk-kcc-elders");
        var first = shown;
        elders.forEach(function (hit) { hit.elders = true; });
        hits = hits.concat(elders);
        elders = [];
        if (knop) knop.remove();
        appendRows(Math.max(PER_KEER, hits.length - shown));
        status.textContent = aantal();
        var names = list.querySelectorAll(".sk-kcc-rij__naam");
        if (names[first]) names[first].focus();
      });
    }

    function showTeam() {
      teamSlot.textContent = "";
      teamSlot.hidden = true;
      var team = teamVoor(kern.value);
      if (!team) return;
      var copy = team.cloneNode(true);
      copy.removeAttribute("data-team");
      copy.setAttribute("aria-label", "Sociaal team voor " + kernNaam(kern));
      teamSlot.appendChild(el("p", "sk-kcc-jouwteam__kop", "Sociaal team voor " + kernNaam(kern) + ":"));
      teamSlot.appendChild(copy);
      teamSlot.hidden = false;
      refreshNuOpen(teamSlot);
    }

    /* Every crisis line in the Spoed box gets a copy button; its "Bel" link is a keyboard stop before the rows,
       so ↓ lands on it first and K copies its number. */
    function spoedStops() {
      root.querySelectorAll(".sk-vangnet__lijn").forEach(function (line) {
        var link = line.querySelector(".sk-vangnet__bel");
        if (!link || line.querySelector(".sk-kcc-kopieer")) return;
        var shownNumber = link.textContent.replace(/^Bel\s+/, "");
        link.setAttribute("data-naam", "");
        link.parentNode.insertBefore(copyButton(digits(link.getAttribute("href").replace(/^tel:/, "")), shownNumber), link.nextSibling);
        link.parentNode.insertBefore(document.createTextNode(" "), link.nextSibling);
      });
    }

    /* The keyboard stops in order: the Spoed box's lines, then the rows (and the "elders" button). */
    function rows() {
      return root.querySelectorAll(".sk-vangnet .sk-vangnet__bel, #kcc-team[data-eerst] > [aria-label], " +
        "#kcc-rijen .sk-kcc-rij__naam, #kcc-rijen .sk-kcc-elders__knop");
    }

    function itemOf(stop) {
      return stop.closest(".sk-vangnet__lijn, #kcc-team, .sk-kcc-rij, .sk-kcc-elders");
    }

    function toggle(button) {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
    }

    function rowIndex(node) {
      var buttons = Array.prototype.slice.call(rows());
      var item = node.closest(".sk-vangnet__lijn, #kcc-team, #kcc-rijen > li");
      for (var i = 0; i < buttons.length; i++) if (item && itemOf(buttons[i]) === item) return i;
      return -1;
    }

    function focusRow(index) {
      var buttons = rows();
      if (index < 0) { field.focus(); return; }
      if (index >= buttons.length && shown < hits.length) {
        withCards(hits.slice(shown, shown + PER_KEER), function () {
          appendRows(PER_KEER);
          status.textContent = aantal();
          focusLoaded(index);
        });
        return;
      }
      focusLoaded(index);
    }

    function focusLoaded(index) {
      var buttons = rows();
      if (index < buttons.length) buttons[index].focus();
      else if (buttons.length) buttons[buttons.length - 1].focus();
    }

    function naamVan(item, rowName) {
      var strong = item.matches(".sk-vangnet__lijn") && item.querySelector("strong");
      return (strong || rowName).textContent;
    }

    function spoedVerwijzing(line) {
      var button = line.querySelector(".sk-kcc-kopieer");
      return "Spoed: verwezen naar " + line.querySelector("strong").textContent + ", " + button.getAttribute("data-nummer") + ".";
    }

    function copyTeam(near) {
      var team = teamVoor(kern.value);
      if (!team) { announce("Kies eerst de kern van de beller: dan kopieert T het nummer van het sociaal team.", near); return; }
      copyNumberOf(team, near);
    }

    field.addEventListener("input", update);
    initKern(kern, function () { showTeam(); update(); }, function () { if (rows().length) focusRow(0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    field.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && rows().length) {
        event.preventDefault();
        focusRow(0);
      } else if (event.key === "Enter") {
        event.preventDefault();
        var spoedLine = root.querySelector(".sk-vangnet .sk-vangnet__bel");
        if (spoedLine) { spoedLine.focus(); return; } // a crisis call: the crisis line first, not a row
        var first = list.querySelector(".sk-kcc-rij__naam");
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
          setUrlParams({kern: ""});
          showTeam();
        }
        update();
      }
    });

    list.addEventListener("click", function (event) {
      if (event.target.closest("[data-kcc-elders]")) { toonElders(); return; }
      var button = event.target.closest(".sk-kcc-rij__naam");
      if (button) toggle(button);
    });

    // On the rows and on the Spoed box above them (drawn anew per query, so listened to on the page).
    root.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      var index = rowIndex(event.target);
      if (index === -1) return;
      var item = itemOf(rows()[index]);
      var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      var rowName = item.querySelector(".sk-kcc-rij__naam, [data-naam]");
      if (key === "ArrowDown") {
        event.preventDefault();
        focusRow(index + 1);
      } else if (key === "ArrowUp") {
        event.preventDefault();
        focusRow(index - 1);
      } else if (key === "Escape") {
        event.preventDefault();
        field.focus();
      } else if (key === "t") {
        event.preventDefault();
        copyTeam(item);
      } else if ((key === "k" || key === "v") && !rowName) {
        event.preventDefault(); // the "elders" button: nothing to copy before the rows are shown
        announce("Eerst Enter: dit zijn plekken buiten " + kernNaam(kern) + ". T kopieert het sociaal team van de beller.", item);
      } else if (key === "k") {
        event.preventDefault();
        var niet = item.querySelector("[data-niet-doorgeven]");
        if (!copyNumberOf(item, item)) announce(niet ? niet.getAttribute("data-niet-doorgeven") :
          "Geen telefoonnummer bij " + rowName.textContent + ".", item);
      } else if (key === "v") {
        event.preventDefault();
        var team = teamVoor(kern.value);
        var text = item === teamSlot ? "Verwezen naar: " + deurTekst(team) + "." :
          (item.matches(".sk-vangnet__lijn") ? spoedVerwijzing(item) : verwijzing(item));
        if (team && item !== teamSlot) text += " Sociaal team: " + deurTekst(team) + ".";
        kopieer(text, "de verwijzing naar " + naamVan(item, rowName), item);
      } else if (event.key.length === 1 && event.key !== " " && event.key !== "/") {
        // Typing on a row goes on typing in the search field (K, T and V copy; Space/Enter open).
        event.preventDefault();
        field.focus();
        field.value += event.key;
        update();
      } else if (key === "Backspace") {
        event.preventDefault();
        field.focus();
        field.value = field.value.slice(0, -1);
        update();
      }
    });

    teamSlot.addEventListener("keydown", function (event) {
      var key = event.key.toLowerCase();
      if ((key === "k" || key === "t") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        copyTeam(teamSlot);
      }
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.altKey || event.ctrlKey || event.metaKey || isField(event.target)) return;
      event.preventDefault();
      field.focus();
      field.select();
    });

    // Back to this page from a record page: the browser may restore the fields; follow the URL.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      field.value = urlParam("q");
      kern.value = urlParam("kern");
      showTeam();
      update();
    });
  }

  // --- /kcc/belscript/ and its outcomes ----------------------------------------------------------

  function initBelscript(root) {
    var knoppen = root.querySelector("[data-belscript-knoppen]");
    var all = function () { return root.querySelectorAll("details.sk-kcc-vraag"); };
    var kern = root.querySelector("[data-kcc-kern]");
    var outcomes = root.hasAttribute("data-belscript-uitkomsten");
    if (knoppen) {
      knoppen.hidden = false;
      knoppen.addEventListener("click", function (event) {
        var which = event.target.getAttribute && event.target.getAttribute("data-belscript-alles");
        if (!which) return;
        Array.prototype.forEach.call(all(), function (d) { d.open = which === "open"; });
      });
    }

    // Links to the outcomes and between the pages carry the kern, so it survives every step and Back.
    function carryKern() {
      root.querySelectorAll("a[href]").forEach(function (link) {
        var href = link.getAttribute("href");
        if (!href || href.charAt(0) === "#" || /^(tel|mailto):/.test(href) || link.closest(".sk-kcc-uitkomst h2")) return;
        var url = new URL(href, location.href);
        if (url.origin !== location.origin || url.pathname.indexOf("/kcc/") === -1) return;
        if (kern && kern.value) url.searchParams.set("kern", kern.value); else url.searchParams.delete("kern");
        link.setAttribute("href", url.pathname + url.search + url.hash);
      });
    }

    // Every outcome: the sociaal team of the caller's kern, and only the cliëntondersteuners for that kern.
    function toonKern() {
      var team = teamVoor(kern && kern.value);
      root.querySelectorAll("[data-kcc-team]").forEach(function (slot) {
        slot.textContent = "";
        if (team) {
          var copy = el("span");
          copy.setAttribute("data-deur", "");
          Array.prototype.forEach.call(team.childNodes, function (node) {
            if (!(node.classList && node.classList.contains("sk-note") && !node.classList.contains("sk-nu-open"))) copy.appendChild(node.cloneNode(true));
          });
          slot.appendChild(copy);
        } else {
          var link = el("a", null, "kies de kern bovenaan");
          link.href = "#kcc-kern";
          slot.appendChild(link);
          slot.appendChild(document.createTextNode(" (of zie de lijst onderaan)."));
        }
      });
      root.querySelectorAll("li[data-deur][data-kernen]").forEach(function (item) {
        item.hidden = !!(kern && kern.value) && (" " + item.getAttribute("data-kernen") + " ").indexOf(" " + kern.value + " ") === -1;
      });
      refreshNuOpen(root);
      carryKern();
    }

    if (kern) {
      initKern(kern, toonKern, null);
      toonKern();
    }

    function openTarget(focus) {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target) return false;
      if (target.tagName.toLowerCase() === "details") {
        target.open = true;
        if (focus) target.querySelector("summary").focus();
      } else if (focus) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
      return true;
    }

    window.addEventListener("hashchange", function () { openTarget(true); });
    window.addEventListener("pageshow", function (event) { if (event.persisted) openTarget(true); });
    root.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      // The same hash again fires no hashchange: open and focus it anyway.
      if (link && link.getAttribute("href") === location.hash) setTimeout(function () { openTarget(true); }, 0);
    });
    // Keyboard first: the question or outcome the link leads to, else the first question.
    if (!openTarget(true)) {
      var first = root.querySelector("details.sk-kcc-vraag > summary, [data-uitkomst]");
      if (first) first.focus();
    }

    function currentQuestion() {
      var active = document.activeElement;
      var open = active && active.closest ? active.closest("details.sk-kcc-vraag") : null;
      if (open) return open;
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      return target && target.matches("details.sk-kcc-vraag") ? target : root.querySelector("details.sk-kcc-vraag[open]");
    }

    // Number keys choose an answer. With ten or more answers, "1" waits a moment for a second digit ("12").
    var cijfers = "";
    var cijferTimer = null;

    function kiesAntwoord(digit) {
      var vraag = currentQuestion();
      if (!vraag) return;
      var count = vraag.querySelectorAll("a[data-antwoord]").length;
      clearTimeout(cijferTimer);
      cijfers += digit;
      var kies = function () {
        var answer = vraag.querySelector('a[data-antwoord="' + Number(cijfers) + '"]');
        cijfers = "";
        if (answer) answer.click();
      };
      if (Number(cijfers) * 10 > count || cijfers.length === 2) kies();
      else cijferTimer = setTimeout(kies, 700);
    }

    function currentOutcome() {
      var active = document.activeElement;
      var here = active && active.closest ? active.closest("[data-uitkomst]") : null;
      if (here) return here;
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      return target && target.matches("[data-uitkomst]") ? target : null;
    }

    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || isField(event.target)) return;
      var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === "Backspace") {
        event.preventDefault();
        history.back();
        return;
      }
      if (!outcomes && /^[0-9]$/.test(key)) {
        event.preventDefault();
        kiesAntwoord(key);
        return;
      }
      var outcome = outcomes && currentOutcome();
      if (!outcome) return;
      if (key === "k") {
        event.preventDefault();
        var deur = outcome.querySelector(".sk-kcc-deur [data-deur]:not([hidden])");
        if (!copyNumberOf(deur, outcome)) announce("Kies eerst de kern van de beller.", outcome);
      } else if (key === "t") {
        event.preventDefault();
        var team = teamVoor(kern && kern.value);
        if (team) copyNumberOf(team, outcome); else announce("Kies eerst de kern van de beller.", outcome);
      } else if (key === "v") {
        event.preventDefault();
        kopieer(verwijzing(outcome), "de verwijzing", outcome);
      }
    });

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
