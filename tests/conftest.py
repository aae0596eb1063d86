"""Settings every test shares: Qt offscreen, and a data folder that is never the user's own."""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("ISITUGAS_HOME", tempfile.mkdtemp(prefix="isitugas-test-home-"))
os.environ.pop("ISITUGAS_DB", None)
