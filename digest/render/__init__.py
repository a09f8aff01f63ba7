"""The brief rendered: Markdown from templates, HTML and PDF from it, JSON from the model.

`templates` holds the Jinja environment and its errors, `filters` and `text_filters`
what templates may print, `markdown` the Markdown, HTML and PDF, `brief_json` the JSON
(and reading it back), `write` the files on disk, `check` and `sample` `digest check`.
"""
