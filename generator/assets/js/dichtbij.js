/* dichtbij.js: lists of places put the ones near the resident's kern first.
 *
 * A list marked data-sk-dichtbij holds cards with data-sk-plek="lat,lon lat,lon" (the record's places,
 * generator/build/nabij.py). When a kern is chosen on this device (kern.js), the cards with a place
 * within NEAR_KM of that kern move to the top, nearest first; the others keep their order after them
 * (alphabetical, or the ranking the list came with). Without a kern, or without JavaScript, nothing
 * moves, nor when none of the cards that show (not hidden by a kern filter) is near. The kern's centre
 * comes from contact.json (the URL is on this script tag); nothing leaves the site.
 *
 *   SocialeKaartDichtbij.orden(list)             re-order one list of cards now
 *   SocialeKaartDichtbij.sorteer(hits, plekken)   a copy of search hits (with score and rang), near the kern
 *                                                 first within each band of equal relevance, when the kern's
 *                                                 centre is already loaded (else hits as they are);
 *                                                 plekken(hit) gives [[lat, lon], ...] (zoeken-ui.js)
 *   SocialeKaartDichtbij.klaar()                  a promise: the chosen kern's centre is loaded (or none chosen)
 */
(function () {
  "use strict";

  var NEAR_KM = 15;
  var CRISIS_BAND = 3000;
  var Kern = window.SocialeKaartKern;
  var script = document.currentScript;
  var dataUrl = script && script.getAttribute("data-sk-contact");
  var centres = null;
  var loadedCentres = null;

  function loadCentres() {
    if (!centres) {
      centres = fetch(dataUrl).then(function (response) {
        if (!response.ok) { throw new Error("contact.json: " + response.status); }
        return response.json();
      }).then(function (data) {
        var result = {};
        data.gebieden.forEach(function (gebied) {
          gebied.kernen.forEach(function (kern) { result[kern[0]] = { naam: kern[1], plek: kern[3] }; });
        });
        loadedCentres = result;
        return result;
      });
    }
    return centres;
  }

  /* Distance in km on a small part of the earth: flat, with the longitude scaled at this latitude. */
  function km(a, b) {
    var dy = (a[0] - b[0]) * 111.2;
    var dx = (a[1] - b[1]) * 111.2 * Math.cos(a[0] * Math.PI / 180);
    return Math.sqrt(dx * dx + dy * dy);
  }

  function nearestOf(points, centre) {
    var best = Infinity;
    (points || []).forEach(function (point) { best = Math.min(best, km(centre, point)); });
    return best;
  }

  function nearest(card, centre) {
    var places = (card.getAttribute("data-sk-plek") || "").split(" ").filter(Boolean);
    return nearestOf(places.map(function (place) { return place.split(",").map(parseFloat); }), centre);
  }

  /* Near (within NEAR_KM) first, nearest first; the rest in the order they came. */
  function nearFirst(items, distanceOf) {
    var keyed = items.map(function (item, index) { return { item: item, index: index, km: distanceOf(item) }; });
    keyed.sort(function (a, b) {
      var nearA = a.km <= NEAR_KM, nearB = b.km <= NEAR_KM;
      if (nearA !== nearB) { return nearA ? -1 : 1; }
      return nearA && a.km !== b.km ? a.km - b.km : a.index - b.index;
    });
    return keyed.map(function (entry) { return entry.item; });
  }

  /* Search results: the ranking leads. Nearness only reorders results of about equal relevance: the same
     tier (official door, name match, the rest) and a score within a factor 2 of the best of that
     tier. Within such a band: places near the kern first (nearest first), then what has no place (a phone
     line, a theme: there for everyone), then places far away; otherwise the ranking's order. The crisis lines and
     the help that follows them (vangnet.yaml `daarna`) are one band that keeps the safety net's order. */
  function band(hit, best) {
    if (hit.rang === 3) return CRISIS_BAND;
    var top = best[hit.rang] || hit.score;
    return hit.rang * 1000 - (hit.score > 0 && top > 0 ? Math.min(999, Math.floor(Math.log2(top / hit.score))) : 999);
  }

  function sorteer(items, plekken) {
    var kern = loadedCentres && loadedCentres[Kern.lees()];
    if (!kern || !kern.plek) { return items; }
    var best = {};
    items.forEach(function (hit) { best[hit.rang] = Math.max(best[hit.rang] || 0, hit.score); });
    var keyed = items.map(function (hit, index) {
      var points = plekken(hit) || [];
      var distance = points.length ? nearestOf(points, kern.plek) : NEAR_KM;
      return { item: hit, index: index, band: band(hit, best), km: distance };
    });
    keyed.sort(function (a, b) {
      var byKm = a.band !== CRISIS_BAND && a.km !== b.km && (a.km <= NEAR_KM || b.km <= NEAR_KM);
      return b.band - a.band || (byKm ? a.km - b.km : 0) || a.index - b.index;
    });
    return keyed.map(function (entry) { return entry.item; });
  }

  function note(list, kern) {
    var existing = list.previousElementSibling;
    if (!kern && !(existing && existing.hasAttribute("data-sk-dichtbij-note"))) { return; }  // nothing to say or undo
    if (!existing || !existing.hasAttribute("data-sk-dichtbij-note")) {
      existing = document.createElement("p");
      existing.className = "sk-note";
      existing.setAttribute("data-sk-dichtbij-note", "");
      list.parentNode.insertBefore(existing, list);
    }
    existing.textContent = kern ? "Plekken dicht bij " + kern.naam + " staan bovenaan." : "";
    existing.hidden = !kern;
  }

  function arrange(list, kern) {
    var cards = Array.prototype.slice.call(list.children);
    cards.forEach(function (card, index) {
      if (!card.hasAttribute("data-sk-volgorde")) { card.setAttribute("data-sk-volgorde", String(index)); }
    });
    cards.sort(function (a, b) { return a.getAttribute("data-sk-volgorde") - b.getAttribute("data-sk-volgorde"); });
    // Only a card that shows counts: a kern filter (kernfilter.js, wegwijzer.js) hides what is not for the kern,
    // and the note must not promise places near by above cards that are all far away.
    var near = kern && kern.plek ? cards.some(function (card) { return !card.hidden && nearest(card, kern.plek) <= NEAR_KM; }) : false;
    if (near) { cards = nearFirst(cards, function (card) { return nearest(card, kern.plek); }); }
    // Move cards only when the order changes: every move makes the browser lay out the list again.
    var children = list.children;
    if (cards.some(function (card, index) { return children[index] !== card; })) {
      cards.forEach(function (card) { list.appendChild(card); });
    }
    note(list, near ? kern : null);
  }

  function orden(list) {
    var id = Kern.lees();
    if (!id) { arrange(list, null); return Promise.resolve(); }
    return loadCentres().then(function (kernen) { arrange(list, kernen[id] || null); }).catch(function () { /* keep the order */ });
  }

  function ordenAlle() {
    document.querySelectorAll("[data-sk-dichtbij]").forEach(orden);
  }

  function klaar() {
    return Kern.lees() ? loadCentres().catch(function () {}) : Promise.resolve();
  }

  window.SocialeKaartDichtbij = { orden: orden, sorteer: sorteer, klaar: klaar };
  if (Kern.lees()) { loadCentres().catch(function () {}); }
  Kern.volg(ordenAlle);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ordenAlle); } else { ordenAlle(); }
})();
