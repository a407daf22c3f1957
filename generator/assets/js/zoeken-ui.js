/*
 * Sociale Kaart: the search in the page, on top of window.SocialeKaartZoek (zoeken.js).
 *
 * - Header field (every page): the first results while typing, as links under the field.
 *   ArrowDown moves into the results, Escape closes them, Enter opens /zoeken/?q=… (a plain form).
 * - Search page (/zoeken/): results with filters; query and filters live in the URL: a filter
 *   change, Enter or a new query adds a history entry (pushState), further typing replaces it
 *   (replaceState), the back button restores the previous one (popstate).
 * - The safety net (kaart/vangnet.yaml): when a query calls up a crisis line, a box ABOVE all
 *   results (never one of them) names the line, its number as a tel: link and what to do; on the
 *   search page, in the header's results and on /kcc/ (labelled "Spoed" for the employee).
 *   Filters never hide it. When the box shows a violence line it carries data-snel-weg and
 *   dispatches `sociale-kaart:snel-weg` on document (detail: {lijnen: [ingang ids]}), for the
 *   quick-exit button.
 * - Nothing found: "Bedoelde je …?", the wegwijzer, the themes and the gemeente's number.
 * The index loads only when someone focuses a search field or opens the search page.
 * Partner text is only ever set as textContent, never as HTML.
 */
