"""Moving data in and out: importing customers and entries from CSV/XLSX (`importing`,
`import_layouts`, `entry_cells`, on top of `tabular` and `xlsx_rows`), exporting for the
accountant (`exports`) and making the demo business (`demo`, from `demo_customers`,
`demo_history` and `demo_rows`; its size in `demo_defaults`).

Uses every other room of `models`; none uses it.
"""
