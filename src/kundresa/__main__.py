"""Run kundresa as `python -m kundresa`."""

from kundresa.cli import main

main()
