"""File → Export: reports and ledger data as CSV or XLSX."""
