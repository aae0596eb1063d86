"""The monthly Excel return to HQ: build, write, read back, verify, consolidate."""
