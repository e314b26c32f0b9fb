"""Turn news articles about a crisis into event data, an actor graph and an escalation chart.

One module per pipeline stage: ingest -> actors -> events (with dates and claims) -> incidents,
then the views (graph, escalation) and the batch report. `pipeline.extract_tables` runs them all.
"""
