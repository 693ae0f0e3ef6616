"""The benchmark: generated workbooks and CSV files, and a runner that prints the figures."""
