/* contact.js: "Wil je met iemand praten?" on every page, and "Jouw sociaal team" on the Contact page.
 *
 * Each element with data-sk-praten="<url of assets/kaart/contact.json>" gets, in its [data-sk-jouw-team]
 * child, a kern chooser (a select grouped per gebied, or the four digits of a postcode) and the chosen kern's sociaal team: name, phone,
 * e-mail, address and walk-in (inloop) hours with "nu open" (nu-open.js). The static HTML around it
 * already shows the KCC number and a link to Contact, so the page works without JavaScript.
 *
 * The kern is remembered through kern.js (window.SocialeKaartKern), shared with the wegwijzer, so a
 * resident chooses once and every chooser on the page follows. Nothing is sent to a server and no
 * cookies are used.
 *
 * contact.json (generator/build/contact.py): {"kcc": {kcc id: {"gemeente", "tel", "tekst"}}, "kern_kcc":
 *   {kern id: kcc id}, "gebieden": [{"naam", "kernen": [[id, naam, [postcode, ...], [lat, lon] | null], ...]}], "teams": {id: {"naam", "url", "telefoon":
 *   {"tel", "tekst"} | null, "telefoon_toelichting", "telefoon_plan" (phone hours), "email", "inloop": [lines], "inloop_plan", "adres"}},
 *   "kern_team": {kern id: team id}}; team urls are relative to the site root.
 */
