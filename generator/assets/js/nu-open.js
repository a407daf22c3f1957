/*
 * nu-open.js: shows "Nu open, tot 17.00 uur" / "Gesloten, opent morgen om 9.00 uur" next to
 * opening hours. The browser twin of status_op() in generator/openingstijden/nu_open.py: it works on the
 * same JSON and must produce exactly the same strings (tests/test_nu_open_js.py checks this).
 * No dependencies; also loadable under Node (module.exports).
 *
 * Contract with the page templates
 * --------------------------------
 * 1. One element per set of opening hours, empty in the HTML:
 *
 *      <span class="sk-nu-open" data-nu-open="{{ nu_open_json(tijden) }}"></span>
 *
 *    data-nu-open holds openingstijden.to_json() as JSON (HTML-escaped in the attribute), or "^N":
 *    the same plan as the element with data-nu-open-nr="N" (generator/build/compact.py writes a plan
 *    that occurs several times on a page only once):
 *      {"dagen": [[[540,1020]], [], ...],   7 lists, Monday first, ranges in minutes, end may be 1440
 *       "dag_en_nacht": false,
 *       "feestdagen": "gesloten" | "open",
 *       "uitzonderingen": [{"van": "2026-12-24", "tot": "2027-01-01", "gesloten": true,
 *                           "tijden": null | [[540,720]], "reden": "Kerstsluiting"}],
 *       "in_de_maand": [1, 3]}              optional: the hours in "dagen" hold only on the 1st, 3rd,
 *                                           ... of that weekday in its month (-1 = the last one);
 *                                           left out = every week
 *       "weken": "even" | "oneven"          optional: the hours in "dagen" hold only in even or odd ISO
 *                                           weeks; left out = every week
 *
 * 2. Once per page, the public holidays from openingstijden.feestdagen_json(first_year, last_year):
 *
 *      <script type="application/json" id="feestdagen">{"2026-01-01": "Nieuwjaarsdag", ...}<\/script>
 *
 *    (written here as <\/script> so this file can also be inlined in a page), e.g. in Jinja:
 *      <script type="application/json" id="feestdagen">{{ feestdagen_json(jaar, jaar + 2)|tojson }}<\/script>
 *
 *    Hours closed on holidays are only shown when the list covers the current year and the
 *    next 35 days (ZOEK_OPENING); otherwise the element stays empty (better nothing than a wrong answer).
 *
 * The script fills in the text, sets class "is-open" or "is-gesloten" and the attribute
 * data-nu-open-status="open|gesloten", and refreshes every minute. The date and time are always
 * those of Europe/Amsterdam, whatever the time zone of the visitor's device.
 */
