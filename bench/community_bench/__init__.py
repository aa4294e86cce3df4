"""The parts of bench/community.py, by use case: the sizes, goals and pages
(config), the generator and its databases (threads), posting replies
(replies), the digest (digests), and the report (results)."""
