"""Dutch text pipeline for the Python `lunr` package, token-for-token compatible with lunr.nl.js.

The search index is built here at build time and loaded in the browser with lunr.js 2.3.9,
lunr.stemmer.support.js and lunr.nl.js (the copies shipped in mkdocs/contrib/search/).
`lunr.Index.load` looks pipeline functions up by label, so the functions below are registered
under the labels lunr.nl.js registers: ``trimmer-nl``, ``stopWordFilter-nl``, ``stemmer-nl``.
Only the search pipeline (``["stemmer-nl"]``) ends up in the serialized index, but all three
labels are registered so an index or pipeline from either side loads on the other.

Equivalence with lunr.nl.js, piece by piece:

* trimmer: lunr.nl.js builds it with ``lunr.trimmerSupport.generateTrimmer(wordCharacters)``,
  i.e. ``s.replace(/^[^W]+/, '').replace(/[^W]+$/, '')``. The word-character class is copied
  verbatim below. It contains no digits: "2024" trims to "" and "1234ab" to "ab" (the Python
  lunr package's own trimmer uses ``\\W`` and would keep digits).
* stop words: copied verbatim from the ``generateStopWordFilter(' aan al ...'.split(' '))``
  call. The string starts with a space, so the list also holds the empty string, which makes
  the filter drop tokens that the trimmer emptied; ``""`` is therefore part of ``STOP_WORDS``.
* stemmer: lunr.nl.js carries the original Snowball Dutch stemmer, which snowballstemmer >= 3
  ships as ``dutch_porter``. The newer ``dutch`` algorithm gives different stems for many words
  and must not be used. A short table of words (STEM_EXCEPTIONS) gets its own stem on both sides:
  the browser reads it from the search data and registers the same wrapped stemmer.
* tokenizer: lunr.js splits on ``/[\\s\\-]+/``; JS ``\\s`` covers all Unicode space separators
  plus U+2028, U+2029 and U+FEFF. The Python package splits only on
  ``" \\t\\n\\r\\f\\v\\xa0-"`` and offers no way to pass a separator through ``Builder.add``.
  Python is therefore the subset; `normalize_separators` maps the JS-only separators to a
  space before the Python tokenizer (or query lexer) sees the text. `DutchBuilder` does this
  for every string field, `tokens_for` and `search` for their input.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import Any, Callable

import snowballstemmer
from lunr import __TARGET_JS_VERSION__ as LUNR_JS_VERSION
from lunr.builder import Builder
from lunr.idf import idf as lunr_idf
from lunr.index import Index
from lunr.pipeline import Pipeline

# lunr.nl.wordCharacters, verbatim from lunr.nl.js.
WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C"
    "\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B"
    "\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF"
    "\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)

# The stop word list of lunr.nl.js, verbatim (101 words), plus the empty string that
# `' aan al ...'.split(' ')` yields from the leading space.
STOP_WORDS = frozenset([
    "",
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe",
    "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd", "wezen",
    "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder",
    "zou",
])

# Characters matched by JS /\s/ that the Python lunr tokenizer and query lexer do not treat as
# separators (they already split on " \t\n\r\f\v\xa0-").
JS_ONLY_SEPARATORS = (
    "\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202F\u205F\u3000\uFEFF"
)
_SEPARATOR_TABLE = str.maketrans({c: " " for c in JS_ONLY_SEPARATORS})

_TRIM_START = re.compile("^[^" + WORD_CHARACTERS + "]+")
_TRIM_END = re.compile("[^" + WORD_CHARACTERS + "]+\\Z")

_snowball = snowballstemmer.stemmer("dutch_porter")
_snowball_lock = threading.Lock()  # Snowball stemmer objects keep state between calls


_COMBINING_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")  # Latin accents, Arabic vowel signs
# Cyrillic (Ukrainian, Russian) and Arabic script written in a-z, so a newcomer's word survives lunr.nl's
# trimmer (it keeps Latin letters only: 'допомога' trimmed to nothing) and the a-z word matching of
# the safety net. Ukrainian national transliteration without its word-initial forms, so 'лікар' is
# 'likar' and 'борги' 'borhy', as in synoniemen.yaml; Arabic letter by letter ('شرطة' 'shrta').
# The same table is in zoeken.js (SCRIPT_LETTERS); tests/search/test_parity.py compares fold on both sides.
SCRIPT_LETTERS = "а=a б=b в=v г=h ґ=g д=d е=e є=ie ж=zh з=z и=y і=i ї=i й=i к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=iu я=ia ё=e ў=u ء= آ=a أ=a ؤ=w إ=i ئ=y ا=a ب=b ة=a ت=t ث=th ج=j ح=h خ=kh د=d ذ=dh ر=r ز=z س=s ش=sh ص=s ض=d ط=t ظ=z ع=a غ=gh ف=f ق=q ك=k ل=l م=m ن=n ه=h و=w ى=a ي=y پ=p چ=ch ژ=zh ک=k گ=g ی=y ـ= ٠=0 ١=1 ٢=2 ٣=3 ٤=4 ٥=5 ٦=6 ٧=7 ٨=8 ٩=9 ۰=0 ۱=1 ۲=2 ۳=3 ۴=4 ۵=5 ۶=6 ۷=7 ۸=8 ۹=9 ،=, ؛=; ؟=?"
_SCRIPT_TABLE = {}
for _pair in SCRIPT_LETTERS.split(" "):
    _letter, _latin = _pair.split("=")
    _SCRIPT_TABLE[ord(_letter)] = _latin
    _SCRIPT_TABLE.setdefault(ord(_letter.upper()), _latin)


# How Dutch words sound, for spellings the index does not know ('consultatieburo', 'sollisitatie',
# 'mantelzorgkomplimend'): letters that sound alike written alike, in this order, then doubled letters
# single. Shipped in the search settings (query.SETTINGS 'sounds'), so zoeken.js applies the same table.
SOUNDS = [["eau", "o"], ["au", "ou"], ["ei", "ij"], ["y", "ij"], ["ph", "f"], ["th", "t"], ["ch", "g"], ["c(?=[ei])", "s"],
          ["c", "k"], ["q", "k"], ["x", "ks"], ["dt", "t"], ["d\\b", "t"], ["z", "s"], ["v", "f"]]
_SOUNDS = [(re.compile(pattern), replacement) for pattern, replacement in SOUNDS]
_DOUBLED = re.compile(r"(.)\1+")


def sound(word: str) -> str:
    """A key that spellings of one Dutch sound share ('bureau' and 'buro', 'compliment' and 'komplimend')."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    return _DOUBLED.sub(r"\1", word)


