"""The mapping page's parts, one job a module, put together by ``pages/mapping_page``."""
