"""Map fixtures: the boundaries that ship with Sejuk, for Nusa Tenggara Barat only (the
province, its kabupaten/kota, kecamatan and desa), loaded and drawn as `sejuk setup`
does. The files are read and the shapes built once per session; each test writes them
into its own transaction."""

from __future__ import annotations

from copy import copy

import pytest

from sejuk.maps.build import packaged_files, rebuild
from sejuk.maps.models import Shape
from sejuk.regions.boundaries import Boundary, read_boundaries
from sejuk.regions.services import save_boundaries

NTB = "52"
_cache: dict[str, object] = {}


def ntb_boundaries() -> list[Boundary]:
    if "boundaries" not in _cache:
        _cache["boundaries"] = [
            b
            for _, _, path in packaged_files()
            for b in read_boundaries(path)
            if b.code == NTB or b.code.startswith(NTB + ".")
        ]
    return _cache["boundaries"]  # type: ignore[return-value]


@pytest.fixture
def ntb_map(db):  # type: ignore[no-untyped-def]
    result = save_boundaries(ntb_boundaries())
    if "shapes" not in _cache:
        rebuild(result.codes)
        _cache["shapes"] = list(Shape.objects.all())
    else:
        Shape.objects.bulk_create([copy(s) for s in _cache["shapes"]])  # type: ignore[attr-defined]
    return result.codes
