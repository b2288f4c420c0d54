"""File → Import…: the import wizard (wizard.py), one module per step (steps.py lists
them), and the saved layouts it reads files with (layouts.py)."""
