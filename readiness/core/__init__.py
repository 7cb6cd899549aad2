"""Qt-free logic: results, configuration, links and rules."""
