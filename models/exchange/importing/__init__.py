"""Importing customers, ledger entries and promises from a spreadsheet (CSV or XLSX).

A file is imported whole or not at all, inside ONE transaction. Customers and entries
are checked row by row first and then written many rows per statement (`writing`);
promises go through the same model functions the GUI uses, each row in its own
savepoint, so that a row the model refuses is noted and the next row still gets checked.
At the end, if any row had a problem, the whole transaction is rolled back and
`ImportRejected` lists every problem as "row N, column C: what is wrong" — N being the
row number the clerk sees in Excel.

Importing the same file twice does not post anything twice:

- entries: each entry carries an ``import_key``: the SHA-256 of the row's normalised
  content (customer code, date, kind, amount in fen, document number, memo, method,
  cheque number, due date, bank) plus how many identical rows came before it in the
  file. Two identical rows without a document number in one file are two entries (keys
  …#1 and …#2); the same file imported again finds both keys and posts nothing ("0 new,
  2 already imported", each skipped row listed). An overlapping export behaves the same
  way. A voided imported entry keeps its key, so a re-import does not bring it back; a
  corrected row has new content, hence a new key. A delivery (or return) number may
  appear only once per customer in a file: a second row with it is an error.
- every row: filled cells right of the header's last column are an error (an unquoted
  thousands comma in a CSV amount shifts the cells after it), and so is a CSV row wider
  than the header whose cells read as a split amount (``1,234`` → ``1`` and ``234``).
- every cell: not longer than its column, and no control characters (`cell_problems`).
- a file with thousands of bad rows reports the first `PROBLEMS_SHOWN` and the total.
- customers: a code already in the ledger with the same name is "already there" and left
  unchanged (no second opening balance); with a different name it is an error, because
  the file means another shop. A code that differs from another only in case or width
  (c0001 beside C0001 or Ｃ０００１) is an error naming the other code.
- promises: a promise with the same customer, amount and clearance time that is not
  cancelled is "already recorded"; the same promise twice in one file is an error.

Where each part is, by what it does:

- reading a file: `reading` (CSV, and the checks on any file), `workbooks` (XLSX),
  `sheet` (the table read: its header and its rows, streamed), `headers` (the header
  row matched to our columns);
- checking rows: `columns` (what each kind reads and what any cell may hold), `rows`
  (one import's rows and the problems found in them), and each kind's own rules in
  `customers`, `entries` and `promises`;
- writing: `writing` (many rows per statement), and `run` (`import_file`,
  `import_sheet`: the one transaction, rolled back when any row is bad);
- what the clerk is told: `outcome` (`ImportResult`, `ImportRejected`,
  `ImportCancelled`).
"""
