"""Places named as people name them, from their Kemendagri codes."""

import pytest

from sejuk.regions.names import place_name, place_names

pytestmark = pytest.mark.django_db


def test_a_desa_is_named_with_its_kecamatan_and_kabupaten():
    assert place_name("52.01.07.2002") == "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"
    assert place_name("52.01.01.1001") == "Kel. Gerung Utara, Kec. Gerung, Kab. Lombok Barat"


def test_higher_regions_are_named_up_to_their_kabupaten_and_unknown_codes_stay_codes():
    names = place_names(["52.01.07", "52.71", "52", "99.99.99.9999", ""])
    assert names == {
        "52.01.07": "Kec. Sekotong, Kab. Lombok Barat",
        "52.71": "Kota Mataram",
        "52": "Provinsi Nusa Tenggara Barat",
        "99.99.99.9999": "99.99.99.9999",
    }
