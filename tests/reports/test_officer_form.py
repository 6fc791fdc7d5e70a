import re
from datetime import timedelta

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.accounts.workplace import today_for

pytestmark = pytest.mark.django_db


def test_a_date_read_from_a_forwarded_message_reaches_the_date_box(client, world):
    # Browsers keep only 2024-12-08 in <input type="date">: any other form of the date
    # reaches the officer as an empty box.
    client.force_login(world.users["bhabin"])
    text = "Info: kemarin sore ada baliho dirusak orang tak dikenal di Desa Sekotong Barat."
    html = client.post(
        "/laporan/baru/", {"action": "baca", "text": text, "channel": "whatsapp"}
    ).content.decode()
    box = re.search(r'<input[^>]*name="occurred_on"[^>]*>', html)
    assert box is not None
    yesterday = today_for(viewer_for(world.users["bhabin"])) - timedelta(days=1)  # in WITA
    assert f'value="{yesterday:%Y-%m-%d}"' in box.group(0)
