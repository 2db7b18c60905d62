"""Build scripts of the ML interview guide: figures, snippet outputs, math and the MkDocs hooks."""
