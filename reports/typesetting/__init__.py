"""The layout engine every document is drawn with: fonts and their registration
(`fonts`), measuring and drawing mixed Chinese and Latin text (`pen`), page geometry
and pagination (`layout`), tables that wrap their cells and repeat their header row
(`tables`), shared pieces such as the letterhead (`parts`), how dates and amounts read
on paper (`formatting`), and writing a file whole or not at all (`output`, `files`).

Uses `models` only for records and translations.
"""
