"""Moving data in and out: importing customers, entries and promises from CSV/XLSX (the
`importing` package: reading the file, checking its rows, writing them; `import_layouts`
and `entry_cells` on top of it, `xlsx_rows` beneath it), exporting for the accountant
(`exports`) and making the demo business (`demo`, from `demo_customers`, `demo_history`
and `demo_rows`; its size in `demo_defaults`).

Uses every other room of `models`; none uses it.
"""
