"""The floor of the machine for `make bench-web`: bare Django views on the same server,
middleware and database as Sejuk. One validates a JSON body like a citizen report's and
inserts one row with the ORM; one reads a page of 25 rows. Sejuk's figures are read
against theirs."""
