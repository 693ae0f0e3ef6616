"""Table models over the core's plans and store: index arrays, no per-row Qt objects.

``preview_model.PreviewModel`` shows a plan; ``store_model.StoreModel`` and ``HistoryModel``
show the store for the browser.
"""
