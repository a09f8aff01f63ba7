"""Articles grouped into stories (events) and threads, and the day's claims grouped.

`events.group_articles` groups articles into stories, one event each, and stories into
threads, from their terms (`terms`), the articles alike (`neighbours`) and average
linkage over nearest neighbours (`linkage`); `listing` prints them for `digest stories`.
For the brief's claims: syndicated copies (`dupes`, with `minhash`), the same claim from
several outlets merged (`merge`) and ranked (`rank`). `build` makes each story of the
brief, its claims, topics and salience; `continuity` tells a story an earlier brief
showed when it goes on.
"""