def fold(text: str) -> str:
    """Cyrillic and Arabic letters in a-z (SCRIPT_LETTERS), then accents removed (NFD, combining marks
    dropped). Mirrored by fold() in zoeken.js."""
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.translate(_SCRIPT_TABLE)))


def normalize_separators(text: str) -> str:
    """Replace the separators only lunr.js knows by a space (same length, same positions)."""
    return text.translate(_SEPARATOR_TABLE)


@lru_cache(maxsize=1 << 17)
def trim(word: str) -> str:
    """lunr.nl.js's trimmer on a plain string: strip non-word characters at both ends."""
    return _TRIM_END.sub("", _TRIM_START.sub("", word, count=1), count=1)


# Snowball gives some everyday words of different meaning one stem, so a question about one finds the
# other ('rekeningen' [bills] -> 'reken', the stem of 'rekenen' [arithmetic]; 'ouderen' [the elderly] ->
# 'ouder' [parent]; 'weet' [know] -> 'wet' [law]; 'geweldige' [great] -> 'geweld' [violence]), and it leaves some plurals apart from their singular
# ('kinderen' -> 'kinder', 'kind' -> 'kind'). These words get their own stem, the same for every form of one
# meaning. The table goes into the search data ('stammen'), so zoeken.js stems the query the same way.
STEM_EXCEPTIONS = {
    "rekening": "rekening", "rekeningen": "rekening",
    "oudere": "oudere", "ouderen": "oudere",
    "kinderen": "kind",
    "weet": "weet", "weten": "weet",
    "waar": "waar",
    "zoon": "zoon", "zonen": "zoon",
    "vaak": "vaak",
    "lees": "lez", "leest": "lez",
    "lessen": "les",
    "geweldig": "geweldig", "geweldige": "geweldig",
}


def snowball_stem(word: str) -> str:
    """lunr.nl.js's own stemmer on a plain string (Snowball `dutch_porter`)."""
    with _snowball_lock:
        return _snowball.stemWord(word)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem of the site's search: lunr.nl.js's stemmer, except for the words in STEM_EXCEPTIONS."""
    return STEM_EXCEPTIONS.get(word) or snowball_stem(word)


def trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def stop_word_filter(token, i=None, tokens=None):
    if str(token) not in STOP_WORDS:
        return token
    return None


def stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


Pipeline.register_function(trimmer, "trimmer-nl")
Pipeline.register_function(stop_word_filter, "stopWordFilter-nl")
Pipeline.register_function(stemmer, "stemmer-nl")


def nl(builder: Builder) -> None:
    """Builder plugin, the Python counterpart of `lunr.nl` (use as `builder.use(nl)`)."""
    builder.pipeline.reset()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.reset()
    builder.search_pipeline.add(stemmer)


def _normalized(value: Any) -> Any:
    # Lists are not split by either tokenizer (each element becomes one token), so leave them.
    return normalize_separators(value) if isinstance(value, str) else value


# lunr's Tokenizer splits on these characters (lunr/tokenizer.py SEPARATOR_CHARS) and drops empty pieces.
_PYTHON_LUNR_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")


@lru_cache(maxsize=1 << 17)
def index_term(word: str) -> str | None:
    """One token through the Dutch indexing pipeline (trimmer, stop words, stemmer); None when dropped."""
    trimmed = trim(word)
    return None if trimmed in STOP_WORDS else stem(trimmed)


def split_tokens(value: Any) -> list[str]:
    """lunr's Tokenizer as plain strings: a list is one token per element, anything else is split."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [("" if not element else str(element)).lower() for element in value]
    return [word for word in _PYTHON_LUNR_SEPARATORS.split(str(value).lower()) if word]


