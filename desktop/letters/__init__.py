"""PDF letters the director signs: templates, reference numbers, QR verification."""
