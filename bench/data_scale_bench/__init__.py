"""The parts of bench/data_scale.py, by use case: the sizes, goals and pages
(config), the generator and its database (observations), the import
(imports), and the report (results)."""
