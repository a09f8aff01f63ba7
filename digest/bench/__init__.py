"""The benchmark (`make bench`): every stage and whole builds, timed and measured.

`corpus` writes the synthetic corpora, `measure` runs and measures, `report` judges the
figures against the targets and prints the table; `python -m digest.bench` runs it all.
"""
