"""The Qt-free core: configuration, data files, row checks, plans and the store."""