(function () {
  "use strict";

  var VOORUIT = 14; // days ahead in which a coming closing is mentioned, as VOORUIT in openingstijden/tijden.py
  var ZOEK_OPENING = 35; // days ahead to look for the next opening, as ZOEK_OPENING in openingstijden/tijden.py
  var HELE_DAG = 24 * 60;
  var DAGNAMEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
  var MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december"];

  // Made on first use: building it loads the time-zone data, a long task on a phone, and most pages
  // have no opening hours until a script adds them.
  var klok = null;

  function amsterdamseKlok() {
    if (!klok) {
      klok = new Intl.DateTimeFormat("nl-NL", {
        timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23"
      });
    }
    return klok;
  }

  /* Amsterdam wall-clock date and minutes after midnight for a Date. */
  function wandklok(moment) {
    var p = {};
    amsterdamseKlok().formatToParts(moment).forEach(function (part) { p[part.type] = part.value; });
    var hour = parseInt(p.hour, 10) % 24; // some engines say "24" for midnight
    return {
      datum: { y: parseInt(p.year, 10), m: parseInt(p.month, 10), d: parseInt(p.day, 10) },
      minuten: hour * 60 + parseInt(p.minute, 10)
    };
  }

  /* Calendar arithmetic in UTC, so no time zone or DST can shift a day. */
  function plusDagen(datum, k) {
    var t = new Date(Date.UTC(datum.y, datum.m - 1, datum.d + k));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }

  function weekdag(datum) { // 0 = Monday .. 6 = Sunday, like date.weekday()
    return (new Date(Date.UTC(datum.y, datum.m - 1, datum.d)).getUTCDay() + 6) % 7;
  }

  function twee(n) { return (n < 10 ? "0" : "") + n; }

  function iso(datum) { return datum.y + "-" + twee(datum.m) + "-" + twee(datum.d); }

  function tijd(minuten) { return Math.floor(minuten / 60) + "." + twee(minuten % 60); }

  function zonderPunt(tekst) { return tekst.replace(/\.+$/, ""); }

  /* Whether a date is e.g. the first (1) or the last (-1) of its weekday in its month (= _in_de_maand). */
  function inDeMaand(weken, datum) {
    var keer = Math.floor((datum.d - 1) / 7) + 1;
    var laatste = plusDagen(datum, 7).m !== datum.m;
    for (var i = 0; i < weken.length; i++) {
      if (weken[i] === keer || (weken[i] === -1 && laatste)) return true;
    }
    return false;
  }

  /* ISO week number: the week of the Thursday in the same Monday-to-Sunday week (= isocalendar().week). */
  function isoWeek(datum) {
    var donderdag = plusDagen(datum, 3 - weekdag(datum));
    var dagInJaar = (Date.UTC(donderdag.y, donderdag.m - 1, donderdag.d) - Date.UTC(donderdag.y, 0, 1)) / 86400000;
    return Math.floor(dagInJaar / 7) + 1;
  }

  /* Whether a date lies in an even or odd ("even" / "oneven") ISO week (= _in_weken). */
  function inWeken(weken, datum) {
    return isoWeek(datum) % 2 === (weken === "even" ? 0 : 1);
  }

  /* Whether the weekday hours hold on a date: in_de_maand, weken (= _telt in Python). */
  function telt(plan, datum) {
    var maand = plan.in_de_maand;
    if (maand && maand.length && !inDeMaand(maand, datum)) return false;
    return !plan.weken || inWeken(plan.weken, datum);
  }

  /* Effective hours on one date: exception first, then holiday, then the weekday if its week counts
     (= _dag in Python). */
  function dag(plan, feestdagen, datum) {
    var key = iso(datum);
    var normaal = telt(plan, datum) ? plan.dagen[weekdag(datum)] : [];
    var uitzonderingen = plan.uitzonderingen || [];
    for (var i = 0; i < uitzonderingen.length; i++) {
      var u = uitzonderingen[i];
      if (u.van <= key && key <= u.tot) {
        if (u.tijden !== null && u.tijden !== undefined) return { ranges: u.tijden, reden: null };
        if (u.gesloten) return { ranges: [], reden: "Tijdelijk gesloten: " + zonderPunt(u.reden) };
        return { ranges: normaal, reden: null };
      }
    }
    if (plan.feestdagen === "gesloten") {
      var naam = Object.prototype.hasOwnProperty.call(feestdagen, key) ? feestdagen[key] : null;
      if (naam) return { ranges: [], reden: normaal.length ? "Gesloten vanwege " + naam : null };
    }
    return { ranges: normaal, reden: null };
  }

  function wanneer(k, datum) {
    if (k === 0) return "vandaag";
    if (k === 1) return "morgen";
    var naam = DAGNAMEN[weekdag(datum)];
    return k < 7 ? naam : naam + " " + datum.d + " " + MAANDEN[datum.m - 1];
  }

  /* Status at an Amsterdam date and minute (= _status in Python). */
  function statusOp(plan, feestdagen, vandaagDatum, nu) {
    var vandaag = dag(plan, feestdagen, vandaagDatum);
    var i, k;
    for (i = 0; i < vandaag.ranges.length; i++) {
      var start = vandaag.ranges[i][0];
      var eind = vandaag.ranges[i][1];
      if (start <= nu && nu < eind) {
        k = 0;
        while (eind === HELE_DAG) {
          if (k >= VOORUIT) {
            return { open: true, tekst: plan.dag_en_nacht ? "24 uur per dag bereikbaar" : "Nu open" };
          }
          var volgende = dag(plan, feestdagen, plusDagen(vandaagDatum, k + 1)).ranges;
          if (!volgende.length || volgende[0][0] !== 0) break;
          k += 1;
          eind = volgende[0][1];
        }
        var wanneerDicht = k === 0 ? "" : wanneer(k, plusDagen(vandaagDatum, k)) + " ";
        return { open: true, tekst: "Nu open, tot " + wanneerDicht + tijd(eind) + " uur" };
      }
    }
    var begin = vandaag.reden || "Gesloten";
    for (k = 0; k <= ZOEK_OPENING; k++) {
      var datum = plusDagen(vandaagDatum, k);
      var ranges = k === 0 ? vandaag.ranges : dag(plan, feestdagen, datum).ranges;
      for (i = 0; i < ranges.length; i++) {
        if (k > 0 || ranges[i][0] > nu) {
          return { open: false, tekst: begin + ", opent " + wanneer(k, datum) + " om " + tijd(ranges[i][0]) + " uur" };
        }
      }
    }
    return { open: false, tekst: begin };
  }

  /* Status at a moment (a Date, or anything new Date() accepts). */
  function status(plan, feestdagen, moment) {
    var nu = wandklok(moment instanceof Date ? moment : new Date(moment));
    return statusOp(plan, feestdagen || {}, nu.datum, nu.minuten);
  }

  /* Whether the holiday list covers today and the days we look ahead. */
  function feestdagenBekend(feestdagen, moment) {
    var jaren = {};
    Object.keys(feestdagen).forEach(function (key) { jaren[key.slice(0, 4)] = true; });
    var vandaag = wandklok(moment).datum;
    return !!(jaren[String(vandaag.y)] && jaren[String(plusDagen(vandaag, ZOEK_OPENING).y)]);
  }

  function leesFeestdagen(doc) {
    var el = doc.getElementById("feestdagen");
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  /* The JSON of a plan: "^N" refers to the element with data-nu-open-nr="N". */
  function planTekst(doc, waarde) {
    if (!waarde || waarde.charAt(0) !== "^" || !doc.querySelector) { return waarde; }
    var bron = doc.querySelector('[data-nu-open-nr="' + waarde.slice(1).replace(/[^0-9]/g, "") + '"]');
    return bron ? bron.getAttribute("data-nu-open") : null;
  }

  /* Fills every [data-nu-open] element in `root` (the document, or the part a script just rebuilt). */
  function toon(root, moment) {
    var elementen = root.querySelectorAll("[data-nu-open]");
    if (!elementen.length) return;
    moment = moment || new Date();
    var feestdagen = leesFeestdagen(root.ownerDocument || root);
    var bekend = feestdagen ? feestdagenBekend(feestdagen, moment) : false;
    for (var i = 0; i < elementen.length; i++) {
      var el = elementen[i];
      var plan;
      try { plan = JSON.parse(planTekst(root.ownerDocument || root, el.getAttribute("data-nu-open"))); } catch (e) { continue; }
      if (!plan || !plan.dagen) continue;
      if (plan.feestdagen === "gesloten" && !bekend) continue;
      var s = status(plan, feestdagen || {}, moment);
      el.textContent = s.tekst;
      el.classList.toggle("is-open", s.open);
      el.classList.toggle("is-gesloten", !s.open);
      el.setAttribute("data-nu-open-status", s.open ? "open" : "gesloten");
    }
  }

  var api = { status: status, statusOp: statusOp, wandklok: wandklok, toon: toon, VOORUIT: VOORUIT, ZOEK_OPENING: ZOEK_OPENING };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else if (typeof document !== "undefined") {
    var start = function () {
      toon(document);
      setInterval(function () { toon(document); }, 60 * 1000);
      // MkDocs Material with instant navigation swaps pages without a new DOMContentLoaded.
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(function () { toon(document); });
      }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
    window.nuOpen = api;
  }
})();
