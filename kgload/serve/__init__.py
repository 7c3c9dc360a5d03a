"""`kgload serve`: a SPARQL 1.1 Protocol endpoint and a web page for analysts over a store.

Needs the `serve` extra (`pip install 'kgload[serve]'`: Starlette, uvicorn, Jinja2). The
protocol itself (`kgload.serve.protocol`) and the page data (`kgload.serve.views`) do not import
the web stack; `kgload.serve.app` builds the application.
"""

from __future__ import annotations

__all__: list[str] = []