(function () {
  "use strict";

  var Kern = window.SocialeKaartKern;
  var loaded = {};
  var teller = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function link(href, text, className) {
    var a = element("a", className, text);
    a.href = href;
    return a;
  }

  function load(url) {
    if (!loaded[url]) {
      loaded[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error("contact.json: " + response.status); }
        return response.json();
      });
    }
    return loaded[url];
  }

  function kernNaam(data, kern) {
    for (var i = 0; i < data.gebieden.length; i++) {
      var kernen = data.gebieden[i].kernen;
      for (var j = 0; j < kernen.length; j++) {
        if (kernen[j][0] === kern) { return kernen[j][1]; }
      }
    }
    return null;
  }

  /* <p class=…><label for=control.id>text</label> control</p> */
  function labelled(className, text, control) {
    var wrap = element("p", className);
    var label = element("label", null, text);
    label.htmlFor = control.id;
    wrap.appendChild(label);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(control);
    return wrap;
  }

  function chooser(data, id) {
    var select = element("select");
    select.id = id;
    select.setAttribute("data-sk-kern", "");
    select.appendChild(new Option("Kies je dorp of wijk", ""));
    data.gebieden.forEach(function (gebied) {
      var group = element("optgroup");
      group.label = gebied.naam;
      gebied.kernen.forEach(function (kern) { group.appendChild(new Option(kern[1], kern[0])); });
      select.appendChild(group);
    });
    return labelled("sk-praten__keuze", "Waar woon je?", select);
  }

  /* Kern ids whose postcodes (gebieden.yaml) include these four digits; several when a postcode is shared. */
  function kernenMetPostcode(data, cijfers) {
    var found = [];
    data.gebieden.forEach(function (gebied) {
      gebied.kernen.forEach(function (kern) {
        if ((kern[2] || []).indexOf(cijfers) !== -1) { found.push(kern); }
      });
    });
    return found;
  }

  /* "Of typ je postcode": four digits choose the kern; a postcode of several kernen offers them as buttons.
   * Only the chosen kern is remembered (kern.js); the postcode itself is not stored. */
  function postcodeKeuze(data, id) {
    var input = element("input");
    input.id = id;
    input.type = "text";
    input.inputMode = "numeric";
    input.autocomplete = "postal-code";
    input.maxLength = 7;
    input.size = 6;
    input.setAttribute("data-sk-postcode", "");
    var uitkomst = element("span", "sk-praten__postcode-uitkomst");
    uitkomst.setAttribute("aria-live", "polite");
    input.addEventListener("input", function () {
      var cijfers = input.value.replace(/\s+/g, "").slice(0, 4);
      uitkomst.textContent = "";
      if (!/^[1-9][0-9]{3}$/.test(cijfers)) { return; }
      var kernen = kernenMetPostcode(data, cijfers);
      if (kernen.length === 1) {
        uitkomst.textContent = "Postcode " + cijfers + " is " + kernen[0][1] + ".";
        Kern.kies(kernen[0][0]);
      } else if (kernen.length > 1) {
        uitkomst.appendChild(document.createTextNode("Postcode " + cijfers + " hoort bij meer dorpen of wijken. Kies: "));
        kernen.forEach(function (kern, index) {
          var knop = element("button", "sk-praten__kies", kern[1]);
          knop.type = "button";
          knop.setAttribute("data-sk-kern-keuze", kern[0]);
          knop.addEventListener("click", function () {
            Kern.kies(kern[0]);
            uitkomst.textContent = "Je hebt " + kern[1] + " gekozen.";
          });
          if (index) { uitkomst.appendChild(document.createTextNode(" of ")); }
          uitkomst.appendChild(knop);
        });
      } else {
        uitkomst.textContent = "Postcode " + cijfers + " staat niet op deze kaart. Kies je dorp of wijk in de lijst.";
      }
    });
    var wrap = labelled("sk-praten__postcode", "Of typ de 4 cijfers van je postcode:", input);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(uitkomst);
    return wrap;
  }

  /* ["di en vr 9.00–11.00 uur", "Op feestdagen gesloten"] -> "di en vr 9.00–11.00 uur. Op feestdagen gesloten." */
  function zin(lines) {
    return lines.map(function (line) { return /[.!?]$/.test(line) ? line : line + "."; }).join(" ");
  }

  function item(list, label, content) {
    var li = element("li");
    li.appendChild(element("span", "sk-label", label + " "));
    content.forEach(function (part) {
      li.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    list.appendChild(li);
  }

  /* Fills `box` (a live region that stays in place, so screen readers hear the new team). */
  function teamView(box, data, kern, root) {
    box.textContent = "";
    if (!kern) {
      box.appendChild(element("p", "sk-note", "Kies je dorp of wijk. Dan zie je hier jouw sociaal team. Je keuze blijft alleen op dit apparaat."));
      return;
    }
    var team = data.teams[data.kern_team[kern]];
    if (!team) {
      box.appendChild(element("p", null, "Voor " + kernNaam(data, kern) + " staat geen sociaal team op de kaart. Bel de gemeente."));
      return;
    }
    var kop = element("p", "sk-praten__naam");
    kop.appendChild(document.createTextNode("Jouw sociaal team: "));
    var naam = element("strong");
    naam.appendChild(link(root + team.url, team.naam));
    kop.appendChild(naam);
    box.appendChild(kop);
    var list = element("ul", "sk-praten__gegevens");
    if (team.telefoon) {
      var tel = [link("tel:" + team.telefoon.tel, team.telefoon.tekst, "sk-tel")];
      if (team.telefoon_plan) {  // next to the number: whether the phone is answered now (not the walk-in)
        var bellen = element("span", "sk-nu-open");
        bellen.setAttribute("data-nu-open", JSON.stringify(team.telefoon_plan));
        tel.push(" ", bellen);
      }
      if (team.telefoon_toelichting) { tel.push(" ", element("span", "sk-note", "(" + team.telefoon_toelichting + ")")); }
      item(list, "Telefoon:", tel);
    }
    if (team.email) { item(list, "E-mail:", [link("mailto:" + team.email, team.email)]); }
    if (team.adres) { item(list, "Adres:", [team.adres]); }
    if (team.inloop.length) {
      var status = element("span", "sk-nu-open");
      if (team.inloop_plan) { status.setAttribute("data-nu-open", JSON.stringify(team.inloop_plan)); }
      item(list, "Inloop (zonder afspraak):", [status, " " + zin(team.inloop)]);
    }
    box.appendChild(list);
  }

  /* With several gemeenten in the kaart, the static "Bel je gemeente: A …, B …" lines on the page
   * ([data-sk-kcc], docs/overrides/partials/kcc-nummers.html) narrow to the chosen kern's gemeente. */
  function kccView(data, kern) {
    var kcc = kern && data.kcc[data.kern_kcc[kern]];
    var gemeenten = Object.keys(data.kcc).length;
    document.querySelectorAll("[data-sk-kcc]").forEach(function (span) {
      if (!span.hasAttribute("data-sk-kcc-alle")) { span.setAttribute("data-sk-kcc-alle", span.innerHTML); }
      if (!kcc || gemeenten < 2) { span.innerHTML = span.getAttribute("data-sk-kcc-alle"); return; }
      span.textContent = "de gemeente " + kcc.gemeente + ": ";
      span.appendChild(link("tel:" + kcc.tel, kcc.tekst, "sk-tel"));
    });
  }

  /* The Contact page's list of all teams ([data-sk-gebieden]): the chosen kern's gebied first, marked. */
  function gebiedenView(kern) {
    document.querySelectorAll("[data-sk-gebieden]").forEach(function (list) {
      var gebieden = Array.prototype.slice.call(list.querySelectorAll(".sk-gebied"));
      if (!list._volgorde) { list._volgorde = gebieden; }
      var jouw = null;
      list._volgorde.forEach(function (gebied) {
        var match = !!kern && gebied.getAttribute("data-kernen").split(" ").indexOf(kern) !== -1;
        gebied.classList.toggle("sk-gebied--jouw", match);
        if (match) { jouw = gebied; }
      });
      (jouw ? [jouw] : []).concat(list._volgorde.filter(function (g) { return g !== jouw; }))
        .forEach(function (gebied) { list.appendChild(gebied); });
    });
  }

  function show(select, box, data, root) {
    var kern = Kern.lees();
    var known = kern && kernNaam(data, kern) ? kern : "";
    select.value = known;
    teamView(box, data, known, root);
    kccView(data, known);
    gebiedenView(known);
    if (window.nuOpen) { window.nuOpen.toon(box); }
  }

  function start(section) {
    var holder = section.querySelector("[data-sk-jouw-team]");
    if (!holder) { return; }
    var url = new URL(section.getAttribute("data-sk-praten"), location.href).href;
    var root = new URL("../../", url).href;
    load(url).then(function (data) {
      var keuze = chooser(data, "sk-kern-" + (++teller));
      var select = keuze.querySelector("select");
      var box = element("div", "sk-praten__team");
      box.setAttribute("aria-live", "polite");
      holder.textContent = "";
      holder.appendChild(box);  // the team first: with a remembered kern it is the answer, the choice comes after
      holder.appendChild(keuze);
      holder.appendChild(postcodeKeuze(data, "sk-postcode-" + teller));
      var follow = function () { show(select, box, data, root); };
      follow();
      select.addEventListener("change", function () { Kern.kies(select.value); });
      Kern.volg(follow);
      window.addEventListener("pageshow", function (event) { if (event.persisted) { follow(); } });
    }).catch(function () { /* no data: the static KCC number and Contact link remain */ });
  }

  function init() {
    document.querySelectorAll("[data-sk-praten]").forEach(start);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
