"""The size of the demo business, shared by the window's "Try the demo", the command
line's ``demo`` (and its --help) without importing the demo builder itself."""

DEMO_CUSTOMERS = 300
DEMO_DAYS = 365
DEMO_SEED = 1
