"""The config file: its schema (`schema`, `delivery`), loading (`load`) and error messages.

`load.load_config` gives the `Config` every command works from; each stage takes the
part of it it uses.
"""
