"""Turn news articles about a crisis into event data, an actor graph and an escalation chart.

One module per pipeline stage: ingest -> actors -> events (with dates and claims) -> incidents,
then the views (graph, escalation) and the batch report. `pipeline.extract_tables` runs them all.
"""
import os

# Arrow's default allocator keeps what it frees for reuse, so the peak memory of a long run would
# grow with the corpus; the system's allocator gives it back. Read when pyarrow is first imported;
# a choice of one's own in the environment wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
