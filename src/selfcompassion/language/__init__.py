"""Language helpers shared by the checks that read what people write (care and thinking traps)."""
