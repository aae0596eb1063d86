"""PySide6 widgets, Qt table models, dialogs and the main window."""
