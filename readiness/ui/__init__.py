"""Qt widgets: the wizard, its pages and reusable widgets."""
