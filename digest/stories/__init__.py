"""The day's claims grouped: syndicated copies (`dupes`, with `minhash`), the same claim
from several outlets merged (`merge`), ranking (`rank`) and the groups of Other reporting
(`groups`)."""