def _terms(tokens: list[str]) -> list[str]:
    terms = [index_term(token) for token in tokens]
    return [term for term in terms if term is not None]


class DutchBuilder(Builder):
    """A Builder whose string fields are tokenized the way lunr.js tokenizes them.

    `add` is lunr's Builder.add without Token objects: the pipeline is always trimmer, stop word
    filter and stemmer (`nl`), so each distinct word goes through it once (`index_term`). The index
    is the same as lunr's own (tests/search/test_dutch_pipeline.py compares the serialized indexes)."""

    def field(self, field_name: str, boost: float = 1, extractor: Callable | None = None):
        def extract(doc, _extractor=extractor, _name=field_name):
            return _normalized(doc[_name] if _extractor is None else _extractor(doc))

        super().field(field_name, boost=boost, extractor=extract)

    def add(self, doc, attributes=None):
        if self.metadata_whitelist or self.pipeline._stack != _DUTCH_PIPELINE._stack:
            return super().add(doc, attributes)
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        inverted_index = self.inverted_index
        for field_name, field in self._fields.items():
            terms = _terms(split_tokens(doc[field_name] if field.extractor is None else field.extractor(doc)))
            field_ref = f"{field_name}/{doc_ref}"  # str(FieldRef(doc_ref, field_name))
            field_terms: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                field_terms[term] += 1
                posting = inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = defaultdict(list)

    def serialized_index(self) -> dict[str, Any]:
        """`self.build().serialize()` without the steps the serialized index does not use: each field
        vector is built by one sort instead of lunr's Vector.insert per term (a bisection and two list
        inserts each), with the same score arithmetic in the same order, and no TokenSet. Scores are
        rounded to three decimals once: lunr's serialize rounds them again, which changes no number
        (the nearest double to a three-decimal value rounds to itself). tests/search/test_dutch_pipeline.py
        compares with lunr's own build."""
        self._calculate_average_field_lengths()
        k1, b, count = self._k1, self._b, self.document_count
        inverted_index, idf_of = self.inverted_index, {}
        field_vectors = []
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            if not term_frequencies:  # (lunr computes the length part per term: a field no document has would divide by 0)
                field_vectors.append([field_ref, []])
                continue
            field_name, doc_ref = field_ref.split("/", 1)  # FieldRef.from_string
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            length_part = k1 * (1 - b + b * (self.field_lengths[field_ref] / self.average_field_length[field_name]))
            scored = []
            for term, tf in term_frequencies.items():
                posting = inverted_index[term]
                idf = idf_of.get(term)
                if idf is None:
                    idf = idf_of[term] = lunr_idf(posting, count)
                score = idf * ((k1 + 1) * tf) / (length_part + tf)
                score *= field_boost
                score *= doc_boost
                scored.append((posting["_index"], round(score, 3)))
            scored.sort()
            field_vectors.append([field_ref, [number for pair in scored for number in pair]])
        return {
            "version": LUNR_JS_VERSION,
            "fields": list(self._fields.keys()),
            "fieldVectors": field_vectors,
            "invertedIndex": [[term, inverted_index[term]] for term in sorted(inverted_index)],
            "pipeline": self.search_pipeline.serialize(),
        }


def dutch_builder() -> Builder:
    """A Builder set up like `lunr.Builder` after `builder.use(lunr.nl)` in the browser."""
    builder = DutchBuilder()
    builder.use(nl)
    return builder


_DUTCH_PIPELINE = Pipeline()
_DUTCH_PIPELINE.add(trimmer, stop_word_filter, stemmer)


def tokens_for(text: str) -> list[str]:
    """Index terms for `text`: lunr.js's tokenizer followed by the Dutch indexing pipeline
    (what `_DUTCH_PIPELINE.run(Tokenizer(normalize_separators(text)))` gives, word by word cached)."""
    return _terms(split_tokens(normalize_separators(text)))


def search(index: Index, query: str) -> list[dict]:
    """`index.search(query)` with the query split the way lunr.js's query lexer splits it."""
    return index.search(normalize_separators(query))


def raw_words(text: str) -> list[str]:
    """lunr's tokenizer, trimmer and stop word filter, without the stemmer."""
    words = (trim(token) for token in split_tokens(normalize_separators(text)))
    return [word for word in words if word not in STOP_WORDS]
