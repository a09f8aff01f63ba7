"""Filing claims under the desk's topics.

`parse` reads the topic query language (what media monitors write: AND, OR, NOT, NEAR/n,
phrases, wildcards, `$ALIASES`) into the compiled queries of `match`, which also holds
the word index a text is matched against; `claims` files each claim under its topics.
"""
