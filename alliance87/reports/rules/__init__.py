"""The extraction rules, one module per kind of fact. Each rule is a small
named function; what it finds carries its `source` offsets and the rule's
name. `engine.propose` runs them in order."""
