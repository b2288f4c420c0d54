"""File → Import…: the import wizard."""
