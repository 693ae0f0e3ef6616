"""The Qt layer: a thin wizard and store browser over the core."""
