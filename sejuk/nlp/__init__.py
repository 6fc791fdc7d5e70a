"""Reading Indonesian text into structured records.

Pure Python: nothing in this package imports Django or touches a database. It takes text
and a gazetteer (the region list with its aliases) and returns plain records, so the same
code serves the web pages, the command line, the benchmarks and the evaluation.
"""
