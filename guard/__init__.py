"""clientguard: redact client data before it reaches an AI tool, restore it in the answer."""
