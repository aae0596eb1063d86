"""Import of existing Excel registers, all or nothing."""
