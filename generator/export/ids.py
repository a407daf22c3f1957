"""Stable UUIDs for the HSDS export: uuid5 of the region and a path of record ids.

HSDS wants a UUID for every object. Deriving them (instead of drawing random ones) keeps every id
the same from build to build, so a directory that imports our export can update its copy. The
region's name is part of the path, so two kaarten built with this software never share an id.
"""

from __future__ import annotations

import hashlib
import uuid

# Fixed for good: changing it changes every id in every published export.
NAMESPACE = uuid.UUID("cf4066d7-5a32-5488-873a-2a8a0425bdf8")  # uuid5(NAMESPACE_URL, 'https://github.com/sociale-kaart/hsds')
_HASH_OF_NAMESPACE = hashlib.sha1(NAMESPACE.bytes)  # copied for every id: the namespace is hashed once


class Ids:
    """UUIDs for one kaart: `ids("service", "voorziening", "repair-cafe")`."""

    def __init__(self, regio: str) -> None:
        self.regio = regio

    def __call__(self, *path: str) -> str:
        return uuid5("/".join((self.regio, *path)))


def uuid5(name: str) -> str:
    """str(uuid.uuid5(NAMESPACE, name)), without building UUID objects: an export makes ~25 per record."""
    sha1 = _HASH_OF_NAMESPACE.copy()
    sha1.update(name.encode("utf-8"))
    digest = bytearray(sha1.digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
