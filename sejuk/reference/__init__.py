"""What several parts of Sejuk share about the world it works in: pure data, no Django.

- ``taxonomy``: every label set (activity types, participants, incident types,
  situations, elections and their kinds, phases), defined once with Indonesian labels;
- ``elections``: the calendar of known elections and which one a date speaks of;
- ``wilayah``: the Kemendagri region list as plain records, levels and kinds;
- ``zones``: WIB, WITA or WIT per region;
- ``aliases``: the short names in common use for provinces and kabupaten/kota;
- ``police``: how Polri names its units by default.

The text reader (``sejuk.nlp``), the Django apps, the documents and the template tags
all import these the same way; nothing here imports any of them (import-linter checks).
"""
