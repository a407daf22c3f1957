"""Stable UUIDs for the HSDS export: uuid5 of the region and a path of record ids.

HSDS wants a UUID for every object. Deriving them (instead of drawing random ones) keeps every id
the same from build to build, so a directory that imports our export can update its copy. The
region's name is part of the path, so two kaarten built with this software never share an id.
"""

from __future__ import annotations

import uuid

# Fixed for good: changing it changes every id in every published export.
NAMESPACE = uuid.UUID("cf4066d7-5a32-5488-873a-2a8a0425bdf8")  # uuid5(NAMESPACE_URL, 'https://github.com/sociale-kaart/hsds')


class Ids:
    """UUIDs for one kaart: `ids("service", "voorziening", "repair-cafe")`."""

    def __init__(self, regio: str) -> None:
        self.regio = regio

    def __call__(self, *path: str) -> str:
        return str(uuid.uuid5(NAMESPACE, "/".join((self.regio, *path))))