(function () {
  "use strict";

  var Zoek = window.SocialeKaartZoek;
  if (!Zoek) return;

  var HEADER_HITS = 5;
  var PAGE_SIZE = 20;
  var FIRST_CARDS = 4; // a phone's first screen: drawn as soon as their cards are in, before the rest of the page
  var DRAWN = "sk-zoeken:getekend"; // performance mark after every search the page or the header field drew (bench/search.py)

  function drawn() {
    if (window.performance && performance.mark) performance.mark(DRAWN);
  }

  /** Puts exactly these nodes in the list, in this order; nodes already in place are not touched. */
  function setChildren(list, nodes) {
    var children = list.children;
    if (nodes.length === children.length && nodes.every(function (node, i) { return children[i] === node; })) return;
    if (list.replaceChildren) {
      list.replaceChildren.apply(list, nodes);
    } else {
      list.textContent = "";
      nodes.forEach(function (node) { list.appendChild(node); });
    }
  }
  var ANNOUNCE_DELAY = 600; // ms of quiet typing before the count is announced

  /* The kern chosen on this device (kern.js): an official door is then that kern's own (zoeken.js doors). */
  function woonkern() {
    return window.SocialeKaartKern ? window.SocialeKaartKern.lees() || null : null;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function aantal(count) {
    return count === 1 ? "1 resultaat" : count + " resultaten";
  }

  function laterAnnouncer(node) {
    var timer = null;
    return function (text, now) {
      clearTimeout(timer);
      if (now) {
        node.textContent = text;
      } else {
        timer = setTimeout(function () { node.textContent = text; }, ANNOUNCE_DELAY);
      }
    };
  }

  // --- the safety net box -----------------------------------------------------------------------

  var SNEL_WEG_EVENT = "sociale-kaart:snel-weg";

  /**
   * A box for the crisis lines a query calls up (or null when there are none). `spoed` adds the
   * label for phone-desk staff. The caller puts it above the results.
   */
  function vangnetBox(lines, spoed) {
    if (!lines.length) return null;
    var box = el("section", "sk-vangnet");
    box.setAttribute("aria-label", spoed ? "Spoed: crisislijn" : "Direct hulp");
    box.setAttribute("data-vangnet", lines.map(function (line) { return line.id; }).join(" "));
    if (spoed) box.appendChild(el("p", "sk-vangnet__spoed", "Spoed: geef dit nummer eerst"));
    lines.forEach(function (line) {
      var row = el("div", "sk-vangnet__lijn");
      var title = el("p", "sk-vangnet__naam");
      var link = el("a", "sk-vangnet__bel", "Bel " + line.telefoon);
      link.href = "tel:" + line.tel;
      title.appendChild(el("strong", null, line.naam));
      title.appendChild(document.createTextNode(" "));
      title.appendChild(link);
      row.appendChild(title);
      row.appendChild(el("p", "sk-vangnet__doen", line.wat_doen + (line.wanneer ? " Bereikbaar: " + line.wanneer + "." : "")));
      box.appendChild(row);
    });
    var violence = lines.filter(function (line) { return line.snel_weg; });
    if (violence.length) box.setAttribute("data-snel-weg", violence.map(function (line) { return line.id; }).join(" "));
    return box;
  }

  /**
   * Keeps one safety-net box in place before `anchor` and tells the page about violence lines
   * once per change (not on every keystroke). Returns show(lines) -> the spoken summary or "".
   */
  function vangnetSlot(anchor, spoed) {
    var current = null;
    var shownKey = "";
    var violenceKey = "";
    return function show(lines) {
      var key = lines.map(function (line) { return line.id + (line.snel_weg ? "!" : ""); }).join(" ");
      if (key !== shownKey) {
        if (current) current.remove();
        current = vangnetBox(lines, spoed);
        if (current) anchor.parentNode.insertBefore(current, anchor);
        shownKey = key;
      }
      var violence = lines.filter(function (line) { return line.snel_weg; }).map(function (line) { return line.id; });
      if (violence.join(" ") !== violenceKey) {
        violenceKey = violence.join(" ");
        if (violence.length) document.dispatchEvent(new CustomEvent(SNEL_WEG_EVENT, {detail: {lijnen: violence}}));
      }
      return lines.length ? lines.map(function (line) { return "Bel " + line.naam + ": " + line.telefoon + "."; }).join(" ") + " " : "";
    };
  }

  /* The KCC numbers for "nothing found": the one of the kern's gemeente, every gemeente's without a kern
     (query.general_numbers): a Wolderbeek resident is never sent to Egelstede's desk. */
  function kccNummers(data, kern) {
    var cards = (data && data.kcc) || [];
    var own = cards.filter(function (card) { return kern && (data.gebieden[card.gemeente] || []).indexOf(kern) !== -1; });
    return own.length ? own : cards;
  }

  // --- header field ------------------------------------------------------------------------------

  function initHeader(page) {
    var form = document.getElementById("sk-zoekveld");
    if (!form) return;
    var input = document.getElementById("sk-zoekveld-q");
    var pageUrl = form.getAttribute("action");
    // Built here rather than in every page's HTML: the status for screen readers and the panel.
    var status = el("p", "sk-verborgen");
    status.id = "sk-zoekveld-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var panel = el("div", "sk-zoekveld__paneel");
    panel.id = "sk-zoekveld-paneel";
    panel.hidden = true;
    var list = el("ul", "sk-zoekveld__lijst");
    list.setAttribute("aria-label", "Eerste resultaten");
    var all = el("a", "sk-zoekveld__alle", "Alle resultaten bekijken");
    all.href = pageUrl;
    var bedoel = el("p", "sk-zoekveld__bedoel");
    bedoel.hidden = true;
    panel.appendChild(list);
    panel.appendChild(bedoel);
    panel.appendChild(all);
    form.appendChild(status);
    form.appendChild(panel);
    var announce = laterAnnouncer(status);
    var showVangnet = vangnetSlot(list, false);

    input.addEventListener("focus", function () { Zoek.ready().catch(function () {}); });

    if (page) {
      // On the search page the header field drives the page's own results.
      input.addEventListener("input", function () { page.setQuery(input.value, false); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        page.setQuery(input.value, true);
      });
      return;
    }

    function close() {
      panel.hidden = true;
    }

    function links() {
      return Array.prototype.slice.call(panel.querySelectorAll("a"));
    }

    /* The result that has focus (ArrowDown), so a redraw (the answer to an earlier keystroke, the cards of
       a shard that came later) keeps it: the same result again, else the one at its place, else the field.
       Without this, focus fell to the page and Enter no longer opened the result the person chose. */
    function highlight() {
      var hits = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = hits.indexOf(document.activeElement);
      if (at === -1) return null;
      var href = hits[at].href;
      return {
        restore: function () {
          var now = Array.prototype.slice.call(list.querySelectorAll("a"));
          var same = now.filter(function (link) { return link.href === href; })[0];
          (same || now[Math.min(at, now.length - 1)] || input).focus();
        },
      };
    }

    function show() {
      var query = input.value.trim();
      if (!query) {
        close();
        announce("", true);
        return;
      }
      Zoek.ready().then(function () {
        if (input.value.trim() !== query) return; // typed on meanwhile
        // The crisis box comes from the manifest alone: it never waits for a shard.
        var lines = Zoek.vangnet(query);
        var said = showVangnet(lines);
        if (lines.length) panel.hidden = false;
        var inBox = lines.map(function (line) { return line.id; });
        return Zoek.zoek(query, {}, {kaarten: HEADER_HITS + lines.length, woonkern: woonkern()}).then(function (found) {
          if (input.value.trim() !== query) return;
          var hits = found.filter(function (hit) { return !(hit.soort === "ingang" && inBox.indexOf(hit.id) !== -1); });
          var suggestion = Zoek.suggestion(query);
          bedoel.textContent = "";
          bedoel.hidden = !suggestion;
          if (suggestion) {
            bedoel.appendChild(document.createTextNode("Bedoelde je "));
            var try_ = el("a", null, suggestion);
            try_.href = pageUrl + "?" + Zoek.paramsFor(suggestion, {}).toString();
            bedoel.appendChild(try_);
            bedoel.appendChild(document.createTextNode("?"));
          }
          var highlighted = highlight();
          list.textContent = "";
          hits.slice(0, HEADER_HITS).forEach(function (hit) {
            var item = el("li");
            var link = el("a", "sk-zoekveld__hit");
            link.href = Zoek.href(hit);
            link.appendChild(el("span", "sk-zoekveld__naam", hit.naam));
            link.appendChild(el("span", "sk-zoekveld__soort", Zoek.data().soorten[hit.soort] || ""));
            item.appendChild(link);
            list.appendChild(item);
          });
          if (highlighted) highlighted.restore();
          all.href = pageUrl + "?" + Zoek.paramsFor(query, {}).toString();
          all.textContent = hits.length ? "Alle " + aantal(hits.length) + " bekijken" : "Niets gevonden. Bekijk andere manieren om hulp te vinden";
          panel.hidden = false;
          announce(said + (hits.length ? aantal(hits.length) + ". Druk op pijl omlaag voor de eerste resultaten." : "Geen resultaten."), false);
          drawn();
        });
      }).catch(function () {
        if (input.value.trim() !== query) return;
        // A failed shard (offline, a flaky connection) must never take the crisis box away.
        if (!Zoek.isReady() || !Zoek.vangnet(query).length) {
          close();
          return;
        }
        list.textContent = "";
        bedoel.hidden = true;
        all.href = pageUrl + "?" + Zoek.paramsFor(query, {}).toString();
        all.textContent = "Zoeken lukt nu niet. Probeer het opnieuw op de zoekpagina";
        panel.hidden = false;
      });
    }

    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !panel.hidden) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault(); // the first Escape closes the results; a second one empties the field
        close();
      }
    });
    panel.addEventListener("keydown", function (event) {
      var items = links();
      var at = items.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < items.length - 1) {
        event.preventDefault();
        items[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? items[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget) {
        if (!form.contains(event.relatedTarget)) close();
        return;
      }
      // Focus went nowhere: a tap on a result in a browser that does not focus links (Safari)
      // must still reach the link, so close a moment later unless focus came back.
      setTimeout(function () {
        if (!form.contains(document.activeElement)) close();
      }, 300);
    });
  }

  // --- search page -------------------------------------------------------------------------------

  function initPage() {
    var root = document.getElementById("sk-zoekpagina");
    if (!root) return null;
    var form = document.getElementById("sk-zoekform");
    var input = document.getElementById("sk-q");
    var results = document.getElementById("sk-resultaten");
    var status = document.getElementById("sk-status");
    var more = document.getElementById("sk-meer");
    var none = document.getElementById("sk-geen");
    var noneFilters = document.getElementById("sk-geen-filters");
    var filterDetails = document.getElementById("sk-filters");
    var filterCount = document.getElementById("sk-filters-aantal");
    var headerInput = document.getElementById("sk-zoekveld-q");
    var announce = laterAnnouncer(status);
    var showVangnet = vangnetSlot(status, false);
    var bedoel = document.getElementById("sk-bedoel");
    var kccRegel = document.getElementById("sk-geen-kcc");
    var controls = {
      thema: document.getElementById("sk-thema"),
      doelgroep: document.getElementById("sk-doelgroep"),
      leeftijd: document.getElementById("sk-leeftijd"),
      kern: document.getElementById("sk-kern"),
      gratis: document.getElementById("sk-gratis"),
      vrij: document.getElementById("sk-vrij"),
    };
    var current = [];
    var shown = 0;

    form.hidden = false;

    function readFilters() {
      var params = new URLSearchParams();
      ["thema", "doelgroep", "kern", "leeftijd"].forEach(function (key) {
        if (controls[key].value) params.set(key, controls[key].value.trim());
      });
      if (controls.gratis.checked) params.set("gratis", "ja");
      if (controls.vrij.checked) params.set("vrij", "ja");
      return Zoek.filtersFromParams(params);
    }

    function writeControls(query, filters) {
      input.value = query;
      if (headerInput) headerInput.value = query;
      ["thema", "doelgroep", "kern"].forEach(function (key) { controls[key].value = filters[key] || ""; });
      controls.leeftijd.value = filters.leeftijd !== undefined ? String(filters.leeftijd) : "";
      controls.gratis.checked = !!filters.gratis;
      controls.vrij.checked = !!filters.vrij;
      var active = Object.keys(filters).length;
      filterCount.textContent = active ? "(" + active + " gekozen)" : "";
      if (active) filterDetails.open = true;
    }

    function stateUrl(query, filters) {
      var params = Zoek.paramsFor(query, filters).toString();
      return window.location.pathname + (params ? "?" + params : "");
    }

    function card(hit, data) {
      var item = el("li", "sk-card");
      var title = el("h2", "sk-card__title");
      var link = el("a", null, hit.naam);
      link.href = Zoek.href(hit);
      title.appendChild(link);
      item.appendChild(title);
      if (hit.samenvatting) item.appendChild(el("p", "sk-card__summary", hit.samenvatting));
      var meta = el("p", "sk-card__meta");
      if (hit.gratis) meta.appendChild(el("span", "sk-badge sk-badge--gratis", "Gratis"));
      if (hit.vrij) meta.appendChild(el("span", "sk-badge sk-badge--vrij", "Vrij toegankelijk"));
      if (hit.status) meta.appendChild(el("span", "sk-badge sk-badge--status", hit.status === "tijdelijk gesloten" ? "Tijdelijk gesloten" : hit.status));
      meta.appendChild(el("span", "sk-card__soort", data.soorten[hit.soort] || hit.soort));
      var themas = (hit.themas || []).map(function (t) { return data.themas[t]; }).filter(Boolean);
      if (themas.length && hit.soort !== "thema") meta.appendChild(el("span", "sk-card__thema", themas.join(", ")));
      var waar = Zoek.waar(hit);
      if (waar) meta.appendChild(el("span", "sk-card__where", waar));
      item.appendChild(meta);
      return item;
    }

    // A result's card is built once and kept while the data stays the same (a card depends on its document
    // only): typing on redraws mostly the same results, and building 20 cards per keystroke was a large part of it.
    var cards = {data: null, byRef: new Map()};

    function cardNode(hit, data) {
      if (cards.data !== data || cards.byRef.size > 500) cards = {data: data, byRef: new Map()};
      var node = cards.byRef.get(hit.ref);
      if (!node) {
        node = card(hit, data);
        cards.byRef.set(hit.ref, node);
      }
      return node;
    }

    /** Shows the first `count` results (their cards must be loaded). */
    function drawFirst(count) {
      var data = Zoek.data();
      setChildren(results, current.slice(0, count).map(function (hit) { return cardNode(hit, data); }));
      shown = results.children.length;
      more.hidden = shown >= current.length;
    }

    // A hit's card (url, samenvatting…) comes in a small chunk (shards.py): a page of results is
    // shown once its cards are loaded.
    function appendPage() {
      var data = Zoek.data();
      var next = current.slice(shown, shown + PAGE_SIZE);
      next.forEach(function (hit) { results.appendChild(cardNode(hit, data)); });
      shown += next.length;
      more.hidden = shown >= current.length;
    }

    function showMore(then) {
      var mine = asking;
      Zoek.kaarten(current.slice(shown, shown + PAGE_SIZE)).then(function () {
        if (mine !== asking) return;
        appendPage();
        if (then) then();
      }, failed);
    }

    function statusText(query, filters, count) {
      var active = Object.keys(filters).length > 0;
      if (!query && !active) return "Typ een woord om te zoeken, of kies een filter.";
      var about = query ? " voor ‘" + query + "’" : "";
      var filtered = active ? " met de gekozen filters" : "";
      return (count ? aantal(count) : "Geen resultaten") + about + filtered + ".";
    }

    function showSuggestion(query) {
      var suggestion = query ? Zoek.suggestion(query) : null;
      bedoel.textContent = "";
      bedoel.hidden = !suggestion;
      if (!suggestion) return;
      bedoel.appendChild(document.createTextNode("Bedoelde je "));
      var button = el("button", "sk-linkknop", suggestion);
      button.type = "button";
      button.addEventListener("click", function () {
        input.value = suggestion;
        if (headerInput) headerInput.value = suggestion;
        update(true);
        input.focus();
      });
      bedoel.appendChild(button);
      bedoel.appendChild(document.createTextNode("?"));
    }

    function showKcc(kern) {
      var numbers = kccNummers(Zoek.data(), kern);
      kccRegel.hidden = !numbers.length;
      kccRegel.textContent = numbers.length === 1 ? "Of bel de gemeente: " : "Of bel je gemeente: ";
      numbers.forEach(function (kcc, index) {
        if (index) kccRegel.appendChild(document.createTextNode(" of "));
        var link = el("a", null, kcc.telefoon);
        link.href = "tel:" + kcc.telefoon.replace(/\s+/g, "");
        kccRegel.appendChild(link);
        kccRegel.appendChild(document.createTextNode(" (" + kcc.naam + ")"));
      });
      kccRegel.appendChild(document.createTextNode("."));
    }

    var asking = 0; // the newest render; an older search that answers later is dropped

    function render(announceNow) {
      var query = input.value.trim();
      var filters = readFilters();
      // The crisis box first, from the manifest alone: it never waits for a shard.
      var lines = query ? Zoek.vangnet(query) : [];
      var said = showVangnet(lines);
      var inBox = lines.map(function (line) { return line.id; });
      var mine = ++asking;
      Zoek.zoek(query, filters, {kaarten: 0, woonkern: woonkern()}).then(function (found) {
        if (mine !== asking) return null;
        current = found.filter(function (hit) { return !(hit.soort === "ingang" && inBox.indexOf(hit.id) !== -1); });
        // Places near the kern chosen on this device first (dichtbij.js); the ranking stays within each part.
        if (window.SocialeKaartDichtbij) current = window.SocialeKaartDichtbij.sorteer(current, function (hit) { return hit.plekken; });
        var page = current.slice(0, PAGE_SIZE);
        if (page.every(function (hit) { return hit.url !== undefined; })) return page; // cards loaded before
        // The cards of the first screen are asked for first and drawn as soon as they are in; the rest follow.
        var first = Zoek.kaarten(page.slice(0, FIRST_CARDS));
        var rest = Zoek.kaarten(page.slice(FIRST_CARDS));
        return first.then(function () {
          if (mine === asking) drawFirst(Math.min(FIRST_CARDS, page.length));
          return rest;
        });
      }).then(function (page) {
        if (page === null || mine !== asking) return;
        drawFirst(PAGE_SIZE);
        showSuggestion(query);
        var empty = current.length === 0 && (query !== "" || Object.keys(filters).length > 0);
        none.hidden = !empty;
        noneFilters.hidden = !(empty && Object.keys(filters).length > 0);
        if (empty) showKcc(filters.kern || woonkern());
        root.classList.remove("sk-wacht"); // what follows the results may show now (zoeken.css)
        announce(said + statusText(query, filters, current.length), announceNow || (said !== "" && !announcedVangnet));
        announcedVangnet = said !== "";
        drawn();
      }, failed);
    }

    var announcedVangnet = false;

    // History: a filter change or Enter adds an entry; so does the first keystroke of a new
    // query, after which further typing replaces that entry (one entry per query, not per letter).
    var typing = false;

    // While typing, the address follows a moment after the last keystroke: replaceState costs the browser
    // several milliseconds a call, which was a large part of a keystroke at 10,000 records.
    var URL_DELAY = 300;
    var laterUrl = null;
    var urlTimer = null;

    function here() {
      return window.location.pathname + window.location.search;
    }

    function writeLaterUrl() {
      clearTimeout(urlTimer);
      if (laterUrl !== null && laterUrl !== here()) window.history.replaceState({zoeken: true}, "", laterUrl);
      laterUrl = null;
    }

    function update(commit) {
      var query = input.value.trim();
      var filters = readFilters();
      var url = stateUrl(query, filters);
      if (commit || !typing) {
        writeLaterUrl();
        if (url !== here()) window.history.pushState({zoeken: true}, "", url);
      } else if (url !== here() || laterUrl !== null) {
        laterUrl = url;
        clearTimeout(urlTimer);
        urlTimer = setTimeout(writeLaterUrl, URL_DELAY);
      }
      typing = !commit;
      var push = commit;
      var active = Object.keys(filters).length;
      filterCount.textContent = active ? "(" + active + " gekozen)" : "";
      if (Zoek.isReady()) {
        render(push);
      } else {
        status.textContent = "Zoeken…";
        Zoek.ready().then(function () { render(true); }, failed);
      }
    }

    function failed() {
      status.textContent = "Zoeken lukt nu niet. Kijk bij de thema's hieronder, in de lijst van A tot Z, of neem contact op.";
      none.hidden = false;
      root.classList.remove("sk-wacht");
    }

    function restore() {
      clearTimeout(urlTimer);
      laterUrl = null;
      typing = false;
      var params = new URLSearchParams(window.location.search);
      writeControls(params.get("q") || "", Zoek.filtersFromParams(params));
      var near = window.SocialeKaartDichtbij ? window.SocialeKaartDichtbij.klaar() : null;
      Promise.all([Zoek.ready(), near]).then(function () { render(true); }, failed);
    }

    input.addEventListener("input", function () {
      if (headerInput) headerInput.value = input.value;
      update(false);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    Object.keys(controls).forEach(function (key) {
      controls[key].addEventListener("change", function () { update(true); });
    });
    document.getElementById("sk-wis").addEventListener("click", function () {
      writeControls(input.value, {});
      update(true);
    });
    document.getElementById("sk-zonder-filters").addEventListener("click", function () {
      writeControls(input.value, {});
      update(true);
      input.focus();
    });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(function () {
        var link = results.children[first] && results.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    window.addEventListener("popstate", restore);
    window.addEventListener("pagehide", writeLaterUrl); // leaving within URL_DELAY of the last keystroke
    if (window.SocialeKaartKern && window.SocialeKaartDichtbij) {
      // Another kern chosen on this device: the places near it move up (the query and filters stay).
      window.SocialeKaartKern.volg(function () {
        Promise.all([Zoek.ready(), window.SocialeKaartDichtbij.klaar()]).then(function () { render(false); }, function () {});
      });
    }

    restore();

    return {
      setQuery: function (query, push) {
        input.value = query;
        update(push);
      },
    };
  }

  // --- /kcc/: the phone desk draws the same box with its rows (kcc.js), labelled "Spoed" ------------

  window.SocialeKaartVangnet = {slot: vangnetSlot};

  function start() {
    initHeader(initPage());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
