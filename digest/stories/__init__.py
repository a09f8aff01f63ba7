"""Articles grouped into stories (events) and threads, and the day's claims grouped.

`events.group_articles` groups articles into stories, one event each, and stories into
threads, from their terms (`terms`), the articles alike (`neighbours`) and average
linkage over nearest neighbours (`linkage`); `listing` prints them for `digest stories`.
For the brief's claims: syndicated copies (`dupes`, with `minhash`), the same claim
from several outlets merged (`merge`), ranking (`rank`) and the groups of Other
reporting (`groups`).
"""
