"""The Qt desktop app. It presents and edits the ledger through `models/` only:
no SQL and no business rules live here."""
