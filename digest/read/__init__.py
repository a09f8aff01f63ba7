"""Reading articles: files, folders and feeds into `Article`s, and cleaning their chrome.

`files` chooses a reader by suffix (`plaintext`, `html`, `feed`, `jsonl`), `options`
holds what readers share, `sources` reads the config's sources (with `fetch` for HTTP),
`window` says which articles a brief covers, and `clean` and `chrome` find the body.
"""
