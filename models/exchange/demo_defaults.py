"""The size of the demo business, shared by the window's "Try the demo", the command
line's ``demo`` (and its --help) without importing the demo builder itself."""

DEMO_CUSTOMERS = 300
DEMO_DAYS = 365
DEMO_SEED = 1
# What the demo builder accepts (models/exchange/demo.py; the command line checks it first).
DEMO_CUSTOMERS_RANGE = (1, 100_000)
DEMO_DAYS_RANGE = (7, 3650)
