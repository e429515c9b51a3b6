"""NLP model configuration and lexicons (data, shipped with the package)."""
