"""Backups in the window: automatic ones, Back up now, Restore, the folder."""
