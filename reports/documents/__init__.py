"""The printed documents: the statement of account (`statement`, which assembles its
entries table `statement_table`, the figures under it `statement_figures` and the
tear-off slip `statement_slip`), the IOU note (`iou`, one copy drawn in `iou_copy`, its
words in `iou_wording`), the route sheet (`routesheet`), the route-day packet and
batches (`packet`, `batch`), the aging and review reports (`aging_report`,
`review_report`, `review_charts`), plain lists (`listing`, `calllist`, `handover`),
Today as text (`today`), what the command line's `print` calls (`cli`) and hand-made
records for previews (`samples`).

Uses `reports.typesetting`, `reports.spreadsheets` and `models`.
"""
