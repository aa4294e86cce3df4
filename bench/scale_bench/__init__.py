"""The parts of bench/scale.py, by use case: the sizes, goals and paths
(config), the generator (generator, with rows, directory and meetings), the
databases, measuring the pages (measure), and the report (results).
bench/community.py and bench/data_scale.py use its databases and its
measure, pointed at their own databases and pages."""
