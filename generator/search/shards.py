"""The search data as files on the site: a small manifest, term shards and card chunks.

The first search must not download the whole index (at 10,000 records that is 3 MB gzipped), so
the data of index.build_search_data is split:

    zoeken/zoekindex.json        the manifest: everything except `postings` and `kaarten`, plus
                                 `delen` = {map, termen, kaarten}. It holds what the safety net,
                                 the official doors, filler words, typo correction, filters and
                                 the ranking tiers need, so the crisis box never waits for a shard.
    zoeken/<map>/t<n>.json       term shard n: {"van": position of its first term, "postings": [...]}
                                 for a contiguous run of the sorted terms; `delen.termen` lists the
                                 first position of every shard (a prefix query usually needs one)
    zoeken/<map>/k<n>.json       card chunk n: the `kaarten` of documents n*size .. (n+1)*size-1
    zoeken/delen.json            a few hundred bytes for a page that already knows its query
                                 (/zoeken/?q=...): `map`, the first term of every shard (`grenzen`),
                                 the query settings and the stem exceptions, so zoeken.js can fetch the query's shards
                                 while the manifest is still on its way (one round trip fewer)

The manifest also carries `signaalstammen`: the stem of every word of the safety net's and the doors'
signals (signalen.signal_stems), which zoeken.js would otherwise compute on the phone.

`map` is a hash of the whole data, so a new build never mixes its manifest with old shards
(the manifest has a fixed name; shards and chunks can be cached forever).
zoeken.js fetches the shards of a query's terms and the chunks of the results it shows;
query.py (kaart zoek) works on the whole data in memory. `read_site_files` puts the files back
together (tests compare the site with `kaart zoek`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterator

from .index import SEARCH_DATA_URI, search_data_json
from .query import signal_phrases
from .signalen import signal_stems

SHARD_DIR = "zoeken/"
EARLY_URI = "zoeken/delen.json"
# Raw JSON bytes per term shard and documents per card chunk: both gzip to roughly 3-8 KB, small
# enough that a query fetches little, large enough that a site has hundreds of files, not millions.
SHARD_BYTES = 24_000
CARD_CHUNK = 32


def shard_starts(postings: list[list[Any]], target: int = SHARD_BYTES) -> list[int]:
    """The first term position of every shard: contiguous runs of about `target` bytes."""
    starts, size = [0], 0
    for at, posting in enumerate(postings):
        length = len(search_data_json(posting))
        if size and size + length > target:
            starts.append(at)
            size = 0
        size += length
    return starts


def site_files(data: dict[str, Any]) -> dict[str, str]:
    """Site path -> file text for the manifest, the term shards and the card chunks."""
    text = search_data_json(data)
    folder = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    postings, kaarten = data["postings"], data["kaarten"]
    starts = shard_starts(postings)
    manifest = {key: value for key, value in data.items() if key not in ("postings", "kaarten")}
    manifest["delen"] = {"map": folder, "termen": starts, "kaarten": CARD_CHUNK}
    manifest["signaalstammen"] = signal_stems(signal_phrases(data))
    early = {"map": folder, "grenzen": [data["termen"][start] for start in starts], "zoeken": data["zoeken"], "stammen": data.get("stammen", {})}
    files = {SEARCH_DATA_URI: search_data_json(manifest), EARLY_URI: search_data_json(early)}
    base = f"{SHARD_DIR}{folder}/"
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(postings)
        files[f"{base}t{number}.json"] = search_data_json({"van": start, "postings": postings[start:end]})
    for number in range(0, (len(kaarten) + CARD_CHUNK - 1) // CARD_CHUNK):
        files[f"{base}k{number}.json"] = search_data_json(kaarten[number * CARD_CHUNK : (number + 1) * CARD_CHUNK])
    return files


def files_text(data: dict[str, Any]) -> str:
    """site_files(data) as one text, for the forked child that builds the search data to hand back
    (the parent then only writes them): per file its path, a line break, its length in characters,
    a line break, and its text."""
    return "".join(f"{uri}\n{len(text)}\n{text}" for uri, text in site_files(data).items())


def files_in_text(bundle: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every file in a files_text()."""
    position = 0
    while position < len(bundle):
        uri_end = bundle.index("\n", position)
        size_end = bundle.index("\n", uri_end + 1)
        start = size_end + 1
        end = start + int(bundle[uri_end + 1 : size_end])
        yield bundle[position:uri_end], bundle[start:end]
        position = end


def write_files_text(site_dir: Path, bundle: str) -> int:
    """Write the files of a files_text() into the site; the count."""
    count = 0
    for count, (uri, text) in enumerate(files_in_text(bundle), 1):
        target = site_dir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return count


def write_site_files(site_dir: Path, data_text: str) -> int:
    """Write the search files of the data (the text of build_search_data) into the site; the count."""
    return write_files_text(site_dir, files_text(json.loads(data_text)))


def read_site_files(site_dir: Path) -> dict[str, Any]:
    """The whole search data again, from the files of a built site."""
    manifest = json.loads((site_dir / SEARCH_DATA_URI).read_text(encoding="utf-8"))
    delen = manifest.pop("delen")
    manifest.pop("signaalstammen")
    base = site_dir / SHARD_DIR / delen["map"]
    postings: list[Any] = []
    for number in range(len(delen["termen"])):
        postings += json.loads((base / f"t{number}.json").read_text(encoding="utf-8"))["postings"]
    kaarten: list[Any] = []
    for number in range(0, (len(manifest["docs"]) + delen["kaarten"] - 1) // delen["kaarten"]):
        kaarten += json.loads((base / f"k{number}.json").read_text(encoding="utf-8"))
    data = dict(manifest)
    data["postings"], data["kaarten"] = postings, kaarten
    return data
