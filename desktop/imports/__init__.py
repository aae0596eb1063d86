"""Import of existing Excel registers, all or nothing.

``template.write_template(path)`` writes the workbook an office fills in (its layout is
documented in :mod:`desktop.imports.template`); ``reader.read_registers(path)`` reads a filled one
into plain rows, safely; ``desktop.services.register_import`` checks and saves them through the
registers' services (``import_registers``) or only checks them (``preview``).
"""
