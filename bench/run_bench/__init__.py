"""The parts of bench/run.py, by use case: what it measures and its goals
(config), the demo database (setup), the servers, the load generators
(load), the page timing (timing), the first-load weight (weight), the
query counts (queries), and the report (results)."""
