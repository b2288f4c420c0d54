"""The ledger file or database itself: opening and closing it (`db`, also the entry point
the app uses for the open ledger), reaching the file or server (`connections`), the
ledger open now (`current_ledger`), its SQL dialect (`dialect`), writes and read
snapshots (`transactions`), its schema and migrations (`schema`), the checks and the
upgrade on opening (`version_check`), its tables and custom fields (`tables`,
`fields`), the triggers that refuse edits and deletes (`guards`), the tamper-evident
chain and this computer's anchors of it (`chain`, `chain_anchors`), the audit trail the
database writes and its triggers (`audit_trail`, `audit_guards`), schema trust
(`schema_audit`), backups and the backups folder (`backup`, `backup_folder`), restores
(`restoring`, `shared_folders`), where files may be written (`paths`, `output_paths`,
`live_files`), what a storage failure is called (`storage_errors`), ledger targets
without passwords (`targets`), who is at the keyboard (`session`) and `bulk_upkeep` for
large writes.

Uses `models.vocabulary` only. The rules here are the ones the database itself keeps
(`guards`: entries never change, a document number once per customer, the balance
cache and daily totals); every other business rule is in the rooms above.
"""
