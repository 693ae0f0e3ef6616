"""Small reusable widgets of the Qt layer."""
