/*
 * Sociale Kaart: the site search. The query logic lives here once; generator/search/query.py is a
 * line-by-line port (tests/search/test_parity.py runs both on the same index and compares).
 *
 * In the browser this file defines window.SocialeKaartZoek (loads nothing until asked):
 *
 *   SocialeKaartZoek.ready()                 -> Promise; loads lunr.js, lunr.stemmer.support.js,
 *                                               lunr.nl.js and zoeken/zoekindex.json, the manifest
 *                                               (once); enough for vangnet(), data() and the API below
 *   SocialeKaartZoek.isReady()               -> true once ready() has resolved
 *   SocialeKaartZoek.prefetch(query)         -> starts fetching the query's term shards before the
 *                                               manifest is in (only with window.SocialeKaartZoekDelen,
 *                                               the search page's early fetch of zoeken/delen.json; the
 *                                               search page loads this file right after lunr, and it
 *                                               prefetches the address's ?q= at once)
 *   SocialeKaartZoek.zoek(query, filters?, options?) -> Promise of the hits, best first: loads the
 *                                               term shards the query needs and the cards of the first
 *                                               options.kaarten hits (default 20; see shards.py)
 *   SocialeKaartZoek.kaarten(hits)           -> Promise; fills in the cards (url, samenvatting,
 *                                               telefoon, status) of these hits
 *   SocialeKaartZoek.search(query, filters?, options?) -> the same hits at once, complete only for
 *                                               a query zoek() has prepared (only after ready())
 *       query    what the person typed (any text; empty gives all documents that pass the filters,
 *                or nothing when there are no filters)
 *       filters  {thema, doelgroep, kern, leeftijd (number), gratis (bool), vrij (bool),
 *                 soort (string or list of strings)}; missing or empty = no filter
 *       options  {limit: number, kaarten: number (zoek only)}
 *       hit      {ref, score, id, soort, naam, themas, doelgroepen, leeftijd [van, tot], gratis,
 *                 vrij, werkgebied, plekken, and once its card is loaded: url (site-relative,
 *                 e.g. 'voorzieningen/x/'), samenvatting, telefoon, status} (absent when unknown)
 *   SocialeKaartZoek.vangnet(query)          -> the crisis lines the query calls up (the safety net,
 *                                               kaart/vangnet.yaml), most urgent first: {id, naam, url,
 *                                               telefoon, tel, wat_doen, wanneer?, snel_weg?}; [] if none.
 *                                               Filters never apply. Show them above all results.
 *   SocialeKaartZoek.suggestion(query)       -> "Bedoelde je …?" text when the words as typed find
 *                                               nothing, else null
 *   SocialeKaartZoek.data()                  -> the loaded file: docs, themas, doelgroepen, soorten,
 *                                               namen (area id -> name), gebieden (area -> kernen), kcc
 *   SocialeKaartZoek.href(hit or url)        -> absolute URL of a result
 *   SocialeKaartZoek.waar(hit)               -> "de hele gemeente X" / "Brummerveen, Teutloo" (for cards)
 *   SocialeKaartZoek.filtersFromParams(URLSearchParams) / paramsFor(query, filters) -> URL round trip
 *   SocialeKaartZoek.configure({root})       -> site root URL (default: data-root of the header form)
 *
 * Under Node (tests): module.exports = {createEngine, dataStore, complete, cleanQuery, fold, ...}; an
 * engine has search, terms, vangnet, suggestion and cards.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (!root.SocialeKaartZoek) { // the search page loads this file early too (zoeken.html)
    root.SocialeKaartZoek = api.browserApi(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // JS \s exactly, plus the hyphen (lunr.tokenizer.separator) and '*' (a wildcard for lunr).
  var SEPARATORS = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\-*]+/;
  var COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
  // Cyrillic and Arabic letters in a-z (dutch.SCRIPT_LETTERS: lunr.nl's trimmer keeps Latin letters only).
  var SCRIPT_LETTERS = "а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=iu я=ia ё=e ў=u ء= آ=a أ=a ؤ=w إ=i ئ=y ا=a ب=b ة=a ت=t ث=th ج=j ح=h خ=kh د=d ذ=dh ر=r ز=z س=s ش=sh ص=s ض=d ط=t ظ=z ع=a غ=gh ف=f ق=q ك=k ل=l م=m ن=n ه=h و=w ى=a ي=y پ=p چ=ch ژ=zh ک=k گ=g ی=y ـ= ٠=0 ١=1 ٢=2 ٣=3 ٤=4 ٥=5 ٦=6 ٧=7 ٨=8 ٩=9 ۰=0 ۱=1 ۲=2 ۳=3 ۴=4 ۵=5 ۶=6 ۷=7 ۸=8 ۹=9 ،=, ؛=; ؟=?";
  var SCRIPT_TABLE = {};
  SCRIPT_LETTERS.split(" ").forEach(function (pair) {
    var letter = pair.split("=")[0];
    SCRIPT_TABLE[letter] = pair.split("=")[1];
    if (!Object.prototype.hasOwnProperty.call(SCRIPT_TABLE, letter.toUpperCase())) SCRIPT_TABLE[letter.toUpperCase()] = SCRIPT_TABLE[letter];
  });
  var SCRIPT_LETTER = /[\u0400-\u04ff\u0600-\u06ff]/g;
  var ASTRAL = /[\ud800-\udfff]/g; // emoji and other non-BMP characters: never in the index
  var AANBOD = ["voorziening", "vindplaats", "clientondersteuner", "ingang"];
  var FILTER_KEYS = ["thema", "doelgroep", "kern", "leeftijd", "gratis", "vrij"];

  /** Cyrillic and Arabic letters in a-z, then accents removed (NFD, combining marks dropped). Same as dutch.fold. */
  function fold(text) {
    return text.replace(SCRIPT_LETTER, function (letter) {
      return Object.prototype.hasOwnProperty.call(SCRIPT_TABLE, letter) ? SCRIPT_TABLE[letter] : letter;
    }).normalize("NFD").replace(COMBINING_MARKS, "");
  }

  /**
   * The words of a query as index terms before stemming: lower case, accents folded, split like
   * lunr's tokenizer, trimmed by lunr.nl's trimmer, without stop words and duplicates.
   */
  function cleanQuery(lunr, query, settings) {
    var words = fold(String(query || "").replace(ASTRAL, "").toLowerCase()).split(SEPARATORS);
    var terms = [];
    for (var i = 0; i < words.length; i++) {
      var word = words[i].slice(0, settings.maxWordLength);
      var token = lunr.nl.trimmer(new lunr.Token(word, {}));
      var term = token.toString();
      if (term === "" || !lunr.nl.stopWordFilter(token)) continue;
      if (terms.indexOf(term) === -1) terms.push(term);
      if (terms.length === settings.maxTerms) break;
    }
    return terms;
  }

  // word -> own stem for the words lunr.nl's stemmer conflates (dutch.STEM_EXCEPTIONS, data.stammen)
  var stemExceptions = {};

  function useStemExceptions(table) {
    stemExceptions = table || {};
  }

  // Stems never change, and lunr.nl's stemmer is slow on a phone (about 0.2 ms a word at 4x CPU slowdown):
  // every word is stemmed once per page. The manifest brings the stems of the signal words
  // (`signaalstammen`), so the safety net's first check stems no signal word at all.
  var STEMS = new Map();
  var MAX_STEMS = 50000;

  function stem(lunr, term) {
    if (Object.prototype.hasOwnProperty.call(stemExceptions, term)) return stemExceptions[term];
    var known = STEMS.get(term);
    if (known === undefined) {
      if (STEMS.size >= MAX_STEMS) STEMS.clear();
      known = lunr.nl.stemmer(new lunr.Token(term, {})).toString();
      STEMS.set(term, known);
    }
    return known;
  }

  function learnStems(stems) {
    Object.keys(stems || {}).forEach(function (word) { STEMS.set(word, stems[word]); });
  }

  /**
   * Words of the site within one typo (insertion, deletion, substitution or swap of two letters)
   * of a term, sorted, at most settings.maxCorrections. Catches typos that the stemmer would
   * otherwise carry into a different stem ('eenzaamhied' -> 'eenzaamheid').
   */
  function corrections(lunr, vocabulary, term, settings) {
    var near = vocabulary.intersect(lunr.TokenSet.fromFuzzyString(term, 1)).toArray();
    return near.filter(function (word) { return word !== term; }).sort().slice(0, settings.maxCorrections);
  }

  // --- signals: the safety net and the official doors (generator/search/signalen.py) ------------

  var SIGNAL_WORD = /[a-z0-9]+/g;
  var MAX_GAP = 2;
  var ANY_ORDER_FROM = 3;
  var MIN_TYPO_LENGTH = 6;
  var MIN_TYPO_PART = 4;
  var MAX_QUERY_WORDS = 40;
  var ARTICLES = ["de", "het", "een", "t", "der", "des"];
  var DERIVED = ["ig", "ige", "lijk", "lijke", "baar", "bare"];
  var CLAUSE_MARK = /[,.;:!?]/;
  var NUMBER = /^[0-9]+$/;
  // The pronouns a signal is written with stand for their group (signalen.STANDS_FOR).
  var POSSESSIVE = ["mijn", "mn", "haar", "zijn", "zn", "hun", "jouw"];
  var OBJECT = ["me", "mij", "hem", "haar", "ons", "jou", "him", "her", "us", "them"];
  var REFLEXIVE = ["mezelf", "mijzelf", "me", "mij", "zich", "zichzelf", "jezelf", "hemzelf", "haarzelf"];
  var MY = ["my", "her", "his", "their", "your"];
  var MYSELF = ["myself", "herself", "himself", "themselves", "yourself"];
  // 'me'/'mij' stand for 'mezelf' only without another subject (signalen.QueryWords.someone_else_before).
  var OBJECT_AS_REFLEXIVE = ["me", "mij"];
  var SOMEONE_ELSE = ["hij", "zij", "ze", "die", "iemand", "men", "jij", "je", "u"];
  var DETERMINERS = ["mijn", "mn", "n", "zijn", "zn", "haar", "hun", "onze", "ons", "jouw", "je", "uw",
    "de", "het", "een", "die", "deze", "dit"];
  var PREPOSITIONS = ["in", "op", "met", "van", "aan", "voor", "bij", "naar", "uit", "over", "onder", "tegen", "door",
    "zonder", "na", "tot", "achter", "naast", "tussen", "via", "om", "sinds", "binnen", "buiten"];
  var CONJUNCTIONS = ["dat", "omdat", "als", "wanneer", "want", "maar", "en", "of", "toen", "terwijl", "zodat",
    "nadat", "voordat", "doordat", "hoewel", "zodra"];
  var STANDS_FOR = {mijn: POSSESSIVE, me: OBJECT, mij: OBJECT, mezelf: REFLEXIVE, mijzelf: REFLEXIVE, zich: REFLEXIVE, zichzelf: REFLEXIVE,
    my: MY, myself: MYSELF};

  function derived(word, signalWord) {
    return DERIVED.some(function (ending) {
      return endsWith(word, ending) && !endsWith(signalWord, ending);
    });
  }

  /** The words of a text for signal matching: lower case, folded, a-z and 0-9 only. */
  function wordsOf(text) {
    return (fold(String(text || "").toLowerCase()).match(SIGNAL_WORD) || []).slice(0, MAX_QUERY_WORDS);
  }

  /** For every word of wordsOf(text), the number of its clause (clause marks: , . ; : ! ?). */
  function clausesOf(text) {
    var numbers = [];
    fold(String(text || "").toLowerCase()).split(CLAUSE_MARK).forEach(function (clause, number) {
      (clause.match(SIGNAL_WORD) || []).forEach(function () { numbers.push(number); });
    });
    return numbers.slice(0, MAX_QUERY_WORDS);
  }

  /** Whether a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    if (a.length === b.length) {
      if (a.slice(start + 1) === b.slice(start + 1)) return true;
      var swapped = start + 1 < a.length && a[start] === b[start + 1] && a[start + 1] === b[start];
      return swapped && a.slice(start + 2) === b.slice(start + 2);
    }
    var longer = a.length > b.length ? a : b;
    var shorter = a.length > b.length ? b : a;
    return longer.slice(start + 1) === shorter.slice(start);
  }

  function compileSignal(lunr, phrase, cache) {
    if (!cache[phrase]) {
      cache[phrase] = phrase.split(" ").filter(function (w) { return w.replace(/\*/g, "") !== ""; }).map(function (written) {
        var word = written.replace(/^\*+|\*+$/g, "");
        var prefix = /\*$/.test(written);
        var suffix = /^\*/.test(written);
        var plain = !prefix && !suffix;
        var standsFor = plain && Object.prototype.hasOwnProperty.call(STANDS_FOR, word) ? STANDS_FOR[word] : [];
        return {word: word, stem: stem(lunr, word), prefix: prefix, suffix: suffix, plain: plain, standsFor: standsFor,
          reflexive: standsFor === REFLEXIVE};
      });
    }
    return cache[phrase];
  }

  function signalWordMatches(sw, word, query) {
    var typos = query.mayBeTypo(word);
    if (sw.prefix && sw.suffix) return word.indexOf(sw.word) !== -1;
    if (sw.prefix) {
      if (word.slice(0, sw.word.length) === sw.word) return true;
      var size = sw.word.length;  // a typo in the first part of a compound: 'zelfmordgedachten', not 'verwarming'
      return typos && size >= MIN_TYPO_LENGTH && word.length >= MIN_TYPO_LENGTH - 1 && [size - 1, size, size + 1].some(function (n) {
        return withinOneEdit(word.slice(0, n), sw.word) && (n >= word.length || query.knows(word.slice(n)));
      });
    }
    if (sw.suffix) return word.length >= sw.word.length && word.slice(word.length - sw.word.length) === sw.word;
    if (word === sw.word || sw.standsFor.indexOf(word) !== -1) return true;
    if (query.stemOf(word) === sw.stem && !derived(word, sw.word)) return true;
    return typos && sw.word.length >= MIN_TYPO_LENGTH && word.length >= MIN_TYPO_LENGTH && withinOneEdit(word, sw.word);
  }

  /** Whether the query word at `at` (with the next one when span is 2) matches the signal word (SignalWord.matches_at). */
  function signalWordMatchesAt(sw, query, at, span) {
    if (span === 1 && sw.reflexive && OBJECT_AS_REFLEXIVE.indexOf(query.words[at]) !== -1 && query.someoneElseBefore(at)) {
      return false;  // 'mijn man doet me pijn': me is not mezelf
    }
    return signalWordMatches(sw, span === 1 ? query.words[at] : query.words[at] + query.words[at + 1], query);
  }

  /** Whether one query word is this signal word and the next one typed together ('huiselijkgeweld'). */
  function matchesJoined(sw, following, word, query) {
    if (!sw.plain || !following.plain) return false;
    var joined = sw.word + following.word;
    if (word === joined) return true;
    return Math.min(sw.word.length, following.word.length) >= MIN_TYPO_PART && query.mayBeTypo(word) && withinOneEdit(word, joined);
  }

  /** The words of a query with their stems on demand; `known` words are never taken as typos. */
  function queryWords(lunr, text, known) {
    var stems = {};
    var words = wordsOf(text);
    var clauses = clausesOf(text);
    // Whether word j opens the noun phrase that is the subject for the pronoun at `at` (QueryWords._subject_phrase).
    function subjectPhrase(j, at) {
      var opens = j === 0 || clauses[j - 1] !== clauses[j] || CONJUNCTIONS.indexOf(words[j - 1]) !== -1;
      if (!(DETERMINERS.indexOf(words[j]) !== -1 || (opens && words[j] === "dat")) || j + 1 >= at ||
          words.slice(j + 2, Math.min(j + 4, at)).indexOf("om") !== -1) return false;
      // not opening the clause: a subject only when no 'ik' stands before it ('ik heb de neiging me …': object)
      return opens || (at - j <= 3 && PREPOSITIONS.indexOf(words[j - 1]) === -1 && !ikBefore(j));
    }
    // Whether 'ik' stands before word j in its clause, with no conjunction between (QueryWords._ik_before).
    function ikBefore(j) {
      for (var i = j - 1; i >= 0; i--) {
        if (clauses[i] !== clauses[j] || CONJUNCTIONS.indexOf(words[i]) !== -1) return false;
        if (words[i] === "ik") return true;
      }
      return false;
    }
    return {
      words: words,
      clauses: clauses,
      /** Whether the nearest subject before word `at` in its clause is someone else than 'ik' (signalen.py). */
      someoneElseBefore: function (at) {
        for (var j = at - 1; j >= 0; j--) {
          if (clauses[j] !== clauses[at] || words[j] === "ik") return false;
          if (SOMEONE_ELSE.indexOf(words[j]) !== -1 || subjectPhrase(j, at)) return true;
          if (CONJUNCTIONS.indexOf(words[j]) !== -1) return false;
        }
        return false;
      },
      knows: function (word) { return !!known && known.has(word); },
      stemOf: function (word) {
        if (!Object.prototype.hasOwnProperty.call(stems, word)) stems[word] = stem(lunr, word);
        return stems[word];
      },
      mayBeTypo: function (word) { return !known || !known.has(word); },
    };
  }

  function matchFrom(signal, k, query, first, last) {
    if (k === signal.length) return true;
    var words = query.words;
    var clauses = query.clauses;
    for (var i = first; i <= Math.min(last, words.length - 1); i++) {
      if (k > 0 && i > first && ARTICLES.indexOf(words[i - 1]) !== -1) return false;
      if (k > 0 && clauses[i] !== clauses[first - 1]) return false;
      for (var span = 1; span <= 2; span++) {
        if (i + span > words.length || clauses[i + span - 1] !== clauses[i]) break;
        if (signalWordMatchesAt(signal[k], query, i, span) && matchFrom(signal, k + 1, query, i + span, i + span + MAX_GAP)) return true;
      }
      if (k + 1 < signal.length && matchesJoined(signal[k], signal[k + 1], words[i], query) &&
          matchFrom(signal, k + 2, query, i + 1, i + 1 + MAX_GAP)) return true;
    }
    return false;
  }

  /** Every signal word on its own query word, in any order, inside one window of one clause (signalen._match_any_order). */
  function matchAnyOrder(signal, query) {
    var words = query.words;
    var clauses = query.clauses;
    var width = signal.length + MAX_GAP;
    var places = signal.map(function (sw) {
      var found = [];
      words.forEach(function (word, i) { if (signalWordMatchesAt(sw, query, i, 1)) found.push(i); });
      return found;
    });
    function place(k, used) {
      if (k === signal.length) {
        var low = Math.min.apply(null, used);
        var high = Math.max.apply(null, used);
        for (var j = low; j <= high; j++) {
          if (used.indexOf(j) === -1 && ARTICLES.indexOf(words[j]) !== -1) return false;
        }
        return true;
      }
      return places[k].some(function (i) {
        var taken = used.concat([i]);
        return used.indexOf(i) === -1 && Math.max.apply(null, taken) - Math.min.apply(null, taken) < width &&
          clauses[i] === clauses[taken[0]] && place(k + 1, taken);
      });
    }
    return places.every(function (p) { return p.length > 0; }) && place(0, []);
  }

  function signalFires(lunr, phrase, query, cache) {
    var signal = compileSignal(lunr, phrase, cache);
    if (!signal.length) return false;
    if (signal.length === 1 && NUMBER.test(signal[0].word)) {
      return query.words.length === 1 && query.words[0] === signal[0].word;  // '113 euro' is an amount, not a call
    }
    if (matchFrom(signal, 0, query, 0, query.words.length - 1)) return true;
    return signal.length >= ANY_ORDER_FROM && matchAnyOrder(signal, query);
  }

  /** The crisis lines a query calls up, in file order, one per ingang (see vangnet.fired_entries). */
  function firedLines(lunr, entries, query, cache) {
    var fired = [];
    var byId = {};
    entries.forEach(function (entry) {
      var fires = function (s) { return signalFires(lunr, s, query, cache); };
      if (!entry.signalen.some(fires) || (entry.tenzij || []).some(fires)) return;
      if (byId[entry.id]) {
        if (entry.snel_weg) byId[entry.id].snel_weg = true;
        return;
      }
      var line = {};
      Object.keys(entry).forEach(function (key) { if (key !== "signalen" && key !== "tenzij") line[key] = entry[key]; });
      byId[entry.id] = line;
      fired.push(line);
    });
    return fired;
  }

  // --- residents' words: filler, compounds, suggestions (query.py) ------------------------------

  var RUN_OF_LETTERS = /[a-z]+/g;

  /** The fewest words of two or more letters that make up `word`, or null (query.word_break, line by line). */
  function wordBreak(word, known) {
    var fewest = new Array(word.length + 1).fill(null);
    fewest[0] = [0, -1];
    for (var end = 2; end <= word.length; end++) {
      for (var start = 0; start < end - 1; start++) {
        if (fewest[start] !== null && known(word.slice(start, end))) {
          var count = fewest[start][0] + 1;
          if (fewest[end] === null || count < fewest[end][0]) fewest[end] = [count, start];
        }
      }
    }
    if (fewest[word.length] === null) return null;
    var pieces = [];
    for (var at = word.length; at > 0; at = fewest[at][1]) pieces.unshift(word.slice(fewest[at][1], at));
    return pieces;
  }

  function isStopWord(lunr, word) {
    return !lunr.nl.stopWordFilter(word);  // a plain string will do (token.toString()); no Token per substring tried
  }

  /** The query lower case and folded, runs of letters typed together read apart (query.spaced). */
  function spacedQuery(lunr, query, words, lexicon, settings) {
    function known(piece) {
      if (piece.length < 3) return isStopWord(lunr, piece);
      return words.signalKnown.has(piece) || isStopWord(lunr, piece) || lexicon.has(piece);
    }
    return fold(String(query || "").toLowerCase()).replace(RUN_OF_LETTERS, function (run) {
      if (run.length < settings.minRunTogether || run.length > settings.maxWordLength || known(run) || words.knows(run)) return run;
      var pieces = wordBreak(run, known);
      var phrase = pieces && pieces.length > 1 && pieces.some(function (piece, at) {
        return isStopWord(lunr, piece) && !(at === 0 && settings.compoundStarts.indexOf(piece) !== -1);
      });
      return phrase ? pieces.join(" ") : run;
    });
  }

  /** The words of every signal the query is matched against (query.signal_lexicon). */
  function signalLexicon(data) {
    var phrases = [];
    (data.vangnet || []).forEach(function (entry) { phrases = phrases.concat(entry.signalen || [], entry.tenzij || []); });
    (data.deuren || []).forEach(function (door) { phrases = phrases.concat(doorSignals(door)); });
    (data.zinnen || []).forEach(function (zin) { phrases.push(zin[0]); });
    var lexicon = new Set();
    phrases.forEach(function (phrase) { (fold(phrase.toLowerCase()).match(RUN_OF_LETTERS) || []).forEach(function (w) { lexicon.add(w); }); });
    return lexicon;
  }

  function withoutFiller(terms, filler) {
    var content = terms.filter(function (t) { return filler.indexOf(t) === -1; });
    return content.length ? content : terms;
  }

  var soundTables = new WeakMap();

  /** A key that spellings of one Dutch sound share (dutch.sound): the settings' table in order, then doubled letters single. */
  function sound(word, settings) {
    var table = soundTables.get(settings);
    if (!table) {
      table = settings.sounds.map(function (rule) { return [new RegExp(rule[0], "g"), rule[1]]; });
      soundTables.set(settings, table);
    }
    for (var i = 0; i < table.length; i++) word = word.replace(table[i][0], table[i][1]);
    return word.replace(/(.)\1+/g, "$1");
  }

  var firstLetterTables = new WeakMap();

  /** The letters a word may start with when its sound starts with `first`: every letter, followed by each
      context the rules look at, through sound() (so the table in the settings decides). */
  function firstLetters(first, settings) {
    var table = firstLetterTables.get(settings);
    if (!table) {
      table = {};
      "abcdefghijklmnopqrstuvwxyz".split("").forEach(function (letter) {
        ["", "a", "au", "e", "i", "h", "t", "o", "u"].forEach(function (context) {
          var start = sound(letter + context, settings)[0];
          table[start] = table[start] || [];
          if (table[start].indexOf(letter) === -1) table[start].push(letter);
        });
      });
      firstLetterTables.set(settings, table);
    }
    return table[first] || [];
  }

  /** The first index of the sorted array whose item is not below `value`; with `after`, the first whose item is
      above it (Python's bisect_left and bisect_right). */
  function bisect(sorted, value, after) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var mid = (low + high) >>> 1;
      if (sorted[mid] < value || (after && sorted[mid] === value)) low = mid + 1; else high = mid;
    }
    return low;
  }

  function indexWords(lunr, data) {
    var buckets = {};
    var soundsFound = new Map();
    /** The words of the site of at least minSuggestLength letters starting with this letter, with their sounds. */
    function soundBucket(letter, settings) {
      if (!buckets[letter]) {
        var sorted = data.woorden;
        var words = [];
        for (var at = bisect(sorted, letter); at < sorted.length && sorted[at][0] === letter; at++) {
          if (sorted[at].length >= settings.minSuggestLength) words.push(sorted[at]);
        }
        // one pass of each rule over the words joined by spaces: far faster than word by word
        buckets[letter] = {words: words, keys: words.length ? sound(words.join(" "), settings).split(" ") : []};
      }
      return buckets[letter];
    }
    var raw = new Set(data.woorden);
    var stems = new Set(data.termen);
    var common = new Set(data.gewoon || []);
    return {
      raw: raw,
      stems: stems,
      /** What signal matching takes as written, never as a typo: the site's words and common Dutch ones (query.Words.signal_known). */
      signalKnown: {has: function (word) { return raw.has(word) || common.has(word); }},
      knows: function (word) { return raw.has(word) || stems.has(stem(lunr, word)); },
      /** Whether a word of the site starts with this (the last word may be half typed). */
      completes: function (prefix) {
        var sorted = data.woorden, at = bisect(sorted, prefix);
        return at < sorted.length && sorted[at].slice(0, prefix.length) === prefix;
      },
      /** The word of the site that sounds like the term (query.Words.sounds_like). Only words whose first
          letter can sound like the term's first are looked at, their sounds worked out per first letter once
          (the whole vocabulary at once took 100 ms on a fast machine at 50,000 words). */
      soundsLike: function (term, settings) {
        if (soundsFound.has(term)) return soundsFound.get(term);  // asked again on every keystroke while typing on
        if (soundsFound.size > 200) soundsFound.clear();
        var key = sound(term, settings);
        var best = null;
        firstLetters(key[0], settings).forEach(function (letter) {
          var bucket = soundBucket(letter, settings);
          for (var at = 0; at < bucket.keys.length; at++) {
            var found = bucket.keys[at];
            if (found.slice(0, key.length) !== key || (found !== key && term.length < settings.minSoundPrefix)) continue;
            var word = bucket.words[at];
            var rank = [found !== key ? 1 : 0, word.length, word];
            if (best === null || rank[0] < best[0] || (rank[0] === best[0] && (rank[1] < best[1] || (rank[1] === best[1] && rank[2] < best[2])))) best = rank;
          }
        });
        soundsFound.set(term, best ? best[2] : null);
        return soundsFound.get(term);
      },
      near: function (term) {
        var found = data.woorden.filter(function (w) { return Math.abs(w.length - term.length) <= 1 && withinOneEdit(term, w); });
        return found.sort(function (a, b) {
          var la = a.length !== term.length ? 1 : 0;
          var lb = b.length !== term.length ? 1 : 0;
          return la - lb || (a < b ? -1 : a > b ? 1 : 0);
        });
      },
    };
  }

  var ENDINGS = ["t", "er", "ere", "ste"];
  var APOSTROPHE = /['\u2019]/;

  function withoutApostrophe(term) {
    var head = term.split(APOSTROPHE)[0];
    return head.length >= 2 ? head : term;
  }

  function endsWith(word, ending) {
    return word.length >= ending.length && word.slice(word.length - ending.length) === ending;
  }

  function knownForm(term, words, settings) {
    if (words.knows(term)) return [term];
    var least = settings.minCompoundPart;
    for (var e = 0; e < ENDINGS.length; e++) {
      var shorter = term.slice(0, term.length - ENDINGS[e].length);
      if (endsWith(term, ENDINGS[e]) && shorter.length >= least && words.knows(shorter)) return [shorter];
    }
    if (term.length >= settings.minSuggestLength && /^[a-z]+$/.test(term) && !words.completes(term)) {
      var sounding = words.soundsLike(term, settings);
      if (sounding) return [sounding];
    }
    if (term.length < settings.minCompoundLength) return [term];
    var headOnly = null;
    for (var cut = term.length - least; cut >= least; cut--) {
      var head = term.slice(0, cut);
      var tail = term.slice(cut);
      if (endsWith(head, "s") && head.length > least && !words.knows(head) && words.knows(head.slice(0, -1))) head = head.slice(0, -1);
      if (!words.knows(head) || settings.notHeads.indexOf(head) !== -1) continue;
      if (words.knows(tail)) return [head, tail];
      if (headOnly === null && head.length > least && tail.length > least) headOnly = head;
    }
    if (headOnly !== null && words.near(term).length === 0) return [term, headOnly];
    return [term];
  }

  function contentTerms(terms, words, filler, settings) {
    var result = [];
    withoutFiller(terms.map(withoutApostrophe), filler).forEach(function (term) {
      withoutFiller(knownForm(term, words, settings), filler).forEach(function (part) { if (result.indexOf(part) === -1) result.push(part); });
    });
    var joined = [];
    for (var i = 0; i + 1 < result.length; i++) {
      var pair = [result[i] + result[i + 1], result[i + 1] + result[i]];
      for (var j = 0; j < 2; j++) {
        var both = pair[j];
        if ((words.raw.has(both) || words.stems.has(both)) && result.indexOf(both) === -1 && joined.indexOf(both) === -1) {
          joined.push(both);
          break;
        }
      }
    }
    return result.concat(joined);
  }

  /** Terms of a question holding everyday phrases with a negation ('geen huis'): the phrases' words give
   * way to the words they stand for; a last word that is no phrase word stays last (see query.with_phrases). */
  function withPhrases(lunr, terms, fired, settings) {
    if (!fired.length) return terms;
    var said = new Set();
    fired.forEach(function (phrase) { phrase[0].forEach(function (word) { said.add(stem(lunr, word)); }); });
    var kept = terms.filter(function (term) { return !said.has(stem(lunr, term)); });
    var typing = terms.length && kept.length && kept[kept.length - 1] === terms[terms.length - 1] ? kept.slice(-1) : [];
    var result = kept.slice(0, kept.length - typing.length);
    fired.forEach(function (phrase) {
      phrase[1].forEach(function (word) {
        if (result.indexOf(word) === -1 && typing.indexOf(word) === -1) result.push(word);
      });
    });
    return result.length || typing.length ? result.slice(0, settings.maxTerms - typing.length).concat(typing) : terms;
  }

  /** Whether the question holds a word the site does not know (not a half-typed last word): typo
   * tolerance then runs whatever the number of hits (query.misspelt). */
  function misspelt(terms, words, settings) {
    var last = terms.length - 1;
    return terms.some(function (term, i) {
      return term.length >= settings.minFuzzyLength && !words.knows(term) && !(i === last && words.completes(term));
    });
  }

  function suggestionFor(terms, words, settings) {
    var changed = false;
    var suggested = terms.map(function (term) {
      var best = null;
      if (term.length >= settings.minSuggestLength && !words.knows(term)) {
        var near = words.near(term);
        best = near.length ? near[0] : null;
      }
      if (best !== null) changed = true;
      return best || term;
    });
    return changed ? suggested.join(" ") : null;
  }

  // --- ranking tiers (query.ordered) -------------------------------------------------------------

  /** The words of a name as query terms (cleanQuery without the limits); stems are looked up when needed. */
  function nameWords(lunr, naam) {
    var out = [];
    // lunr.nl's trimmer and stop word filter take a plain string as well as a lunr.Token (same result, no objects).
    fold(String(naam).toLowerCase()).split(SEPARATORS).forEach(function (w) {
      var word = lunr.nl.trimmer(w);
      if (word === "" || !lunr.nl.stopWordFilter(word)) return;
      out.push(word);
    });
    return out;
  }

  /* Whether a name word is the term: the same stem, or it starts with the term or its stem. `head` is the stem
     without its last two letters: Snowball's Dutch stemmer only removes endings, undoubles a letter near the end
     and turns -heden into -heid, so a word's stem never differs from the word before its last two letters
     (tests/search/test_stemkop.py checks this). A name word that does not start with
     `head` cannot have this stem and is never stemmed: stemming every name word of thousands of hits was
     most of the first keystroke at 10,000 records. Words with their own stem (stammen) are looked up. */
  function covers(lunr, name, term, stemmed, head, last, settings) {
    var least = last ? settings.minPrefixLength : settings.minNamePrefix;
    for (var i = 0; i < name.length; i++) {
      var word = name[i];
      if ((term.length >= least && word.startsWith(term)) || (stemmed.length >= least && word.startsWith(stemmed))) return true;
      if (Object.prototype.hasOwnProperty.call(stemExceptions, word)) {
        if (stemExceptions[word] === stemmed) return true;
      } else if (word.startsWith(head) && stem(lunr, word) === stemmed) {
        return true;
      }
    }
    return false;
  }

  /* Per term the texts a name must contain to cover it (any one of them): the stem's head (every way of covering
     starts a name word with it, see covers), or, for a term or stem in stammen, nothing can be ruled out (null). */
  function needlesFor(terms, stems, heads) {
    return terms.map(function (term, i) {
      if (Object.prototype.hasOwnProperty.call(stemExceptions, term)) return null;
      var own = Object.keys(stemExceptions).filter(function (word) { return stemExceptions[word] === stems[i]; });
      return [heads[i]].concat(own);
    });
  }

  var ASCII = /^[\x00-\x7f]*$/;

  /** False when the name cannot cover every term (an ASCII name, lower-cased, lacks a term's every needle): the
     name's words need not be worked out. Names with other letters are folded first, so they always go on. */
  function mayCover(naam, needles) {
    if (!ASCII.test(naam)) return true;
    var lower = naam.toLowerCase();
    for (var i = 0; i < needles.length; i++) {
      var options = needles[i];
      if (options === null) continue;
      var found = false;
      for (var j = 0; j < options.length && !found; j++) found = lower.indexOf(options[j]) !== -1;
      if (!found) return false;
    }
    return true;
  }

  // Called on every keystroke over every hit (thousands at 10,000 records for a short prefix): the hits are
  // sorted in place, each hit's tier worked out once, not inside the sort's comparisons.
  function ordered(lunr, hits, data, store, terms, lines, doors, keep, nameOf, settings, elsewhere) {
    var extra = lines.concat(doors.filter(function (door) { return keep(data.docs[door]); }));
    if (extra.length) {
      var missing = new Set(extra);
      for (var h = 0; h < hits.length; h++) missing.delete(hits[h]._at);
      extra.forEach(function (at) {
        if (missing.has(at)) {
          hits.push(toHit(data, store, at, 0));
          missing.delete(at);
        }
      });
    }
    var lineSet = new Set(lines);
    var doorSet = new Set(doors);
    var stems = terms.map(function (term) { return stem(lunr, term); });
    var heads = stems.map(function (stemmed) { return stemmed.slice(0, Math.max(0, stemmed.length - 2)); });
    var needles = needlesFor(terms, stems, heads);
    var last = terms.length - 1;
    for (var k = 0; k < hits.length; k++) {
      var hit = hits[k];
      var at = hit._at;
      var tier = 0;
      if (lineSet.has(at)) {
        tier = 3;
      } else if (doorSet.has(at)) {
        tier = 2;
      } else {
        var all = !elsewhere.has(at) && mayCover(data.docs[at].naam, needles);
        if (all) {
          var name = nameOf(at);
          for (var i = 0; i <= last && all; i++) all = covers(lunr, name, terms[i], stems[i], heads[i], i === last, settings);
        }
        if (all) tier = 1;
        else if (data.docs[at].achteraan) tier = -1;
      }
      hit.rang = tier;  // 3 crisis line or the help after it, 2 official door, 1 name holds every term, 0 the rest, -1 partner pages (for nearness)
    }
    return linesFirst(sortHits(hits), lines);
  }

  /** The crisis lines and the help that follows them (the first hits) in the safety net's order, not by score (query.lines_first). */
  function linesFirst(hits, lines) {
    if (lines.length < 2) return hits;
    var byAt = new Map();
    hits.slice(0, lines.length).forEach(function (hit) { byAt.set(hit._at, hit); });
    return lines.map(function (at) { return byAt.get(at); }).concat(hits.slice(lines.length));
  }

  /* Best first: tier, then score, then document order. Each hit's order packed into one number (tier + 1 in three
     bits, the score in millionths, the position reversed), so the browser sorts plain numbers rather than calling a
     comparison function some 100,000 times for the thousands of hits of a short prefix. A score too large to pack
     (never seen) falls back to the comparison. */
  function sortHits(hits) {
    var atBits = Math.max(1, Math.ceil(Math.log2(hits.reduce(function (most, hit) { return Math.max(most, hit._at); }, 0) + 2)));
    var scoreBits = 53 - 3 - atBits;
    var atRoom = Math.pow(2, atBits);
    var keys = new Float64Array(hits.length);
    for (var i = 0; i < hits.length; i++) {
      var hit = hits[i];
      var millionths = Math.round(hit.score * 1e6);
      if (!(millionths >= 0 && millionths < Math.pow(2, scoreBits) && hit.rang >= -1 && hit.rang <= 6)) {
        return hits.sort(function (a, b) { return b.rang - a.rang || b.score - a.score || a._at - b._at; });
      }
      keys[i] = ((hit.rang + 1) * Math.pow(2, scoreBits) + millionths) * atRoom + (atRoom - 1 - hit._at);
    }
    keys.sort();
    var byAt = new Map();
    hits.forEach(function (hit) { byAt.set(hit._at, hit); });
    var out = new Array(hits.length);
    for (var k = 0; k < keys.length; k++) out[k] = byAt.get(atRoom - 1 - keys[keys.length - 1 - k] % atRoom);
    return out;
  }

  /** The lunr clauses for a list of terms; fuzzy adds edit-distance-1 clauses per long term. */
  function clausesFor(lunr, terms, settings, fuzzy, vocabulary) {
    var clauses = [];
    terms.forEach(function (term, position) {
      clauses.push({term: term, usePipeline: true, boost: settings.exactBoost, of: position});
      var last = position === terms.length - 1;
      if (last && term.length >= settings.minPrefixLength) {
        clauses.push({term: term, usePipeline: false, wildcard: true, boost: settings.prefixBoost, of: position});
        var stemmed = stem(lunr, term);
        if (stemmed !== term && stemmed.length >= settings.minPrefixLength) {
          clauses.push({term: stemmed, usePipeline: false, wildcard: true, boost: settings.prefixBoost, of: position});
        }
      }
      if (fuzzy && term.length >= settings.minFuzzyLength) {
        clauses.push({term: term, usePipeline: true, editDistance: 1, boost: settings.fuzzyBoost, of: position});
        corrections(lunr, vocabulary(), term, settings).forEach(function (word) {
          clauses.push({term: word, usePipeline: true, boost: settings.fuzzyBoost, of: position});
        });
      }
    });
    return clauses;
  }

  // --- lunr's index by term (query.TermIndex, query_vector, score_clauses) ----------------------

  /** The terms of lunr's index (sorted) and what a clause expands to, as lunr.Index.query does. */
  function termIndex(lunr, data) {
    var terms = data.termen;
    var tokenSet = null;
    var positions = null;


    function expanded(clause) {
      var term = clause.usePipeline ? stem(lunr, clause.term) : clause.term;
      if (term === "") return [];
      if (clause.editDistance) {
        if (!tokenSet) {
          tokenSet = lunr.TokenSet.fromArray(terms);
          positions = new Map();
          terms.forEach(function (word, at) { positions.set(word, at); });
        }
        return tokenSet.intersect(lunr.TokenSet.fromFuzzyString(term, clause.editDistance)).toArray()
          .map(function (word) { return positions.get(word); }).sort(function (a, b) { return a - b; });
      }
      var start = bisect(terms, term);
      if (clause.wildcard) {
        var found = [];
        for (var end = start; end < terms.length && terms[end].slice(0, term.length) === term; end++) found.push(end);
        return found;
      }
      return start < terms.length && terms[start] === term ? [start] : [];
    }

    return {expanded: expanded, fields: data.velden.length, terms: terms,
      synonyms: data.groepen ? data.velden.indexOf(data.groepen.veld) : -1}; // the synonyms field (query.TermIndex)
  }

  /** Term position -> the summed boosts of the clauses that expand to it (lunr's query vector); with `masks`,
   * also term position -> the query terms (a bit per clause `of`) that reach it (query.query_vector). */
  function queryVector(index, clauses, masks) {
    var boosts = new Map();
    clauses.forEach(function (clause) {
      index.expanded(clause).forEach(function (at) {
        boosts.set(at, (boosts.get(at) || 0) + clause.boost);
        if (masks) masks.set(at, (masks.get(at) || 0) | (1 << clause.of));
      });
    });
    return boosts;
  }

  function bitCount(mask) {
    var count = 0;
    for (; mask; mask &= mask - 1) count++;
    return count;
  }

  /**
   * Document position -> lunr's score: per field the dot product of the query vector with the
   * document's field vector, divided by the query vector's magnitude, summed over the fields.
   * `posting(at)` gives a term's postings (index.postings_by_term). With `masks`, times the share of the
   * `terms` query terms the document holds (coverage, see query.score_clauses). `skip`: {field, at: Set of term
   * positions} whose postings in that field do not count (the words of an everyday phrase said alone, aloneTerms).
   */
  function scoreClauses(index, boosts, posting, size, masks, terms, skip) {
    var order = Array.from(boosts.keys()).sort(function (a, b) { return posting(a)[0] - posting(b)[0]; });
    var squares = 0;
    order.forEach(function (at) { squares += boosts.get(at) * boosts.get(at); });
    var magnitude = Math.sqrt(squares);
    var fields = index.fields;
    // Per document and field the dot product, in flat typed arrays rather than an array per document: a short
    // prefix touches thousands of documents on every keystroke. A field no term touched adds 0 to the sum,
    // which leaves every score exactly as lunr's (x + 0 === x).
    var dots = new Float64Array(size * fields);
    var seen = new Uint8Array(size);
    var held = masks ? new Int32Array(size) : null; // per document the query terms it holds (a bit per term)
    var docs = [];
    order.forEach(function (at) {
      var row = posting(at), boost = boosts.get(at), mask = masks ? masks.get(at) : 0;
      for (var field = 0; field < fields; field++) {
        if (skip && field === skip.field && skip.at.has(at)) continue;
        var flat = row[field + 1], doc = 0;
        for (var i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          if (seen[doc] === 0) {
            seen[doc] = 1;
            docs.push(doc);
          }
          dots[doc * fields + field] += boost * (flat[i + 1] / 1000);
          if (held) held[doc] |= mask;
        }
      }
    });
    var scores = new Float64Array(docs.length);
    for (var d = 0; d < docs.length; d++) {
      var score = 0;
      for (var f = 0; f < fields; f++) score += magnitude ? dots[docs[d] * fields + f] / magnitude : 0;
      scores[d] = masks && terms > 1 ? score * bitCount(held[docs[d]]) / terms : score;
    }
    return {docs: docs, scores: scores};
  }

  /** lunr's scores for the clauses ({docs, scores}; with `coverage`, times the share of the query terms a document
   * holds; the index terms in the Set `alone` do not count in the synonyms field); null while a term's shard is not
   * loaded (the store then wants it). */
  function runClauses(index, store, clauses, size, coverage, alone) {
    var masks = coverage ? new Map() : null;
    var boosts = queryVector(index, clauses, masks);
    var missing = false;
    boosts.forEach(function (_, at) { if (!store.posting(at)) missing = true; });
    if (missing) return null;
    var terms = coverage ? 1 + clauses.reduce(function (most, clause) { return Math.max(most, clause.of); }, 0) : 0;
    var skip = null;
    if (alone && alone.size) {
      skip = {field: index.synonyms, at: new Set()};
      boosts.forEach(function (_, at) { if (alone.has(index.terms[at])) skip.at.add(at); });
    }
    return scoreClauses(index, boosts, store.posting, size, masks, terms, skip);
  }

  /** The index words of everyday phrases ('bank' of 'food bank', data.groepen) whose phrase the question's words
   * (`terms`: as cleaned, filler included, and as searched) do not hold whole: in the synonyms field they do not
   * count ('schuld bij de bank'; query.alone_terms). */
  function aloneTerms(lunr, terms, data) {
    var groups = data.groepen;
    var alone = new Set();
    if (!groups || !groups.woorden.length) return alone;
    var said = new Set(terms.map(function (term) { return stem(lunr, term); }));
    var whole = new Set();
    groups.zinnen.forEach(function (phrase) {
      if (phrase.every(function (word) { return said.has(word); })) phrase.forEach(function (word) { whole.add(word); });
    });
    groups.woorden.forEach(function (word) { if (!whole.has(word)) alone.add(word); });
    return alone;
  }

  function isSet(value) {
    return value !== undefined && value !== null && value !== "" && value !== false;
  }

  function hasFilter(filters) {
    return FILTER_KEYS.some(function (key) { return isSet(filters[key]); });
  }

  function soortenOf(filters) {
    var soort = filters.soort;
    if (!isSet(soort)) return null;
    return Array.isArray(soort) ? soort : [soort];
  }

  function makeFilter(data, filters) {
    filters = filters || {};
    var onlyAanbod = hasFilter(filters);
    var soorten = soortenOf(filters);
    var leeftijd = isSet(filters.leeftijd) ? Number(filters.leeftijd) : null;
    return function (doc) {
      if (onlyAanbod && AANBOD.indexOf(doc.soort) === -1) return false;
      if (soorten && soorten.indexOf(doc.soort) === -1) return false;
      if (isSet(filters.thema) && (doc.themas || []).indexOf(filters.thema) === -1) return false;
      if (isSet(filters.doelgroep)) {
        var groepen = doc.doelgroepen || [];
        if (groepen.length && groepen.indexOf(filters.doelgroep) === -1 && groepen.indexOf("iedereen") === -1) return false;
      }
      if (isSet(filters.kern)) {
        var covered = (doc.werkgebied || []).some(function (area) {
          return (data.gebieden[area] || []).indexOf(filters.kern) !== -1;
        });
        if (!covered) return false;
      }
      if (leeftijd !== null && !isNaN(leeftijd)) {
        var range = doc.leeftijd || [null, null];
        if ((range[0] !== null && leeftijd < range[0]) || (range[1] !== null && leeftijd >= range[1])) return false;
      }
      if (filters.gratis && doc.gratis !== true) return false;
      if (filters.vrij && doc.vrij !== true) return false;
      return true;
    };
  }

  /** Scores rounded to 6 decimals (half up), so tiny float differences never reorder results. */
  function roundScore(score) {
    return Math.floor(score * 1e6 + 0.5) / 1e6;
  }

  function position(ref) {
    return parseInt(ref.slice(1), 10);
  }

  // A hit reads the fields of the manifest's document (DOC_KEYS) through getters instead of copying them: a short
  // prefix has thousands of hits on every keystroke and only the shown ones are ever read. The card part
  // (url, samenvatting, telefoon, status: CARD_ONLY in index.py) is set on the hit once its chunk is loaded.
  var DOC_KEYS = ["id", "soort", "naam", "themas", "doelgroepen", "leeftijd", "gratis", "vrij", "werkgebied", "plekken"];
  var AT = "_at"; // the document's position (internal; `ref` is "d" + position)

  /** A hit: ref, score and the card; the card's CARD_ONLY part only once its chunk is loaded. */
  function Hit(at, score, doc) {
    this.score = score;
    this.rang = 0;
    this._at = at;
    this._doc = doc;
  }

  Object.defineProperty(Hit.prototype, "ref", {enumerable: true, get: function () { return "d" + this._at; }});
  DOC_KEYS.forEach(function (key) {
    Object.defineProperty(Hit.prototype, key, {
      enumerable: true,
      get: function () { return this._doc[key]; },
      set: function (value) { Object.defineProperty(this, key, {value: value, writable: true, enumerable: true, configurable: true}); },
    });
  });

  /** A door's signals: its words and the words of its groups of problems (query.door_signals). */
  function doorSignals(door) {
    var signals = door[1].slice();
    (door[3] || []).forEach(function (group) { signals = signals.concat(group); });
    return signals;
  }

  /** Whether the query names words of at least settings.minProblemGroups of the door's groups (query.names_several_problems). */
  function namesSeveralProblems(lunr, door, q, settings, cache) {
    var named = (door[3] || []).filter(function (group) {
      return group.some(function (s) { return signalFires(lunr, s, q, cache); });
    }).length;
    return named >= settings.minProblemGroups;
  }

  /** The door a kern goes to; with no kern known, the door and every kern's own (query.doors_for). */
  function doorsFor(door, kern) {
    var elsewhere = door[2] || {};
    if (kern) return [Object.prototype.hasOwnProperty.call(elsewhere, kern) ? elsewhere[kern] : door[0]];
    var others = [];
    Object.keys(elsewhere).forEach(function (k) {
      var at = elsewhere[k];
      if (at !== door[0] && others.indexOf(at) === -1) others.push(at);
    });
    return [door[0]].concat(others.sort(function (a, b) { return a - b; }));
  }

  /** The records that follow the fired lines (vangnet.yaml `daarna`), in order, without the lines or repeats;
     what the filters or the kern rule out is left out (query.follow_lines). */
  function followLines(data, fired, kern, keep) {
    var leading = fired.map(function (line) { return line.at; });
    var found = [];
    fired.forEach(function (line) {
      (line.daarna || []).forEach(function (item) {
        followItem(data, item, kern).forEach(function (at) {
          var doc = data.docs[at];
          if (leading.indexOf(at) === -1 && found.indexOf(at) === -1 && keep(doc) && (!kern || serves(data, doc, kern))) found.push(at);
        });
      });
    });
    return found;
  }

  /** The cards one entry of `daarna` stands for: a position, or 'sociaal-team' (query.follow_item). */
  function followItem(data, item, kern) {
    if (item !== "sociaal-team") return [item];
    return data.teams && data.teams.length ? doorsFor(data.teams, kern) : [];
  }

  /** Whether a document's werkgebied holds the kern; what has none is for everyone (query.serves). */
  function serves(data, doc, kern) {
    var areas = doc.werkgebied;
    if (!areas || !areas.length) return true;
    return areas.some(function (area) { return (data.gebieden[area] || []).indexOf(kern) !== -1; });
  }

  /** The positions of hits that do not serve the kern; they score less and a full name match does not lift them (query.prefer_kern). */
  function preferKern(hits, data, kern, settings) {
    var elsewhere = new Set();
    if (!kern) return elsewhere;
    for (var i = 0; i < hits.length; i++) {
      if (!serves(data, data.docs[hits[i]._at], kern)) {
        hits[i].score = roundScore(hits[i].score * settings.elsewhereFactor);
        elsewhere.add(hits[i]._at);
      }
    }
    return elsewhere;
  }

  function toHit(data, store, at, score) {
    var hit = new Hit(at, score, data.docs[at]);
    var card = store.card(at, false);
    if (card) Object.assign(hit, card);
    return hit;
  }

  function ranked(index, store, data, clauses, keep, alone) {
    var result = runClauses(index, store, clauses, data.docs.length, true, alone);
    if (result === null) return null;
    var hits = [];
    for (var i = 0; i < result.docs.length; i++) {
      var doc = result.docs[i];
      if (keep(data.docs[doc])) hits.push(toHit(data, store, doc, roundScore(result.scores[i])));
    }
    return hits;
  }

  // --- where postings and cards come from ---------------------------------------------------------

  /**
   * The postings and cards of the data: all in memory (data.postings, data.kaarten: Node, tests),
   * or loaded per shard and chunk (shards.py). `wanted()` lists what a search asked for and lacked;
   * `add(kind, number, json)` puts a loaded file in.
   */
  function dataStore(data) {
    if (data.postings) {
      return {
        posting: function (at) { return data.postings[at]; },
        card: function (at) { return data.kaarten[at]; },
        wanted: function () { return {termen: [], kaarten: []}; },
        add: function () {},
      };
    }
    var delen = data.delen;
    var postings = [];
    var cards = [];
    var wantedShards = new Set();
    var wantedChunks = new Set();

    function shardOf(at) {
      return bisect(delen.termen, at, true) - 1;
    }

    return {
      posting: function (at) {
        if (postings[at] === undefined) wantedShards.add(shardOf(at));
        return postings[at];
      },
      /** A document's card part; with want = false a missing one is not asked for. */
      card: function (at, want) {
        if (cards[at] === undefined && want !== false) wantedChunks.add(Math.floor(at / delen.kaarten));
        return cards[at];
      },
      wanted: function () {
        var out = {termen: Array.from(wantedShards), kaarten: Array.from(wantedChunks)};
        wantedShards.clear();
        wantedChunks.clear();
        return out;
      },
      add: function (kind, number, json) {
        if (kind === "termen") {
          json.postings.forEach(function (row, i) { postings[json.van + i] = row; });
        } else {
          json.forEach(function (card, i) { cards[number * delen.kaarten + i] = card; });
        }
      },
    };
  }

  /** The site path of a shard ("termen") or card chunk ("kaarten") of a manifest. */
  function partPath(data, kind, number) {
    return folderPath(data.delen.map, kind, number);
  }

  function folderPath(map, kind, number) {
    return "zoeken/" + map + "/" + (kind === "termen" ? "t" : "k") + number + ".json";
  }

  /**
   * The term shards a query will most likely need, from zoeken/delen.json (`early`: map, grenzen = the
   * first term of every shard, zoeken = the settings) without the manifest: each word's stem, and for
   * the last word the prefix ranges of the word and its stem (as clausesFor). Compound parts, filler
   * words and typo corrections need the manifest: the engine asks for those shards itself.
   */
  function likelyShards(lunr, early, query) {
    var bounds = early.grenzen;
    function shardOf(term) {
      return Math.max(bisect(bounds, term, true) - 1, 0);
    }
    var wanted = new Set();
    var settings = early.zoeken;
    var terms = cleanQuery(lunr, query, settings);
    terms.forEach(function (term, position) {
      var stemmed = stem(lunr, term);
      wanted.add(shardOf(stemmed));
      if (position === terms.length - 1 && term.length >= settings.minPrefixLength) {
        [term, stemmed].forEach(function (prefix) {
          if (prefix.length < settings.minPrefixLength) return;
          for (var n = shardOf(prefix); n <= shardOf(prefix + "\uffff"); n++) wanted.add(n);
        });
      }
    });
    return Array.from(wanted);
  }

  /**
   * A search engine over zoekindex.json (`data`), using the given lunr (with lunr.nl). `data` is
   * the manifest (postings and cards then come through `store`, see dataStore) or the whole data.
   * search() and suggestion() return null while a shard they need is not loaded: the store then
   * lists it in wanted(); load it with store.add() and ask again (browserApi's complete()).
   */
  function createEngine(lunr, data, store) {
    store = store || dataStore(data);
    useStemExceptions(data.stammen);
    learnStems(data.signaalstammen);
    var index = termIndex(lunr, data);
    var settings = data.zoeken;
    var vocabularySet = null;
    var known = null;
    var filler = data.vulwoorden || [];
    var signalCache = {};
    var names = [];

    function vocabulary() {
      if (!vocabularySet) vocabularySet = lunr.TokenSet.fromArray(data.woorden);
      return vocabularySet;
    }

    function words() {
      if (!known) known = indexWords(lunr, data);
      return known;
    }

    function nameOf(at) {
      if (!names[at]) names[at] = nameWords(lunr, data.docs[at].naam);
      return names[at];
    }

    var lexicon = null;
    var lastSpaced = {query: null, spaced: ""};

    /** The query with words typed together read apart (query.SearchEngine.spaced); the last answer is kept. */
    function spaced(query) {
      if (lastSpaced.query !== query) {
        if (!lexicon) lexicon = signalLexicon(data);
        lastSpaced = {query: query, spaced: spacedQuery(lunr, query, words(), lexicon, settings)};
      }
      return lastSpaced.spaced;
    }

    function terms(query) {
      return withPhrases(lunr, contentTerms(cleanQuery(lunr, spaced(query), settings), words(), filler, settings), phrases(query), settings);
    }

    /** [words, the words they stand for] of the everyday phrases (synoniemen.yaml) the question holds. */
    function phrases(query) {
      var zinnen = data.zinnen || [];
      if (!zinnen.length) return [];
      var q = queryWords(lunr, spaced(query), words().signalKnown);
      return zinnen.filter(function (zin) { return signalFires(lunr, zin[0], q, signalCache); }).map(function (zin) {
        return [zin[0].split(" "), zin[1]];
      });
    }

    var lastLines = {query: null, lines: []};

    /** The crisis lines of a query (the manifest only: never waits for a shard); the last answer is kept. */
    function vangnet(query) {
      query = spaced(query);
      if (lastLines.query !== query) {
        lastLines = {query: query, lines: firedLines(lunr, data.vangnet || [], queryWords(lunr, query, words().signalKnown), signalCache)};
      }
      return lastLines.lines.map(function (line) { return Object.assign({}, line); });
    }

    /** The official doors the query names (or, with groups of problems, several problems at once); for a kern the door that serves it (query.doors). */
    function doors(query, kern) {
      var q = queryWords(lunr, spaced(query), words().signalKnown);
      var found = [];
      (data.deuren || []).forEach(function (door) {
        if (!door[1].some(function (s) { return signalFires(lunr, s, q, signalCache); }) &&
            !namesSeveralProblems(lunr, door, q, settings, signalCache)) return;
        doorsFor(door, kern).forEach(function (at) { if (found.indexOf(at) === -1) found.push(at); });
      });
      return found;
    }

    var found = {key: null, any: false};

    /** Whether the terms find anything before typo tolerance and filters (the last answer is kept); null while a shard is missing. */
    function foundAsTyped(t, alone) {
      var key = t.join(" ") + "|" + Array.from(alone).sort().join(" "); // the answer depends on both
      if (found.key !== key) {
        var hits = ranked(index, store, data, clausesFor(lunr, t, settings, false, vocabulary), function () { return true; }, alone);
        if (hits === null) return null;
        found = {key: key, any: hits.length > 0};
      }
      return found.any;
    }

    /** The words of everyday phrases the question does not say whole (aloneTerms): filler counts ('household help'). */
    function alone(query, t) {
      return aloneTerms(lunr, cleanQuery(lunr, spaced(query), settings).concat(t), data);
    }

    function suggestion(query) {
      var t = terms(query);
      if (!t.length) return null;
      var any = foundAsTyped(t, alone(query, t));
      if (any === null || any) return null;
      return suggestionFor(t, words(), settings);
    }

    function search(query, filters, options) {
      var keep = makeFilter(data, filters);
      var limit = options && options.limit;
      var terms_ = terms(query);
      var hits;
      if (terms_.length === 0) {
        hits = [];
        if (hasFilter(filters || {}) || soortenOf(filters || {})) {
          data.docs.forEach(function (doc, i) {
            if (keep(doc)) hits.push(toHit(data, store, i, 0));
          });
        }
      } else {
        var aloneWords = alone(query, terms_);
        hits = ranked(index, store, data, clausesFor(lunr, terms_, settings, false, vocabulary), keep, aloneWords);
        if (hits === null) return null;
        if (!(hasFilter(filters || {}) || soortenOf(filters || {}))) found = {key: terms_.join(" "), any: hits.length > 0};
        var fuzzyUseful = terms_.some(function (t) { return t.length >= settings.minFuzzyLength; });
        if (fuzzyUseful && (hits.length < settings.fuzzyBelow || misspelt(terms_, words(), settings))) {
          hits = ranked(index, store, data, clausesFor(lunr, terms_, settings, true, vocabulary), keep, aloneWords);
          if (hits === null) return null;
        }
      }
      var fired = vangnet(query);
      // the official door for the kern filtered on, else for the kern chosen on this device (kern.js)
      var kern = filters && isSet(filters.kern) ? filters.kern : (options && options.woonkern) || null;
      if (terms_.length || fired.length) {
        var elsewhere = preferKern(hits, data, kern, settings);
        var lead = fired.map(function (line) { return line.at; }).concat(followLines(data, fired, kern, keep));
        hits = ordered(lunr, hits, data, store, terms_, lead, doors(query, kern), keep, nameOf, settings, elsewhere);
      }
      return limit ? hits.slice(0, limit) : hits;
    }

    /** Asks the store for the cards of these hits; fills in those it has. */
    function cards(hits) {
      hits.forEach(function (hit) {
        var card = store.card(hit instanceof Hit ? hit._at : position(hit.ref));
        if (card) Object.assign(hit, card);
      });
      return hits;
    }

    return {
      search: search, terms: terms, vangnet: vangnet, suggestion: suggestion, cards: cards, store: store,
      clauses: function (t, fuzzy) { return clausesFor(lunr, t, settings, fuzzy, vocabulary); },
      score: function (clauses) { // doc position -> lunr's score (tests); null while a shard is missing
        var result = runClauses(index, store, clauses, data.docs.length);
        if (result === null) return null;
        var scores = new Map();
        result.docs.forEach(function (doc, i) { scores.set(doc, result.scores[i]); });
        return scores;
      },
    };
  }

  /**
   * Runs `run` until the store wants nothing more, loading what it wants with `load(kind, number)`
   * (a promise of the file's JSON, or the JSON itself): how a search gets the shards of its terms
   * and the cards of its results. Gives run's last answer.
   */
  function complete(store, run, load) {
    var result = run();
    var wanted = store.wanted();
    var parts = [];
    ["termen", "kaarten"].forEach(function (kind) {
      wanted[kind].forEach(function (number) { parts.push([kind, number]); });
    });
    if (!parts.length) return Promise.resolve(result);
    return Promise.all(parts.map(function (part) {
      return Promise.resolve(load(part[0], part[1])).then(function (json) { store.add(part[0], part[1], json); });
    })).then(function () { return complete(store, run, load); });
  }

  // --- URL round trip ---------------------------------------------------------------------------

  function filtersFromParams(params) {
    var filters = {};
    ["thema", "doelgroep", "kern"].forEach(function (key) {
      var value = params.get(key);
      if (value) filters[key] = value;
    });
    var leeftijd = params.get("leeftijd");
    if (leeftijd && /^\d{1,3}$/.test(leeftijd)) filters.leeftijd = Number(leeftijd);
    if (params.get("gratis") === "ja") filters.gratis = true;
    if (params.get("vrij") === "ja") filters.vrij = true;
    return filters;
  }

  function paramsFor(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    filters = filters || {};
    ["thema", "doelgroep", "kern"].forEach(function (key) {
      if (filters[key]) params.set(key, filters[key]);
    });
    if (isSet(filters.leeftijd)) params.set("leeftijd", String(filters.leeftijd));
    if (filters.gratis) params.set("gratis", "ja");
    if (filters.vrij) params.set("vrij", "ja");
    return params;
  }

  // --- browser: lazy loading --------------------------------------------------------------------

  function browserApi(win) {
    var doc = win.document;
    var rootUrl = null;
    var loading = null;
    var engine = null;
    var loaded = null;

    function siteRoot() {
      if (!rootUrl) {
        var form = doc.querySelector("[data-sk-root]");
        rootUrl = new URL(form ? form.getAttribute("data-sk-root") : "/", win.location.href).href;
      }
      return rootUrl;
    }

    function loadScript(src) {
      return new Promise(function (resolve, reject) {
        var script = doc.createElement("script");
        script.src = src;
        script.async = false;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("Kon " + src + " niet laden")); };
        doc.head.appendChild(script);
      });
    }

    function loadLunr() {
      if (win.lunr && win.lunr.nl) return Promise.resolve(win.lunr);
      var base = siteRoot() + "assets/kaart/lunr/";
      // Requested together, run in this order (async = false).
      return Promise.all(["lunr.js", "lunr.stemmer.support.js", "lunr.nl.js"].map(function (name) {
        return loadScript(base + name);
      })).then(function () { return win.lunr; });
    }

    function loadData() {
      var early = win.SocialeKaartZoekData; // started by the search page itself while it was parsed
      win.SocialeKaartZoekData = null;
      if (early) return early.catch(fetchData);
      return fetchData();
    }

    function fetchData() {
      return win.fetch(siteRoot() + "zoeken/zoekindex.json").then(function (response) {
        if (!response.ok) throw new Error("Zoekindex niet gevonden (" + response.status + ")");
        return response.json();
      });
    }

    // Parsing the manifest, building the engine and the first search each get a task of their own, so the
    // page stays responsive while they run (no single long task: Lighthouse's total blocking time).
    function nextTask() {
      return new Promise(function (resolve) { win.setTimeout(resolve, 0); });
    }

    /* One build of the search data: its manifest, its engine (whose store holds only this build's files) and
       the loader of its files. A page kept open while `kaart serve` or a deploy publishes a new build may have
       a search of the old build still in flight when a newer search has moved on to the new one: each search
       keeps loading the files of the build it started on, so one store never combines two builds' shards. */
    function makeBuild(lunr, data) {
      var map = data.delen.map;
      builds = builds.slice(-2);
      builds.push({
        data: data,
        engine: createEngine(lunr, data),
        map: map,
        load: function (kind, number) { return fetchPart(folderPath(map, kind, number)); },
      });
      return builds[builds.length - 1];
    }

    function ready() {
      if (!loading) {
        loading = Promise.all([loadLunr(), loadData()]).then(function (parts) {
          return nextTask().then(function () {
            build = makeBuild(parts[0], parts[1]);
            loaded = build.data;
            engine = build.engine;
          }).then(nextTask);
        });
        loading.catch(function () { loading = null; });
      }
      return loading;
    }

    var build = null; // the newest build this page knows
    var parts = {}; // site path -> promise of its JSON (a shard or card chunk is fetched once; paths name their build)
    var builds = []; // the builds this page has used, newest last (a hit's cards come from its own build's chunks)

    /** The build a hit was found in: the one whose manifest holds the hit's document (hits read it, see Hit). */
    function buildOf(hit) {
      for (var i = builds.length - 1; i >= 0; i--) {
        if (builds[i].data.docs[hit._at] === hit._doc) return builds[i];
      }
      return build;
    }

    function fetchPart(path) {
      if (!parts[path]) {
        parts[path] = win.fetch(siteRoot() + path).then(function (response) {
          if (!response.ok) throw new Error("Zoekbestand niet gevonden (" + response.status + ")");
          return response.json();
        });
        parts[path].catch(function () { delete parts[path]; });
      }
      return parts[path];
    }

    /* A page kept open across a rebuild asks for shards of the old build, which are gone (their folder is
       named by a hash of the data). Then the manifest is fetched again and, when it is a new build, the
       search starts over on it once. Two searches that fail together fetch the manifest once. */
    var reloading = null;

    function reloadIfRebuilt(failed) {
      if (build !== failed) return Promise.resolve(build); // another search already moved on
      if (!reloading) {
        reloading = win.fetch(siteRoot() + "zoeken/zoekindex.json", {cache: "no-store"}).then(function (response) {
          if (!response.ok) throw new Error("Zoekindex niet gevonden (" + response.status + ")");
          return response.json();
        }).then(function (fresh) {
          if (!fresh.delen || fresh.delen.map === failed.map) throw new Error("Zoekbestand niet gevonden");
          if (build === failed) {
            build = makeBuild(win.lunr, fresh);
            loaded = build.data;
            engine = build.engine;
          }
          return build;
        });
        var done = function () { reloading = null; };
        reloading.then(done, done);
      }
      return reloading;
    }

    /* A page that knows its query before the manifest is in (/zoeken/?q=...) fetches the query's term
       shards at once, next to the manifest, with zoeken/delen.json (started by the page while it was
       parsed, window.SocialeKaartZoekDelen). The search later finds them in `parts`. */
    function prefetch(query) {
      var early = win.SocialeKaartZoekDelen;
      win.SocialeKaartZoekDelen = null;
      if (!query || !early || loaded) return;
      Promise.all([loadLunr(), early]).then(function (got) {
        if (loaded && loaded.delen.map !== got[1].map) return;
        if (!loaded) useStemExceptions(got[1].stammen);
        likelyShards(got[0], got[1], query).forEach(function (number) {
          fetchPart(folderPath(got[1].map, "termen", number)).catch(function () {});
        });
      }).catch(function () {});
    }

    if (win.SocialeKaartZoekDelen) prefetch((new URLSearchParams(win.location.search).get("q") || "").trim());

    /** run(build) on the current build; when its files are gone, once more on the newer build. */
    function withBuild(run) {
      return ready().then(function () {
        var mine = build;
        return run(mine).catch(function (error) {
          return reloadIfRebuilt(mine).then(run, function () { throw error; });
        });
      });
    }

    /** The hits with the shards of the query's terms and the cards of the first `options.kaarten` (20). */
    function zoek(query, filters, options) {
      var shown = options && options.kaarten !== undefined ? options.kaarten : 20;
      return withBuild(function (own) {
        return complete(own.engine.store, function () {
          var hits = own.engine.search(query, filters || {}, options);
          if (hits) own.engine.cards(hits.slice(0, shown));
          return hits;
        }, own.load);
      });
    }

    /** Fills in the cards of these hits, each from the build it was found in (an older build's files may be gone:
       then this fails, and the next zoek() starts over on the new build). */
    function kaarten(hits) {
      return ready().then(function () {
        var groups = new Map();
        hits.forEach(function (hit) {
          var own = buildOf(hit);
          if (!groups.has(own)) groups.set(own, []);
          groups.get(own).push(hit);
        });
        return Promise.all(Array.from(groups.keys()).map(function (own) {
          return complete(own.engine.store, function () { return own.engine.cards(groups.get(own)); }, own.load);
        })).then(function () { return hits; });
      });
    }

    function requireEngine() {
      if (!engine) throw new Error("SocialeKaartZoek: wacht eerst op ready()");
      return engine;
    }

    function waar(hit) {
      var namen = loaded ? loaded.namen : {};
      return (hit.werkgebied || []).map(function (area) { return namen[area] || area; }).join(", ");
    }

    return {
      ready: ready,
      prefetch: prefetch,
      isReady: function () { return engine !== null; },
      zoek: zoek,
      kaarten: kaarten,
      search: function (query, filters, options) { return requireEngine().search(query, filters || {}, options) || []; },
      terms: function (query) { return requireEngine().terms(query); },
      vangnet: function (query) { return requireEngine().vangnet(query); },
      suggestion: function (query) { return requireEngine().suggestion(query); },
      data: function () { return loaded; },
      href: function (hitOrUrl) {
        var url = typeof hitOrUrl === "string" ? hitOrUrl : hitOrUrl.url;
        return new URL(url, siteRoot()).href;
      },
      waar: waar,
      filtersFromParams: filtersFromParams,
      paramsFor: paramsFor,
      configure: function (options) {
        if (options && options.root) rootUrl = new URL(options.root, win.location.href).href;
      },
    };
  }

  return {
    createEngine: createEngine,
    dataStore: dataStore,
    complete: complete,
    partPath: partPath,
    likelyShards: likelyShards,
    cleanQuery: cleanQuery,
    fold: fold,
    sound: sound,
    firstLetters: firstLetters,
    filtersFromParams: filtersFromParams,
    paramsFor: paramsFor,
    browserApi: browserApi,
  };
});
