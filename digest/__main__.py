"""`python -m digest` runs the command line."""

from .cli import main

main(prog_name="digest")
