"""The conversations: each flow is plain code over an Asker, with no terminal of its own."""
