"""The import wizard's steps, in the order of its pages (gui/importing/wizard.py).

Each step's page and what it does live in a module of their own: file_step (1 and 2,
the file and its sheet), columns_step (3), preview_step (4), check_step (5, the dry
run) and run_step (6 and 7, the import and what it did).
"""

from __future__ import annotations

FILE, SHEET, COLUMNS_PAGE, PREVIEW, CHECK, RUN, DONE = range(7)
